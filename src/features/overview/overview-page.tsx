import { useEffect, useId, useMemo } from 'react';
import type { Indicator } from '@/domain/indicator';
import type { Registry } from '@/domain/registry';
import { buildTrendOption } from '@/charts/build-trend-option';
import { ChartView, useElementWidth } from '@/charts/chart-view';
import { useI18n } from '@/i18n/i18n-context';
import type { Lang } from '@/i18n/lang';
import type { LoadedDataset } from '@/storage/dataset-record';
import { type CityOption, headlineSeries, listCities, listIndicators } from './overview-data';

export type OverviewProps = {
  datasets: readonly LoadedDataset[];
  registry: Registry;
  /** Display names of cities by code, per language (the demo's fictional cities). */
  cityNames: Readonly<Record<string, { en: string; ar: string }>>;
  city: string | undefined;
  indicator: string | undefined;
  onSelect: (selection: { city: string; indicator: string | undefined }) => void;
  /** Link to the Data page (load files). */
  dataHref: string;
};

function localized(text: { en: string; ar: string; fr: string; es: string }, lang: Lang): string {
  return text[lang] || text.en;
}

export function cityLabel(c: CityOption, names: OverviewProps['cityNames'], lang: Lang): string {
  const n = c.code === '' ? undefined : names[c.code];
  if (n === undefined) return c.name;
  return (lang === 'ar' ? n.ar : n.en) || c.name;
}

