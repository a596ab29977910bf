import type { Indicator } from '@/domain/indicator';
import type { Registry } from '@/domain/registry';
import { hashSeed, mulberry32 } from './prng';

/**
 * Deterministic benchmark data: a long CSV of exactly `rows` data rows (plus the header), UTF-8, no BOM,
 * no quotes needed. Columns `city,city_code,indicator,year,value,unit,sex,source`; about 15 years per
 * city × indicator with ~18 % of the years missing, so 1,000,000 rows ≈ 2,700 cities × the registry's
 * indicators ≈ 40,000 series, ~48 MB. One city in five has an Arabic name (non-ASCII text); values have
 * up to two decimals and stay inside each indicator's valid range (a clean file: the benchmark measures
 * the normal path). One indicator in ten also carries Female/Male rows.
 *
 * Pure (no Node APIs): the browser performance test reuses it.
 */

export const BENCH_HEADER = 'city,city_code,indicator,year,value,unit,sex,source';
const FIRST_YEAR = 2010;
const YEARS = 15;
const MISSING_RATE = 0.18;

/** Short unit text per unit kind (the registry's long unit titles would make rows ~30 % longer). */
const UNIT: Record<Indicator['unitKind'], string> = {
  percent: '%',
  rate_per_100k: 'per 100k',
  rate_per_1000: 'per 1k',
  ratio: 'ratio',
  count: 'count',
  currency: 'USD',
  concentration: 'µg/m³',
  score: 'score',
  binary: 'yes/no',
  per_capita: 'per cap',
};

const AR_WORDS = ['مدينة', 'وادي', 'تل', 'نهر', 'جبل', 'سهل', 'رأس', 'عين'];
const EN_WORDS = ['Noor', 'Sahab', 'Fayrouz', 'Zaytun', 'Marjan', 'Yasmin', 'Qamar', 'Lulu', 'Rimal', 'Nakhil'];
const SOURCES = ['NSO', 'Survey', 'City', 'Utility'];

type Range = { lo: number; hi: number; decimals: number };

function rangeOf(ind: Indicator): Range {
  const min = ind.validRange.min;
  const max = ind.validRange.max;
  const decimals = ind.unitKind === 'binary' || ind.unitKind === 'count' ? 0 : Math.min(2, Math.max(1, ind.decimals));
  if (ind.unitKind === 'binary') return { lo: 0, hi: 1, decimals: 0 };
  const lo = min ?? 0;
  const hi = max ?? lo + (ind.unitKind === 'count' ? 500 : ind.unitKind === 'ratio' ? 3 : 100);
  return { lo, hi, decimals };
}

function format(x: number, decimals: number): string {
  const s = x.toFixed(decimals);
  // 12.50 → 12.5, 3.00 → 3: realistic files do not pad
  return decimals > 0 ? s.replace(/\.?0+$/, '') : s;
}

/** Number of cities needed so that `rows` rows fit (with missing years) for this registry. */
export function benchCityCount(registry: Registry, rows: number): number {
  const perCity = Math.max(1, registry.indicators.length) * YEARS * (1 - MISSING_RATE) * 1.02;
  return Math.ceil(rows / perCity) + 1;
}

/** The benchmark CSV as UTF-8 bytes; the same bytes for the same (registry, rows). */
export function generateBenchCsv(registry: Registry, rows: number): Uint8Array {
  const indicators = registry.indicators;
  if (indicators.length === 0) throw new Error('generateBenchCsv: the registry is empty');
  const rand = mulberry32(hashSeed(`bench|${rows}`));
  const ranges = indicators.map(rangeOf);
  const units = indicators.map((i) => UNIT[i.unitKind]);
  const withSex = indicators.map((_, k) => k % 10 === 3);
  // Rows are joined and encoded in blocks, so generating 1,000,000 rows never holds them all as strings.
  const encoder = new TextEncoder();
  const blocks: Uint8Array[] = [];
  let parts: string[] = [BENCH_HEADER, '\n'];
  const flush = () => {
    blocks.push(encoder.encode(parts.join('')));
    parts = [];
  };
  let written = 0;
  const cityCount = benchCityCount(registry, rows);
  outer: for (let c = 0; c < cityCount * 2; c++) {
    const n = String(c + 1).padStart(4, '0');
    const name = c % 5 === 4 ? `${AR_WORDS[c % AR_WORDS.length] ?? ''} ${n}` : `${EN_WORDS[c % EN_WORDS.length] ?? ''} ${n}`;
    const prefix = `${name},XB-${n},`;
    const source = SOURCES[c % SOURCES.length] ?? '';
    for (let k = 0; k < indicators.length; k++) {
      const ind = indicators[k];
      const range = ranges[k];
      if (ind === undefined || range === undefined) continue;
      const span = range.hi - range.lo;
      let level = range.lo + span * (0.15 + 0.7 * rand());
      const step = span * (rand() - 0.5) * 0.02;
      const head = `${prefix}${ind.code},`;
      const tail = `,${units[k] ?? ''},`;
      for (let y = 0; y < YEARS; y++) {
        level = Math.min(range.hi, Math.max(range.lo, level + step + span * (rand() - 0.5) * 0.01));
        if (rand() < MISSING_RATE) continue;
        const value = ind.unitKind === 'binary' ? (level > range.lo + span / 2 ? '1' : '0') : format(level, range.decimals);
        const year = FIRST_YEAR + y;
        if (parts.length > 80_000) flush();
        parts.push(head, String(year), ',', value, tail, ',', source, '\n');
        if (++written === rows) break outer;
        if (withSex[k] && ind.unitKind !== 'binary') {
          for (const [sex, f] of [['Female', 1.03], ['Male', 0.97]] as const) {
            const v = format(Math.min(range.hi, Math.max(range.lo, level * f)), range.decimals);
            parts.push(head, String(year), ',', v, tail, sex, ',', source, '\n');
            if (++written === rows) break outer;
          }
        }
      }
    }
  }
  flush();
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of blocks) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}
