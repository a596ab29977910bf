import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDICATORS_DIR, loadRegistryFromDirs } from '@/cli/load-registry';
import { IndicatorSchema, type LocalizedText, LocalizedSourceSchema } from '@/domain/indicator';
import { compareIndicatorCodes, normalizeIndicatorCode, parseRegistry, type RawRegistryFile } from '@/domain/registry';
import { localized } from '@/model/indicator-model';

const { registry, problems } = loadRegistryFromDirs();
const files = readdirSync(INDICATORS_DIR).filter((n) => n.endsWith('.json')).sort();

/** A registry file as written on disk (before zod fills defaults). */
type RawEntry = Record<string, unknown>;
const readEntry = (name: string): RawEntry => JSON.parse(readFileSync(join(INDICATORS_DIR, name), 'utf8')) as RawEntry;
const without = (entry: RawEntry, key: string): RawEntry => Object.fromEntries(Object.entries(entry).filter(([k]) => k !== key));

const SDG11_CODES = [
  '11.1.1', '11.2.1', '11.3.1', '11.3.2', '11.4.1', '11.5.1', '11.5.2', '11.5.3',
  '11.6.1', '11.6.2', '11.7.1', '11.7.2', '11.a.1', '11.b.1', '11.b.2',
];

describe('the indicator registry (indicators/*.json)', () => {
  it('loads every file with no problem', () => {
    expect(problems).toEqual([]);
    expect(registry.indicators).toHaveLength(files.length);
  });

  it('has all 15 SDG 11 indicators, and no other Goal 11 code (11.c.1 was deleted in 2020)', () => {
    for (const code of SDG11_CODES) expect(registry.byCode.get(code)?.code, code).toBe(code);
    expect(registry.indicators.filter((i) => i.goal === 11).map((i) => i.code)).toEqual(SDG11_CODES);
  });

  it('has at least 15 city-relevant indicators of other goals, none a repeat of a Goal 11 indicator', () => {
    const others = registry.indicators.filter((i) => i.goal !== 11);
    expect(others.length).toBeGreaterThanOrEqual(15);
    for (const code of ['1.5.1', '1.5.2', '1.5.3', '1.5.4', '13.1.1', '13.1.2', '13.1.3'])
      expect(others.map((i) => i.code)).not.toContain(code);
  });

  it.each([
    ['1.5.1', '11.5.1'],
    ['13.1.1', '11.5.1'],
    ['1.5.2', '11.5.2'],
    ['1.5.3', '11.b.1'],
    ['13.1.2', '11.b.1'],
    ['1.5.4', '11.b.2'],
    ['13.1.3', '11.b.2'],
  ])('alias %s resolves to %s', (alias, code) => {
    expect(registry.byCode.get(alias)?.code).toBe(code);
  });

  it('lists the indicators in code order', () => {
    const codes = registry.indicators.map((i) => i.code);
    expect(codes).toEqual([...codes].sort(compareIndicatorCodes));
    expect(codes.slice(0, 3)).toEqual(['1.2.1', '1.4.1', '3.6.1']);
  });

  it.each(files)('%s: keys in the schema’s order, every field written out, 2-space JSON', (name) => {
    const text = readFileSync(join(INDICATORS_DIR, name), 'utf8');
    const entry = JSON.parse(text) as RawEntry;
    expect(Object.keys(entry)).toEqual(Object.keys(IndicatorSchema.shape));
    expect(text).toBe(`${JSON.stringify(entry, null, 2)}\n`);
  });

  describe.each(registry.indicators.map((i) => [i.code, i] as const))('%s', (_code, ind) => {
    it('has its texts in the four languages, Arabic in Arabic script', () => {
      for (const text of [ind.title, ind.unit, ind.definition]) {
        expect(text).toBeDefined();
        if (text === undefined) continue;
        for (const lang of ['en', 'ar', 'fr', 'es'] as const) expect(text[lang].trim(), lang).not.toBe('');
        expect(text.ar).toMatch(/[\u0600-\u06ff]/);
      }
    });

    it('has its custodian and the sources of its target and bounds in the four languages, Arabic in Arabic script', () => {
      for (const source of [ind.custodian, ind.goalTarget?.source, ind.bounds?.source]) {
        if (source === undefined) continue;
        for (const lang of ['en', 'ar', 'fr', 'es'] as const) expect(source[lang].trim(), lang).not.toBe('');
        expect(source.ar).toMatch(/[\u0600-\u06ff]/);
      }
    });

    it('keeps its target, natural limit and bounds inside the valid range', () => {
      const { min, max } = ind.validRange;
      const inside = (v: number) => (min === null || v >= min) && (max === null || v <= max);
      if (ind.goalTarget !== null) expect(inside(ind.goalTarget.value)).toBe(true);
      if (ind.naturalLimit !== null) expect(inside(ind.naturalLimit)).toBe(true);
      if (ind.bounds !== null) for (const v of [ind.bounds.optimum, ind.bounds.green, ind.bounds.red, ind.bounds.lower]) expect(inside(v)).toBe(true);
    });

    it('orders its bounds along its direction: optimum, green, red, lower bound', () => {
      if (ind.bounds === null) return;
      const { optimum, green, red, lower } = ind.bounds;
      const seq = ind.direction === 'increase' ? [optimum, green, red, lower] : [-optimum, -green, -red, -lower];
      expect(seq).toEqual([...seq].sort((a, b) => b - a));
    });

    it('uses the 2015 base year, and 2030 for any target', () => {
      expect(ind.baseYear).toBe(2015);
      if (ind.goalTarget !== null) expect(ind.goalTarget.year).toBe(2030);
    });
  });
});

