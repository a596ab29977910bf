import './compare.css';
import './compare-echarts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ProgressMethod } from '@/domain/progress/types';
import type { Registry } from '@/domain/registry';
import { useDashboard } from '@/ui/use-dashboard';
import { useI18n } from '@/i18n/i18n-context';
import type { LoadedDataset } from '@/storage/dataset-record';
import { AcrossCities } from './across-cities';
import { CityPicker } from './city-picker';
import { cityLabel, type CityNames, indicatorsWithData, resolveCities, resolveIndicator } from '@/model/compare-model';
import type { HrefFor } from './compare-text';
import { SideBySide } from './side-by-side';

export type ComparePageProps = {
  datasets: readonly LoadedDataset[];
  registry: Registry;
  /** Display names of cities by code, per language (the demo's fictional cities). */
  cityNames: CityNames;
  /** Cities from the URL (`cities=XD-WNR,XD-BSH`): keys, codes or names; unknown ones are named in a note and ignored. */
  cities: readonly string[] | undefined;
  /** Indicator from the URL: when set, the view shows this indicator across every city. */
  indicator: string | undefined;
  method: ProgressMethod;
  /** A link to a state of the app; keys left out keep their value, `indicator: undefined` clears it. */
  hrefFor: HrefFor;
  onSelect: (s: { cities?: string[]; indicator?: string }) => void;
};

/** Cities that can be compared at once: as many as the charts have distinct colours. */
export const MAX_COMPARED = 12;

/**
 * The Compare view, two modes in one page: partner cities side by side (`cities`, no `indicator`), or
 * one indicator across every city (`indicator`; the chosen cities are highlighted and drawn as lines).
 * Without cities in the URL the first two cities of the data are shown (not written to the URL).
 */
export function ComparePage({ datasets, registry, cityNames, cities, indicator, method, hrefFor, onSelect }: ComparePageProps) {
  const { t, lang } = useI18n();
  const dashboard = useDashboard(datasets, registry, method);
  const [edited, setEdited] = useState(false);
  // Cities, and the districts of each city: two wards of one city can be compared side by side too.
  const comparable = useMemo(() => [...dashboard.cities, ...dashboard.cities.flatMap((c) => dashboard.districtsOf(c.name))], [dashboard]);

  const labels = useMemo(() => new Map(comparable.map((c) => [c.key, cityLabel(c, cityNames, lang)])), [comparable, cityNames, lang]);
  const labelOf = useCallback((key: string) => labels.get(key) ?? key, [labels]);

  const resolved = useMemo(() => resolveCities(cities, comparable), [cities, comparable]);
  const mode = indicator !== undefined ? 'across' : 'side';
  const keys = useMemo(() => {
    if (cities !== undefined) return resolved.keys.slice(0, MAX_COMPARED);
    // A first visit shows two cities at once; once the user has edited the list, an empty list stays empty.
    return mode === 'side' && !edited ? dashboard.cities.slice(0, 2).map((c) => c.key) : [];
  }, [cities, resolved.keys, mode, edited, dashboard.cities]);
  const code = resolveIndicator(indicator, dashboard, registry);
  const missing = indicator !== undefined && code === null ? indicator : null;
  const defaultIndicator = useMemo(() => {
    const codes = indicatorsWithData(dashboard);
    return codes.find((c) => c.startsWith('11.')) ?? codes[0];
  }, [dashboard]);

  // The app's onSelect changes with every URL change; handlers read the latest one, so they stay the
  // same functions and the memoised picker (a thousand options) is not redrawn on each switch.
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);
  const onCities = useCallback((next: string[]) => {
    setEdited(true);
    onSelectRef.current({ cities: next });
  }, []);
  const onIndicator = useCallback((next: string) => onSelectRef.current({ indicator: next }), []);

  if (dashboard.cities.length === 0) {
    return (
      <section aria-labelledby="compare-title" className="page cmp">
        <h1 id="compare-title" tabIndex={-1}>
          {t('compare.title')}
        </h1>
        <p className="empty">
          {t('compare.noData')} <a href={hrefFor({ view: 'data' })}>{t('compare.goToData')}</a>
        </p>
      </section>
    );
  }

  const tooMany = cities !== undefined && resolved.keys.length > MAX_COMPARED;
  const picker = (
    <CityPicker
      places={comparable}
      cityNames={cityNames}
      selected={keys}
      labelOf={labelOf}
      onChange={onCities}
      legend={t(mode === 'side' ? 'compare.picker.legendSide' : 'compare.picker.legendAcross')}
      hint={t(mode === 'side' ? 'compare.picker.hintSide' : 'compare.picker.hintAcross')}
      max={MAX_COMPARED}
    />
  );

  return (
    <section aria-labelledby="compare-title" className="page cmp" data-mode={mode}>
      <h1 id="compare-title" tabIndex={-1}>
        {t('compare.title')}
      </h1>
      <nav className="cmp-modes" aria-label={t('compare.modes')}>
        <ul>
          <li>
            <a href={hrefFor({ view: 'compare', indicator: undefined, cities: [...keys] })} aria-current={mode === 'side' ? 'page' : undefined}>
              {t('compare.mode.side')}
            </a>
          </li>
          <li>
            <a href={hrefFor({ view: 'compare', indicator: code ?? defaultIndicator, cities: [...keys] })} aria-current={mode === 'across' ? 'page' : undefined}>
              {t('compare.mode.across')}
            </a>
          </li>
        </ul>
      </nav>
      <p className="intro">{t(mode === 'side' ? 'compare.intro.side' : 'compare.intro.across')}</p>
      <p className="hint cmp-method">{t('compare.method', { method: t(`method.${method}`) })}</p>

      {resolved.unknown.length > 0 ? (
        <p className="message message-info cmp-unknown" role="status">
          {t('compare.unknownCities')}{' '}
          {resolved.unknown.map((u, i) => (
            <span key={u}>
              {i > 0 ? t('list.separator') : ''}
              <bdi className="cmp-quoted">{u}</bdi>
            </span>
          ))}
          {' '}
          {t('link.dataElsewhere')}
        </p>
      ) : null}
      {tooMany ? (
        <p className="message message-info" role="status">
          {t('compare.tooMany', { max: MAX_COMPARED })}
        </p>
      ) : null}

      {mode === 'side' ? (
        <>
          {picker}
          {keys.length < 2 ? <p className="message message-info">{t('compare.chooseTwo')}</p> : null}
          {keys.length > 0 ? <SideBySide dashboard={dashboard} registry={registry} keys={keys} labelOf={labelOf} hrefFor={hrefFor} datasets={datasets} cityNames={cityNames} /> : null}
        </>
      ) : (
        <AcrossCities
          datasets={datasets}
          cityNames={cityNames}
          dashboard={dashboard}
          registry={registry}
          code={code}
          missing={missing}
          selected={keys}
          labelOf={labelOf}
          onIndicator={onIndicator}
          onCities={onCities}
          maxCities={MAX_COMPARED}
          hrefFor={hrefFor}
          picker={picker}
        />
      )}
    </section>
  );
}
