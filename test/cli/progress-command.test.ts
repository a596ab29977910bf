import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { type ProgressRecord, runProgressCommand } from '@/cli/progress-command';
import { runCli } from '@/cli/run-cli';

const DIR = fileURLToPath(new URL('../fixtures/progress/', import.meta.url));
const f = (name: string) => join(DIR, name);

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const records = (stdout: string) => JSON.parse(stdout) as ProgressRecord[]; // stdout must be one JSON array

describe('progress <files> --json', () => {
  it('unsd: one record per city × indicator (series null) then one per other series, in the documented shape', async () => {
    const r = await cli('progress', f('cities.csv'), '--method', 'unsd', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = records(r.stdout);
    expect(out.map((x) => [x.city, x.indicator, x.series, x.status])).toEqual([
      ['Amman', '11.6.2', null, 'on_track'],
      ['Amman', '11.6.2', 'sex: Female', 'on_track'],
      ['Zarqa', '11.2.1', null, 'target_achieved'],
      ['Zarqa', '11.6.2', null, 'deterioration'],
      ['Irbid', '11.6.2', null, 'insufficient_data'],
    ]);
    for (const x of out) {
      expect(Object.keys(x)).toEqual(['city', 'district', 'indicator', 'unit', 'series', 'method', 'status', 'score', 'base', 'latest', 'target', 'direction', 'projected']);
      expect(x.district).toBeNull();
    }
    // Amman: 20 → 10 µg/m³ (2015→2020) projects 2.5 by 2030 against the WHO target of 5: Q = 1.1667.
    expect(out[0]).toMatchObject({
      method: 'unsd',
      base: { year: 2015, value: 20 },
      latest: { year: 2020, value: 10 },
      target: { year: 2030, value: 5 },
      direction: 'decrease',
      projected: { year: 2030, value: 2.5 },
    });
    expect(out[0]?.score).toBeCloseTo(3.0701754, 6);
    // 99.5 % of a 100 % target is within 1 point; the projection stays at 100 %.
    expect(out[2]).toMatchObject({ score: 5, projected: { year: 2030, value: 100 } });
    expect(out[4]).toMatchObject({ score: null, base: null, latest: { year: 2021, value: 15 }, projected: null });
  });

  it('opensdg is the default method', async () => {
    const out = records((await cli('progress', f('cities.csv'), '--json')).stdout);
    expect(new Set(out.map((x) => x.method))).toEqual(new Set(['opensdg']));
  });

  it('sdsn scores the latest level on 0–100', async () => {
    const out = records((await cli('progress', f('cities.csv'), '--method', 'sdsn', '--json')).stdout);
    expect(out[0]?.score).toBeCloseTo(((87 - 10) / 80.7) * 100, 6);
  });

  it('several series with headline rows: the headline is insufficient (ambiguous) until --series picks one', async () => {
    const plain = records((await cli('progress', f('indicator_11-6-2.csv'), '--method', 'unsd', '--json')).stdout);
    expect(plain.map((x) => [x.series, x.status])).toEqual([
      [null, 'insufficient_data'],
      ['PM2.5', 'on_track'],
      ['PM10', 'acceleration_needed'],
    ]);
    for (const spec of ['PM2.5', '11.6.2=PM2.5', 'indicator_11-6-2=PM2.5']) {
      const picked = records((await cli('progress', f('indicator_11-6-2.csv'), '--method', 'unsd', '--series', spec, '--json')).stdout);
      expect(picked.map((x) => [x.series, x.status])).toEqual([
        [null, 'on_track'],
        ['PM10', 'acceleration_needed'],
      ]);
    }
  });

  it('several files are merged; folders are expanded', async () => {
    const out = records((await cli('progress', f('cities.csv'), f('indicator_11-6-2.csv'), '--method', 'unsd', '--json')).stdout);
    expect(new Set(out.map((x) => x.city))).toEqual(new Set(['Amman', 'Zarqa', 'Irbid', 'Leeds']));
  });

  it('rows rejected in a file: exit 1, a note on stderr, and the accepted rows still assessed', async () => {
    const r = await cli('progress', f('with-errors.csv'), '--method', 'unsd', '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/with-errors\.csv: 1 row rejected/);
    expect(records(r.stdout)).toHaveLength(1);
  });

  it('an unreadable file: exit 1, the message on stderr, an empty array on stdout', async () => {
    const r = await cli('progress', f('no-such-file.csv'), '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no-such-file\.csv/);
    expect(records(r.stdout)).toEqual([]);
  });
});

describe('progress --csv and the readable table', () => {
  it('--csv: header, one row per record, formula-like text neutralised', async () => {
    const r = await cli('progress', f('formula.csv'), '--method', 'unsd', '--csv');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('\ufeff')).toBe(true);
    const rows = Papa.parse<string[]>(r.stdout.slice(1).trim(), { newline: '\r\n' }).data;
    expect(rows[0]).toEqual([
      'city',
      'district',
      'indicator',
      'unit',
      'series',
      'method',
      'status',
      'score',
      'base_year',
      'base_value',
      'latest_year',
      'latest_value',
      'target_year',
      'target_value',
      'direction',
      'projected_year',
      'projected_value',
    ]);
    expect(rows[1]?.slice(0, 7)).toEqual(["'=HYPERLINK(1)", '', '11.6.2', expect.stringContaining('µg/m³'), '', 'unsd', 'on_track']);
    expect(rows[1]?.slice(8)).toEqual(['2015', '20', '2020', '10', '2030', '5', 'decrease', '2030', '2.5']);
  });

  it('default: an aligned table, then counts by status for headlines and for all records', async () => {
    const r = await cli('progress', f('cities.csv'), '--method', 'unsd');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^City\s+Indicator\s+Series\s+Status\s+Score\s+Base\s+Latest\s+Target\s+Projected$/);
    expect(lines[2]).toMatch(/^Amman\s+11\.6\.2\s+\(headline\)\s+on track\s+3\.07\s+20 \(2015\)\s+10 \(2020\)\s+5 \(2030\)\s+2\.5 \(2030\)$/);
    expect(r.stdout).toContain('Method unsd: 3 cities, 2 indicators, 4 city × indicator headlines, 5 series.');
    expect(r.stdout).toContain('Headlines by status: target_achieved 1 · on_track 1 · acceleration_needed 0 · limited_progress 0 · deterioration 1 · insufficient_data 1');
    expect(r.stdout).toContain('All records by status: target_achieved 1 · on_track 2 ·');
  });
});

describe('progress --opensdg <repository>', () => {
  it("delegates to the Open SDG command: the worked example 7.2 → 6.0 is substantial_progress, score 5", async () => {
    const r = await cli('progress', '--opensdg', f('opensdg-repo'), '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, { status: string; score: number }>;
    expect(doc['11-6-2']).toMatchObject({ status: 'substantial_progress', score: 5 });
  });

  it('a folder that is not a repository: exit 2', async () => {
    expect((await cli('progress', '--opensdg', f('no-such-folder'))).code).toBe(2);
  });
});

describe('progress usage errors exit 2 with a clear message', () => {
  it.each([
    [['--method', 'eurostat', f('cities.csv')], /--method must be one of opensdg, unsd, sdsn \(got "eurostat"\)/],
    [['--json', '--csv', f('cities.csv')], /--json and --csv cannot be used together/],
    [[], /progress: no files given/],
    [['--opensdg', f('opensdg-repo'), f('cities.csv')], /either files or --opensdg/],
    [['--opensdg', f('opensdg-repo'), '--method', 'unsd'], /always uses the opensdg method/],
    [['--opensdg', f('opensdg-repo'), '--csv'], /--csv is not available/],
    [['--opensdg', f('opensdg-repo'), '--series', 'PM2.5'], /--series is for files/],
    [['--series', '', f('cities.csv')], /--series needs a series name/],
    [['--frobnicate', f('cities.csv')], /unknown option --frobnicate/],
  ])('progress %j', async (argv, message) => {
    const r = await cli('progress', ...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('--help prints the usage, which documents progress', async () => {
    const r = await cli('progress', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('npm run cli -- progress <file|folder>… [--method opensdg|unsd|sdsn] [--json|--csv] [options]');
  });

  it('runProgressCommand can be called on its own', async () => {
    let out = '';
    const code = await runProgressCommand([f('cities.csv'), '--json'], { stdout: (s) => (out += s), stderr: () => undefined });
    expect(code).toBe(0);
    expect(records(out)).toHaveLength(5);
  });
});

describe('progress --config (an Open SDG indicator configuration for files)', () => {
  const config = (name: string) => join(DIR, 'config', name);
  it('replaces the registry settings with the configured ones (no target: Open SDG method 1) and picks the series', async () => {
    const r = await cli('progress', f('indicator_11-6-2.csv'), '--config', config('11-6-2.yml'), '--json');
    expect(r.code).toBe(0);
    const headline = records(r.stdout).find((x) => x.series === null);
    // Leeds PM2.5 10 → 8 in 5 years: P = −d·CAGR = 1 − 0.8^(1/5) = 0.04365 ≥ 1.5 % → on track, score 5
    // (with the registry's WHO target of 5 µg/m³ it would be a target ratio instead).
    expect(headline).toMatchObject({ city: 'Leeds', status: 'on_track', score: 5, target: null, direction: 'decrease' });
  });
  it('a manual configuration computes nothing new and says so', async () => {
    const r = await cli('progress', f('indicator_11-6-2.csv'), '--config', config('11-2-1.yml'), '--json');
    expect(r.stderr).toContain('auto_progress_calculation is not true');
  });
  it('a file name that is not an indicator id is a usage error', async () => {
    const r = await cli('progress', f('indicator_11-6-2.csv'), '--config', f('cities.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--config: the file name must be an indicator id');
  });
});

describe('progress on monthly data', () => {
  it('uses one value per year (the last listed) and says so', async () => {
    const r = await cli('progress', f('monthly.csv'), '--json');
    expect(r.stderr).toContain('1 years with several values in one series (months or quarters of a year');
    const [headline] = JSON.parse(r.stdout) as Array<{ base: { year: number; value: number } | null; latest: { year: number; value: number } | null }>;
    expect(headline?.base).toEqual({ year: 2019, value: 28 });
    expect(headline?.latest).toEqual({ year: 2022, value: 24 });
  });
});

describe('a workspace backup as the data of a command', () => {
  it('uses the datasets switched on, the place merges and the headline series chosen in the app', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { encodeWorkspace } = await import('@/storage/workspace');
    const { tableOf, record } = await import('../storage/fixtures');
    const two = tableOf([
      { city: 'Aldport', cityCode: '', year: 2015, value: 10, series: 'PM2.5' },
      { city: 'Aldport', cityCode: '', year: 2020, value: 8, series: 'PM2.5' },
      { city: 'Aldport', cityCode: '', year: 2015, value: 20, series: 'PM10' },
      { city: 'Aldport', cityCode: '', year: 2020, value: 30, series: 'PM10' },
      // "ألدبورت" is merged into Aldport in the workspace's places.
      { city: 'ألدبورت', cityCode: '', year: 2024, value: 7, series: 'PM2.5' },
    ]);
    const used = { ...record('air'), name: 'Air quality', current: { ...record('air').current, table: two } };
    const leftOut = { ...record('old'), name: 'Old file', included: false };
    const gazetteer = { version: 1, names: {}, merges: { 'ألدبورت': { key: 'Aldport', name: 'Aldport', code: '' } } };
    const text = encodeWorkspace(
      { datasets: [{ record: used, versions: [] }, { record: leftOut, versions: [] }], mappings: [], settings: { headlines: JSON.stringify({ air: { '11.6.2': 'PM2.5' } }), gazetteer: JSON.stringify(gazetteer) } },
      { appVersion: 'test', exportedAt: new Date(0) },
    );
    const path = join(mkdtempSync(join(tmpdir(), 'marsad-ws-')), 'marsad-workspace.json');
    writeFileSync(path, text);
    const r = await cli('progress', path, '--json');
    expect(r.stderr).toBe(`${path}: left out as in the app: Old file\n`);
    expect(r.code).toBe(0);
    const out = records(r.stdout);
    // One place (the merge), its headline the chosen PM2.5 series, up to 2024 (the merged row).
    expect(out.filter((x) => x.series === null).map((x) => [x.city, x.latest])).toEqual([['Aldport', { year: 2024, value: 7 }]]);
    // Without the workspace's choice, the same data has no single headline series.
    const unchosen = join(mkdtempSync(join(tmpdir(), 'marsad-ws-')), 'unchosen.json');
    writeFileSync(unchosen, encodeWorkspace({ datasets: [{ record: used, versions: [] }], mappings: [], settings: { gazetteer: JSON.stringify(gazetteer) } }, { appVersion: 'test', exportedAt: new Date(0) }));
    const plain = records((await cli('progress', unchosen, '--json')).stdout);
    expect(plain.filter((x) => x.series === null).map((x) => x.latest)).not.toEqual([{ year: 2024, value: 7 }]);
    const damaged = join(mkdtempSync(join(tmpdir(), 'marsad-ws-')), 'broken.json');
    writeFileSync(damaged, '{"format":"marsad-workspace","version":99}');
    const bad = await cli('progress', damaged, '--json');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('written by a newer Marsad');
  });
});