describe('parseRegistry rejects a broken entry and names the field', () => {
  const pm25 = readEntry('11-6-2.json');
  const transport = readEntry('11-2-1.json');
  const disasters = readEntry('11-5-1.json');

  it('accepts the valid entries the cases below start from', () => {
    const r = parseRegistry([
      { file: '11-6-2.json', json: pm25 },
      { file: '11-2-1.json', json: transport },
      { file: '11-5-1.json', json: disasters },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.registry.indicators.map((i) => i.code)).toEqual(['11.2.1', '11.5.1', '11.6.2']);
  });

  it.each<[string, RawRegistryFile[], string]>([
    ['direction removed', [{ file: '11-6-2.json', json: without(pm25, 'direction') }], 'direction'],
    ['a direction that is not increase/decrease', [{ file: '11-6-2.json', json: { ...pm25, direction: 'up' } }], 'direction'],
    ['a percentage with validRange max 120', [{ file: '11-2-1.json', json: { ...transport, validRange: { min: 0, max: 120 } } }], 'validRange'],
    ['a percentage with an open validRange', [{ file: '11-2-1.json', json: { ...transport, validRange: { min: 0, max: null } } }], 'validRange'],
    ['validRange min above max', [{ file: '11-6-2.json', json: { ...pm25, validRange: { min: 10, max: 5 } } }], 'validRange'],
    ['a target not under its goal', [{ file: '11-6-2.json', json: { ...pm25, goal: 3 } }], 'target'],
    ['a code not under its target', [{ file: '11-6-2.json', json: { ...pm25, target: '11.7' } }], 'code'],
    ['a code that does not match the file name', [{ file: '11-6-1.json', json: pm25 }], 'code'],
    ['a code that is neither an SDG code nor a local code', [{ file: 'pm25.json', json: { ...pm25, code: 'pm25' } }], 'code'],
    ['an Arabic title missing', [{ file: '11-6-2.json', json: { ...pm25, title: { en: 'PM2.5', fr: '', es: '' } } }], 'title.ar'],
    ['a goal target without its source', [{ file: '11-6-2.json', json: { ...pm25, goalTarget: { value: 5, year: 2030 } } }], 'goalTarget.source'],
    [
      'an alias already used by another file',
      [
        { file: '11-5-1.json', json: disasters },
        { file: '11-6-2.json', json: { ...pm25, aliases: ['1.5.1'] } },
      ],
      'aliases',
    ],
    ['an alias repeating the code', [{ file: '11-6-2.json', json: { ...pm25, aliases: ['11.6.2'] } }], 'aliases'],
    ['the same alias twice', [{ file: '11-5-1.json', json: { ...disasters, aliases: ['1.5.1', '1.5.1'] } }], 'aliases'],
    [
      'the same code in two folders',
      [
        { file: 'indicators/11-6-2.json', json: pm25 },
        { file: 'local/11-6-2.json', json: pm25 },
      ],
      'code',
    ],
  ])('%s → a problem on `%s`', (_case, raw, field) => {
    const r = parseRegistry(raw);
    const broken = raw[raw.length - 1]?.file;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.file).toBe(broken);
    expect(r.problems[0]?.problems.some((p) => p.startsWith(`${field}: `)), r.problems[0]?.problems.join('\n')).toBe(true);
    // The broken entry is left out; the others load.
    expect(r.registry.indicators).toHaveLength(raw.length - 1);
  });
});

