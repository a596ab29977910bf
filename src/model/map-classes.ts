import { quantileSorted } from 'd3-array';
import { ckmeans } from 'simple-statistics';

/**
 * Classes of a choropleth legend: quantiles (each class holds about as many districts; d3-array) or
 * natural breaks (Jenks' optimisation, computed exactly by ckmeans, simple-statistics). Values are
 * compared at the indicator's decimals, so two districts showing the same number are in the same class
 * and no class boundary falls between equal numbers on screen. Fewer classes than asked when there are
 * fewer distinct values; one class when all values are equal.
 */

export type ClassMethod = 'quantile' | 'natural';
export const CLASS_METHODS: readonly ClassMethod[] = ['quantile', 'natural'];

export type MapClass = {
  /** Lowest and highest value in the class (as rounded). */
  readonly from: number;
  readonly to: number;
  readonly count: number;
};

/** Sequential blues (ColorBrewer), light to dark = low to high; every class at least 1.3:1 from white. */
const PALETTES: Readonly<Record<number, readonly string[]>> = {
  1: ['#6baed6'],
  2: ['#9ecae1', '#2171b5'],
  3: ['#c6dbef', '#6baed6', '#08519c'],
  4: ['#c6dbef', '#6baed6', '#2171b5', '#08306b'],
  5: ['#deebf7', '#9ecae1', '#6baed6', '#2171b5', '#08306b'],
  6: ['#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#2171b5', '#08306b'],
  7: ['#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08306b'],
};
export const MAX_CLASSES = 7;

/** The fill of class `i` of `n`. */
export function classColor(i: number, n: number): string {
  const palette = PALETTES[Math.min(MAX_CLASSES, Math.max(1, n))] ?? PALETTES[5] ?? [];
  return palette[Math.min(palette.length - 1, Math.max(0, i))] ?? '#6baed6';
}

/** Text on a class fill: white on the dark classes, ink on the light ones. */
export function classInk(i: number, n: number): string {
  return i >= Math.ceil(n / 2) ? '#ffffff' : '#1d2733';
}

function rounded(v: number, decimals: number | undefined): number {
  return decimals === undefined ? v : Number(v.toFixed(decimals));
}

/**
 * The classes of `values` (non-finite ones ignored) with `method`, at most `count` (1–7) classes.
 * Returns the classes in ascending order; [] when there is no value.
 */
export function classify(values: readonly number[], method: ClassMethod, count: number, decimals?: number): MapClass[] {
  const sorted = values
    .filter((v) => Number.isFinite(v))
    .map((v) => rounded(v, decimals))
    .sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const distinct = [...new Set(sorted)];
  const k = Math.max(1, Math.min(MAX_CLASSES, Math.floor(count), distinct.length));
  let groups: number[][];
  if (method === 'natural') groups = ckmeans(sorted, k);
  else {
    // Quantile cut points snapped to values; a value equal to a cut point opens the upper class.
    const cuts: number[] = [];
    for (let i = 1; i < k; i++) {
      const q = quantileSorted(sorted, i / k) ?? 0;
      const cut = sorted.find((v) => v >= q) ?? q;
      if (cut > (sorted[0] ?? 0) && !cuts.includes(cut)) cuts.push(cut);
    }
    groups = [];
    let start = 0;
    for (const cut of cuts) {
      const end = sorted.findIndex((v) => v >= cut);
      if (end > start) groups.push(sorted.slice(start, end));
      start = end;
    }
    groups.push(sorted.slice(start));
  }
  return groups.filter((g) => g.length > 0).map((g) => ({ from: g[0] ?? 0, to: g[g.length - 1] ?? 0, count: g.length }));
}

/** The class of `value` (index into `classes`), or -1 when it has none (not finite, or no classes). */
export function classOf(value: number, classes: readonly MapClass[], decimals?: number): number {
  if (!Number.isFinite(value) || classes.length === 0) return -1;
  const v = rounded(value, decimals);
  for (let i = classes.length - 1; i >= 0; i--) if (v >= (classes[i]?.from ?? Infinity)) return i;
  return 0;
}

/**
 * Decimals of a map's numbers when the registry gives none (an indicator of the data's own): enough to
 * tell classes apart without the raw file's 8 decimals — 1 for a spread of 10 or more, 2 from 1, else 3.
 */
export function mapDecimals(decimals: number | undefined, values: readonly number[]): number {
  if (decimals !== undefined) return decimals;
  const finite = values.filter((v) => Number.isFinite(v));
  const spread = finite.length === 0 ? 0 : Math.max(...finite) - Math.min(...finite);
  return spread >= 10 ? 1 : spread >= 1 ? 2 : 3;
}
