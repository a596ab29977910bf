import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  frontMatter,
  NotOpenSdgRepositoryError,
  opensdgRepositoryProgress,
  opensdgRepositoryReport,
  parseOpenSdgCsv,
  runOpenSdgProgressCommand,
} from '@/cli/opensdg-progress';
import { toOpenSdgProgressDocument, type OpenSdgGroupJson, type OpenSdgIndicatorJson, type OpenSdgSeriesJson } from '@/domain/progress/opensdg-repository';

const FIXTURE = fileURLToPath(new URL('../fixtures/opensdg-repo', import.meta.url));
const CANADA = fileURLToPath(new URL('../../../shared/corpus/canada', import.meta.url));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) }, out: () => out.join(''), err: () => err.join('') };
}

function series(indicator: OpenSdgIndicatorJson | undefined, k: number): OpenSdgSeriesJson {
  const entry = indicator?.series[k];
  if (entry === undefined || 'group' in entry) throw new Error(`entry ${k} is not a series`);
  return entry;
}

const cagr = (a: number, b: number, years: number) => Math.pow(a / b, 1 / years) - 1;

describe('opensdgRepositoryProgress(test/fixtures/opensdg-repo)', async () => {
  const doc = await opensdgRepositoryProgress(FIXTURE);

  it('lists exactly the indicators with auto_progress_calculation: true (not "true", not manual)', () => {
    expect(Object.keys(doc)).toEqual(['11-1-1', '11-2-1', '11-4-1', '11-6-2', '11-7-1', '11-b-1']);
  });

  it('11-1-1: BOM, "2015-16" years → 2015, Units = Percent, target 0 → 0.001 (method 2)', () => {
    const s = series(doc['11-1-1'], 0);
    expect(s).toMatchObject({ base_year: 2015, base_value: 20, current_year: 2021, current_value: 12, target: 0.001, direction: -1 });
    const p = (-1 * cagr(12, 20, 6)) / Math.abs(cagr(0.001, 20, 15));
    expect(s.progress_value).toBeCloseTo(p, 12);
    expect(s.score).toBeCloseTo(4.1667 * p - 2.5, 12);
    expect(doc['11-1-1']?.status).toBe('limited_progress');
  });

  it('11-2-1: the option\'s "Current score" matches "Current status score" through data.yml; limit 100 (worked example 4)', () => {
    const s = series(doc['11-2-1'], 0);
    expect(s.tag).toBe('11-2-1 / Current status score');
    expect(s.progress_value).toBeCloseTo(0.00584, 6);
    expect(s.score).toBeCloseTo(2.8154, 4);
    expect(doc['11-2-1']).toMatchObject({ status: 'substantial_progress' });
  });

  it('11-4-1: no data file → not_available, score null', () => {
    expect(doc['11-4-1']).toMatchObject({ status: 'not_available', score: null });
    expect(series(doc['11-4-1'], 0).reason).toBe('no_data_file');
  });

  it('11-6-2: Progress replaces Value (9.8, not 12), blank/NA Progress are missing, default direction negative', () => {
    const s = series(doc['11-6-2'], 0);
    expect(s).toMatchObject({ base_value: 10, current_value: 9.8, current_year: 2020, direction: -1 });
    const p = -1 * cagr(9.8, 10, 5);
    expect(s.progress_value).toBeCloseTo(p, 12);
    expect(doc['11-6-2']?.score).toBeCloseTo(500 * p - 2.5, 12);
    expect(doc['11-6-2']?.status).toBe('limited_progress');
  });

  it('11-7-1: translated header and cells; the group counts once with its mean; the unmatched series is left out', () => {
    const female = 5;
    const male = 125 * cagr(58, 60, 5) - 2.5;
    const headline = Math.min(500 * cagr(55, 50, 5) - 5, 5);
    const indicator = doc['11-7-1'];
    const group = indicator?.series[0] as OpenSdgGroupJson;
    expect(group.score).toBeCloseTo((female + male) / 2, 10);
    expect(group.group.map((e) => (e as OpenSdgSeriesJson).tag)).toEqual(['11-7-1 / Female', '11-7-1 / Male']);
    expect(series(indicator, 1)).toMatchObject({ reason: 'filter_value_not_found', status: 'not_available' });
    expect(indicator?.score).toBeCloseTo(((female + male) / 2 + headline) / 2, 10);
    expect(indicator?.status).toBe('substantial_progress');
  });

  it('11-b-1: latest 0.8 ≥ target 0.75 (positive) → target_achieved, score 5', () => {
    expect(doc['11-b-1']).toMatchObject({ status: 'target_achieved', score: 5 });
  });

  it('the full report keeps manual indicators and the build language', async () => {
    const report = await opensdgRepositoryReport(FIXTURE);
    expect(report.site.language).toBe('en');
    expect(report.indicators.filter((i) => i.kind === 'manual').map((i) => [i.id, i.status])).toEqual([
      ['11-3-1', 'target_achieved'],
      ['11-5-1', ''],
    ]);
  });
});

