import type { EChartsCoreOption } from 'echarts/core';
import type { Lang } from '@/i18n/lang';
import { balanceIsolates, isolateLtrRuns } from '@/i18n/ltr-runs';
import { CHART_FONT, type ChartDirection, type MeasureText } from './chart-text';
import { echarts } from './echarts-core';

/**
 * A chart as a self-contained, publication-ready figure: one SVG document with a white background, the
 * title and subtitle on top, the chart (ECharts server-side rendering of `option`) in the middle and
 * footer lines (source, method, date) at the bottom. Everything is text (`<text>`, never paths), so the
 * SVG stays searchable and editable; coordinates are whole pixels, so the same input gives the same bytes.
 * Works in Node (CLI) and the browser (export menu): ECharts renders without a DOM here.
 *
 * Right-to-left: frame text is anchored on the right with `text-anchor="end"` and its base direction is
 * set by wrapping each line in RLI…PDI (U+2067/U+2069) — not with `direction="rtl"`, whose effect on
 * `text-anchor` renderers disagree about (Blink follows SVG 2, where "end" of RTL text is the left edge;
 * resvg keeps "end" on the right; verified with resvg 2.6). Inside them, numbers with a unit, signed numbers and
 * codes are isolated left to right (LRI…PDI, `isolateLtrRuns`). `xml:lang` on the root names the language.
 */

export type FigureText = { readonly title: string; readonly subtitle: string; readonly footer: readonly string[] };

export type FigureInput = {
  readonly lang: Lang;
  readonly dir: ChartDirection;
  /** Width of the figure (and the chart) in CSS pixels. */
  readonly width: number;
  /** Height of the chart alone; the figure adds the title block and the footer. */
  readonly chartHeight: number;
  /** The chart: drawn without its own title (the frame draws title and subtitle) and without animation. */
  readonly option: EChartsCoreOption;
  readonly text: FigureText;
  /** Measures text to wrap lines (the browser's canvas); a cautious estimate without. */
  readonly measureText?: MeasureText;
};

export type RenderedFigure = { readonly svg: string; readonly width: number; readonly height: number };

const INK = '#1d2733';
const MUTED = '#4a5563';
const RULE = '#d5dbe3';
const PAD = 16;
const TITLE = { size: 18, line: 24, weight: 'bold' } as const;
const SUBTITLE = { size: 13, line: 18, weight: 'normal' } as const;
const FOOTER = { size: 11, line: 15, weight: 'normal' } as const;
/** Bold glyphs are wider than the regular ones the measurers assume. */
const BOLD_FACTOR = 1.08;
/**
 * Lines a frame text may take before it is cut with "…": a city name of 9,000 characters or a list of
 * every source of a dataset must not make a figure thousands of pixels tall (800 × 28,806 px was seen).
 * The data behind the figure (its CSV) and the tables keep the full text.
 */
const MAX_TITLE_LINES = 5;
const MAX_SUBTITLE_LINES = 3;
const MAX_FOOTER_LINES_EACH = 4;
const MAX_FOOTER_ENTRIES = 8;

