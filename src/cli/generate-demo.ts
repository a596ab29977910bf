import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Indicator } from '@/domain/indicator';
import type { Registry } from '@/domain/registry';
import { toCsv, type CsvCell } from '@/ingest/write-csv';
import { loadRegistryFromDirs } from './load-registry';
import { gaussish, hashSeed, mulberry32 } from './prng';

/**
 * The built-in illustrative demo: FICTIONAL partner cities with plausible values for every indicator
 * of the registry, 2010–2024. Deterministic (seeded per city × indicator), so `npm run demo-data`
 * writes the same bytes every run and a test pins the committed file to the generator.
 *
 * Writes public/demo/marsad-demo.csv (long format), public/demo/cities.json (code → English and
 * Arabic names, for the UI), and — only when missing, so a deployment's own list is never
 * overwritten — public/data/manifest.json and public/data/README.md.
 */

export const DEMO_SOURCE = 'Marsad illustrative data (fictional)';
export const DEMO_HEADER = ['city', 'city_code', 'indicator', 'year', 'value', 'unit', 'sex', 'source', 'note'] as const;
export const DEMO_FIRST_YEAR = 2010;
export const DEMO_LAST_YEAR = 2024;

/** How a city's indicators move: towards the good end, flat, away from it, or a mix. */
export type DemoProfile = 'achiever' | 'improving' | 'stagnating' | 'deteriorating' | 'mixed' | 'late';

export type DemoCity = { code: string; en: string; ar: string; profile: DemoProfile };

/**
 * Invented names (no real city is meant); codes use the ISO 3166 user-assigned prefix "XD" so they can
 * never clash with a real country or city code.
 */
export const DEMO_CITIES: readonly DemoCity[] = [
  { code: 'XD-WNR', en: 'Wadi Noor', ar: 'وادي النور', profile: 'achiever' },
  { code: 'XD-BSH', en: 'Bustan al-Sahab', ar: 'بستان السحاب', profile: 'improving' },
  { code: 'XD-TSN', en: 'Tal Sanawbar', ar: 'تل الصنوبر', profile: 'stagnating' },
  { code: 'XD-SFR', en: 'Sahil Fayrouz', ar: 'ساحل الفيروز', profile: 'deteriorating' },
  { code: 'XD-QMR', en: 'Qamarayn', ar: 'قمرين', profile: 'mixed' },
  { code: 'XD-NLL', en: 'Nahr Lulu', ar: 'نهر اللؤلؤ', profile: 'late' },
];

export type DemoCityNames = Record<string, { en: string; ar: string }>;

/**
 * Sex gaps (relative to the total: Female = total × (1 + gap), Male = total × (1 − gap)) for the
 * indicators where a sex breakdown is usual. Only the ones present in the registry are used.
 */
const SEX_GAPS: Readonly<Record<string, number>> = {
  '11.2.1': -0.04, // women somewhat less often near a convenient stop (trip patterns, safety)
  '11.7.2': 0.35, // harassment: women report it far more often
  '8.5.2': 0.25, // unemployment higher for women
  '16.1.4': -0.15, // women feel less safe walking alone after dark
  '1.2.1': 0.05,
};

/** Where an indicator's "bad" and "good" values lie and the limits every value must respect. */
type Scale = { bad: number; good: number; min: number; max: number };

/** Typical bad → good values per unit kind when the registry gives no target or bounds. */
const DEFAULTS: Record<Indicator['unitKind'], { increase: [number, number]; decrease: [number, number] }> = {
  percent: { increase: [35, 97], decrease: [45, 3] },
  rate_per_100k: { increase: [5, 60], decrease: [25, 2] },
  rate_per_1000: { increase: [2, 20], decrease: [20, 2] },
  ratio: { increase: [0.4, 1.2], decrease: [2.2, 0.8] },
  count: { increase: [10, 150], decrease: [120, 5] },
  currency: { increase: [5, 60], decrease: [60, 5] },
  concentration: { increase: [5, 45], decrease: [45, 8] },
  score: { increase: [0.2, 0.95], decrease: [0.8, 0.1] },
  binary: { increase: [0, 1], decrease: [1, 0] },
  per_capita: { increase: [2, 8], decrease: [8, 2] },
};