describe('runOpenSdgProgressCommand', () => {
  it('--json prints the document and exits 0; file problems go to stderr', async () => {
    const c = capture();
    expect(await runOpenSdgProgressCommand(FIXTURE, true, c.io)).toBe(0);
    const doc = JSON.parse(c.out()) as Record<string, OpenSdgIndicatorJson>;
    expect(doc['11-b-1']?.status).toBe('target_achieved');
    expect(c.err()).toContain('data/indicator_11-4-1.csv: no_data_file');
  });

  it('the table has one line per indicator, then counts by status', async () => {
    const c = capture();
    expect(await runOpenSdgProgressCommand(FIXTURE, false, c.io)).toBe(0);
    const text = c.out();
    expect(text).toMatch(/^11-b-1\s+target_achieved\s+5\.0000$/m);
    expect(text).toMatch(/^11-4-1\s+not_available\s+—$/m);
    expect(text).toContain('6 indicators with auto_progress_calculation: true');
    expect(text).toMatch(/^\s+limited_progress\s+2$/m);
    expect(text).toContain('2 other indicator configs');
    expect(text).toContain('2 of 9 configured series have no progress value');
  });

  it.each([
    { name: 'a folder that does not exist', dir: fileURLToPath(new URL('../fixtures/no-such-folder', import.meta.url)) },
    { name: 'a folder without data/ and indicator-config/', dir: fileURLToPath(new URL('../fixtures/opensdg-repo/translations', import.meta.url)) },
  ])('$name → exit 2 with a clear message', async ({ dir }) => {
    const c = capture();
    expect(await runOpenSdgProgressCommand(dir, false, c.io)).toBe(2);
    expect(c.err()).toContain('is not an Open SDG data repository');
    expect(c.out()).toBe('');
  });

  it('opensdgRepositoryProgress rejects with NotOpenSdgRepositoryError', async () => {
    await expect(opensdgRepositoryProgress(fileURLToPath(new URL('../fixtures', import.meta.url)))).rejects.toBeInstanceOf(NotOpenSdgRepositoryError);
  });
});

describe('parseOpenSdgCsv', () => {
  it('keeps every cell as text, strips the BOM, skips blank lines, honours quotes', () => {
    expect(parseOpenSdgCsv('\uFEFF"Year","Geography",Value\n"2015","",39.68\n\n2016,"A, B",1\n')).toEqual([
      ['Year', 'Geography', 'Value'],
      ['2015', '', '39.68'],
      ['2016', 'A, B', '1'],
    ]);
  });
});

describe.skipIf(!existsSync(CANADA))('Statistics Canada corpus (../shared/corpus/canada)', () => {
  // Read once: the corpus has 167 data files.
  let cached: ReturnType<typeof opensdgRepositoryReport> | undefined;
  const canada = () => (cached ??= opensdgRepositoryReport(CANADA));

  it('every auto indicator gets a result without throwing', async () => {
    const report = await canada();
    const auto = report.indicators.filter((i) => i.kind === 'auto');
    expect(auto).toHaveLength(137);
    for (const i of auto) {
      expect(['target_achieved', 'substantial_progress', 'moderate_progress', 'limited_progress', 'deterioration', 'not_available']).toContain(i.status);
      if (i.score !== null) expect(Math.abs(i.score)).toBeLessThanOrEqual(5);
    }
  });

  it.each([
    { id: '11-6-2', example: 'no target, decreasing: 7.2 (2015) → 6.0 (2020)', p: 0.035807, score: 5, status: 'substantial_progress' },
    { id: '11-1-1', example: 'target 0.1, decreasing: 10.0 (2018) → 10.4 (2022)', p: -0.030917, score: -2.6288, status: 'deterioration' },
    { id: '11-4-1', example: 'no target, increasing: 202.215 (2015) → 274.124 (2024)', p: 0.034383, score: 5, status: 'substantial_progress' },
  ])('Canada $id is the worked example "$example"', async ({ id, p, score, status }) => {
    const doc = toOpenSdgProgressDocument(await canada());
    expect(series(doc[id], 0).progress_value).toBeCloseTo(p, 6);
    expect(doc[id]?.score).toBeCloseTo(score, 4);
    expect(doc[id]?.status).toBe(status);
  });
});

describe('an Open SDG repository with its settings in meta/*.md front matter', () => {
  it('gives the statuses the same settings give from indicator-config/', async () => {
    const meta = await opensdgRepositoryProgress(fileURLToPath(new URL('../fixtures/opensdg-meta-repo', import.meta.url)));
    const config = await opensdgRepositoryProgress(FIXTURE);
    expect(Object.keys(meta)).toEqual(['11-2-1', '11-6-2']);
    for (const id of ['11-2-1', '11-6-2']) {
      expect(meta[id]?.status).toBeDefined();
      expect(meta[id]).toEqual(config[id]);
    }
  });
  it.each([
    ['---\na: 1\n---\nbody', 'a: 1'],
    ['\ufeff---\r\na: 1\r\n---\r\n', 'a: 1'],
    ['no front matter\n---\n', undefined],
    ['---\na: 1\n', undefined],
  ])('frontMatter(%j) → %j', (text, expected) => {
    expect(frontMatter(text)).toBe(expected);
  });
});
