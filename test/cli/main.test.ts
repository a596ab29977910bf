import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { type FileReport, parseMapping, runCli } from '@/cli/run-cli';
import { getObservation, type ObservationTable } from '@/domain/observation-table';
import { ingestFile } from '@/ingest/ingest-file';

const DIR = fileURLToPath(new URL('../fixtures/cli/', import.meta.url));
const f = (name: string) => join(DIR, name);
const tmp = mkdtempSync(join(tmpdir(), 'marsad-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

type JsonDoc = { files: FileReport[] };
function json(stdout: string): JsonDoc {
  return JSON.parse(stdout) as JsonDoc; // the whole of stdout must be one JSON document
}

describe('validate --json', () => {
  it('a valid file: exit 0 and the documented shape', async () => {
    const r = await cli('validate', f('valid-long.csv'), '--json');
    expect(r.code).toBe(0);
    const doc = json(r.stdout);
    expect(doc.files).toHaveLength(1);
    const file = doc.files[0];
    expect(file).toMatchObject({
      file: f('valid-long.csv'),
      encoding: 'utf-8',
      delimiter: ',',
      format: 'long',
      rows: 8,
      observations: 8,
      cities: ['Amman', 'الزرقاء'],
      indicators: ['11.2.1', '11.6.2'],
    });
    expect(Object.keys(file ?? {}).sort()).toEqual(
      ['cities', 'delimiter', 'districts', 'encoding', 'file', 'format', 'indicators', 'issueCounts', 'issues', 'observations', 'places', 'rows'].sort(),
    );
    expect(file?.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('a file with errors: exit 1, each issue located and explained in English', async () => {
    const r = await cli('validate', f('with-errors.csv'), '--json');
    expect(r.code).toBe(1);
    const file = json(r.stdout).files[0];
    expect(file?.observations).toBe(2);
    const nan = file?.issues.find((i) => i.code === 'not_a_number');
    expect(nan).toMatchObject({ severity: 'error', row: 3, column: 'value', value: 'abc' });
    expect(nan?.message).toMatch(/\w/);
    for (const i of file?.issues ?? []) expect(Object.keys(i).sort()).toEqual(['code', 'column', 'message', 'row', 'severity', 'value']);
    expect(file?.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['not_a_number', 'value_out_of_range', 'missing_city', 'invalid_year']));
    expect(file?.issueCounts).toMatchObject({ not_a_number: 1, value_out_of_range: 1, missing_city: 1, invalid_year: 1 });
  });

  it('an empty file and a missing file are reported as errors, not crashes', async () => {
    const r = await cli('validate', '--json', f('empty.csv'), f('no-such-file.csv'), f('valid-long.csv'));
    expect(r.code).toBe(1);
    const doc = json(r.stdout);
    const codes = doc.files.map((x) => x.issues.filter((i) => i.severity === 'error').map((i) => i.code));
    expect(codes).toEqual([['empty_file'], ['unreadable_file'], []]);
    expect(doc.files[1]).toMatchObject({ encoding: null, format: null, rows: 0, observations: 0, issueCounts: { unreadable_file: 1 } });
  });

  it('expands folders to their CSV files, recursively and sorted', async () => {
    const r = await cli('validate', DIR, '--json');
    const names = json(r.stdout).files.map((x) => x.file.slice(DIR.length).replace(/^[\\/]/, ''));
    expect(names).toEqual(['conflict.csv', 'empty.csv', 'local-indicator.csv', 'valid-long.csv', 'with-errors.csv']);
    expect(r.code).toBe(1);
  });

  it('adds local indicators with --indicators; registry problems exit 1', async () => {
    const without = json((await cli('validate', f('local-indicator.csv'), '--json')).stdout).files[0];
    expect(without?.issues.map((i) => i.code)).toContain('unknown_indicator');
    const ok = await cli('validate', f('local-indicator.csv'), '--json', '--indicators', f('indicators'));
    expect(ok.code).toBe(0);
    expect(json(ok.stdout).files[0]?.issues.map((i) => i.code)).not.toContain('unknown_indicator');
    const broken = await cli('validate', f('valid-long.csv'), '--json', '--indicators', f('bad-indicators'));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('LOCAL-BROKEN-1.json');
    expect(json(broken.stdout).files).toHaveLength(1);
  });

  it('honours ingest flags (--map, --layout, --delimiter)', async () => {
    const r = await cli('validate', f('valid-long.csv'), '--json', '--map', 'disaggregation=sex', '--delimiter', ',', '--layout', 'long');
    expect(r.code).toBe(0);
    expect(json(r.stdout).files[0]?.format).toBe('long');
  });
});

describe('validate (human report)', () => {
  it('prints a header line per file, the issues with how to fix, and counts', async () => {
    const r = await cli('validate', f('with-errors.csv'), f('valid-long.csv'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('with-errors.csv — utf-8, comma-delimited, layout long · 6 rows · 2 observations');
    expect(r.stdout).toMatch(/Errors \(\d+\):/);
    expect(r.stdout).toMatch(/Row 3\b.*"abc".*\[not_a_number\]/);
    expect(r.stdout).toContain('how to fix:');
    expect(r.stdout).toMatch(/Counts: .*not_a_number 1/);
    expect(r.stdout).toMatch(/2 files checked: .* → FAILED/);
  });
  it('exit 0 and OK for a clean file', async () => {
    const r = await cli('validate', f('valid-long.csv'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/→ OK\n$/);
  });
});

describe('usage errors exit 2 with the usage on stderr and nothing on stdout', () => {
  it.each([
    [[]],
    [['frobnicate']],
    [['validate']],
    [['validate', '--json']],
    [['validate', f('valid-long.csv'), '--bogus']],
    [['validate', f('valid-long.csv'), '-x']],
    [['validate', f('valid-long.csv'), '--delimiter', 'colon']],
    [['validate', f('valid-long.csv'), '--encoding', 'latin-9']],
    [['validate', f('valid-long.csv'), '--layout']],
    [['validate', f('valid-long.csv'), '--map', 'colour=Red']],
    [['validate', f('valid-long.csv'), '--indicators', f('no-such-folder')]],
    [['normalize', f('valid-long.csv')]],
    [['normalize', f('valid-long.csv'), '--json', '--out', join(tmp, 'x.csv')]],
  ])('%j', async (argv) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage:');
  });
  it('help prints the usage on stdout, exit 0', async () => {
    for (const argv of [['help'], ['--help'], ['validate', '--help']]) {
      const r = await cli(...argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Usage:');
    }
  });
});

describe('parseMapping', () => {
  it('reads roles, list roles and commas inside header names', () => {
    expect(parseMapping(['city=Municipality,value=Rate (%),disaggregation=Sex,Age', 'unit=Unit, per 1,000'])).toEqual({
      city: 'Municipality',
      value: 'Rate (%)',
      disaggregations: ['Sex', 'Age'],
      unit: 'Unit, per 1,000',
    });
    expect(parseMapping(['city_code=Code'])).toEqual({ cityCode: 'Code' });
  });
});

function observations(t: ObservationTable) {
  return Array.from({ length: t.length }, (_, i) => {
    const { line: _line, ...o } = getObservation(t, i);
    return o;
  });
}
const sortKey = (o: ReturnType<typeof observations>[number]) => JSON.stringify(o);

describe('normalize', () => {
  const { registry } = loadRegistryFromDirs();
  it('writes the accepted observations as one canonical CSV that re-imports to the same observations', async () => {
    const out = join(tmp, 'normalized.csv');
    const r = await cli('normalize', f('valid-long.csv'), f('with-errors.csv'), f('empty.csv'), '--out', out);
    expect(r.code).toBe(1); // errors in the input; the accepted rows are still written
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/wrote 10 observations to /);
    const bytes = new Uint8Array(readFileSync(out));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
    const text = new TextDecoder().decode(bytes); // drops the BOM
    expect(text.startsWith('city,city_code,indicator,year,value,period,unit,series,source,note,sex\r\n')).toBe(true);
    expect(text).toContain('Amman,JO-AMM,11.2.1,2017-18,45,2017-18,%,,"GAM survey, wave 2",two-year survey,\r\n');

    const expected = [f('valid-long.csv'), f('with-errors.csv')].flatMap((p) =>
      observations(ingestFile({ name: p, bytes: new Uint8Array(readFileSync(p)) }, registry).table),
    );
    const back = ingestFile({ name: 'normalized.csv', bytes }, registry);
    expect(back.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(observations(back.table).map(sortKey).sort()).toEqual(expected.map(sortKey).sort());
  });

  it('writes an observation found in several files once, and reports conflicting values (exit 1)', async () => {
    const out = join(tmp, 'twice.csv');
    const same = await cli('normalize', f('valid-long.csv'), f('valid-long.csv'), '--out', out);
    expect(same.code).toBe(0);
    expect(same.stderr).toContain('8 observations found in more than one file written once');
    expect(ingestFile({ name: 'twice.csv', bytes: new Uint8Array(readFileSync(out)) }, registry).table.length).toBe(8);
    const conflict = await cli('normalize', f('valid-long.csv'), f('conflict.csv'), '--out', out);
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toContain('Amman · 11.6.2 · 2015: 38.2 vs 40');
  });

  it('round-trips Open SDG breakdowns named like context columns (Country, Source, GeoCode) and quarters', async () => {
    const out = join(tmp, 'opensdg-round-trip.csv');
    const src = fileURLToPath(new URL('../fixtures/cli-opensdg/indicator_11-6-1.csv', import.meta.url));
    const r = await cli('normalize', src, '--out', out);
    expect(r.code).toBe(0);
    const original = ingestFile({ name: src, bytes: new Uint8Array(readFileSync(src)) }, registry);
    // Country is geography now: Ruritania's rows are the country's, GeoCode codes the row's place.
    expect(original.file.mapping.disaggregations).toEqual(['Source']);
    expect(original.file.mapping.country).toBe('Country');
    expect(original.file.mapping.cityCode).toBe('GeoCode');
    expect(original.table.length).toBe(5);
    const back = ingestFile({ name: 'normalized.csv', bytes: new Uint8Array(readFileSync(out)) }, registry);
    expect(back.file.mapping.disaggregations).toEqual(['Source']);
    expect(back.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(observations(back.table).map(sortKey).sort()).toEqual(observations(original.table).map(sortKey).sort());
  });

  it('exit 0 for clean input', async () => {
    const out = join(tmp, 'sub', 'clean.csv');
    const r = await cli('normalize', f('valid-long.csv'), '--out', out);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\r\n').filter(Boolean)).toHaveLength(9);
  });
});

describe('places in the reports (a folder of one city with ward-level files)', () => {
  const folder = fileURLToPath(new URL('../fixtures/cli-wards/port-ruri', import.meta.url));

  it('validate --json: the folder names the city; wards are districts, never cities', async () => {
    const r = await cli('validate', folder, '--json');
    const doc = JSON.parse(r.stdout) as { files: Array<{ cities: string[]; districts: string[]; places: unknown[] }> };
    const wards = doc.files.find((f) => f.districts.length > 0);
    expect(wards?.cities).toEqual(['port-ruri']);
    expect(wards?.districts).toEqual(['Harbourside', 'North End']);
    expect(wards?.places).toEqual([
      { name: 'port-ruri', code: null, kind: 'city', parent: null },
      { name: 'Harbourside', code: 'X05000002', kind: 'district', parent: 'port-ruri' },
      { name: 'North End', code: 'X05000001', kind: 'district', parent: 'port-ruri' },
    ]);
  });

  it('progress --city --json: every record is the city, with its wards as districts and the unit of the data', async () => {
    const r = await cli('progress', folder, '--city', 'Port Ruri', '--json');
    const records = JSON.parse(r.stdout) as Array<{ city: string; district: string | null; indicator: string; unit: string | null }>;
    expect(new Set(records.map((x) => x.city))).toEqual(new Set(['Port Ruri']));
    expect(new Set(records.map((x) => x.district))).toEqual(new Set([null, 'North End', 'Harbourside']));
    expect(records.find((x) => x.indicator === '11.7.2' && x.district === null)?.unit).toBe('Count');
    // The ward survey (11.1.1.c) is an indicator of its own and states no unit: none is claimed.
    expect(records.find((x) => x.indicator === '11.1.1.c' && x.district === 'North End')?.unit).toBeNull();
  });
});