/**
 * Typical bad and good levels for indicators whose unit kind alone would give implausible values
 * (open space is a few % of built-up area, not 35–97 %). Order of magnitude only: the data is fictional.
 */
const TYPICAL: Readonly<Record<string, { bad?: number; good?: number }>> = {
  '1.2.1': { bad: 30, good: 5 },
  '1.4.1': { bad: 55 },
  '3.9.1': { bad: 120, good: 25 },
  '6.1.1': { bad: 60 },
  '7.1.1': { bad: 85 },
  '7.1.2': { bad: 70 },
  '8.5.2': { bad: 25, good: 4 },
  '8.6.1': { bad: 35, good: 8 },
  '11.5.2': { bad: 1.5, good: 0.05 },
  '11.7.1': { bad: 4, good: 20 },
  '13.2.2': { bad: 9, good: 2 },
  '16.1.4': { bad: 40, good: 85 },
};

function scaleOf(ind: Indicator): Scale {
  const inc = ind.direction === 'increase';
  let min = ind.validRange.min ?? -Infinity;
  let max = ind.validRange.max ?? Infinity;
  if (ind.unitKind === 'percent') {
    min = Math.max(min, 0);
    max = Math.min(max, 100);
  }
  if (!Number.isFinite(min) && ind.unitKind !== 'ratio') min = 0; // no negative counts, rates or money
  const [defBad, defGood] = DEFAULTS[ind.unitKind][ind.direction];
  const typical = TYPICAL[ind.code] ?? {};
  let good = ind.goalTarget?.value ?? typical.good ?? ind.bounds?.optimum ?? defGood;
  if (ind.unitKind === 'score' && Number.isFinite(min) && Number.isFinite(max)) {
    good = ind.goalTarget?.value ?? (inc ? max - 0.05 * (max - min) : min + 0.05 * (max - min));
  }
  good = clamp(good, min, max);
  // "bad" lies on the far side of good: below it for an increase indicator, above it for a decrease one.
  const badSide = (b: number | undefined): b is number => b !== undefined && Number.isFinite(b) && (inc ? b < good : b > good);
  const red = ind.bounds?.red;
  // SDSN's red threshold is where "bad" starts; cities in the demo begin a little beyond it.
  const fromBounds = red === undefined ? undefined : red + 0.5 * (red - good);
  const fromScore =
    ind.unitKind === 'score' && Number.isFinite(min) && Number.isFinite(max)
      ? inc
        ? min + 0.2 * (max - min)
        : max - 0.2 * (max - min)
      : undefined;
  const found = [typical.bad, fromBounds, fromScore, defBad].find(badSide);
  let bad: number;
  if (found !== undefined) bad = found;
  else {
    const span = Math.max(1, Math.abs(good) * 0.6);
    bad = inc ? good - span : good + span;
  }
  const lower = ind.bounds?.lower; // the worst plausible value: never start beyond it
  if (badSide(lower)) bad = inc ? Math.max(bad, lower) : Math.min(bad, lower);
  bad = clamp(bad, min, max);
  if (bad === good) bad = inc ? good - 1 : good + 1; // a range of one point; only for degenerate ranges
  return { bad, good, min, max };
}

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** Position between bad (0) and good (1) in a year, by profile; deterministic given `rand`. */
function trajectory(profile: Exclude<DemoProfile, 'mixed'>, rand: () => number): (year: number) => number {
  const jitter = (rand() - 0.5) * 0.2;
  const slopeJitter = 0.7 + rand() * 0.6;
  const t = (y: number) => y - DEMO_FIRST_YEAR;
  switch (profile) {
    case 'achiever': {
      const p0 = 0.5 + jitter;
      const reach = 2018 + Math.floor(rand() * 5); // target reached between 2018 and 2022
      return (y) => (y >= reach ? 1 + 0.02 * rand() : p0 + ((1 - p0) * t(y)) / (reach - DEMO_FIRST_YEAR));
    }
    case 'improving':
      return (y) => 0.3 + jitter + 0.03 * slopeJitter * t(y);
    case 'stagnating':
      return (y) => 0.42 + jitter + 0.003 * slopeJitter * t(y);
    case 'deteriorating':
      return (y) => 0.6 + jitter - 0.025 * slopeJitter * t(y);
    case 'late':
      return (y) => 0.35 + jitter + 0.02 * slopeJitter * t(y);
  }
}