/** Renders the figure (see the module comment). Throws only for programmer errors (a non-positive size). */
export function renderFigureSvg(input: FigureInput): RenderedFigure {
  const width = Math.round(input.width);
  const chartHeight = Math.round(input.chartHeight);
  if (!(width > 0) || !(chartHeight > 0)) throw new Error(`renderFigureSvg: bad size ${input.width} × ${input.chartHeight}`);
  const measure = input.measureText ?? frameTextWidth;
  const rtl = input.dir === 'rtl';
  const textWidth = width - 2 * PAD;
  const parts: string[] = [];
  let y = PAD - 2;

  const block = (text: string, style: typeof TITLE | typeof SUBTITLE | typeof FOOTER, color: string, maxLines: number) => {
    const factor = style.weight === 'bold' ? BOLD_FACTOR : 1;
    // Right to left, numbers with a unit and codes are isolated left to right ("100 %", not "% 100"); a run cut
    // by the wrap is closed at the end of its line and opened again on the next.
    const wrapped = wrapText(rtl ? isolateLtrRuns(text) : text, textWidth, (s) => measure(s, style.size) * factor, maxLines);
    for (const line of rtl ? balanceIsolates(wrapped) : wrapped) {
      // The baseline sits about 0.3 em above the line box's bottom (room for descenders and Arabic marks).
      const baseline = y + Math.round(style.line - (style.line - style.size) / 2 - style.size * 0.22);
      parts.push(
        `<text x="${rtl ? width - PAD : PAD}" y="${baseline}" text-anchor="${rtl ? 'end' : 'start'}" font-size="${style.size}"` +
          `${style.weight === 'bold' ? ' font-weight="bold"' : ''} fill="${color}">${escapeXml(rtl ? `\u2067${line}\u2069` : line)}</text>`,
      );
      y += style.line;
    }
  };

  block(input.text.title, TITLE, INK, MAX_TITLE_LINES);
  if (input.text.subtitle !== '') {
    y += 2;
    block(input.text.subtitle, SUBTITLE, MUTED, MAX_SUBTITLE_LINES);
  }
  y += 6;
  const chartTop = y;
  const chart = renderChartSvg(input.option, width, chartHeight);
  y += chartHeight;
  const footer = input.text.footer.filter((l) => l.trim() !== '').slice(0, MAX_FOOTER_ENTRIES);
  if (footer.length > 0) {
    y += 4;
    parts.push(`<line x1="${PAD}" y1="${y}" x2="${width - PAD}" y2="${y}" stroke="${RULE}" stroke-width="1"/>`);
    y += 6;
    for (const line of footer) block(line, FOOTER, MUTED, MAX_FOOTER_LINES_EACH);
  }
  const height = y + PAD - 4;

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xml:lang="${input.lang}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">\n` +
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>\n` +
    `<g font-family="${escapeXml(CHART_FONT)}">\n${parts.join('\n')}\n</g>\n` +
    `<svg x="0" y="${chartTop}" width="${width}" height="${chartHeight}" viewBox="0 0 ${width} ${chartHeight}">\n${chart}\n</svg>\n` +
    `</svg>\n`;
  return { svg, width, height };
}

/**
 * The inside of ECharts' SVG for `option` (no animation), cleaned for a document of its own: no hover
 * `<style>`, no ECharts bookkeeping attributes, and ids (patterns, clip paths) renamed after a hash of the
 * chart, so two figures inlined in one page never share an id and the output does not depend on how many
 * charts the process drew before.
 */
