import { describe, expect, it } from 'vitest';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { readBoundaries } from '@/ingest/boundaries';
import { ingestFile } from '@/ingest/ingest-file';
import { ManifestSchema } from '@/ingest/manifest';
import { archiveName, buildPublication, publicationId } from '@/model/publication';
import { datasetCsv, datasetFileName, datasetInfoLines, datasetSheet } from '@/model/dataset-export';
import { toLoadedDataset } from '@/storage/dataset-record';
import { newBoundarySet } from '@/storage/boundary-record';
import { square } from '../fixtures/geo';

const { registry } = loadRegistryFromDirs();
const table = (rows: string[]) => ingestFile({ name: 'x.csv', bytes: new TextEncoder().encode(['city,city_code,indicator,year,value', ...rows].join('\n')) }, registry).table;

describe('buildPublication', () => {
  it('writes each dataset as canonical CSV, the maps as GeoJSON, a manifest the app accepts and a README', () => {
    const wards = readBoundaries('w.geojson', new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { CD: 'A' }, geometry: { type: 'Polygon', coordinates: square(10, 40) } }] })));
    if (!wards.ok) throw new Error('boundaries');
    const set = { ...newBoundarySet(wards.shapes, 'w.geojson', 'Wadi Noor', 0, 'b1'), name: 'Wadi Noor wards', date: '2021' };
    const p = buildPublication({
      datasets: [
        { id: 'a', name: 'Wadi Noor — VLR 2026', table: table(['Wadi Noor,XD-WNR,11.6.2,2015,30', 'Wadi Noor,XD-WNR,11.6.2,2020,25']), version: 3 },
        { id: 'b', name: 'Wadi Noor — VLR 2026', table: table(['Tal Sanawbar,XD-TSN,11.6.2,2020,31']), version: 1 },
      ],
      date: '2026-12-03',
      source: 'Observatory',
      licence: 'CC BY 4.0',
      boundaries: [set],
    });
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.files.map((f) => f.path)).toEqual(['data/wadi-noor-vlr-2026.csv', 'data/wadi-noor-vlr-2026-2.csv', 'data/maps/boundaries-wadi-noor-wards.geojson', 'data/manifest.json', 'data/README.md']);
    const manifest = ManifestSchema.parse(JSON.parse(p.files.find((f) => f.path === 'data/manifest.json')?.text ?? ''));
    // The publication's version of the dataset (1, 2… per id, as the CLI counts), not the version saved in the browser.
    expect(manifest.datasets[0]).toEqual({ id: 'wadi-noor-vlr-2026', name: 'Wadi Noor — VLR 2026', file: 'wadi-noor-vlr-2026.csv', source: 'Observatory', licence: 'CC BY 4.0', published: '2026-12-03', version: 1 });
    expect(manifest.boundaries).toEqual([{ id: 'boundaries-wadi-noor-wards', name: 'Wadi Noor wards', file: 'maps/boundaries-wadi-noor-wards.geojson', city: 'Wadi Noor', date: '2021' }]);
    // What was published reads back: the CSV as the same observations, the map as the same shapes.
    expect(ingestFile({ name: 'x.csv', bytes: new TextEncoder().encode(p.files[0]?.text ?? '') }, registry).table.length).toBe(2);
    const back = readBoundaries('m.geojson', new TextEncoder().encode(p.files[2]?.text ?? ''));
    expect(back.ok && back.shapes.features[0]?.properties).toEqual({ CD: 'A' });
    expect(p.files.at(-1)?.text).toContain('- Wadi Noor — VLR 2026 — `wadi-noor-vlr-2026.csv` — Observatory (CC BY 4.0)');
  });

  it('is blocked by values that disagree between the datasets chosen', () => {
    const p = buildPublication({ datasets: [{ id: 'a', name: 'A', table: table(['Wadi Noor,XD-WNR,11.6.2,2015,30']), version: 1 }, { id: 'b', name: 'B', table: table(['Wadi Noor,XD-WNR,11.6.2,2015,31']), version: 1 }], date: '2026-12-03' });
    expect(p).toEqual({ ok: false, conflicts: [{ city: 'Wadi Noor', indicator: '11.6.2', year: 2015, values: [30, 31] }] });
  });

  it('publishing again archives the publication on the site, counts versions on, keeps an unchanged dataset as it was', () => {
    const amman = table(['Amman,JO-AM,11.6.2,2015,30', 'Amman,JO-AM,11.6.2,2020,25']);
    const first = buildPublication({ datasets: [{ id: 'x', name: 'Amman', table: amman, version: 1 }, { id: 'y', name: 'Zarqa', table: table(['Zarqa,JO-AZ,11.6.2,2020,40']), version: 1 }], date: '2026-06-01' });
    if (!first.ok) throw new Error('first');
    const onSite = new Map(first.files.filter((f) => !f.path.startsWith('data/archive/')).map((f) => [f.path.replace(/^data\//, ''), f.text]));
    const previous = { manifest: { ...first.manifest, archives: ['archive/2025-12-01/manifest.json', 'archive/2026-06-01/manifest.json'] }, files: onSite };
    const second = buildPublication({
      datasets: [
        // Republished as it was (from the site), and a new version of Zarqa made in this browser.
        { id: 'published:amman', name: 'Amman', table: amman, version: 1, publishedId: 'amman' },
        { id: 'local-1', name: 'Zarqa', table: table(['Zarqa,JO-AZ,11.6.2,2020,40', 'Zarqa,JO-AZ,11.6.2,2024,35']), version: 2, info: { source: 'Zarqa Municipality', notes: 'Survey 2024' } },
      ],
      date: '2026-12-03',
      licence: 'CC BY 4.0',
      headlines: { 'local-1': { '11.6.2': 'PM2.5' } },
      places: { 'jo-az': { ar: 'الزرقاء' } },
      home: 'jo-az',
      previous,
    });
    if (!second.ok) throw new Error('second');
    // The archive name is the earlier publication's date; a 2026-06-01 archive is already listed, so "-2".
    expect(second.archived).toBe('2026-06-01-2');
    expect(second.files.map((f) => f.path).filter((p) => p.startsWith('data/archive/'))).toEqual([
      'data/archive/2026-06-01-2/amman.csv',
      'data/archive/2026-06-01-2/zarqa.csv',
      'data/archive/2026-06-01-2/manifest.json',
    ]);
    const archived = ManifestSchema.parse(JSON.parse(second.files.find((f) => f.path === 'data/archive/2026-06-01-2/manifest.json')?.text ?? ''));
    expect(archived.datasets.map((d) => [d.id, d.file, d.published])).toEqual([['amman', 'amman.csv', '2026-06-01'], ['zarqa', 'zarqa.csv', '2026-06-01']]);
    expect(archived.archives).toBeUndefined();
    const m = second.manifest;
    expect(m.archives).toEqual(['archive/2025-12-01/manifest.json', 'archive/2026-06-01/manifest.json', 'archive/2026-06-01-2/manifest.json']);
    expect(m.published).toBe('2026-12-03');
    expect(m.datasets.map((d) => [d.id, d.version, d.published, d.source, d.licence, d.description])).toEqual([
      ['amman', 1, '2026-06-01', undefined, 'CC BY 4.0', undefined],
      ['zarqa', 2, '2026-12-03', 'Zarqa Municipality', 'CC BY 4.0', 'Survey 2024'],
    ]);
    expect(m.headlines).toEqual({ zarqa: { '11.6.2': 'PM2.5' } });
    expect(m.places).toEqual({ 'jo-az': { ar: 'الزرقاء' } });
    expect(m.home).toBe('jo-az');
  });

  it('publishes the data’s own description of its indicators with it, read back by the manifest schema', () => {
    const metadata = { indicators: { '11.1.1.c': { title: { en: 'Percentage satisfied with their local area', ar: 'نسبة الراضين عن منطقتهم' }, unit: { en: '%' } } } };
    const p = buildPublication({ datasets: [{ id: 'b', name: 'Bristol', table: table(['Bristol,E06000023,11.1.1.c,2020,75']), version: 1, metadata }], date: '2026-12-03' });
    if (!p.ok) throw new Error('publication');
    const back = ManifestSchema.parse(JSON.parse(p.files.find((f) => f.path === 'data/manifest.json')?.text ?? ''));
    expect(back.datasets[0]?.metadata).toEqual(metadata);
  });

  it('names an archive by the publication date, else its datasets’ latest date', () => {
    const base = { datasets: [{ id: 'a', name: 'A', file: 'a.csv', published: '2026-01-02' }, { id: 'b', name: 'B', file: 'b.csv', published: '2026-03-04' }] };
    expect(archiveName(base, [])).toBe('2026-03-04');
    expect(archiveName({ ...base, published: '2026-05-06' }, ['2026-05-06', '2026-05-06-2'])).toBe('2026-05-06-3');
    expect(archiveName({ datasets: [{ id: 'a', name: 'A', file: 'a.csv' }] }, [])).toBe('undated');
  });

  it('makes file-safe ids', () => {
    expect(publicationId('Ghadamès — مؤشرات 2026')).toBe('ghadames-2026');
    expect(publicationId('مؤشرات')).toBe('data');
  });
});

describe('ManifestSchema', () => {
  const ok = { datasets: [{ id: 'amman', name: 'Amman', file: 'amman.csv' }] };
  it('reads headline series, place names, the home city and the publication date', () => {
    const m = ManifestSchema.parse({ ...ok, published: '2026-12-03', headlines: { amman: { '11.6.2': 'PM2.5' } }, places: { 'jo-am': { ar: 'عمّان', en: 'Amman' } }, home: 'jo-am' });
    expect(m.headlines).toEqual({ amman: { '11.6.2': 'PM2.5' } });
    expect(m.places?.['jo-am']?.ar).toBe('عمّان');
  });
  it('refuses what it cannot trust: a headline for a dataset it does not list, a bad date, an empty name, a path out of data/', () => {
    const problems = (x: unknown) => {
      const r = ManifestSchema.safeParse(x);
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(problems({ ...ok, headlines: { zarqa: { '11.6.2': 'PM10' } } })).toEqual(['headlines.zarqa']);
    expect(problems({ ...ok, published: '3/12/2026' })).toEqual(['published']);
    expect(problems({ ...ok, places: { 'jo-am': { ar: '' } } })).toEqual(['places.jo-am.ar']);
    expect(problems({ datasets: [{ id: 'a', name: 'A', file: '../secret.csv' }] })).toEqual(['datasets.0.file']);
    expect(problems({ ...ok, archives: ['https://example.org/m.json'] })).toEqual(['archives.0']);
  });
});

describe('a dataset as a document', () => {
  const d = toLoadedDataset({ id: 'x', name: 'Amman indicators 2024.csv', source: 'upload', createdAt: 1, table: table(['Amman,JO-AM,11.6.2,2015,30.5', 'Amman,JO-AM,11.6.2,2020,25']), files: [], info: { source: 'Greater Amman Municipality', licence: 'CC BY 4.0' } });
  const labels = { name: 'Name', source: 'Source organisation', licence: 'Licence', notes: 'Notes', published: 'Published' };
  it('downloads as canonical CSV that reads back as the same observations', () => {
    expect(datasetFileName(d, 'csv')).toBe('amman-indicators-2024.csv');
    const back = ingestFile({ name: 'back.csv', bytes: new TextEncoder().encode(datasetCsv(d)) }, registry).table;
    expect(Array.from(back.value)).toEqual([30.5, 25]);
  });
  it('downloads as a sheet: numbers as number cells, what the user said below the table', () => {
    const sheet = datasetSheet(d, datasetInfoLines(d, labels), d.name);
    expect(sheet.data[1]?.[4]).toEqual({ type: Number, value: 30.5, format: 'General' });
    expect(sheet.data[1]?.[3]).toEqual({ type: Number, value: 2015, format: '0' });
    expect(sheet.data.slice(-3).map((r) => r[0] ?? null)).toEqual([
      { type: String, value: 'Name: Amman indicators 2024.csv' },
      { type: String, value: 'Source organisation: Greater Amman Municipality' },
      { type: String, value: 'Licence: CC BY 4.0' },
    ]);
    expect(sheet.options.sheet).toBe('Amman indicators 2024.csv');
  });
});