/** One city × indicator: the years reported and the value of each (headline only). */
function series(city: DemoCity, ind: Indicator, scale: Scale): Array<{ year: number; value: number }> {
  const rand = mulberry32(hashSeed(`${city.code}|${ind.code}`));
  let profile = city.profile;
  if (profile === 'mixed') {
    const options = ['achiever', 'improving', 'stagnating', 'deteriorating'] as const;
    profile = options[Math.floor(rand() * options.length)] ?? 'stagnating';
  }
  const path = trajectory(profile, rand);
  // Reporting: most series start in 2010; some later; recent years lag for some; a few gaps.
  const r = rand();
  const start = profile === 'late' ? 2015 : r < 0.15 ? 2013 : r < 0.25 ? 2015 : DEMO_FIRST_YEAR;
  const lag = rand() < 0.2 ? 1 : rand() < 0.1 ? 2 : 0;
  const end = DEMO_LAST_YEAR - lag;
  const gapRate = profile === 'late' ? 0.2 : 0.06;
  const out: Array<{ year: number; value: number }> = [];
  const binary = ind.unitKind === 'binary';
  for (let year = start; year <= end; year++) {
    const gap = rand() < gapRate;
    const noise = gaussish(rand) * 0.02;
    if (gap && year !== start && year !== end) continue;
    let p = path(year);
    if (profile === 'achiever' && p >= 1) p = Math.max(1, p + Math.abs(noise) * 0.5);
    else p += noise;
    let value: number;
    if (binary) value = p >= 0.5 ? scale.good : scale.bad;
    else value = clamp(round(scale.bad + p * (scale.good - scale.bad), ind.decimals), scale.min, scale.max);
    out.push({ year, value });
  }
  return out;
}

/** The demo CSV (long format, formula-safe, UTF-8 BOM) and the city names for the UI. Pure. */
export function generateDemoCsv(registry: Registry): { csv: string; cities: DemoCityNames } {
  const rows: CsvCell[][] = [];
  for (const city of DEMO_CITIES) {
    for (const ind of registry.indicators) {
      const scale = scaleOf(ind);
      const gap = SEX_GAPS[ind.code];
      for (const { year, value } of series(city, ind, scale)) {
        const note = city.profile === 'late' && year === DEMO_LAST_YEAR ? 'provisional' : null;
        rows.push([city.en, city.code, ind.code, year, value, ind.unit.en, null, DEMO_SOURCE, note]);
        if (gap !== undefined && ind.unitKind !== 'binary') {
          const sexValue = (g: number) => clamp(round(value * (1 + g), ind.decimals), scale.min, scale.max);
          rows.push([city.en, city.code, ind.code, year, sexValue(gap), ind.unit.en, 'Female', DEMO_SOURCE, note]);
          rows.push([city.en, city.code, ind.code, year, sexValue(-gap), ind.unit.en, 'Male', DEMO_SOURCE, note]);
        }
      }
    }
  }
  const cities: DemoCityNames = {};
  for (const c of DEMO_CITIES) cities[c.code] = { en: c.en, ar: c.ar };
  return { csv: toCsv(DEMO_HEADER, rows), cities };
}

export const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

