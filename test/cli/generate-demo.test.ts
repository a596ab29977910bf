import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEMO_CITIES, DEMO_HEADER, DEMO_SOURCE, generateDemoCsv, PUBLIC_DIR } from '@/cli/generate-demo';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { ingestFile } from '@/ingest/ingest-file';
import { ManifestSchema } from '@/ingest/manifest';

const { registry } = loadRegistryFromDirs();
const demo = generateDemoCsv(registry);
const rows = Papa.parse<Record<string, string>>(demo.csv.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;

describe('generateDemoCsv', () => {
  it('is deterministic', () => {
    expect(generateDemoCsv(registry)).toEqual(demo);
  });

  it('has the documented header and labels every row as fictional', () => {
    expect(demo.csv.startsWith(`\ufeff${DEMO_HEADER.join(',')}\r\n`)).toBe(true);
    expect(rows.length).toBeGreaterThan(1000);
    for (const r of rows) expect(r.source).toBe(DEMO_SOURCE);
  });

  it('covers every registry indicator for every city, 2010–2024', () => {
    expect(registry.indicators.length).toBeGreaterThan(0);
    for (const c of DEMO_CITIES) {
      const mine = rows.filter((r) => r.city_code === c.code);
      for (const r of mine) expect(r.city).toBe(c.en);
      const codes = new Set(mine.map((r) => r.indicator));
      for (const ind of registry.indicators) expect(codes.has(ind.code), `${c.code} ${ind.code}`).toBe(true);
    }
    const years = rows.map((r) => Number(r.year));
    expect(Math.min(...years)).toBe(2010);
    expect(Math.max(...years)).toBe(2024);
  });

  it('keeps every value inside its indicator’s valid range and decimals', () => {
    for (const r of rows) {
      const ind = registry.byCode.get(r.indicator ?? '');
      expect(ind, r.indicator).toBeDefined();
      if (ind === undefined) continue;
      const v = Number(r.value);
      expect(Number.isFinite(v)).toBe(true);
      if (ind.validRange.min !== null) expect(v).toBeGreaterThanOrEqual(ind.validRange.min);
      if (ind.validRange.max !== null) expect(v).toBeLessThanOrEqual(ind.validRange.max);
      if (ind.unitKind === 'percent') expect(v >= 0 && v <= 100).toBe(true);
      expect((r.value ?? '').split('.')[1]?.length ?? 0).toBeLessThanOrEqual(ind.decimals);
      expect(r.unit).toBe(ind.unit.en);
    }
  });

  it('moves in different directions: some cities improve, some deteriorate, some reach the target', () => {
    const change = (code: string, indicator: string) => {
      const s = rows.filter((r) => r.city_code === code && r.indicator === indicator && r.sex === '').map((r) => Number(r.value));
      return (s[s.length - 1] ?? 0) - (s[0] ?? 0);
    };
    const ind = registry.indicators.find((i) => i.unitKind === 'percent' && i.goalTarget !== null);
    if (ind === undefined) return;
    const sign = ind.direction === 'increase' ? 1 : -1;
    expect(sign * change('XD-WNR', ind.code)).toBeGreaterThan(0);
    expect(sign * change('XD-SFR', ind.code)).toBeLessThan(0);
    const achievers = registry.indicators.filter((i) => {
      if (i.goalTarget === null) return false;
      const s = rows.filter((r) => r.city_code === 'XD-WNR' && r.indicator === i.code && r.sex === '');
      const last = Number(s[s.length - 1]?.value);
      return i.direction === 'increase' ? last >= i.goalTarget.value : last <= i.goalTarget.value;
    });
    expect(achievers.length).toBeGreaterThan(0);
  });

  it('adds Female/Male rows next to the total for a few indicators', () => {
    const withSex = new Set(rows.filter((r) => r.sex !== '').map((r) => r.indicator));
    expect(withSex.size).toBeGreaterThan(0);
    for (const r of rows.filter((x) => x.sex !== '')) expect(['Female', 'Male']).toContain(r.sex);
  });

  it('maps city codes to English and Arabic names', () => {
    expect(Object.keys(demo.cities)).toEqual(DEMO_CITIES.map((c) => c.code));
    for (const names of Object.values(demo.cities)) expect(names.ar).toMatch(/[\u0600-\u06ff]/);
  });

  it('imports without errors or warnings', () => {
    const r = ingestFile({ name: 'marsad-demo.csv', bytes: new TextEncoder().encode(demo.csv) }, registry);
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(r.table.length).toBe(rows.length);
    expect(r.file.mapping.disaggregations).toEqual(['sex']);
  });
});

describe('committed demo files', () => {
  it('public/demo/marsad-demo.csv is what the generator produces now (run `npm run demo-data`)', () => {
    expect(readFileSync(join(PUBLIC_DIR, 'demo/marsad-demo.csv'), 'utf8')).toBe(demo.csv);
  });
  it('public/demo/cities.json matches', () => {
    expect(JSON.parse(readFileSync(join(PUBLIC_DIR, 'demo/cities.json'), 'utf8'))).toEqual(demo.cities);
  });
  it('public/data/manifest.json exists and passes the manifest schema', () => {
    const parsed = ManifestSchema.safeParse(JSON.parse(readFileSync(join(PUBLIC_DIR, 'data/manifest.json'), 'utf8')));
    expect(parsed.success).toBe(true);
  });
});
