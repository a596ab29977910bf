import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { renderFigureSvg } from '@/charts/figure';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { buildDashboard } from '@/model/dashboard-model';
import { type CityFigure, cityFigures, type FigureContext, footerLines, trendFigure } from '@/model/city-figures';
import type { Lang } from '@/i18n/lang';
import { normalizedCsv } from '@/ingest/canonical-csv';
import { ingestFile } from '@/ingest/ingest-file';
import { BOM } from '@/ingest/write-csv';
import { toLoadedDataset } from '@/storage/dataset-record';

const { registry } = loadRegistryFromDirs();

// Fictional cities. 11.3.1 may be negative; the third city's name and sources are formula payloads.
const CSV = [
  'city,city_code,indicator,year,value,unit,sex,source',
  'Wadi Noor,XD-WNR,11.6.2,2015,20,µg/m³,,Survey A',
  'Wadi Noor,XD-WNR,11.6.2,2018,15,µg/m³,,Survey A',
  'Wadi Noor,XD-WNR,11.6.2,2021,11.5,µg/m³,,Survey A',
  'Wadi Noor,XD-WNR,11.6.2,2015,22,µg/m³,Female,Survey A',
  'Wadi Noor,XD-WNR,11.6.2,2021,13,µg/m³,Female,Survey A',
  'Wadi Noor,XD-WNR,11.3.1,2015,-0.5,,,Survey B',
  'Wadi Noor,XD-WNR,11.3.1,2020,-1.25,,,Survey B',
  'Tal Sanawbar,XD-TSN,11.6.2,2015,30,µg/m³,,Survey A',
  'Tal Sanawbar,XD-TSN,11.6.2,2021,33,µg/m³,,Survey A',
  '"=HYPERLINK(""x"")",XD-HYP,11.3.1,2016,-2,,," -1+2"',
  '"=HYPERLINK(""x"")",XD-HYP,11.3.1,2020,1.5,,,+cmd',
].join('\n');

const ingested = ingestFile({ name: 'cities.csv', bytes: new TextEncoder().encode(CSV) }, registry);
const NOW = new Date(Date.UTC(2026, 2, 12, 12));
const dataset = toLoadedDataset({ id: 'ds1', name: 'Cities survey', source: 'upload', createdAt: NOW.getTime(), table: ingested.table, files: [ingested.file] });
const dashboard = buildDashboard([ingested.table], registry, 'opensdg');
const names = { 'XD-WNR': { en: 'Wadi Noor', ar: 'وادي النور' }, 'XD-TSN': { en: 'Tal Sanawbar', ar: 'تل الصنوبر' } };

function ctx(lang: Lang): FigureContext {
  return { dashboard, registry, datasets: [dataset], names, lang, digits: 'latn', computedAt: NOW, width: 640 };
}