const DATA_README = `# Published datasets

Every visitor sees the datasets listed in \`manifest.json\` in this folder, read-only and marked
"Published", beside whatever they load in their own browser. When the list is empty (and the browser
has nothing saved) the app shows the built-in illustrative demo (fictional cities, clearly labelled).
The easiest way to fill this folder is **Publish** in the app's Data view (a ZIP of it) or
\`npm run cli -- publish … --out public/data\`; both keep earlier publications in \`archive/<date>/\`.

To publish a dataset with a deployment:

1. Check the file first: \`npm run cli -- validate public/data/my-city.csv\` (exit code 0 = no errors).
   Any layout the app can load works (long, wide, Open SDG, UN SDG database export); UTF-8 is safest.
2. Put the CSV file in this folder (sub-folders are fine).
3. List it in \`manifest.json\`; \`file\` is relative to this folder:

\`\`\`json
{
  "datasets": [
    {
      "id": "amman-vlr-2024",
      "name": "Amman — VLR 2024 indicators",
      "file": "amman-vlr-2024.csv",
      "description": "Indicators reported in the 2024 Voluntary Local Review",
      "source": "Greater Amman Municipality, Urban Observatory",
      "city": "JO-AMM"
    }
  ]
}
\`\`\`

Boundary files of a city's districts (GeoJSON or TopoJSON in longitude/latitude, WGS 84) draw the
indicators on maps; list them under \`boundaries\` (\`city\` is the city's name or code as in the data;
without it the city whose districts match best is used):

\`\`\`json
{
  "datasets": [ … ],
  "boundaries": [
    { "id": "bristol-wards-2020", "name": "Bristol wards", "file": "maps/bristol-wards-2020.geojson",
      "city": "Bristol", "date": "December 2020", "source": "ONS Open Geography Portal (OGL v3)" }
  ]
}
\`\`\`

Optional top-level fields: \`published\` (the publication's date, \`YYYY-MM-DD\`), \`headlines\` (headline
series by dataset id and indicator: \`{ "amman-vlr-2024": { "11.6.2": "PM2.5" } }\`), \`places\` (names of
places by place key and language: \`{ "JO-AMM": { "ar": "عمّان", "en": "Amman" } }\`), \`home\` (the place
key of the observatory's city), \`archives\` (\`["archive/2026-06-01/manifest.json"]\`: earlier publications,
each a folder with its own manifest and files; \`#/overview?published=2026-06-01\` shows one).

4. Build (\`npm run build\`) and copy \`dist/\` to the web server. \`npm run demo-data\` never overwrites
   this folder's \`manifest.json\` or this README once they exist.
`;

/** Writes the demo files; returns the paths written. */
export function writeDemoFiles(registry: Registry, publicDir: string = PUBLIC_DIR): string[] {
  const written: string[] = [];
  const write = (rel: string, content: string, onlyIfMissing = false) => {
    const path = join(publicDir, rel);
    if (onlyIfMissing && existsSync(path)) return;
    mkdirSync(dirname(path), { recursive: true });
    if (existsSync(path) && readFileSync(path, 'utf8') === content) return;
    writeFileSync(path, content, 'utf8');
    written.push(path);
  };
  const { csv, cities } = generateDemoCsv(registry);
  write('demo/marsad-demo.csv', csv);
  write('demo/cities.json', `${JSON.stringify(cities, null, 2)}\n`);
  write('data/manifest.json', `${JSON.stringify({ datasets: [] }, null, 2)}\n`, true);
  write('data/README.md', DATA_README, true);
  return written;
}

function main(): number {
  const { registry, problems } = loadRegistryFromDirs();
  for (const p of problems) process.stderr.write(`registry: ${p.file}: ${p.problems.join('; ')}\n`);
  if (registry.indicators.length === 0) {
    process.stderr.write('demo-data: the registry is empty (indicators/*.json); nothing generated\n');
    return 1;
  }
  const written = writeDemoFiles(registry);
  process.stdout.write(
    `demo-data: ${DEMO_CITIES.length} fictional cities × ${registry.indicators.length} indicators, ` +
      `${written.length ? `wrote ${written.length} file(s)` : 'files already up to date'}\n`,
  );
  return problems.length > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
