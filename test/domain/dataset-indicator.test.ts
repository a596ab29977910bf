import { describe, expect, it } from 'vitest';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { dataText, DatasetMetadataSchema, hasDatasetIndicators } from '@/domain/dataset-indicator';
import { withDatasetIndicators } from '@/domain/registry';
import { codeAndName, describedIndicator, indicatorName, ownUnit } from '@/model/indicator-text';

const { registry } = loadRegistryFromDirs();

describe('DatasetMetadataSchema', () => {
  it('accepts titles, units and definitions per language, and a headline series', () => {
    const m = { indicators: { '11.1.1.c': { title: { en: 'Satisfied', ar: 'راضون' }, unit: { en: '%' }, headlineSeries: 'All' } } };
    expect(DatasetMetadataSchema.parse(m)).toEqual(m);
  });

  it.each([
    ['a language that is no language tag', { indicators: { '1.1.1': { title: { 'not a lang': 'x' } } } }],
    ['an empty title', { indicators: { '1.1.1': { title: { en: '  ' } } } }],
    ['a text that is not a string', { indicators: { '1.1.1': { unit: { en: 5 } } } }],
    ['a target (not a field of the data’s own description)', { indicators: { '1.1.1': { title: { en: 'x' }, target: 5 } } }],
    ['an over-long code', { indicators: { ['x'.repeat(101)]: {} } }],
  ])('refuses (or strips) %s', (_, value) => {
    const parsed = DatasetMetadataSchema.safeParse(value);
    // Unknown keys are dropped (zod objects strip them), so a smuggled target never survives a parse.
    if (parsed.success) expect(JSON.stringify(parsed.data)).not.toContain('target');
    else expect(parsed.success).toBe(false);
  });
});

describe('dataText(text, lang)', () => {
  it.each([
    [undefined, 'ar', undefined],
    [{ en: 'Air', ar: 'الهواء' }, 'ar', 'الهواء'],
    [{ en: 'Air', ar: 'الهواء' }, 'fr', 'Air'],
    [{ cy: 'Aer' }, 'en', 'Aer'],
  ])('dataText(%j, %s) is %s', (text, lang, expected) => {
    expect(dataText(text, lang)).toBe(expected);
  });

  it('hasDatasetIndicators is false for none or an empty list', () => {
    expect(hasDatasetIndicators(undefined)).toBe(false);
    expect(hasDatasetIndicators({ indicators: {} })).toBe(false);
    expect(hasDatasetIndicators({ indicators: { '1.1.1': {} } })).toBe(true);
  });
});

describe('withDatasetIndicators(registry, metadata)', () => {
  it('returns the registry itself when no dataset describes an unknown indicator', () => {
    expect(withDatasetIndicators(registry, [])).toBe(registry);
    expect(withDatasetIndicators(registry, [undefined, { indicators: {} }])).toBe(registry);
  });

  it('adds local indicators, and never a registry indicator (by code or alias): its target and direction stay the registry’s', () => {
    const alias = registry.indicators.find((i) => i.aliases.length > 0);
    const extended = withDatasetIndicators(registry, [
      {
        indicators: {
          '11.1.1.c': { title: { en: 'Satisfied with the area' }, unit: { en: '%' } },
          '11.6.2': { title: { en: 'Our own air title' }, unit: { en: 'ug/m3' } },
          ...(alias?.aliases[0] !== undefined ? { [alias.aliases[0]]: { title: { en: 'An alias' } } } : {}),
        },
      },
    ]);
    expect([...(extended.described?.keys() ?? [])]).toEqual(['11.1.1.c']);
    expect(extended.byCode).toBe(registry.byCode);
    expect(extended.indicators).toBe(registry.indicators);
    expect(extended.byCode.get('11.1.1.c')).toBeUndefined();
    expect(indicatorName(extended, '11.6.2', 'en')).toBe(registry.byCode.get('11.6.2')?.title.en);
  });

  it('merges two datasets describing one code, the later one’s fields winning', () => {
    const extended = withDatasetIndicators(registry, [
      { indicators: { '4.1': { title: { en: 'First' }, unit: { en: 'schools' } } } },
      { indicators: { '4.1': { title: { en: 'Second' } } } },
    ]);
    expect(extended.described?.get('4.1')).toEqual({ title: { en: 'Second' }, unit: { en: 'schools' } });
  });

  it('leaves out an entry with nothing to show (a headline series alone)', () => {
    expect(withDatasetIndicators(registry, [{ indicators: { '4.1': { headlineSeries: 'Primary' } } }])).toBe(registry);
  });
});

describe('indicator text for the views', () => {
  const extended = withDatasetIndicators(registry, [{ indicators: { '11.1.1.c': { title: { en: 'Satisfied with the area', ar: 'الرضا عن المنطقة' }, unit: { en: '%' } } } }]);

  it.each([
    ['11.1.1.c', 'en', '11.1.1.c Satisfied with the area'],
    ['11.1.1.c', 'ar', '11.1.1.c الرضا عن المنطقة'],
    ['11.1.1.b', 'en', '11.1.1.b'],
    ['11.6.2', 'en', `11.6.2 ${registry.byCode.get('11.6.2')?.title.en ?? ''}`],
  ] as const)('codeAndName(%s, %s) is %s', (code, lang, expected) => {
    expect(codeAndName(extended, code, lang)).toBe(expected);
  });

  it('describedIndicator is undefined for a registry indicator and for a code nobody describes', () => {
    expect(describedIndicator(extended, '11.6.2')).toBeUndefined();
    expect(describedIndicator(extended, '11.1.1.b')).toBeUndefined();
    expect(describedIndicator(extended, '11.1.1.c')?.unit).toEqual({ en: '%' });
  });

  it.each([
    ['the data’s own unit', 'respondents', 'respondents'],
    ['the metadata’s unit when the data states none', 'unit not stated', '%'],
    ['the metadata’s unit when the data has no unit', '', '%'],
  ])('ownUnit gives %s', (_, dataUnit, expected) => {
    expect(ownUnit(describedIndicator(extended, '11.1.1.c'), dataUnit, 'en')).toBe(expected);
  });

  it('ownUnit keeps the data’s words when nothing describes the indicator', () => {
    expect(ownUnit(undefined, 'unit not stated', 'en')).toBe('unit not stated');
  });
});
