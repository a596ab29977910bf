import { describe, expect, it } from 'vitest';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import type { Indicator } from '@/domain/indicator';
import { registryOf } from '@/domain/registry';
import { fillRegistryTexts, splitRegistryTexts } from '@/domain/registry-texts';
import { loadBundledRegistry } from '@/ingest/bundled-registry';
import { registryModules } from '@/cli/registry-bundle';

const { registry } = loadRegistryFromDirs();
const byCode = (list: readonly Indicator[], code: string): Indicator => {
  const found = list.find((i) => i.code === code);
  if (found === undefined) throw new Error(`no ${code}`);
  return found;
};

describe('splitRegistryTexts / fillRegistryTexts', () => {
  const split = splitRegistryTexts(registry.indicators);

  it('keeps English titles and units in every language, and empties the other texts', () => {
    const pm = byCode(split.indicators, '11.6.2');
    const full = byCode(registry.indicators, '11.6.2');
    expect(pm.title).toEqual({ en: full.title.en, ar: '', fr: '', es: '' });
    expect(pm.unit).toEqual(full.unit);
    expect(pm.unit.ar).not.toBe('');
    expect(pm.goalTarget?.source).toEqual({ en: '', ar: '', fr: '', es: '' });
    expect(split.texts.en['11.6.2']?.['goalTarget.source']).toBe(full.goalTarget?.source.en);
    expect(split.texts.en['11.6.2']?.title).toBeUndefined();
    expect(pm.custodian.en).toBe('');
    expect(pm.definition?.fr ?? '').toBe('');
    // The numbers, codes and the rest are the registry's.
    expect({ ...pm, title: null, goalTarget: null, bounds: null, custodian: null, definition: null }).toEqual({
      ...full,
      title: null,
      goalTarget: null,
      bounds: null,
      custodian: null,
      definition: null,
    });
  });

  it('does not change the indicators it splits', () => {
    expect(byCode(registry.indicators, '11.1.1').title.ar).not.toBe('');
  });

  it('gives back, language by language, every text it took', () => {
    const copy = structuredClone(split.indicators);
    fillRegistryTexts(copy, 'en', split.texts.en);
    expect(byCode(copy, '11.6.2').definition?.en).toBe(byCode(registry.indicators, '11.6.2').definition?.en);
    fillRegistryTexts(copy, 'ar', split.texts.ar);
    expect(byCode(copy, '11.1.1').title.ar).toBe(byCode(registry.indicators, '11.1.1').title.ar);
    expect(byCode(copy, '11.1.1').title.fr).toBe('');
    fillRegistryTexts(copy, 'fr', split.texts.fr);
    fillRegistryTexts(copy, 'es', split.texts.es);
    expect(copy).toEqual(registry.indicators);
  });

  it('leaves an empty translation empty (English is then shown), and ignores texts of unknown codes or paths', () => {
    const [first] = registry.indicators;
    if (first === undefined) throw new Error('empty registry');
    const local: Indicator = { ...structuredClone(first), code: 'AMM-1' as Indicator['code'], goal: null, target: null, title: { en: 'Trees', ar: 'أشجار', fr: '', es: '' } };
    const parts = splitRegistryTexts([local]);
    expect(parts.texts.fr['AMM-1']?.title).toBeUndefined();
    fillRegistryTexts(parts.indicators, 'ar', { 'AMM-1': { title: 'أشجار', nowhere: 'x' }, 'AMM-2': { title: 'y' } });
    expect(parts.indicators[0]?.title).toEqual({ en: 'Trees', ar: 'أشجار', fr: '', es: '' });
  });
});

describe('the bundled registry (made at build time)', () => {
  it('is the registry of indicators/, with every language once the languages are registered (test setup)', () => {
    const bundled = loadBundledRegistry().registry;
    expect(bundled.indicators).toEqual(registry.indicators);
    expect([...bundled.byCode.keys()].sort()).toEqual([...registry.byCode.keys()].sort());
    expect(registryOf(registry.indicators).indicators.map((i) => i.code)).toEqual(registry.indicators.map((i) => i.code));
  });
});

describe('registryModules (what vite.config.ts serves as the virtual modules)', () => {
  const modules = registryModules();

  it('gives the registry and each language’s texts as modules', () => {
    expect(modules.main).toMatch(/^export const indicators = \[/);
    expect(modules.main).toContain('export const problems = [];');
    for (const lang of ['en', 'ar', 'fr', 'es'] as const) expect(modules.texts[lang]).toMatch(/^export const texts = \{"/);
  });

  it('names each indicator file for the dev server to watch (a folder is no module: it broke the dev server)', () => {
    expect(modules.files.length).toBe(registry.indicators.length);
    expect(modules.files.every((f) => f.endsWith('.json'))).toBe(true);
  });
});
