import { useMemo, useState } from 'react';
import { type FigureInput, renderFigureSvg, type RenderedFigure } from '@/charts/figure';
import { useI18n } from '@/i18n/i18n-context';
import { downloadBlob, downloadText } from './download';
import './export.css';

/**
 * A chart as an exportable figure (the shape of a CityFigure): the chart's option at the export width
 * without its on-screen title, framed with title, subtitle and footer (src/charts/figure.ts); `csv` is
 * the canonical long CSV of the observations drawn.
 */
export type ExportableFigure = {
  /** File name without extension, e.g. `amman_11-6-2_trend_ar` (src/features/export/figure-names.ts). */
  readonly fileBase: string;
  readonly input: FigureInput;
  readonly csv: () => string;
};

const SCALES = [2, 3] as const;

/**
 * "Export figure": SVG (text kept as text), PNG at 2× and 3× with the exact pixel size in the label,
 * and the data behind the chart as CSV. A closed menu costs nothing: the figure is rendered on open.
 */
export function FigureExportMenu({ build }: { build: (() => ExportableFigure | undefined) | null }) {
  const { t, formatNumber } = useI18n();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Built only when the menu is open: a closed menu costs nothing.
  const built = useMemo((): { figure: ExportableFigure; rendered: RenderedFigure } | Error | null => {
    if (!open || build === null) return null;
    try {
      const figure = build();
      return figure === undefined ? null : { figure, rendered: renderFigureSvg(figure.input) };
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  }, [open, build]);
  if (build === null) return null;
  const figure = built !== null && !(built instanceof Error) ? built.figure : null;
  const ready = built !== null && !(built instanceof Error) ? built.rendered : null;
  const failure = built instanceof Error ? built.message : error;
  const px = (n: number) => formatNumber(n, { grouping: false, decimals: 0 });

  const png = async (scale: 2 | 3) => {
    if (ready === null || figure === null) return;
    setBusy(true);
    setError(null);
    try {
      // Loaded on demand: canvas rasterising is only needed when a PNG is asked for.
      const { svgToPng } = await import('@/charts/svg-to-png');
      downloadBlob(await svgToPng(ready.svg, ready.width, ready.height, scale), `${figure.fileBase}@${scale}x.png`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="figure-export" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="button secondary small">{t('export.menu')}</summary>
      <div className="figure-export-items" role="group" aria-label={t('export.menu')}>
        {ready === null || figure === null ? (
          failure === null ? <p className="figure-export-note">{t('export.preparing')}</p> : null
        ) : (
          <>
            <button type="button" className="button small" onClick={() => downloadText(ready.svg, `${figure.fileBase}.svg`, 'image/svg+xml;charset=utf-8')}>
              {t('export.svg', { width: px(ready.width), height: px(ready.height) })}
            </button>
            {SCALES.map((scale) => (
              <button key={scale} type="button" className="button small" disabled={busy} onClick={() => void png(scale)}>
                {t('export.png', { scale: px(scale), width: px(ready.width * scale), height: px(ready.height * scale) })}
              </button>
            ))}
          </>
        )}
        {figure !== null ? (
          <button type="button" className="button small" onClick={() => downloadText(figure.csv(), `${figure.fileBase}.csv`, 'text/csv;charset=utf-8')}>
            {t('export.csv')}
          </button>
        ) : null}
        {failure !== null ? (
          <p className="figure-export-note error" role="alert">
            {t('export.failed', { error: failure })}
          </p>
        ) : null}
      </div>
    </details>
  );
}
