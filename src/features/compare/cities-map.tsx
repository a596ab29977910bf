import { useMemo } from 'react';
import type { Registry } from '@/domain/registry';
import { useI18n } from '@/i18n/i18n-context';
import type { FigureContext } from '@/model/city-figures';
import type { CityNames, Dashboard } from '@/model/dashboard-model';
import { layoutOf } from '@/model/indicator-model';
import { citiesMapFigure, citiesMapUnit, DEFAULT_MAP_OPTIONS, type MapFigureOptions } from '@/model/map-figure';
import { atMapDecimals, citiesMapModel, citySetsFor, type MapMode } from '@/model/map-model';
import type { BoundarySet } from '@/storage/boundary-record';
import type { LoadedDataset } from '@/storage/dataset-record';
import { useBoundarySets } from '@/ui/boundary-context';
import { MapView } from '@/ui/map-view';

const CITY_MODES: readonly MapMode[] = ['value', 'status'];

/**
 * The map of the cities in the compare view, when a boundary file of cities (one shape per city) is
 * loaded: each city's headline value of the indicator (or its progress status). Nothing is drawn (and
 * nothing said) without such a file: the ranking below lists every city.
 */
export function CitiesMap({ dashboard, registry, datasets, cityNames, code, title }: { dashboard: Dashboard; registry: Registry; datasets: readonly LoadedDataset[]; cityNames: CityNames; code: string; title: string }) {
  const { t, lang, digits } = useI18n();
  const allSets = useBoundarySets();
  const sets = useMemo(() => citySetsFor(dashboard, allSets, cityNames), [dashboard, allSets, cityNames]);
  const layout = useMemo(() => layoutOf(dashboard), [dashboard]);
  const meta = registry.byCode.get(code);
  const model = useMemo(
    () => (set: BoundarySet, o: MapFigureOptions) =>
      atMapDecimals(meta?.decimals, (decimals) => citiesMapModel(dashboard, layout, code, set, { ...o, direction: meta?.direction ?? null, decimals, names: cityNames, lang })),
    [dashboard, layout, code, meta, cityNames, lang],
  );
  const figure = useMemo(
    () => (set: BoundarySet, o: MapFigureOptions) => {
      const ctx: FigureContext = { dashboard, registry, datasets, names: cityNames, lang, digits, computedAt: new Date() };
      return citiesMapFigure(ctx, set, code, o);
    },
    [dashboard, registry, datasets, cityNames, lang, digits, code],
  );
  const first = sets[0];
  // The unit most cities' data is in (computed once per set and indicator, not on every render).
  const unit = useMemo(
    () => (first === undefined ? '' : citiesMapUnit(citiesMapModel(dashboard, layout, code, first, { ...DEFAULT_MAP_OPTIONS, direction: null, names: cityNames, lang }).unit, meta, lang, t)),
    [first, dashboard, layout, code, cityNames, lang, meta, t],
  );
  if (first === undefined) return null;
  return (
    <section className="card" aria-label={t('map.citiesHeading')}>
      <MapView
        sets={sets}
        modes={CITY_MODES}
        model={model}
        figure={figure}
        cityName=""
        indicatorTitle={title}
        unit={unit}
        emptyPlace={t('map.theCities')}
        heading={t('map.citiesHeading')}
        caption={t('map.citiesCaption', { indicator: title })}
        testId="cities-map"
      />
    </section>
  );
}
