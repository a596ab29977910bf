import { describe, expect, it } from 'vitest';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { readBoundaries } from '@/ingest/boundaries';
import { ingestFile } from '@/ingest/ingest-file';
import { ManifestSchema } from '@/ingest/manifest';
import { buildPublication, publicationId } from '@/model/publication';
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
    expect(manifest.datasets[0]).toEqual({ id: 'wadi-noor-vlr-2026', name: 'Wadi Noor — VLR 2026', file: 'wadi-noor-vlr-2026.csv', source: 'Observatory', licence: 'CC BY 4.0', published: '2026-12-03', version: 3 });
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

  it('makes file-safe ids', () => {
    expect(publicationId('Ghadamès — مؤشرات 2026')).toBe('ghadames-2026');
    expect(publicationId('مؤشرات')).toBe('data');
  });
});
