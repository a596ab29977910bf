import { useMemo } from 'react';
import { renderFigureSvg, responsiveSvg } from '@/charts/figure';
import type { ProgressMethod } from '@/domain/progress/types';
import type { Registry } from '@/domain/registry';
import { useI18n } from '@/i18n/i18n-context';
import { trendFigure } from '@/model/city-figures';
import { type CityNames, cityDisplayName } from '@/model/dashboard-model';
import { resolveCity } from '@/model/indicator-model';
import type { LoadedDataset } from '@/storage/dataset-record';
import { useDashboard } from '@/ui/use-dashboard';
import './embed.css';

export type EmbedPageProps = {
  datasets: readonly LoadedDataset[];
  registry: Registry;
  cityNames: CityNames;
  method: ProgressMethod;
  view: string;
  city: string | undefined;
  indicator: string | undefined;
  /** The full view in Marsad (opened in a new tab from the embed). */
  fullHref: string;
};

/**
 * `#/embed/indicator?city=…&indicator=…&lang=…`: one chart for an <iframe> on another site — the
 * indicator's trend figure exactly as exported (title, chart, source and method lines), and a link to
 * the full view. No navigation, no storage prompts. A city or indicator this site's data does not have
 * is said in plain words, never replaced by another.
 */
export function EmbedPage({ datasets, registry, cityNames, method, view, city, indicator, fullHref }: EmbedPageProps) {
  const { t, lang, digits } = useI18n();
  const dashboard = useDashboard(datasets, registry, method);
  const place = city === undefined ? undefined : resolveCity(dashboard, city);
  const code = indicator === undefined ? undefined : (registry.byCode.get(indicator)?.code ?? indicator);
  const figure = useMemo(() => {
    if (place === undefined || code === undefined) return undefined;
    const f = trendFigure({ dashboard, registry, datasets, names: cityNames, lang, digits, computedAt: new Date(), width: 800 }, place.key, code);
    return f === undefined ? undefined : renderFigureSvg(f.input);
  }, [place, code, dashboard, registry, datasets, cityNames, lang, digits]);
  const problem =
    view !== 'indicator'
      ? t('embed.onlyIndicator')
      : place === undefined
        ? t('embed.noCity', { city: city ?? '' })
        : figure === undefined
          ? t('embed.noData', { city: cityDisplayName(place, cityNames, lang), indicator: code ?? '' })
          : null;
  return (
    <main className="embed" data-testid="embed">
      {problem !== null ? (
        <p className="embed-problem" role="status">
          {problem}
        </p>
      ) : (
        // Our own SVG (src/charts/figure.ts escapes every text it writes): the exported figure itself.
        <div className="embed-figure" role="img" aria-label={t('embed.label', { city: place === undefined ? '' : cityDisplayName(place, cityNames, lang), indicator: code ?? '' })} dir="ltr" dangerouslySetInnerHTML={{ __html: figure === undefined ? '' : responsiveSvg(figure.svg, figure.width, figure.height) }} />
      )}
      <p className="embed-link">
        <a href={fullHref} target="_blank" rel="noopener">
          {t('embed.open')}
        </a>
      </p>
    </main>
  );
}
