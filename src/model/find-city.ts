import { type CityNames, type Dashboard, type DashboardCity, displayNamesOf } from './dashboard-model';

/**
 * Finding the city a user typed (`--city Amman`, `--city jo-amm`, `--city "Ghadamès"`, `--city عمان`):
 * by key or code first, then by name, ignoring case, accents and Arabic spelling variants (hamza forms
 * of alef, alef maqsura, ta marbuta, tatweel, harakat). Display names (`CityNames`) count as names too.
 * Shared by the CLI commands that work on one city (`annex`, `figures`).
 */

/** Latin letters that carry no combining mark to strip (Łomża, Tórshavn's ø…). */
const LETTERS: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', đ: 'd', ð: 'd', ħ: 'h', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th' };

/** Lower case, no accents or harakat, Arabic letter variants folded, punctuation dropped, spaces collapsed. */
export function foldCityText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łøđðħıßæœþ]/g, (c) => LETTERS[c] ?? c)
    .replace(/[-\u2010-\u2015/]/g, ' ')
    .replace(/[\p{P}\p{S}]/gu, '')
    .replace(/\u0640/g, '') // tatweel
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627') // آ أ إ ٱ → ا
    .replace(/\u0649/g, '\u064A') // ى → ي
    .replace(/\u0629/g, '\u0647') // ة → ه
    .replace(/\s+/g, ' ')
    .trim();
}

export type CityMatch =
  | { readonly kind: 'found'; readonly city: DashboardCity }
  /** Several cities carry that name (two San Juans): the code tells them apart. */
  | { readonly kind: 'ambiguous'; readonly cities: readonly DashboardCity[] }
  | { readonly kind: 'unknown'; readonly suggestions: readonly DashboardCity[] };

/** The names a city answers to: its name in the data, the parts of `Ammān (Amman)`, its display names. */
function namesOf(city: DashboardCity, names: CityNames): string[] {
  const alt = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(city.name);
  return [city.name, ...(alt === null ? [] : [alt[1] ?? '', alt[2] ?? '']), ...displayNamesOf(city, names)].filter((x) => x !== '');
}

/** Edit distance (Levenshtein), for "did you mean". */
function distance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * The city `arg` names: found, ambiguous (several cities with that name) or unknown with up to `max`
 * close matches (names or codes within a few edits, or containing what was typed), closest first.
 */
export function matchCityArg(dashboard: Pick<Dashboard, 'cities' | 'cityByKey'>, arg: string, names: CityNames = {}, max = 5): CityMatch {
  const raw = arg.trim();
  const exact = dashboard.cityByKey.get(raw);
  if (exact !== undefined) return { kind: 'found', city: exact };
  const q = foldCityText(raw);
  if (q === '') return { kind: 'unknown', suggestions: [] };
  const byCode = dashboard.cities.filter((c) => c.code !== '' && foldCityText(c.code) === q);
  if (byCode.length === 1 && byCode[0] !== undefined) return { kind: 'found', city: byCode[0] };
  const byName = dashboard.cities.filter((c) => namesOf(c, names).some((n) => foldCityText(n) === q));
  if (byName.length === 1 && byName[0] !== undefined) return { kind: 'found', city: byName[0] };
  if (byName.length > 1) return { kind: 'ambiguous', cities: byName };
  const scored: { city: DashboardCity; d: number }[] = [];
  for (const city of dashboard.cities) {
    let best = Infinity;
    for (const text of [...namesOf(city, names), city.code]) {
      const f = foldCityText(text);
      if (f === '') continue;
      // A name that contains what was typed is a close match; otherwise count the edits.
      const d = f.includes(q) ? Math.abs(f.length - q.length) / 100 : distance(f, q);
      best = Math.min(best, d);
    }
    if (best <= Math.max(2, Math.floor(q.length / 3))) scored.push({ city, d: best });
  }
  scored.sort((a, b) => a.d - b.d);
  return { kind: 'unknown', suggestions: scored.slice(0, max).map((s) => s.city) };
}

/** The city `arg` names (key, code or name, case- and accent-insensitive), or undefined when none or several. */
export function resolveCityArg(dashboard: Pick<Dashboard, 'cities' | 'cityByKey'>, arg: string, names: CityNames = {}): DashboardCity | undefined {
  const m = matchCityArg(dashboard, arg, names);
  return m.kind === 'found' ? m.city : undefined;
}

function label(c: DashboardCity): string {
  return c.code !== '' && c.code !== c.name ? `${c.name} (${c.code})` : c.name;
}

/**
 * Why `arg` names no single city, in English for the command line: how many cities the data has and
 * the close matches, or the codes that tell same-named cities apart. '' when `arg` names one city.
 */
export function cityArgProblem(dashboard: Pick<Dashboard, 'cities' | 'cityByKey'>, arg: string, names: CityNames = {}): string {
  const m = matchCityArg(dashboard, arg, names);
  switch (m.kind) {
    case 'found':
      return '';
    case 'ambiguous':
      return `several cities are called "${arg}": ${m.cities.map(label).join(', ')}. Give the city code instead.`;
    case 'unknown': {
      const n = dashboard.cities.length;
      const count = `${n.toLocaleString('en-US')} ${n === 1 ? 'city' : 'cities'}`;
      if (n === 0) return `no city "${arg}": the data has no cities.`;
      const hint = m.suggestions.length > 0 ? ` Did you mean ${m.suggestions.map(label).join(', ')}?` : n <= 10 ? ` The cities are ${dashboard.cities.map(label).join(', ')}.` : '';
      return `no city "${arg}" in the data (${count}).${hint}`;
    }
    default:
      return assertNever(m);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected match ${JSON.stringify(x)}`);
}