describe('normalizeIndicatorCode', () => {
  it.each<[string, string | undefined]>([
    ['11.6.2', '11.6.2'],
    ['11-6-2', '11.6.2'],
    ['11_6_2', '11.6.2'],
    ['  11.6.2  ', '11.6.2'],
    ['indicator_11-6-2.csv', '11.6.2'],
    ['indicator_11-6-2.TXT', '11.6.2'],
    ['11.6.2.csv', '11.6.2'],
    ['11-a-1', '11.a.1'],
    ['11-B-2', '11.b.2'],
    ['C_11.6.2', '11.6.2'],
    ['SDG 11.6.2', '11.6.2'],
    ['SDG11.6.2', '11.6.2'],
    ['Indicator 11.6.2 (PM2.5)', '11.6.2'],
    ['11.6.2 PM2.5', '11.6.2'],
    ['11.06.02', '11.6.2'],
    ['1.5.1', '1.5.1'],
    ['16.10.2', '16.10.2'],
    // Sub-series (Open SDG files such as indicator_11-1-1-a.csv) keep their suffix.
    ['indicator_11-1-1-a.csv', '11.1.1.a'],
    ['11-7-1-a', '11.7.1.a'],
    ['11.6.2a', '11.6.2.a'],
    ['11.6.2.1', '11.6.2.1'],
    ['11.6.2-abcd', '11.6.2'],
    // Local codes pass through unchanged.
    ['AMM-1', 'AMM-1'],
    ['LOCAL-TRANSIT-2', 'LOCAL-TRANSIT-2'],
    ['AMM-1.json', 'AMM-1'],
    // Nothing recognisable.
    ['', undefined],
    ['   ', undefined],
    ['PM2.5', undefined],
    ['11.6', undefined],
    ['111.6.2', undefined],
    ['11.6.234', undefined],
    ['2015', undefined],
    ['EN_ATM_PM25', undefined],
    ['amm-1', undefined],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeIndicatorCode(raw)).toBe(expected);
  });
});

describe('compareIndicatorCodes', () => {
  it('orders numbers numerically, letters after numbers, local codes last', () => {
    const shuffled = ['AMM-10', '11.b.2', '1.10.1', 'AMM-2', '11.a.1', '2.1.1', '11.10.1', '1.2.1', 'AMM-1', '11.1.1'];
    expect([...shuffled].sort(compareIndicatorCodes)).toEqual([
      '1.2.1', '1.10.1', '2.1.1', '11.1.1', '11.10.1', '11.a.1', '11.b.2', 'AMM-1', 'AMM-2', 'AMM-10',
    ]);
  });

  it.each<[string, string, number]>([
    ['11.6.2', '11.6.2', 0],
    ['11.6', '11.6.2', -1],
    ['11.1.1.a', '11.1.1', 1],
    ['11.1.1.a', '11.1.1.b', -1],
    ['9.1.1', '10.1.1', -1],
    ['11.7.1', '11.a.1', -1],
    ['16.1.1', 'AMM-1', -1],
  ])('compare(%s, %s) has the sign of %i', (a, b, sign) => {
    expect(Math.sign(compareIndicatorCodes(a, b))).toBe(sign);
    expect(Math.sign(compareIndicatorCodes(b, a))).toBe(-sign || 0);
  });
});

describe('LocalizedSourceSchema (goalTarget.source, bounds.source, custodian)', () => {
  it.each<[string, unknown, LocalizedText]>([
    ['a plain string (a local indicator file) is read as English', 'City council plan 2030', { en: 'City council plan 2030', ar: '', fr: '', es: '' }],
    ['the four languages', { en: 'WHO', ar: 'منظمة الصحة العالمية', fr: 'OMS', es: 'OMS' }, { en: 'WHO', ar: 'منظمة الصحة العالمية', fr: 'OMS', es: 'OMS' }],
    ['English alone (the other languages fall back to it)', { en: 'WHO' }, { en: 'WHO', ar: '', fr: '', es: '' }],
  ])('accepts %s', (_name, json, expected) => {
    expect(LocalizedSourceSchema.parse(json)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ['an empty string', ''],
    ['no English', { ar: 'منظمة الصحة العالمية', fr: 'OMS', es: 'OMS' }],
    ['an empty English text', { en: '', ar: 'منظمة الصحة العالمية' }],
    ['a number', 5],
  ])('rejects %s', (_name, json) => {
    expect(LocalizedSourceSchema.safeParse(json).success).toBe(false);
  });

  it('reads a local indicator file with a plain-string target source, shown in English in every language', () => {
    const pm25 = readEntry('11-6-2.json');
    const local = { ...pm25, code: 'AMM-1', goal: null, target: null, goalTarget: { value: 10, year: 2030, source: 'Amman Resilience Strategy' }, custodian: 'Greater Amman Municipality' };
    const r = parseRegistry([{ file: 'AMM-1.json', json: local }]);
    expect(r.problems).toEqual([]);
    const source = r.registry.byCode.get('AMM-1')?.goalTarget?.source;
    expect(source).toEqual({ en: 'Amman Resilience Strategy', ar: '', fr: '', es: '' });
    expect(localized(source, 'ar')).toBe('Amman Resilience Strategy');
    expect(r.registry.byCode.get('AMM-1')?.custodian).toEqual({ en: 'Greater Amman Municipality', ar: '', fr: '', es: '' });
  });
});