/** Rendered SVG with numbers rounded to one decimal and the id hash removed (stable across ECharts/float noise). */
function normalized(figure: CityFigure): string {
  return renderFigureSvg(figure.input)
    .svg.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))
    .replace(/(id="|url\(#|href="#)f[0-9a-z]+-/g, '$1f-');
}

function reimport(csv: string) {
  return ingestFile({ name: 'figure.csv', bytes: new TextEncoder().encode(csv) }, registry);
}

describe('cityFigures(ctx, cityKey)', () => {
  it('gives the status figure, then one trend figure per indicator with data, in registry order, with file names', () => {
    const figures = cityFigures(ctx('ar'), 'XD-WNR');
    expect(figures.map((f) => [f.kind, f.indicator, f.fileBase])).toEqual([
      ['status', null, 'wadi-noor_status_ar'],
      ['trend', '11.3.1', 'wadi-noor_11-3-1_trend_ar'],
      ['trend', '11.6.2', 'wadi-noor_11-6-2_trend_ar'],
    ]);
    expect(figures.map((f) => f.input.width)).toEqual([640, 640, 640]);
  });

  it('partner edition: both cities in every figure, both in the file names', () => {
    const figures = cityFigures(ctx('en'), 'XD-WNR', 'XD-TSN');
    expect(figures.map((f) => f.fileBase)).toEqual(['wadi-noor-tal-sanawbar_status_en', 'wadi-noor-tal-sanawbar_11-3-1_trend_en', 'wadi-noor-tal-sanawbar_11-6-2_trend_en']);
    const trend = figures[2];
    expect(trend?.input.text.subtitle).toBe('Wadi Noor and Tal Sanawbar · µg/m³');
    const svg = renderFigureSvg(trend?.input ?? figures[0]!.input).svg;
    expect(svg).toContain('>Tal Sanawbar</text>');
    expect(renderFigureSvg(figures[0]!.input).svg).toContain('All indicators — Tal Sanawbar');
  });

  it.each(['en', 'ar'] as const)('SVG snapshots (%s): status and trend figures', async (lang) => {
    const [status, , trend] = cityFigures(ctx(lang), 'XD-WNR');
    await expect(normalized(status!)).toMatchFileSnapshot(`__snapshots__/city-figures/wadi-noor_status_${lang}.svg`);
    await expect(normalized(trend!)).toMatchFileSnapshot(`__snapshots__/city-figures/wadi-noor_11-6-2_trend_${lang}.svg`);
  });
});

describe('trendFigure(ctx, cityKey, indicator)', () => {
  it('titles the figure with the code and title, the city and unit below, source, target, method and date in the footer', () => {
    const figure = trendFigure(ctx('en'), 'XD-WNR', '11.6.2');
    expect(figure?.input.text.title).toMatch(/^11\.6\.2 Annual mean levels of fine particulate matter/);
    expect(figure?.input.text.subtitle).toBe('Wadi Noor · µg/m³');
    expect(figure?.input.text.footer).toEqual([
      'Data: Survey A.',
      expect.stringMatching(/^Target: 5\.0 by 2030 \(WHO/),
      'Source: Cities survey (file cities.csv, imported March 12, 2026).',
      'Method: Open SDG (Statistics Canada).',
      'Computed on March 12, 2026 with Marsad.',
    ]);
  });

  it('is undefined for an indicator the city has no value for', () => {
    expect(trendFigure(ctx('en'), 'XD-TSN', '11.3.1')).toBeUndefined();
    expect(trendFigure(ctx('en'), 'XD-NOPE', '11.6.2')).toBeUndefined();
  });

  it('its CSV is the canonical long CSV of the observations drawn, and re-imports to the same observations', () => {
    const figure = trendFigure(ctx('en'), 'XD-WNR', '11.6.2', { partnerKey: 'XD-TSN' });
    const csv = figure?.csv() ?? '';
    expect(csv.startsWith(BOM)).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1).trim()).data;
    expect(rows[0]).toEqual(['city', 'city_code', 'indicator', 'year', 'value', 'period', 'unit', 'series', 'source', 'note']);
    // The headline (total) of both cities; the Female breakdown is not drawn, so it is not in the file.
    expect(rows.slice(1).map((r) => [r[0], r[3], r[4]])).toEqual([
      ['Wadi Noor', '2015', '20'],
      ['Wadi Noor', '2018', '15'],
      ['Wadi Noor', '2021', '11.5'],
      ['Tal Sanawbar', '2015', '30'],
      ['Tal Sanawbar', '2021', '33'],
    ]);
    const back = reimport(csv);
    expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(back.table.length).toBe(5);
    expect(normalizedCsv([back.table]).csv).toBe(csv);
  });
});

describe('the status figure', () => {
  it('counts the city\'s indicators by status, overall and by NUA priority, and its CSV holds the headline observations', () => {
    const [status] = cityFigures(ctx('en'), 'XD-WNR');
    const svg = renderFigureSvg(status!.input).svg;
    for (const label of ['All indicators', 'Governance', 'Planning and design', 'Finance', 'Number of indicators']) expect(svg).toContain(label);
    const csv = status!.csv();
    const back = reimport(csv);
    expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
    // 11.6.2 total (3 rows) and 11.3.1 (2 rows); not the Female breakdown, not the other cities.
    expect(back.table.length).toBe(5);
    expect(normalizedCsv([back.table]).csv).toBe(csv);
  });
});

describe('figure CSV safety', () => {
  it('neutralises formula payloads in names and sources, while negative values stay numbers', () => {
    const figure = trendFigure(ctx('en'), 'XD-HYP', '11.3.1');
    const csv = figure?.csv() ?? '';
    const rows = Papa.parse<string[]>(csv.slice(1).trim()).data.slice(1);
    expect(rows.map((r) => [r[0], r[4], r[8]])).toEqual([
      // The importer trims the cell (" -1+2" → "-1+2"); the writer neutralises what is left.
      ['\'=HYPERLINK("x")', '-2', "'-1+2"],
      ['\'=HYPERLINK("x")', '1.5', "'+cmd"],
    ]);
    expect(csv).toContain(',-2,');
    // Re-imported (the apostrophe stays: it is text now), then written again: the same file.
    const back = reimport(csv);
    expect(back.table.length).toBe(2);
    expect(normalizedCsv([back.table]).csv).toBe(csv);
    // The file name is ASCII, whatever the city is called.
    expect(figure?.fileBase).toBe('hyperlink-x_11-3-1_trend_en');
  });
});

