import { useMemo } from 'react';
import type { MeasureText } from '@/charts/chart-text';
import type { Indicator } from '@/domain/indicator';
import type { SeriesLayout } from '@/domain/progress/series';
import type { Registry } from '@/domain/registry';
import { useI18n } from '@/i18n/i18n-context';
import type { FigureContext } from '@/model/city-figures';
import type { CityNames, Dashboard, DashboardCity } from '@/model/dashboard-model';
import type { SeriesChoice } from '@/model/indicator-model';
import { type MapFigureOptions, mapFigure } from '@/model/map-figure';
import { atMapDecimals, boundarySetsFor, MAP_MODES, mapModel } from '@/model/map-model';
import type { BoundarySet } from '@/storage/boundary-record';
import type { LoadedDataset } from '@/storage/dataset-record';
import { useBoundarySets } from '@/ui/boundary-context';
import { MapView } from '@/ui/map-view';

export type MapPanelProps = {
  dashboard: Dashboard;
  layout: SeriesLayout;
  registry: Registry;
  datasets: readonly LoadedDataset[];
  /** The city shown. */
  city: DashboardCity;
  /** The indicator shown (registry code) and its registry entry (undefined: not in the registry). */
  code: string;
  meta: Indicator | undefined;
  /** The series shown for the city: the districts are compared on the same Series, unit and breakdown. */
  choice: SeriesChoice;
  cityNames: CityNames;
  /** The city's and the indicator's names as the page shows them. */
  cityName: string;
  indicatorTitle: string;
  /** The unit as the page shows it ('' when none). */
  unit: string;
  /** Where boundary files are added (the Data view). */
  dataHref: string;
  measureText?: MeasureText | undefined;
};

/**
 * The district map of the indicator view: the shapes of the city's boundary file coloured by value
 * (classes), by comparison with the city, or by progress status (see MapView). Without a boundary file
 * for the city's districts, a sentence says so and where to add one.
 */
export function MapPanel({ dashboard, layout, registry, datasets, city, code, meta, choice, cityNames, cityName, indicatorTitle, unit, dataHref, measureText }: MapPanelProps) {
  const { t, lang, digits } = useI18n();
  const allSets = useBoundarySets();
  const sets = useMemo(() => boundarySetsFor(dashboard, city, allSets, cityNames), [dashboard, city, allSets, cityNames]);
  const direction = meta?.direction ?? null;
  const model = useMemo(
    () => (set: BoundarySet, o: MapFigureOptions) =>
      atMapDecimals(meta?.decimals, (decimals) => mapModel(dashboard, layout, city, code, choice, set, { ...o, direction, decimals, names: cityNames, lang })),
    [direction, meta, cityNames, lang, dashboard, layout, city, code, choice],
  );
  const figure = useMemo(
    () => (set: BoundarySet, o: MapFigureOptions) => {
      const ctx: FigureContext = { dashboard, registry, datasets, names: cityNames, lang, digits, computedAt: new Date(), ...(measureText === undefined ? {} : { measureText }) };
      return mapFigure(ctx, set, city.key, code, choice, o);
    },
    [dashboard, registry, datasets, cityNames, lang, digits, measureText, city.key, code, choice],
  );
  if (sets.length === 0)
    return (
      <section className="map-panel" data-testid="map-panel">
        <p className="map-note" data-testid="map-missing">
          {t('map.noBoundaries', { city: cityName })} <a href={dataHref}>{t('map.addBoundaries')}</a>
        </p>
      </section>
    );
  return (
    <MapView
      sets={sets}
      modes={MAP_MODES}
      model={model}
      figure={figure}
      cityName={cityName}
      indicatorTitle={indicatorTitle}
      unit={unit}
      emptyPlace={cityName}
      heading={t('map.heading')}
      caption={t('map.table.caption', { indicator: indicatorTitle, city: cityName })}
      measureText={measureText}
      testId="map-panel"
    />
  );
}
