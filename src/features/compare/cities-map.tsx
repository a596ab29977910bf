import { useMemo } from 'react';
import type { Registry } from '@/domain/registry';
import { useI18n } from '@/i18n/i18n-context';
import type { FigureContext } from '@/model/city-figures';
import type { CityNames, Dashboard } from '@/model/dashboard-model';
import { layoutOf } from '@/model/indicator-model';
import { mapDecimals } from '@/model/map-classes';
import { citiesMapFigure, citiesMapUnit, DEFAULT_MAP_OPTIONS, type MapFigureOptions } from '@/model/map-figure';
import { citiesMapModel, citySetsFor, type MapMode } from '@/model/map-model';
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
    () => (set: BoundarySet, o: MapFigureOptions) => {
      const options = { ...o, direction: meta?.direction ?? null, decimals: meta?.decimals, names: cityNames, lang };
      const first = citiesMapModel(dashboard, layout, code, set, options);
      const decimals = mapDecimals(meta?.decimals, first.regions.flatMap((r) => (r.value === null ? [] : [r.value])));
      return { model: decimals === meta?.decimals ? first : citiesMapModel(dashboard, layout, code, set, { ...options, decimals }), decimals };
    },
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
  if (first === undefined) return null;
  const unit = citiesMapUnit(citiesMapModel(dashboard, layout, code, first, { ...DEFAULT_MAP_OPTIONS, direction: null, names: cityNames, lang }).unit, meta, lang, t);
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
