import { renderFigureSvg, type RenderedFigure } from '@/charts/figure';
import { formatNumber } from '@/i18n/format-number';
import type { Digits, Lang } from '@/i18n/lang';
import { t } from '@/i18n/translate';
import type { CityFigure } from './city-figures';

/**
 * "Download all figures": every figure of a city as SVG, PNG (2×) and the CSV of the data it draws,
 * plus the statistical annex (CSV and XLSX) and a README in the report language, in one ZIP built in
 * the browser. Import this module lazily (the report page does, on click); fflate and the rasteriser
 * are loaded on first use too.
 */

export type FiguresZipOptions = {
  readonly lang: Lang;
  readonly digits: Digits;
  /** The city (or "A and B") named in the README's title. */
  readonly cityLabel: string;
  /** When and how the figures were made, as the README says it (already in the report language). */
  readonly date: string;
  readonly method: string;
  readonly datasets: string;
  /** PNG scale (2 unless told). */
  readonly scale?: 2 | 3;
  /** Called after each figure with the figures done so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /** The SVG → PNG step (the browser's canvas by default; tests may pass another). */
  readonly toPng?: (svg: string, width: number, height: number, scale: 2 | 3) => Promise<Blob>;
  /** The SVG of a figure: renderFigureSvg unless the caller already drew it (the report page has). */
  readonly render?: (figure: CityFigure) => RenderedFigure;
  /** Modification time of every entry (default now). */
  readonly mtime?: Date;
};

/** The ZIP's file name: `<city>_figures_<lang>.zip` (`amman_figures_ar.zip`). */
export function figuresZipName(citySlug: string, lang: Lang): string {
  return `${citySlug === '' ? 'city' : citySlug}_figures_${lang}.zip`;
}

const BOM = '\ufeff';
const encoder = new TextEncoder();

/** UTF-8 with a byte-order mark, so Excel and Notepad read Arabic text right. */
function utf8WithBom(text: string): Uint8Array {
  return encoder.encode(text.startsWith(BOM) ? text : BOM + text);
}

type Entry = [Uint8Array, { level: 0 | 6; mtime: Date }];

/** Builds the ZIP (see the module comment). Throws when a figure cannot be drawn; nothing is half-made. */
export async function buildFiguresZip(figures: readonly CityFigure[], annex: { readonly csv: string; readonly xlsx: Blob | Uint8Array }, opts: FiguresZipOptions): Promise<Blob> {
  const [{ zipSync }, toPng] = await Promise.all([
    import('fflate'),
    opts.toPng === undefined ? import('@/charts/svg-to-png').then((m) => m.svgToPng) : Promise.resolve(opts.toPng),
  ]);
  const scale = opts.scale ?? 2;
  const mtime = opts.mtime ?? new Date();
  const text = (bytes: Uint8Array): Entry => [bytes, { level: 6, mtime }];
  // PNG data is already deflated: stored as is, the ZIP is made faster and no bigger.
  const stored = (bytes: Uint8Array): Entry => [bytes, { level: 0, mtime }];
  const files: Record<string, Entry> = {};
  const sizes: Array<{ width: number; height: number }> = [];
  let done = 0;
  for (const figure of figures) {
    const rendered = (opts.render ?? ((f: CityFigure) => renderFigureSvg(f.input)))(figure);
    const png = await toPng(rendered.svg, rendered.width, rendered.height, scale);
    files[`${figure.fileBase}.svg`] = text(encoder.encode(rendered.svg));
    files[`${figure.fileBase}.png`] = stored(new Uint8Array(await png.arrayBuffer()));
    files[`${figure.fileBase}.csv`] = text(utf8WithBom(figure.csv()));
    sizes.push({ width: Math.round(rendered.width * scale), height: Math.round(rendered.height * scale) });
    done++;
    opts.onProgress?.(done, figures.length);
  }
  files['annex.csv'] = text(utf8WithBom(annex.csv));
  files['annex.xlsx'] = stored(annex.xlsx instanceof Uint8Array ? annex.xlsx : new Uint8Array(await annex.xlsx.arrayBuffer()));
  files['README.txt'] = text(utf8WithBom(figuresReadme(figures, sizes, opts)));
  const zipped = zipSync(files);
  return new Blob([new Uint8Array(zipped)], { type: 'application/zip' });
}

/**
 * The README: title, when/how made, then every file with what it is. Lines end with CRLF (Windows
 * Notepad shows them right too).
 */
export function figuresReadme(figures: readonly CityFigure[], pngSizes: readonly { width: number; height: number }[], opts: Pick<FiguresZipOptions, 'lang' | 'digits' | 'cityLabel' | 'date' | 'method' | 'datasets'>): string {
  const { lang, digits } = opts;
  const say = (key: Parameters<typeof t>[1], params: Parameters<typeof t>[2] = {}) => t(lang, key, params, { digits });
  const lines = [
    say('cityReport.zip.title', { city: opts.cityLabel }),
    '',
    say('cityReport.zip.made', { date: opts.date, method: opts.method, datasets: opts.datasets }),
    '',
    say('cityReport.zip.contents'),
    '',
    say('cityReport.zip.files', { count: figures.length }),
  ];
  const pixels = (n: number) => formatNumber(n, lang, { digits, grouping: false, decimals: 0 });
  figures.forEach((f, i) => {
    const size = pngSizes[i];
    lines.push(`  ${f.fileBase}.svg  ${say('cityReport.zip.svg')}`);
    lines.push(`  ${f.fileBase}.png  ${say('cityReport.zip.png', { width: pixels(size?.width ?? 0), height: pixels(size?.height ?? 0) })}`);
    lines.push(`  ${f.fileBase}.csv  ${say('cityReport.zip.csv')}`);
    lines.push('');
  });
  if (figures.length === 0) lines.push('');
  lines.push(`  annex.csv  ${say('cityReport.zip.annexCsv')}`);
  lines.push(`  annex.xlsx  ${say('cityReport.zip.annexXlsx')}`);
  lines.push(`  README.txt  ${say('cityReport.zip.readme')}`);
  return `${lines.join('\r\n')}\r\n`;
}
