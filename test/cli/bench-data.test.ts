import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BENCH_HEADER, generateBenchCsv } from '@/cli/bench-data';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { ingestFile } from '@/ingest/ingest-file';

const { registry } = loadRegistryFromDirs();

describe('generateBenchCsv', () => {
  const bytes = generateBenchCsv(registry, 20_000);
  const text = new TextDecoder().decode(bytes);
  it('writes exactly the rows asked for, deterministically', () => {
    expect(text.startsWith(`${BENCH_HEADER}\n`)).toBe(true);
    expect(text.split('\n').filter(Boolean)).toHaveLength(20_001);
    expect(generateBenchCsv(registry, 20_000)).toEqual(bytes);
  });
  it('has non-ASCII city names, no quotes, ~48 bytes a row', () => {
    expect(text).toMatch(/[\u0600-\u06ff]/);
    expect(text).not.toContain('"');
    expect(bytes.length / 20_000).toBeGreaterThan(35);
    expect(bytes.length / 20_000).toBeLessThan(60);
    expect(Papa.parse(text, { header: true, skipEmptyLines: true }).errors).toEqual([]);
  });
  it('is a clean file for the importer: every row becomes an observation', () => {
    const r = ingestFile({ name: 'bench.csv', bytes }, registry);
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(r.table.length).toBe(20_000);
  });
});