function renderChartSvg(option: EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  let raw: string;
  try {
    chart.setOption({ ...option, animation: false });
    raw = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  // ECharts writes the font list into style="…" unescaped: its double quotes would end the attribute.
  raw = raw.split(CHART_FONT).join(CHART_FONT.replace(/"/g, "'"));
  const open = raw.indexOf('>', raw.indexOf('<svg'));
  const close = raw.lastIndexOf('</svg>');
  let inner = (open === -1 || close === -1 ? raw : raw.slice(open + 1, close))
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/ (?:ecmeta_[a-z_]+|class)="[^"]*"/g, '')
    .replace(/(id="|url\(#|href="#)zr\d+-/g, '$1zr-')
    .trim();
  const prefix = `f${hash(inner).toString(36)}-`;
  inner = inner.replace(/(id="|url\(#|href="#)zr-/g, `$1${prefix}`);
  return inner;
}

/** FNV-1a, 32 bits: a short stable fingerprint. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

// Matching control characters is the point here (they make the SVG unparseable).
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text for XML content or a double-quoted attribute: `& < > " '` escaped, and the characters XML 1.0
 * forbids (C0 controls but tab/newline, lone surrogates, U+FFFE/U+FFFF) dropped.
 */
export function escapeXml(text: string): string {
  return text
    .replace(XML_FORBIDDEN, '')
    .replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/**
 * Width of frame text without a canvas, by character class, close to what Noto Sans (the fonts the CLI
 * rasterises with) draws and a little wider: Latin lower case ~0.55 em, capitals ~0.67 em, digits
 * ~0.58 em, Arabic letters ~0.6 em (`estimateTextWidth`, the chart's cautious estimate, counts a full em
 * for them and would wrap Arabic titles at half the width), combining marks and bidi controls 0.
 */
export function frameTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x200b && c <= 0x200f) || (c >= 0x2066 && c <= 0x2069) || c === 0x061c || (c >= 0x0300 && c <= 0x036f)) continue;
    if (c === 0x20 || c === 0xa0 || c === 0x202f) em += 0.27;
    else if (c >= 0x61 && c <= 0x7a) em += /[mw]/.test(ch) ? 0.86 : /[ijlft]/.test(ch) ? 0.32 : 0.57;
    else if (c >= 0x41 && c <= 0x5a) em += /[MW]/.test(ch) ? 0.92 : /[IJ]/.test(ch) ? 0.35 : 0.68;
    else if (c >= 0x30 && c <= 0x39) em += 0.58;
    else if (c < 0x80) em += /[.,:;'|!()[\]]/.test(ch) ? 0.3 : 0.58;
    else if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) em += 0.6;
    else if (c >= 0xc0 && c <= 0x24f) em += 0.6;
    else em += 1;
  }
  return Math.ceil(em * fontSize);
}

/**
 * Greedy word wrap to `width` pixels, in linear time. A word wider than a line is cut between characters
 * (long URLs, file names): its characters are measured one by one, once each, instead of measuring ever
 * shorter prefixes (a 9,000-character name took minutes). Whitespace runs become one space; an empty text
 * gives no lines. With `maxLines`, the text stops there and the last line ends in "…" when text was left
 * out (a figure shows a name of 9,000 characters in a few lines; the data and tables keep it whole).
 */
export function wrapText(text: string, width: number, measure: (s: string) => number, maxLines = Infinity): string[] {
  const lines: string[] = [];
  let line = '';
  let truncated = false;
  const words = /\S+/g;
  for (let m = words.exec(text); m !== null; m = words.exec(text)) {
    if (lines.length >= maxLines) {
      truncated = true;
      break;
    }
    const word = m[0];
    // The line only grows while it fits: measuring a candidate costs about one line of text.
    const candidate = line === '' ? word : `${line} ${word}`;
    if (measure(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    if (lines.length >= maxLines) {
      truncated = true;
      break;
    }
    if (candidate !== word && measure(word) <= width) {
      line = word;
      continue;
    }
    // The word alone is too wide: cut it, character by character, each measured once.
    let piece = '';
    let used = 0;
    for (const ch of word) {
      const w = measure(ch);
      if (piece !== '' && used + w > width) {
        lines.push(piece);
        piece = '';
        used = 0;
        if (lines.length >= maxLines) {
          truncated = true;
          break;
        }
      }
      piece += ch;
      used += w;
    }
    if (truncated) break;
    line = piece;
  }
  if (line !== '' && lines.length < maxLines) lines.push(line);
  else if (line !== '') truncated = true;
  if (truncated && lines.length > 0) lines[lines.length - 1] = withEllipsis(lines[lines.length - 1] ?? '', width, measure);
  return lines;
}

/** The line with "…" at its end, shortened until it fits `width` (a bounded loop: a line is short). */
function withEllipsis(line: string, width: number, measure: (s: string) => number): string {
  const chars = [...line];
  while (chars.length > 0 && measure(`${chars.join('')}…`) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/**
 * The figure SVG made to scale with its box: the pixel size moves into a viewBox, so CSS can set the
 * width (screen and page) and the height follows.
 */
export function responsiveSvg(svg: string, width: number, height: number): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (open === null) return svg;
  let tag = open[0].replace(/\s(width|height)\s*=\s*(["'])[^"']*\2/g, '');
  if (!/\sviewBox\s*=/.test(tag)) tag = tag.replace(/^<svg\b/, `<svg viewBox="0 0 ${width} ${height}"`);
  tag = tag.replace(/^<svg\b/, '<svg preserveAspectRatio="xMidYMid meet" aria-hidden="true" focusable="false"');
  return svg.slice(0, open.index) + tag + svg.slice(open.index + open[0].length);
}
