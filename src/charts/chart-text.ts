import { formatNumber } from '@/i18n/format-number';
import type { Digits, Lang } from '@/i18n/lang';

/**
 * Text helpers shared by the option builders: numbers and years in the UI language (our formatter,
 * not ECharts', so Arabic-Indic digits and French spaces come out as in the rest of the UI), bidi
 * isolation for right-to-left labels, and the rough text measurements layout needs. Pure (no DOM).
 */

export type ChartDirection = 'ltr' | 'rtl';

export type ChartLocale = { readonly lang: Lang; readonly digits: Digits };

/**
 * Width in pixels of a label at a font size. The browser passes a canvas measurer
 * (canvas-measure.ts); without one (server-side rendering) `estimateTextWidth` is used.
 */
export type MeasureText = (text: string, fontSize: number) => number;

/** The font family of every chart label. */
export const CHART_FONT = 'system-ui, "Segoe UI", "Noto Sans", "Noto Sans Arabic", Tahoma, sans-serif';

/** A value for axis labels and tooltips: the indicator's decimals when given, else up to 3 as needed. */
export function chartNumber(value: number, locale: ChartLocale, decimals?: number): string {
  return formatNumber(value, locale.lang, decimals === undefined ? { digits: locale.digits } : { digits: locale.digits, decimals });
}

/** A year: never grouped (2030, not 2,030), in the chosen digits. */
export function chartYear(year: number, locale: ChartLocale): string {
  return formatNumber(year, locale.lang, { digits: locale.digits, grouping: false, decimals: 0 });
}

/**
 * The chart box is dir="ltr" (ECharts has no RTL mode): a right-to-left label is wrapped in an
 * isolate (RLI … PDI) so mixed text ("11.6.2 — وادي النور", "% من السكان") keeps its order.
 */
export function isolate(text: string, dir: ChartDirection): string {
  return dir === 'rtl' && text !== '' ? `\u2067${text}\u2069` : text;
}

/** Removes the isolates `isolate` adds (for text that goes into HTML with its own `dir`). */
export function stripIsolates(text: string): string {
  return text.replace(/[\u2066-\u2069]/g, '');
}

/**
 * A cautious width estimate of a label, to plan rows: ASCII by letter class, anything else (Arabic,
 * accented letters, isolates) as a full em, which is what ECharts assumes when it renders without a
 * canvas (server-side), and more than browsers draw.
 */
export function estimateTextWidth(text: string, fontSize = 12): number {
  let w = 0;
  for (const ch of text) w += ch > '\u007f' ? 1 : /[A-Z0-9%]/.test(ch) ? 0.7 : /\s/.test(ch) ? 0.3 : 0.58;
  return Math.ceil(w * fontSize);
}

/**
 * How many lines a title wraps to at `width` pixels (bold, `fontSize`), with room for word-wrap losses,
 * so the plot can start below it.
 */
export function estimateLines(text: string, width: number, fontSize: number, measure: MeasureText = estimateTextWidth): number {
  if (text === '') return 0;
  const usable = Math.max(60, width);
  return Math.min(6, Math.max(1, Math.ceil((measure(text, fontSize) * 1.12) / usable)));
}

/**
 * A title cut with "…" so that it takes at most `maxLines` lines by `estimateLines`' count (6, the lines
 * the layout plans for): a city name of 9,000 characters must not run over the plot. The full text stays
 * in the data, tables and the chart's description. A few measures at most, each linear in the text.
 */
export function fitLines(text: string, width: number, fontSize: number, measure: MeasureText = estimateTextWidth, maxLines = 6): string {
  const budget = Math.max(60, width) * maxLines;
  const w = measure(text, fontSize) * 1.12;
  if (w <= budget) return text;
  const chars = Array.from(text);
  let k = Math.floor((chars.length * budget) / w);
  for (let tries = 0; tries < 12 && k > 0; tries++) {
    const cut = `${chars.slice(0, k).join('').trimEnd()}…`;
    if (measure(cut, fontSize) * 1.12 <= budget) return cut;
    k = Math.floor(k * 0.9);
  }
  return `${chars.slice(0, k).join('').trimEnd()}…`;
}

/**
 * A title broken into lines at spaces, each fitting `width` by `measure` (with the 12 % margin
 * `estimateLines` plans with); a word wider than the width keeps a line of its own. Drawn joined by
 * "\n", so that ECharts measures each line once rather than every character, which its own
 * `overflow: 'break'` does (a hundred canvas measures for one title). At most `maxLines`: the text is
 * cut first with `fitLines`.
 */
export function wrapLines(text: string, width: number, fontSize: number, measure: MeasureText = estimateTextWidth, maxLines = 6): string[] {
  if (text === '') return [];
  const usable = Math.max(60, width);
  const fits = (line: string) => measure(line, fontSize) * 1.12 <= usable;
  const fitted = fitLines(text, width, fontSize, measure, maxLines);
  if (fits(fitted)) return [fitted];
  const lines: string[] = [];
  let line = '';
  for (const word of fitted.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && !fits(candidate)) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  // Words lost at line ends made one line too many: the last line takes the rest, cut with "…".
  return [...lines.slice(0, maxLines - 1), fitLines(lines.slice(maxLines - 1).join(' '), width, fontSize, measure, 1)];
}

/**
 * Splits legend items into rows that fit `width` (icon 25 px + gap 5 + text, items 14 px apart), in
 * reading order. Each row becomes its own legend component, so right-to-left rows can be mirrored
 * without the wrap order going wrong.
 */
export function legendRows(names: readonly string[], width: number, measure: MeasureText = estimateTextWidth): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let used = 0;
  for (const name of names) {
    const w = 30 + measure(name, 12) + 14;
    if (row.length > 0 && used + w > width) {
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push(name);
    used += w;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}