describe('footerLines(ctx, datasetNames)', () => {
  it.each([
    ['en', ['Source: Cities survey (file cities.csv, imported March 12, 2026).', 'Method: Open SDG (Statistics Canada).', 'Computed on March 12, 2026 with Marsad.']],
    ['fr', ['Source\u00a0: Cities survey (fichier cities.csv, importé le 12 mars 2026).', 'Méthode\u00a0: Open SDG (Statistique Canada).', 'Calculé le 12 mars 2026 avec Marsad.']],
  ] as const)('in %s', (lang, lines) => {
    expect(footerLines(ctx(lang), ['Cities survey', 'Cities survey'])).toEqual(lines);
  });

  it('says when there is no dataset, and writes dates in Arabic-Indic digits when asked', () => {
    expect(footerLines(ctx('en'), [])[0]).toBe('Source: no dataset.');
    const ar = footerLines({ ...ctx('ar'), digits: 'arab' }, ['Cities survey']);
    expect(ar[2]).toMatch(/[٠-٩]/);
    expect(ar[2]).not.toMatch(/[\u061c\u200e\u200f]/);
  });

  it('ar: the names of datasets and files keep their own direction (FSI…PDI), so "2024-data.csv" does not read "data.csv-2024"', () => {
    const own = (s: string) => `\u2068${s}\u2069`;
    const ds = { ...dataset, name: '2024 survey', files: [{ ...dataset.files[0]!, name: 'uploads/2024-data.csv' }] };
    expect(footerLines({ ...ctx('ar'), datasets: [ds] }, ['2024 survey'])[0]).toBe(`المصدر: ${own('2024 survey')} (الملف ${own('2024-data.csv')}، استُوردت في 12 مارس 2026).`);
    expect(footerLines({ ...ctx('en'), datasets: [ds] }, ['2024 survey'])[0]).toBe('Source: 2024 survey (file 2024-data.csv, imported March 12, 2026).');
  });

  it('names the source organisation and licence the user gave instead of files, each dataset of a merged one on its own', () => {
    const amman = { ...dataset, id: 'a', name: 'Amman 2024', info: { source: 'Greater Amman Municipality', licence: 'CC BY 4.0' } };
    const zarqa = { ...dataset, id: 'z', name: 'Zarqa', info: { source: 'Zarqa Municipality' } };
    const merged = { ...dataset, id: 'merged', name: 'Amman 2024 + Zarqa', parts: [amman, zarqa] };
    expect(footerLines({ ...ctx('en'), datasets: [merged] }, ['Amman 2024', 'Zarqa'])[0]).toBe('Source: Amman 2024 — Greater Amman Municipality, licence CC BY 4.0; Zarqa — Zarqa Municipality.');
    expect(footerLines({ ...ctx('ar'), datasets: [amman] }, ['Amman 2024'])[0]).toBe('المصدر: \u2068Amman 2024\u2069 — \u2068Greater Amman Municipality\u2069، الترخيص \u2068CC BY 4.0\u2069.');
  });
});

describe('trend figures in every language: the target’s source, numbers and codes right to left', () => {
  const percentCsv = [
    'city,city_code,indicator,year,value,source',
    'Wadi Noor,XD-WNR,11.2.1,2015,60,Survey C',
    'Wadi Noor,XD-WNR,11.2.1,2021,75,Survey C',
  ].join('\n');
  const table = ingestFile({ name: 'transport.csv', bytes: new TextEncoder().encode(percentCsv) }, registry).table;
  const percentCtx = (lang: Lang): FigureContext => ({ ...ctx(lang), dashboard: buildDashboard([table], registry, 'opensdg'), datasets: [] });
  /** The footer's `<text>` lines of the rendered SVG (after the rule above the footer, before the chart's own SVG). */
  const footerTexts = (figure: CityFigure | undefined) => {
    const svg = renderFigureSvg(figure!.input).svg;
    return [...svg.slice(svg.indexOf('<line '), svg.indexOf('<svg x=')).matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');
  };

  it.each<[Lang, string]>([
    ['en', 'Target: 100.0 by 2030 (SDG target 11.2 (access to transport systems for all by 2030); Open SDG suggested target 100 %).'],
    ['fr', 'Cible\u00a0: 100,0 en 2030 (Cible 11.2 des ODD (accès de tous à des systèmes de transport d’ici à 2030) ; cible suggérée par Open SDG : 100 %).'],
    ['es', 'Meta: 100,0 en 2030 (Meta 11.2 de los ODS (acceso a sistemas de transporte para todos de aquí a 2030); meta sugerida por Open SDG: 100 %).'],
    ['ar', 'الهدف: 100.0 بحلول 2030 (الغاية 11.2 من أهداف التنمية المستدامة (وصول الجميع إلى نظم النقل بحلول عام 2030)؛ الهدف المقترح في Open SDG: 100%).'],
  ])('%s: the target line names its source in the figure’s language', (lang, line) => {
    expect(trendFigure(percentCtx(lang), 'XD-WNR', '11.2.1')?.input.text.footer).toContain(line);
  });

  it('ar: "100%" is isolated left to right (LRI…PDI) inside the right-to-left footer line, so "%" stays after the number', () => {
    const lines = footerTexts(trendFigure(percentCtx('ar'), 'XD-WNR', '11.2.1'));
    expect(lines.join(' ')).toContain('\u2066100%\u2069');
    // Every line is its own right-to-left isolate, with its isolates balanced (a wrapped run is closed and reopened).
    for (const line of lines) {
      expect(line.startsWith('\u2067') && line.endsWith('\u2069'), line).toBe(true);
      expect([...line].filter((c) => c >= '\u2066' && c <= '\u2068').length, line).toBe([...line].filter((c) => c === '\u2069').length);
    }
  });

  it('en: no isolates are added to left-to-right figures', () => {
    expect(footerTexts(trendFigure(percentCtx('en'), 'XD-WNR', '11.2.1')).join('')).not.toMatch(/[\u2066-\u2069]/);
  });
});