export function OverviewPage({ datasets, registry, cityNames, city, indicator, onSelect, dataHref }: OverviewProps) {
  const { t, lang, dir, formatNumber } = useI18n();
  const cityId = useId();
  const indicatorId = useId();
  const cities = useMemo(() => {
    const list = listCities(datasets);
    const collator = new Intl.Collator(lang);
    return list.sort((a, b) => collator.compare(cityLabel(a, cityNames, lang), cityLabel(b, cityNames, lang)));
  }, [datasets, cityNames, lang]);
  const selectedCity = cities.find((c) => c.key === city) ?? cities[0];
  const indicators = useMemo(() => (selectedCity ? listIndicators(datasets, selectedCity.key) : []), [datasets, selectedCity]);
  // Without a choice, the first SDG 11 indicator (the app's focus), else the first there is.
  const selectedIndicator =
    indicator !== undefined && indicators.includes(indicator) ? indicator : (indicators.find((c) => c.startsWith('11.')) ?? indicators[0]);

  // Write the effective selection back into the URL, so a shared link shows the same view.
  useEffect(() => {
    if (selectedCity === undefined) return;
    if (selectedCity.key !== city || selectedIndicator !== indicator) onSelect({ city: selectedCity.key, indicator: selectedIndicator });
  }, [selectedCity, selectedIndicator, city, indicator, onSelect]);

  const meta: Indicator | undefined = selectedIndicator === undefined ? undefined : registry.byCode.get(selectedIndicator);
  const series = useMemo(
    () => (selectedCity && selectedIndicator ? headlineSeries(datasets, selectedCity.key, selectedIndicator) : undefined),
    [datasets, selectedCity, selectedIndicator],
  );
  const [chartBox, rawWidth] = useElementWidth<HTMLDivElement>();
  const width = Math.floor(rawWidth / 40) * 40;

  const decimals = meta?.decimals;
  const fmt = useMemo(() => (v: number) => formatNumber(v, decimals === undefined ? {} : { decimals }), [formatNumber, decimals]);
  const title = selectedIndicator === undefined ? '' : meta ? `${selectedIndicator} ${localized(meta.title, lang)}` : selectedIndicator;
  const unit = meta ? localized(meta.unit, lang) : (series?.unit ?? '');
  const cityName = selectedCity ? cityLabel(selectedCity, cityNames, lang) : '';
  const target = meta?.goalTarget ?? null;

  const option = useMemo(() => {
    if (series === undefined || series.points.length === 0) return null;
    const pts = series.points.filter((p) => Number.isFinite(p.value));
    const firstPt = pts[0];
    const lastPt = pts[pts.length - 1];
    const parts = [
      firstPt && lastPt
        ? t('overview.chartDescription', {
            indicator: title,
            city: cityName,
            first: firstPt.year,
            last: lastPt.year,
            points: pts.length,
            firstValue: fmt(firstPt.value),
            lastValue: fmt(lastPt.value),
          })
        : '',
      unit ? t('overview.chartDescriptionUnit', { unit }) : '',
      target ? t('overview.chartDescriptionTarget', { year: target.year, value: fmt(target.value) }) : '',
    ];
    return buildTrendOption(
      {
        title,
        subtitle: [cityName, unit].filter(Boolean).join(' · '),
        seriesName: cityName,
        points: pts,
        target: target ? { value: target.value, label: `${t('overview.targetLine', { year: target.year })}: ${fmt(target.value)}` } : null,
        unit,
        description: parts.filter(Boolean).join(' '),
        formatValue: fmt,
        width: width || undefined,
      },
      dir,
    );
  }, [series, title, cityName, unit, target, fmt, t, dir, width]);

  if (datasets.length === 0 || selectedCity === undefined) {
    return (
      <section aria-labelledby="overview-title" className="page">
        <h1 id="overview-title" tabIndex={-1}>
          {t('overview.title')}
        </h1>
        <p className="empty">
          {t('overview.noData')} <a href={dataHref}>{t('overview.goToData')}</a>
        </p>
      </section>
    );
  }

  const latest = series?.points.filter((p) => Number.isFinite(p.value)).at(-1);

  return (
    <section aria-labelledby="overview-title" className="page">
      <h1 id="overview-title" tabIndex={-1}>
        {t('overview.title')}
      </h1>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={cityId}>{t('overview.city')}</label>
          <select id={cityId} value={selectedCity.key} onChange={(e) => onSelect({ city: e.target.value, indicator: selectedIndicator })}>
            {cities.map((c) => (
              <option key={c.key} value={c.key}>
                {cityLabel(c, cityNames, lang)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-wide">
          <label htmlFor={indicatorId}>{t('overview.indicator')}</label>
          <select id={indicatorId} value={selectedIndicator ?? ''} onChange={(e) => onSelect({ city: selectedCity.key, indicator: e.target.value })}>
            {indicators.map((code) => {
              const m = registry.byCode.get(code);
              return (
                <option key={code} value={code}>
                  {m ? `${code} — ${localized(m.title, lang)}` : code}
                </option>
              );
            })}
          </select>
        </div>
      </div>

      <div className="card">
        <dl className="facts">
          {unit ? (
            <div>
              <dt>{t('overview.unitLabel')}</dt>
              <dd>{unit}</dd>
            </div>
          ) : null}
          <div>
            <dt>{target ? t('overview.targetFor', { year: target.year }) : t('overview.noTarget')}</dt>
            <dd>{target ? <bdi dir="ltr">{fmt(target.value)}</bdi> : '—'}</dd>
          </div>
          {latest ? (
            <div>
              <dt>{t('overview.latestIn', { year: latest.year })}</dt>
              <dd>
                <bdi dir="ltr">{fmt(latest.value)}</bdi>
              </dd>
            </div>
          ) : null}
        </dl>
        <div ref={chartBox} className="chart-box">
          {option ? <ChartView option={option} /> : <p className="empty">{t('overview.noSeries')}</p>}
        </div>
        {series ? (
          <p className="caption">
            {t('overview.dataset', { name: series.datasetName })}
            {series.series ? ` · ${t('overview.series', { series: series.series })}` : ''}
            {target?.source ? ` · ${t('overview.targetSource', { source: target.source })}` : ''}
          </p>
        ) : null}
        {series && series.points.length > 0 ? (
          <details className="data-table">
            <summary>{t('overview.dataTable')}</summary>
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">{`${title} — ${cityName}`}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('overview.year')}</th>
                    <th scope="col">{unit ? `${t('overview.value')} (${unit})` : t('overview.value')}</th>
                  </tr>
                </thead>
                <tbody>
                  {series.points.map((p) => (
                    <tr key={p.year}>
                      <th scope="row">
                        <bdi dir="ltr">{p.period || String(p.year)}</bdi>
                      </th>
                      <td className="num">
                        <bdi dir="ltr">{Number.isFinite(p.value) ? fmt(p.value) : '—'}</bdi>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        ) : null}
      </div>
    </section>
  );
}
