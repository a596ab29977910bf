import { describe, expect, it } from 'vitest';
import { ObservationTableBuilder } from '@/domain/observation-table';
import { loadBundledRegistry } from '@/ingest/bundled-registry';
import { ManifestSchema } from '@/ingest/manifest';
import { IngestRequestSchema, IngestResponseSchema, ObservationTableSchema, toWireOptions, transferablesOf, WorkerTableSchema } from '@/ingest/worker-protocol';

function table() {
  const b = new ObservationTableBuilder();
  b.push({ city: 'Tyre', cityCode: '', indicator: '11.6.2', year: 2020, value: 20, period: '', unit: '', series: '', disaggregation: '', source: '', note: '', line: 2 });
  return b.finish();
}

describe('ObservationTableSchema (IndexedDB reads, workspace files, what the page sends the storage worker)', () => {
  it('accepts a table the builder made', () => {
    expect(ObservationTableSchema.safeParse(table()).success).toBe(true);
  });

  it.each([
    ['a plain array instead of a typed array', { city: [1] }],
    ['a column of the wrong length', { year: new Uint16Array(3) }],
    ['an id outside its dictionary', { city: Uint32Array.from([7]) }],
    ['a dictionary whose index 0 is not empty', { dict: { ...table().dict, unit: ['x'] } }],
  ])('rejects %s', (_, change) => {
    expect(ObservationTableSchema.safeParse({ ...table(), ...change }).success).toBe(false);
  });
});

describe('WorkerTableSchema (a table our workers send the page, after checking or building it)', () => {
  it('accepts a table the builder made, and checks the same shape as ObservationTableSchema', () => {
    expect(WorkerTableSchema.safeParse(table()).success).toBe(true);
    expect(WorkerTableSchema.safeParse({ ...table(), city: [1] }).success).toBe(false);
    expect(WorkerTableSchema.safeParse({ ...table(), year: new Uint16Array(3) }).success).toBe(false);
    expect(WorkerTableSchema.safeParse({ ...table(), dict: { ...table().dict, unit: ['x'] } }).success).toBe(false);
    expect(WorkerTableSchema.safeParse({ ...table(), dict: { ...table().dict, source: ['', 'x'.repeat(1_000_000)] } }).success).toBe(false);
  });

  it('does not read every row again: that check was made where the table entered (the worker)', () => {
    const outside = { ...table(), city: Uint32Array.from([7]) };
    expect(ObservationTableSchema.safeParse(outside).success).toBe(false);
    expect(WorkerTableSchema.safeParse(outside).success).toBe(true);
  });
});

describe('worker messages', () => {
  it('validates requests and strips functions from options', () => {
    const options = toWireOptions({ decimal: ',', onProgress: () => {} });
    expect(options).toEqual({ decimal: ',' });
    const file = new Blob(['city,year\n']);
    expect(IngestRequestSchema.safeParse({ id: 1, type: 'ingest', name: 'a.csv', file, options }).success).toBe(true);
    expect(IngestRequestSchema.safeParse({ id: 1, type: 'ingest', name: 'a.csv', file: new ArrayBuffer(4), options }).success).toBe(false);
    expect(IngestRequestSchema.safeParse({ id: 1, type: 'ingest', name: 'a.csv', file, options: { evil: 1 } }).success).toBe(false);
  });

  it('validates responses', () => {
    expect(IngestResponseSchema.safeParse({ id: 1, type: 'progress', done: 5, total: 10 }).success).toBe(true);
    expect(IngestResponseSchema.safeParse({ id: 1, type: 'failed', reason: 'x' }).success).toBe(true);
    expect(IngestResponseSchema.safeParse({ id: 1, type: 'done', result: { table: table() } }).success).toBe(false);
    expect(IngestResponseSchema.safeParse({ id: 1, type: 'eval', code: 'x' }).success).toBe(false);
  });

  it('reads a table saved before places existed as cities with no parent', () => {
    const { placeKind: _k, placeParent: _p, dict, ...rest } = table();
    const { placeKind: _dk, placeParent: _dp, ...oldDict } = dict;
    const parsed = ObservationTableSchema.safeParse({ ...rest, dict: oldDict });
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(Array.from(parsed.data.placeKind)).toEqual(new Array(rest.length).fill(0));
    expect(parsed.data.dict.placeKind).toEqual(['']);
    expect(parsed.data.dict.placeParent).toEqual(['']);
  });

  it('refuses a place kind it does not know', () => {
    const t = table();
    expect(ObservationTableSchema.safeParse({ ...t, dict: { ...t.dict, placeKind: ['', 'planet'] } }).success).toBe(false);
  });

  it('lists each typed-array buffer once for transfer', () => {
    const t = table();
    expect(transferablesOf(t)).toHaveLength(14);
    expect(transferablesOf({ ...t, note: t.source })).toHaveLength(13);
  });
});

describe('ManifestSchema', () => {
  it('accepts the documented example and an empty list', () => {
    expect(ManifestSchema.safeParse({ datasets: [] }).success).toBe(true);
    const ok = ManifestSchema.safeParse({
      datasets: [{ id: 'amman-vlr-2024', name: 'Amman — VLR 2024', file: 'amman/vlr-2024.csv', description: 'd', source: 'GAM', city: 'JO-AMM' }],
    });
    expect(ok.success).toBe(true);
  });

  it.each([
    ['a parent path', '../secret.csv'],
    ['an absolute path', '/etc/passwd'],
    ['a URL', 'https://example.org/x.csv'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a nested parent path', 'a/../../b.csv'],
  ])('rejects %s as file', (_, file) => {
    expect(ManifestSchema.safeParse({ datasets: [{ id: 'x', name: 'x', file }] }).success).toBe(false);
  });

  it('accepts boundary files (maps) and refuses their unsafe paths and duplicate ids', () => {
    const b = { id: 'wards-2020', name: 'Bristol wards 2020', file: 'bristol/wards.geojson', city: 'Bristol', date: '2020', source: 'ONS' };
    expect(ManifestSchema.safeParse({ datasets: [], boundaries: [b] }).success).toBe(true);
    expect(ManifestSchema.safeParse({ datasets: [], boundaries: [{ ...b, file: '../wards.geojson' }] }).success).toBe(false);
    expect(ManifestSchema.safeParse({ datasets: [], boundaries: [b, b] }).success).toBe(false);
    expect(ManifestSchema.safeParse({ datasets: [], boundaries: [{ ...b, name: '' }] }).success).toBe(false);
  });

  it('rejects duplicate ids', () => {
    const d = { id: 'x', name: 'x', file: 'x.csv' };
    expect(ManifestSchema.safeParse({ datasets: [d, d] }).success).toBe(false);
  });
});

describe('loadBundledRegistry()', () => {
  it('reads every indicators/*.json through the domain schema, once', () => {
    const first = loadBundledRegistry();
    expect(first.registry.indicators.length).toBeGreaterThan(0);
    expect(first.problems).toEqual([]);
    expect(loadBundledRegistry()).toBe(first);
  });
});
