import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '@/cli/run-cli';

const DIR = mkdtempSync(join(tmpdir(), 'marsad-annex-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const DATA = join(DIR, 'cities.csv');
writeFileSync(
  DATA,
  [
    'city,city_code,indicator,year,value,source',
    'Wadi Noor,XD-WNR,11.6.2,2015,40,Air network',
    'Wadi Noor,XD-WNR,11.6.2,2020,25,Air network',
    'Wadi Noor,XD-WNR,LOCAL-TEMP-1,2015,-1.5,"=HYPERLINK(""http://x.example"")"',
    'Wadi Noor,XD-WNR,LOCAL-TEMP-1,2020,-2,"=HYPERLINK(""http://x.example"")"',
    'Tal Sanawbar,XD-TSN,11.6.2,2020,10,',
  ].join('\n'),
);
const NAMES = join(DIR, 'cities.json');
writeFileSync(NAMES, JSON.stringify({ 'XD-WNR': { en: 'Wadi Noor', ar: 'وادي النور' } }));

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;

describe('annex <files> --city', () => {
  it('prints the CSV annex of the city on stdout (BOM, numbers as numbers, formulas neutralised)', async () => {
    const r = await cli('annex', DATA, '--city', 'wadi noor');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.startsWith('\ufeffCity,City code,Indicator,')).toBe(true);
    const rows = parse(r.stdout);
    // Registry indicators first, then the local code.
    expect(rows.map((x) => x[2])).toEqual(['Indicator', '11.6.2', 'LOCAL-TEMP-1']);
    expect(rows[1]?.slice(0, 2)).toEqual(['Wadi Noor', 'XD-WNR']);
    expect(rows[1]?.slice(5, 11)).toEqual(['2015', '40', '2020', '25', '5', '2030']);
    expect(rows[1]?.[11]).toMatch(/^WHO Air Quality Guidelines 2021/);
    expect(rows[1]?.[13]).toBe('Improving');
    expect(rows[1]?.[15]).toBe('Air network (cities.csv)');
    expect(rows[2]?.[11]).toBe('');
    expect(rows[2]?.[15]).toBe(`'=HYPERLINK("http://x.example") (cities.csv)`);
    expect(r.stdout).toContain(',2015,-1.5,2020,-2,');
  });

  it('--lang ar with --names: Arabic header, city name and statuses', async () => {
    const r = await cli('annex', DATA, '--city', 'XD-WNR', '--lang', 'ar', '--names', NAMES);
    const rows = parse(r.stdout);
    expect(rows[0]?.[0]).toBe('المدينة');
    expect(rows[1]?.[0]).toBe('وادي النور');
    expect(rows[1]?.[13]).toBe('في تحسّن');
  });

  it('--out annex.csv writes the file and says so on stderr', async () => {
    const out = join(DIR, 'out', 'annex.csv');
    const r = await cli('annex', DATA, '--city', 'Tal Sanawbar', '--out', out, '--method', 'unsd');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/wrote the annex of Tal Sanawbar \(XD-TSN\): 1 indicator, method unsd, language en/);
    const rows = parse(readFileSync(out, 'utf8'));
    expect(rows[1]?.slice(0, 3)).toEqual(['Tal Sanawbar', 'XD-TSN', '11.6.2']);
    expect(rows[1]?.[12]).toBe('Insufficient data');
  });

  it('--out annex.xlsx writes a workbook (Arabic, right to left) that reads back', async () => {
    const out = join(DIR, 'annex.xlsx');
    const r = await cli('annex', DATA, '--city', 'وادي النور', '--names', NAMES, '--lang', 'ar', '--out', out);
    expect(r.code).toBe(0);
    const [sheet] = await readXlsxFile(readFileSync(out));
    expect(sheet?.data[0]?.[0]).toBe('المدينة');
    expect(sheet?.data.find((row) => row[2] === '11.6.2')?.slice(5, 9)).toEqual([2015, 40, 2020, 25]);
  });

  it('an unknown city: a data error naming the number of cities and close matches, nothing written', async () => {
    const out = join(DIR, 'never.csv');
    const r = await cli('annex', DATA, '--city', 'Wadi Nour', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('annex: no city "Wadi Nour" in the data (2 cities). Did you mean Wadi Noor (XD-WNR)?\n');
    expect(() => readFileSync(out)).toThrow();
  });

  it.each([
    [['annex', DATA], /--city <name\|code> is required/],
    [['annex', DATA, '--city', 'XD-WNR', '--out', 'annex.pdf'], /--out must end in \.csv or \.xlsx/],
    [['annex', DATA, '--city', 'XD-WNR', '--lang', 'de'], /--lang must be one of en, ar, fr, es/],
    [['annex', '--city', 'XD-WNR'], /annex: no files given/],
  ])('usage error: %j', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('annex of a workspace backup', () => {
  it('titles an indicator the registry does not know from the dataset’s own metadata, and names places as the workspace does', async () => {
    const { encodeWorkspace } = await import('@/storage/workspace');
    const { tableOf, record } = await import('../storage/fixtures');
    const t = tableOf([
      { city: 'Wadi Noor', cityCode: 'XD-WNR', indicator: 'LOCAL-TEMP-1', year: 2015, value: -1.5, unit: '' },
      { city: 'Wadi Noor', cityCode: 'XD-WNR', indicator: 'LOCAL-TEMP-1', year: 2020, value: -2, unit: '' },
    ]);
    const base = record('ws');
    const ds = { ...base, current: { ...base.current, table: t }, metadata: { indicators: { 'LOCAL-TEMP-1': { title: { en: 'Change in summer temperature', ar: 'تغيّر حرارة الصيف' } } } } };
    const gazetteer = { version: 1, names: { 'XD-WNR': { ar: 'وادي النور' } }, merges: {} };
    const path = join(DIR, 'workspace.json');
    writeFileSync(path, encodeWorkspace({ datasets: [{ record: ds, versions: [] }], mappings: [], settings: { gazetteer: JSON.stringify(gazetteer) } }, { appVersion: 't', exportedAt: new Date(0) }));
    const r = await cli('annex', path, '--city', 'XD-WNR', '--lang', 'ar');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('تغيّر حرارة الصيف');
    expect(r.stdout).toContain('وادي النور');
  });
});
