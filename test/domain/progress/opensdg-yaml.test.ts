import { describe, expect, it } from 'vitest';
import { indentQuotedContinuations, readOpenSdgYaml } from '@/domain/progress/opensdg-yaml';
import { buildOpenSdgTranslations } from '@/domain/progress/opensdg-translations';

describe('readOpenSdgYaml reads what PyYAML reads', () => {
  it('a quoted value continued on an unindented line, with non-breaking spaces kept as text (PyYAML strips only spaces and tabs)', () => {
    expect(readOpenSdgYaml('Female: "Women and\n\u00a0\u00a0girls"\nMale: Men\n')).toEqual({ ok: true, value: { Female: 'Women and \u00a0\u00a0girls', Male: 'Men' } });
    expect(readOpenSdgYaml("title: 'Proportion of\nurban population'\n")).toEqual({ ok: true, value: { title: 'Proportion of urban population' } });
    expect(readOpenSdgYaml('a:\n  b: "one\ntwo"\n  c: x\n')).toEqual({ ok: true, value: { a: { b: 'one two', c: 'x' } } });
  });

  it('leaves apostrophes in plain text, escaped quotes and comments alone', () => {
    const text = "title: It's fine\nnote: 'it''s \"quoted\"' # comment with a \"\nx: \"a \\\" b\"\n";
    expect(indentQuotedContinuations(text)).toBe(text);
    expect(readOpenSdgYaml(text)).toEqual({ ok: true, value: { title: "It's fine", note: 'it\'s "quoted"', x: 'a " b' } });
  });

  it('still refuses what PyYAML refuses: a quote never closed', () => {
    const r = readOpenSdgYaml('a: "never closed\nb: 1\n');
    expect(r.ok).toBe(false);
  });

  it('a translation file written that way is read, not dropped as invalid', () => {
    const { translations, issues } = buildOpenSdgTranslations([{ language: 'fr', group: 'data', text: 'Female: "Femmes et\n\u00a0filles"\n' }]);
    expect(issues).toEqual([]);
    expect(translations.get('data.Female')?.get('fr')).toBe('Femmes et \u00a0filles');
  });
});
