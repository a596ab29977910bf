import { escapeXml, frameTextWidth, type RenderedFigure, wrapText } from '@/charts/figure';
import type { ProgressMethod } from '@/domain/progress/types';
import { type Digits, dirOf, LANG_NAMES, type Lang } from '@/i18n/lang';
import { t as translate } from '@/i18n/translate';
import type { ReportCover } from './report-cover';

/**
 * The report's cover as an A4-proportioned SVG page (the CLI's `figures --report-config` writes it as
 * `<city>_cover_<lang>.svg` or .png): the organisations and their logos, the observatory's title, the
 * cities, the subtitle, period, date, method and language, and the foreword, in the report's language
 * (right to left in Arabic: text anchored on the right, each line isolated as figure.ts does). Text is
 * text; the logo is the embedded image the cover was given.
 */

export type CoverPage = {
  readonly lang: Lang;
  readonly digits: Digits;
  /** The cities' names in the report's language (two for the partner edition). */
  readonly cities: readonly string[];
  /** Each city's cover, in the same order (undefined where none was given). */
  readonly covers: ReadonlyArray<ReportCover | undefined>;
  /** The years of the data ("2015–2024"), used when the cover names no period. */
  readonly period: string;
  /** The day it was made, used when the cover names no date. */
  readonly date: string;
  readonly method: ProgressMethod;
  readonly indicators: number;
};

const WIDTH = 800;
const HEIGHT = 1131;
const PAD = 56;
const INK = '#1d2733';
const MUTED = '#4a5563';
const BRAND = '#0f3554';

export function renderCoverSvg(page: CoverPage): RenderedFigure {
  const tr = (key: Parameters<typeof translate>[1], params: Parameters<typeof translate>[2] = {}) => translate(page.lang, key, params, { digits: page.digits });
  const rtl = dirOf(page.lang) === 'rtl';
  const x = rtl ? WIDTH - PAD : PAD;
  const anchor = rtl ? 'end' : 'start';
  const textWidth = WIDTH - 2 * PAD;
  const parts: string[] = [`<rect x="0" y="0" width="${WIDTH}" height="22" fill="#fd9d24"/>`];
  let y = 110;
  // Marsad's own words take the page's direction (RLI in Arabic); the observatory's own texts (`own`)
  // take their first letters' (FSI), so an English foreword on an Arabic cover keeps its full stop.
  const text = (s: string, size: number, color: string, weight: 'normal' | 'bold', maxLines = 6, own = false) => {
    for (const line of wrapText(s, textWidth, (l) => frameTextWidth(l, size) * (weight === 'bold' ? 1.08 : 1), maxLines)) {
      y += Math.round(size * 1.35);
      parts.push(
        `<text x="${x}" y="${y}" text-anchor="${anchor}" font-size="${size}"${weight === 'bold' ? ' font-weight="bold"' : ''} fill="${color}">${escapeXml(own ? `\u2068${line}\u2069` : rtl ? `\u2067${line}\u2069` : line)}</text>`,
      );
    }
  };
  const first = page.covers[0];
  // Organisations with their logos, one row each.
  page.covers.forEach((cover) => {
    if (cover?.logo === undefined && cover?.organisation === undefined) return;
    if (cover.logo !== undefined) {
      parts.push(`<image x="${rtl ? WIDTH - PAD - 220 : PAD}" y="${y}" width="220" height="64" preserveAspectRatio="${rtl ? 'xMaxYMid' : 'xMinYMid'} meet" href="${escapeXml(cover.logo)}"/>`);
      y += 72;
    }
    if (cover.organisation !== undefined) text(cover.organisation, 16, INK, 'bold', 3, true);
    y += 12;
  });
  if (page.covers.every((c) => c?.logo === undefined && c?.organisation === undefined)) text(tr('cityReport.cover.kicker'), 14, MUTED, 'bold', 2);
  y += 40;
  if (first?.title !== undefined) text(first.title, 24, BRAND, 'bold', 4, true);
  else text(tr(page.cities.length > 1 ? 'cityReport.cover.partnerTitle' : 'cityReport.cover.title'), 24, BRAND, 'bold', 4);
  y += 6;
  text(page.cities.join(' · '), 40, INK, 'bold', 3);
  if (first?.subtitle !== undefined) {
    y += 4;
    text(first.subtitle, 18, MUTED, 'normal', 4, true);
  }
  y += 36;
  const facts: Array<[string, string, boolean]> = [
    [tr('cityReport.cover.period'), first?.period ?? page.period, first?.period !== undefined],
    [tr('cityReport.cover.indicators'), String(page.indicators), false],
    [tr('cityReport.cover.method'), tr(`method.${page.method}`), false],
    [tr('cityReport.cover.language'), LANG_NAMES[page.lang], false],
    [tr('cityReport.cover.date'), first?.date ?? page.date, first?.date !== undefined],
  ];
  for (const [label, value, own] of facts) {
    text(label, 12, MUTED, 'normal', 1);
    text(value, 15, INK, 'bold', 2, own);
    y += 8;
  }
  if (first?.foreword !== undefined) {
    y += 24;
    text(tr('cityReport.cover.foreword'), 16, INK, 'bold', 1);
    for (const para of first.foreword.split(/\n\s*\n/)) {
      text(para.replace(/\s+/g, ' '), 13, INK, 'normal', 12, true);
      y += 8;
      if (y > HEIGHT - 120) break;
    }
  }
  const height = Math.max(HEIGHT, y + 60);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" xml:lang="${page.lang}" ` +
    `font-family="system-ui, 'Segoe UI', 'Noto Sans', 'Noto Sans Arabic', Tahoma, sans-serif">` +
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>${parts.join('')}</svg>`;
  return { svg, width: WIDTH, height };
}
