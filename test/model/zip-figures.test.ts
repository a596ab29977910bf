import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { buildDashboard } from '@/model/dashboard-model';
import { cityFigures, type FigureContext } from '@/model/city-figures';
import { buildFiguresZip, figuresReadme, figuresZipName } from '@/model/zip-figures';
import type { Lang } from '@/i18n/lang';
import { t } from '@/i18n/translate';
import { ingestFile } from '@/ingest/ingest-file';

const { registry } = loadRegistryFromDirs();

const CSV = [
  'city,city_code,indicator,year,value',
  'Wadi Noor,XD-WNR,11.6.2,2015,20',
  'Wadi Noor,XD-WNR,11.6.2,2018,15',
  'Wadi Noor,XD-WNR,11.6.2,2021,11.5',
  'Wadi Noor,XD-WNR,11.1.1,2016,30',
  'Wadi Noor,XD-WNR,11.1.1,2020,26',
].join('\n');
const table = ingestFile({ name: 'cities.csv', bytes: new TextEncoder().encode(CSV) }, registry).table;
const dashboard = buildDashboard([table], registry, 'opensdg');
const NOW = new Date(Date.UTC(2026, 2, 12, 12));
const names = { 'XD-WNR': { en: 'Wadi Noor', ar: 'وادي النور' } };
const ctx = (lang: Lang): FigureContext => ({ dashboard, registry, datasets: [], names, lang, digits: 'latn', computedAt: NOW, width: 640 });

/** A stand-in for the canvas (Node has none): records what it was asked to draw. */
function fakePng(calls: Array<[number, number, number]>) {
  return async (_svg: string, width: number, height: number, scale: 2 | 3) => {
    calls.push([width, height, scale]);
    return new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
  };
}

const opts = (lang: Lang) => ({ lang, digits: 'latn' as const, cityLabel: lang === 'ar' ? 'وادي النور' : 'Wadi Noor', date: '12 March 2026', method: 'Open SDG', datasets: 'cities.csv', mtime: NOW });

describe('figuresZipName(slug, lang)', () => {
  it.each([
    ['amman', 'ar', 'amman_figures_ar.zip'],
    ['amman-zurich', 'en', 'amman-zurich_figures_en.zip'],
    ['', 'fr', 'city_figures_fr.zip'],
  ] as const)('%s, %s → %s', (slug, lang, expected) => {
    expect(figuresZipName(slug, lang)).toBe(expected);
  });
});

describe('buildFiguresZip(figures, annex, opts)', () => {
  it('holds SVG, PNG and CSV per figure, the annex as CSV and XLSX, and a README', async () => {
    const figures = cityFigures(ctx('en'), 'XD-WNR');
    const calls: Array<[number, number, number]> = [];
    const progress: number[] = [];
    const blob = await buildFiguresZip(figures, { csv: 'a,b\n1,2\n', xlsx: new Uint8Array([0x50, 0x4b, 3, 4]) }, { ...opts('en'), toPng: fakePng(calls), onProgress: (done) => progress.push(done) });
    expect(blob.type).toBe('application/zip');
    const entries = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    const expected = [...figures.flatMap((f) => ['svg', 'png', 'csv'].map((x) => `${f.fileBase}.${x}`)), 'annex.csv', 'annex.xlsx', 'README.txt'];
    expect(Object.keys(entries).sort()).toEqual(expected.sort());
    expect(figures.map((f) => f.fileBase)).toEqual(['wadi-noor_status_en', 'wadi-noor_11-1-1_trend_en', 'wadi-noor_11-6-2_trend_en']);
    // Every figure rasterised at 2×, progress reported after each.
    expect(calls.map((c) => c[2])).toEqual([2, 2, 2]);
    expect(progress).toEqual([1, 2, 3]);
    const svg = new TextDecoder().decode(entries['wadi-noor_11-6-2_trend_en.svg']);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain(`width="${calls[2]?.[0]}"`);
    // CSV and README in UTF-8 with a BOM; the annex bytes as given.
    for (const name of ['annex.csv', 'README.txt', 'wadi-noor_11-6-2_trend_en.csv']) expect([...(entries[name] ?? new Uint8Array()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...(entries['annex.xlsx'] ?? [])]).toEqual([0x50, 0x4b, 3, 4]);
  });

  it('accepts the annex workbook as a Blob', async () => {
    const blob = await buildFiguresZip([], { csv: '', xlsx: new Blob([new Uint8Array([1, 2, 3])]) }, { ...opts('en'), toPng: fakePng([]) });
    const entries = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    expect(Object.keys(entries).sort()).toEqual(['README.txt', 'annex.csv', 'annex.xlsx']);
    expect([...(entries['annex.xlsx'] ?? [])]).toEqual([1, 2, 3]);
  });

  it('fails as a whole when a figure cannot be rasterised', async () => {
    const figures = cityFigures(ctx('en'), 'XD-WNR');
    const failing = async () => {
      throw new Error('no canvas');
    };
    await expect(buildFiguresZip(figures, { csv: '', xlsx: new Uint8Array() }, { ...opts('en'), toPng: failing })).rejects.toThrow('no canvas');
  });
});

describe('figuresReadme(figures, sizes, opts)', () => {
  it.each(['en', 'ar', 'fr', 'es'] as const)('lists every file in the report language (%s), lines ending CRLF', (lang) => {
    const figures = cityFigures(ctx(lang), 'XD-WNR');
    const text = figuresReadme(
      figures,
      figures.map(() => ({ width: 1280, height: 900 })),
      opts(lang),
    );
    expect(text.split('\r\n')[0]).toBe(t(lang, 'cityReport.zip.title', { city: opts(lang).cityLabel }));
    for (const f of figures) for (const ext of ['svg', 'png', 'csv']) expect(text).toContain(`${f.fileBase}.${ext}`);
    for (const file of ['annex.csv', 'annex.xlsx', 'README.txt']) expect(text).toContain(file);
    expect(text).toContain(t(lang, 'cityReport.zip.png', { width: '1280', height: '900' }));
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });
});
