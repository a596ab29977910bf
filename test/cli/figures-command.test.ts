import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computedAtFrom } from '@/cli/figures-command';
import { svgToPngNode } from '@/cli/rasterize';
import { runCli } from '@/cli/run-cli';
import { square } from '../fixtures/geo';

const tmp = mkdtempSync(join(tmpdir(), 'marsad-figures-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Fictional cities.
const data = join(tmp, 'cities.csv');
writeFileSync(
  data,
  [
    'city,city_code,indicator,year,value,unit,source',
    'Wadi Noor,XD-WNR,11.6.2,2015,20,µg/m³,Survey A',
    'Wadi Noor,XD-WNR,11.6.2,2021,11.5,µg/m³,Survey A',
    'Wadi Noor,XD-WNR,11.3.1,2015,-0.5,,Survey B',
    'Wadi Noor,XD-WNR,11.3.1,2020,-1.25,,Survey B',
    'Tal Sanawbar,XD-TSN,11.6.2,2015,30,µg/m³,Survey A',
    'Tal Sanawbar,XD-TSN,11.6.2,2021,33,µg/m³,Survey A',
  ].join('\n'),
);

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  expect([...bytes.slice(12, 16)].map((b) => String.fromCharCode(b)).join('')).toBe('IHDR');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function svgSize(svg: string): { width: number; height: number } {
  const m = /^<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg);
  return { width: Number(m?.[1]), height: Number(m?.[2]) };
}

describe('figures <files> --city --out', () => {
  it('writes every figure as SVG with its CSV, plus annex.csv, and lists them', async () => {
    const out = join(tmp, 'svg');
    const r = await cli('figures', data, '--city', 'wadi noor', '--out', out, '--date', '2026-03-12');
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'annex.csv',
      'wadi-noor_11-3-1_trend_en.csv',
      'wadi-noor_11-3-1_trend_en.svg',
      'wadi-noor_11-6-2_trend_en.csv',
      'wadi-noor_11-6-2_trend_en.svg',
      'wadi-noor_status_en.csv',
      'wadi-noor_status_en.svg',
    ]);
    expect(r.stdout).toMatch(/wadi-noor_status_en\.svg {2}800 × \d+ px {2}[\d.]+ KB/);
    expect(r.stderr).toMatch(/wrote 3 figures of Wadi Noor \(XD-WNR\) \(svg, language en, method opensdg\) and annex\.csv/);
    const svg = readFileSync(join(out, 'wadi-noor_11-6-2_trend_en.svg'), 'utf8');
    expect(svg).toContain('Computed on March 12, 2026 with Marsad.');
    expect(svg).toContain('Source: cities.csv (imported March 12, 2026).');
    const csv = readFileSync(join(out, 'wadi-noor_11-3-1_trend_en.csv'), 'utf8');
    expect(csv.startsWith('\ufeffcity,city_code,indicator,year,value')).toBe(true);
    expect(csv).toContain('Wadi Noor,XD-WNR,11.3.1,2015,-0.5,');
    expect(readFileSync(join(out, 'annex.csv'), 'utf8').startsWith('\ufeff')).toBe(true);
  });

  it('the same date gives the same files (reproducible)', async () => {
    await cli('figures', data, '--city', 'XD-WNR', '--out', join(tmp, 'a'), '--date', '2026-03-12', '--lang', 'ar');
    await cli('figures', data, '--city', 'XD-WNR', '--out', join(tmp, 'b'), '--date', '2026-03-12', '--lang', 'ar');
    for (const f of readdirSync(join(tmp, 'a'))) expect(readFileSync(join(tmp, 'b', f), 'utf8'), f).toBe(readFileSync(join(tmp, 'a', f), 'utf8'));
    expect(readFileSync(join(tmp, 'a', 'wadi-noor_status_ar.svg'), 'utf8')).toContain('xml:lang="ar"');
  });

  it.each([2, 3] as const)('--format png --scale %i: the PNG is the figure size × the scale, exactly', async (scale) => {
    const out = join(tmp, `png${scale}`);
    const r = await cli('figures', data, '--city', 'XD-WNR', '--partner', 'Tal Sanawbar', '--out', out, '--format', 'png', '--scale', String(scale), '--date', '2026-03-12');
    expect(r.code).toBe(0);
    const svgOut = join(tmp, `png${scale}-svg`);
    await cli('figures', data, '--city', 'XD-WNR', '--partner', 'Tal Sanawbar', '--out', svgOut, '--date', '2026-03-12');
    const pngs = readdirSync(out).filter((f) => f.endsWith('.png'));
    expect(pngs.sort()).toEqual(['wadi-noor-tal-sanawbar_11-3-1_trend_en.png', 'wadi-noor-tal-sanawbar_11-6-2_trend_en.png', 'wadi-noor-tal-sanawbar_status_en.png']);
    for (const f of pngs) {
      const svg = svgSize(readFileSync(join(svgOut, f.replace(/\.png$/, '.svg')), 'utf8'));
      const png = pngSize(new Uint8Array(readFileSync(join(out, f))));
      expect(png).toEqual({ width: svg.width * scale, height: svg.height * scale });
      expect(r.stdout).toContain(`${png.width} × ${png.height} px (${svg.width} × ${svg.height} at ${scale}×)`);
    }
  });

  it('an unknown city is a data error naming close matches; nothing is written', async () => {
    const out = join(tmp, 'none');
    const r = await cli('figures', data, '--city', 'Wadi Nor', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('figures: no city "Wadi Nor" in the data (2 cities). Did you mean Wadi Noor (XD-WNR)?');
    expect(() => readdirSync(out)).toThrow();
  });

  it.each([
    [['figures', data, '--out', 'x'], '--city <name|code> is required'],
    [['figures', data, '--city', 'XD-WNR'], '--out <folder> is required'],
    [['figures', data, '--city', 'XD-WNR', '--out', 'x', '--format', 'pdf'], '--format must be one of svg, png'],
    [['figures', data, '--city', 'XD-WNR', '--out', 'x', '--format', 'png', '--scale', '4'], '--scale must be one of 2, 3'],
    [['figures', data, '--city', 'XD-WNR', '--out', 'x', '--lang', 'de'], '--lang must be one of en, ar, fr, es'],
    [['figures', data, '--city', 'XD-WNR', '--out', 'x', '--date', '2026-02-30'], '--date must be a date'],
    [['figures', '--city', 'XD-WNR', '--out', 'x'], 'figures: no files given'],
  ])('usage error %j', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('computedAtFrom(raw)', () => {
  it('reads a day as noon UTC, else a full timestamp, else now', () => {
    expect(computedAtFrom('2026-03-12').toISOString()).toBe('2026-03-12T12:00:00.000Z');
    expect(computedAtFrom('2026-03-12T08:30:00Z').toISOString()).toBe('2026-03-12T08:30:00.000Z');
    const now = new Date(0);
    expect(computedAtFrom(undefined, () => now)).toBe(now);
  });
});

describe('svgToPngNode(svg, scale)', () => {
  it('draws on white at scale × the SVG size', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="7" viewBox="0 0 10 7"><text x="1" y="6" font-size="5">وادي</text></svg>';
    const png = svgToPngNode(svg, 3);
    expect([png.width, png.height]).toEqual([30, 21]);
    expect(pngSize(png.png)).toEqual({ width: 30, height: 21 });
  });
});

describe('figures --boundaries', () => {
  const wards = new URL('../fixtures/cli-wards/port-ruri/', import.meta.url).pathname;
  const geo = (code: (i: number) => string, coords: (i: number) => [number, number] = (i) => [10 + i * 0.01, 40]) =>
    JSON.stringify({
      type: 'FeatureCollection',
      name: 'Port Ruri wards 2021',
      features: ['North End', 'Harbourside', 'Lighthouse Point'].map((name, i) => ({
        type: 'Feature',
        properties: { WD21CD: code(i), WD21NM: name },
        geometry: { type: 'Polygon', coordinates: square(...coords(i), 0.01) },
      })),
    });

  it('writes the map of each indicator with district data and says how the shapes joined', async () => {
    const file = join(tmp, 'wards.geojson');
    writeFileSync(file, geo((i) => `X0500000${i + 1}`));
    const out = join(tmp, 'maps');
    const r = await cli('figures', wards, '--city', 'Port Ruri', '--boundaries', file, '--out', out, '--date', '2026-03-12');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('boundaries wards.geojson: 3 shapes. 2 of 2 districts of Port Ruri matched. Joined on “WD21CD” by code.');
    expect(r.stderr).toContain('shapes without data: Lighthouse Point');
    expect(readdirSync(out).filter((f) => f.includes('_map_'))).toEqual(['port-ruri_11-1-1-c_map_en.csv', 'port-ruri_11-1-1-c_map_en.svg']);
    const svg = readFileSync(join(out, 'port-ruri_11-1-1-c_map_en.svg'), 'utf8');
    expect(svg).toContain('>No data<');
    expect(svg).toContain('Boundaries: Port Ruri wards 2021 (wards.geojson)');
  });

  it('refuses a projected or broken boundary file with what to do, and writes nothing', async () => {
    const projected = join(tmp, 'bng.geojson');
    writeFileSync(projected, geo((i) => `X0500000${i + 1}`, (i) => [359752 + i * 500, 174590]));
    const out = join(tmp, 'maps-bng');
    const r = await cli('figures', wards, '--city', 'Port Ruri', '--boundaries', projected, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bng.geojson: the coordinates are not longitude/latitude (for example 359752, 174590) — it looks like British National Grid (EPSG:27700)');
    expect(() => readdirSync(out)).toThrow();
    const broken = join(tmp, 'broken.geojson');
    writeFileSync(broken, '{"type":"FeatureCollection","features":[');
    const b = await cli('figures', wards, '--city', 'Port Ruri', '--boundaries', broken, '--out', out);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('broken.geojson: this is not valid JSON');
  });

  it('says so when no shape matches a district, and writes the other figures', async () => {
    const file = join(tmp, 'other.geojson');
    writeFileSync(file, geo((i) => `ZZ${i}`).replace(/"WD21NM":"[^"]*"/g, '"WD21NM":"Nowhere"'));
    const out = join(tmp, 'maps-none');
    const r = await cli('figures', wards, '--city', 'Port Ruri', '--boundaries', file, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('0 of 2 districts of Port Ruri matched. No property of the file holds the codes or names of the districts of Port Ruri.');
    expect(r.stderr).toContain('no map written');
    expect(readdirSync(out).some((f) => f.includes('_map_'))).toBe(false);
  });
});

describe('figures --report-config', () => {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

  it('writes the cover page from a YAML file (logo read from a path beside it) and from JSON', async () => {
    const dir = join(tmp, 'cover');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'logo.png'), png);
    writeFileSync(join(dir, 'cover.yml'), ['title: Voluntary Local Review 2026', 'organisation: Wadi Noor Urban Observatory', 'logo: logo.png', 'foreword: |', '  Our first review.', '', '  With thanks.', 'partner:', '  organisation: Tal Sanawbar Planning Office'].join('\n'));
    const out = join(tmp, 'cover-out');
    const r = await cli('figures', data, '--city', 'Wadi Noor', '--partner', 'Tal Sanawbar', '--report-config', join(dir, 'cover.yml'), '--out', out, '--date', '2026-03-12');
    expect(r.code).toBe(0);
    const svg = readFileSync(join(out, 'wadi-noor-tal-sanawbar_cover_en.svg'), 'utf8');
    for (const text of ['Voluntary Local Review 2026', 'Wadi Noor Urban Observatory', 'Tal Sanawbar Planning Office', 'Our first review.', 'March 12, 2026']) expect(svg).toContain(text);
    expect(svg).toContain('href="data:image/png;base64,');
    writeFileSync(join(dir, 'cover.json'), JSON.stringify({ title: 'Rapport 2026', period: '2015–2025' }));
    const fr = await cli('figures', data, '--city', 'Wadi Noor', '--report-config', join(dir, 'cover.json'), '--out', out, '--lang', 'fr');
    expect(fr.code).toBe(0);
    expect(readFileSync(join(out, 'wadi-noor_cover_fr.svg'), 'utf8')).toContain('2015–2025');
  });

  it('refuses an unknown field, a logo that is not an image and a broken file, naming the problem', async () => {
    const dir = join(tmp, 'cover-bad');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ titel: 'typo' }));
    const a = await cli('figures', data, '--city', 'Wadi Noor', '--report-config', join(dir, 'a.json'), '--out', join(tmp, 'x'));
    expect(a.code).toBe(1);
    expect(a.stderr).toContain('figures: --report-config: a.json:');
    expect(a.stderr).toContain('titel');
    writeFileSync(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dir, 'b.yml'), 'logo: logo.svg\n');
    const b = await cli('figures', data, '--city', 'Wadi Noor', '--report-config', join(dir, 'b.yml'), '--out', join(tmp, 'x'));
    expect(b.stderr).toContain('b.yml: the logo logo.svg is not a PNG, JPEG or WebP image');
    writeFileSync(join(dir, 'c.yml'), 'title: [unclosed\n');
    const c = await cli('figures', data, '--city', 'Wadi Noor', '--report-config', join(dir, 'c.yml'), '--out', join(tmp, 'x'));
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('c.yml is not valid YAML');
  });
});
