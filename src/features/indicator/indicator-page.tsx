import { useEffect, useId, useMemo, useState } from 'react';
import { onTimeAxis } from '@/model/time-axis';
import { buildBreakdownOption, breakdownHeight, type BreakdownBar, type BreakdownChartInput } from '@/charts/build-breakdown-option';
import { buildIndicatorChartOption, type IndicatorChartInput, indicatorChartHeight } from '@/charts/build-indicator-option';
import { canvasMeasureText } from '@/charts/canvas-measure';
import { ChartView, useElementWidth } from '@/charts/chart-view';
import type { UrlState } from '@/model/url-state';
import type { Indicator } from '@/domain/indicator';
import { DEFAULT_TARGET_YEAR } from '@/domain/progress/series';
import type { ProgressMethod } from '@/domain/progress/types';
import type { Registry } from '@/domain/registry';
import { useDashboard } from '@/ui/use-dashboard';
import { type FigureContext, footerLines, seriesCsv, trendFigure } from '@/model/city-figures';
import { figureFileBase } from '@/model/figure-names';
import { FigureExportMenu } from '@/ui/figure-export-menu';
import { EmbedSnippet } from '@/ui/embed-snippet';
import { formatHash } from '@/model/url-state';
import { withChosen } from '@/ui/place-options';
import { PlacePicker } from '@/ui/place-picker';
import { StatusBadge } from '@/ui/status-badge';
import { STATUS_STYLE } from '@/model/status-style';
import { useI18n } from '@/i18n/i18n-context';
import type { LoadedDataset } from '@/storage/dataset-record';
import { expertFacts, explainResult } from '@/model/explain-result';
import { formatSentence, type TextLocale } from '@/model/explanation-text';
import {
  chooseAlong,
  cityDisplayName,
  type CityNames,
  comparisonSeries,
  datasetsWith,
  defaultChoice,
  dimensionsOf,
  distinctTexts,
  indicatorsOfCity,
  layoutOf,
  MAX_COMPARISON_CITIES,
  pickIndicator,
  pointsOf,
  resolveCity,
  type SeriesChoice,
  seriesChoices,
  seriesLabel,
  sortCities,
  valueOn,
} from '@/model/indicator-model';
import { DistrictPanel } from './district-panel';
import { GapPanel } from './gap-panel';
import { ExplainCard } from './explain-card';
import { HeadlineChoice } from './headline-choice';
import { IndicatorDataTable } from './indicator-data-table';
import { IndicatorMetadata } from './indicator-metadata';
import { shownUnit, unitLabel } from '@/model/unit-label';
import { codeAndName, describedIndicator, ownUnit } from '@/model/indicator-text';
import './indicator.css';

export type IndicatorPageProps = {
  datasets: readonly LoadedDataset[];
  registry: Registry;
  /** Display names of cities by code, per language (the demo's fictional cities). */
  cityNames: CityNames;
  /** The city shown (key or name, from the URL). */
  city: string | undefined;
  /** Comparison cities (from the URL; the shown city itself is ignored). */
  cities: readonly string[] | undefined;
  indicator: string | undefined;
  method: ProgressMethod;
  hrefFor: (s: Partial<UrlState>) => string;
  onSelect: (s: { city?: string; indicator?: string; cities?: string[] }) => void;
};

/** The series the user picked, remembered per city × indicator (a new city or indicator starts from its headline). */
type Picked = { readonly scope: string; readonly series: string; readonly unit: string; readonly key: string };

/**
 * Indicator detail: one city × indicator with its time series, target, baseline and projection, other
 * cities to compare, the progress status and how it was computed, the breakdowns (sex, age, district…),
 * the data table and the indicator's metadata. Everything is read from the shared dashboard model;
 * switching city, indicator or breakdown only looks up precomputed results.
 */
export function IndicatorPage({ datasets, registry, cityNames, city, cities, indicator, method, hrefFor, onSelect }: IndicatorPageProps) {
  const { t, lang, dir, digits, formatNumber } = useI18n();
  const ids = { indicator: useId(), compare: useId(), explain: useId(), meta: useId(), status: useId(), breakdown: useId() };
  const dashboard = useDashboard(datasets, registry, method);
  const layout = useMemo(() => layoutOf(dashboard), [dashboard]);
  const cityList = useMemo(() => sortCities(dashboard.cities, cityNames, lang), [dashboard.cities, cityNames, lang]);
  const selectedCity = resolveCity(dashboard, city) ?? cityList[0];
  // A linked city this data does not have: said until the user picks a city (the URL is rewritten to the one shown).
  const [missingCity, setMissingCity] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (city !== undefined && datasets.length > 0 && resolveCity(dashboard, city) === undefined) setMissingCity(city);
  }, [city, dashboard, datasets.length]);
  const cityKey = selectedCity?.key;
  const available = useMemo(() => (cityKey === undefined ? [] : indicatorsOfCity(dashboard, cityKey)), [dashboard, cityKey]);
  const code = pickIndicator(registry, available, indicator);
  const meta: Indicator | undefined = code === undefined ? undefined : registry.byCode.get(code);
  // An indicator the registry does not know, as the dataset's own metadata describes it (title, unit, definition).
  const described = code === undefined ? undefined : describedIndicator(registry, code);

  // Write the effective selection back into the URL, so a shared link shows the same view.
  useEffect(() => {
    if (cityKey === undefined) return;
    if (cityKey !== city || code !== indicator) onSelect(code === undefined ? { city: cityKey } : { city: cityKey, indicator: code });
  }, [cityKey, code, city, indicator, onSelect]);

  const cityName = useMemo(() => {
    const labels = new Map(cityList.map((c) => [c.key, c.label]));
    return (key: string) => labels.get(key) ?? key;
  }, [cityList]);
  const shownName = selectedCity === undefined ? '' : cityName(selectedCity.key);

  // Series of this city × indicator, the breakdown dimensions, and the one picked.
  const { choices } = useMemo(
    () => (cityKey === undefined || code === undefined ? { headline: undefined, choices: [] } : seriesChoices(dashboard, layout, cityKey, code)),
    [dashboard, layout, cityKey, code],
  );
  const dims = useMemo(() => dimensionsOf(choices), [choices]);
  const scope = `${cityKey ?? ''}\u0000${code ?? ''}`;
  const [picked, setPicked] = useState<Picked | null>(null);
  const current: SeriesChoice | undefined =
    (picked !== null && picked.scope === scope ? choices.find((c) => c.series === picked.series && c.unit === picked.unit && c.key === picked.key) : undefined) ?? defaultChoice(choices);
  const pick = (c: SeriesChoice | undefined) => {
    if (c !== undefined) setPicked({ scope, series: c.series, unit: c.unit, key: c.key });
  };

  const points = useMemo(() => (current === undefined ? [] : pointsOf(layout, current.index, { all: true })), [layout, current]);
  // Several observations in a year (months, quarters): all are drawn, progress uses one per year.
  const severalPerYear = useMemo(() => new Set(points.map((p) => p.year)).size < points.length, [points]);
  const compareKeys = useMemo(() => (cities ?? []).filter((c) => c !== cityKey), [cities, cityKey]);
  const compared = useMemo(
    () => (cityKey === undefined || code === undefined ? [] : comparisonSeries(dashboard, layout, compareKeys, cityKey, code, current)),
    [dashboard, layout, compareKeys, cityKey, code, current],
  );

  const pickable = useMemo(() => withChosen(dashboard.cities, selectedCity), [dashboard.cities, selectedCity]);
  const notAddable = useMemo(() => new Set([...(cityKey === undefined ? [] : [cityKey]), ...compared.map((c) => c.city.key)]), [cityKey, compared]);

  const decimals = meta?.decimals;
  const fmt = useMemo(() => (v: number) => formatNumber(v, decimals === undefined ? {} : { decimals }), [formatNumber, decimals]);
  const fmtYear = useMemo(() => (y: number) => formatNumber(y, { grouping: false, decimals: 0 }), [formatNumber]);
  const textLocale: TextLocale = useMemo(() => ({ lang, digits, decimals }), [lang, digits, decimals]);
  const title = code === undefined ? '' : codeAndName(registry, code, lang);
  const result = current?.result;
  const explanation = result?.explanation;
  // Data in another unit than the registry's definition is shown in its own unit, without the registry's target.
  const ownDefinition = explanation?.insufficientReason === 'other_unit';
  const unit = meta === undefined ? unitLabel(ownUnit(described, current?.unit ?? '', lang), t) : shownUnit(meta, current?.unit ?? '', result, lang, t);
  const seriesName = current === undefined ? '' : seriesLabel(current, t('indicator.total'));
  const target = ownDefinition ? null : (meta?.goalTarget ?? null);

  const measureText = useMemo(() => canvasMeasureText(), []);
  const [chartBox, rawWidth] = useElementWidth<HTMLDivElement>();
  const width = Math.floor(rawWidth / 20) * 20;

  const chart = useMemo(() => {
    const shown = points.filter((p) => Number.isFinite(p.value));
    if (code === undefined || shown.length === 0 || result === undefined) return null;
    const first = shown[0];
    const last = shown[shown.length - 1];
    const projected = result.projected;
    const latest = explanation?.latest ?? (last ? { year: last.year, value: last.value } : null);
    const others = compared.filter((c) => c.points.some((p) => Number.isFinite(p.value)));
    const description = [
      first && last ? t('indicator.chart.description', { indicator: title, city: shownName, first: fmtYear(first.year), firstValue: fmt(first.value), last: fmtYear(last.year), lastValue: fmt(last.value) }) : '',
      target ? t('indicator.chart.descriptionTarget', { year: fmtYear(target.year), value: fmt(target.value) }) : '',
      projected && latest && projected.year > latest.year ? t('indicator.chart.descriptionProjection', { year: fmtYear(projected.year), value: fmt(projected.value) }) : '',
      others.length > 0 ? t('indicator.chart.descriptionCompared', { cities: others.map((c) => cityName(c.city.key)).join(', ') }) : '',
      t('indicator.chart.descriptionStatus', { status: t(`status.${result.status}`) }),
    ];
    const input: IndicatorChartInput = {
      lang,
      dir,
      digits,
      title: `${code} — ${shownName}`,
      subtitle: seriesName,
      unit,
      series: [
        { name: shownName, highlighted: true, points: onTimeAxis(shown) },
        ...others.map((c) => ({ name: cityName(c.city.key), highlighted: false, points: onTimeAxis(c.points) })),
      ],
      target: target ? { value: target.value, year: target.year, label: t('indicator.chart.target', { year: fmtYear(target.year), value: fmt(target.value) }) } : null,
      baseline: explanation?.base ? { ...explanation.base, label: t('indicator.chart.baseline', { year: fmtYear(explanation.base.year) }) } : null,
      projection: projected && latest ? { from: latest, to: projected, label: t('indicator.chart.projection', { year: fmtYear(projected.year) }) } : null,
      ...(decimals === undefined ? {} : { decimals }),
      description: description.filter(Boolean).join(' '),
      ...(width > 0 ? { width } : {}),
      ...(measureText === undefined ? {} : { measureText }),
    };
    return { option: buildIndicatorChartOption(input), height: indicatorChartHeight(input) };
  }, [points, code, result, explanation, compared, t, title, shownName, fmt, fmtYear, target, lang, dir, digits, seriesName, unit, decimals, width, cityName, measureText]);

  // "Export figure": the chart as the user sees it (series, comparison cities), framed for a report.
  const buildTrendFigure = useMemo(() => {
    if (chart === null || cityKey === undefined || code === undefined) return null;
    // Built when the menu opens, dated then (the footer's "computed on").
    const ctx = (): FigureContext => ({ dashboard, registry, datasets, names: cityNames, lang, digits, computedAt: new Date(), ...(measureText === undefined ? {} : { measureText }) });
    return () => trendFigure(ctx(), cityKey, code, { compare: compareKeys, choice: current });
  }, [chart, dashboard, registry, datasets, cityNames, lang, digits, measureText, cityKey, code, compareKeys, current]);

  // Latest value of every breakdown with the shown series and unit, in the status colours and patterns.
  const breakdown = useMemo(() => {
    if (current === undefined || !dims.some((d) => d.kind === 'column')) return null;
    const bars: BreakdownBar[] = [];
    const drawn: number[] = [];
    for (const c of choices) {
      if (c.series !== current.series || c.unit !== current.unit) continue;
      const latest = pointsOf(layout, c.index).filter((p) => Number.isFinite(p.value)).at(-1);
      if (latest === undefined) continue;
      const style = STATUS_STYLE[c.result.status];
      drawn.push(c.index);
      bars.push({ label: seriesLabel(c, t('indicator.total')), value: latest.value, year: latest.year, statusText: t(`status.${c.result.status}`), color: style.color, decal: style.decal, selected: c === current });
      if (bars.length >= 40) break;
    }
    if (bars.length < 2) return null;
    const input: BreakdownChartInput = {
      lang,
      dir,
      digits,
      title: t('indicator.breakdown.chartTitle'),
      subtitle: `${code ?? ''} — ${shownName}`,
      bars,
      ...(decimals === undefined ? {} : { decimals }),
      description: t('indicator.breakdown.chartDescription', {
        indicator: title,
        city: shownName,
        items: bars.map((b) => t('indicator.breakdown.item', { label: b.label, value: fmt(b.value), year: fmtYear(b.year), status: b.statusText })).join('; '),
      }),
      ...(width > 0 ? { width } : {}),
      ...(measureText === undefined ? {} : { measureText }),
    };
    return { option: buildBreakdownOption(input), height: breakdownHeight(input), input, drawn };
  }, [current, dims, choices, layout, t, lang, dir, digits, code, shownName, decimals, title, fmt, fmtYear, width, measureText]);

  const buildBreakdownFigure = useMemo(() => {
    if (breakdown === null || selectedCity === undefined || cityKey === undefined || code === undefined) return null;
    return () => {
      const ctx: FigureContext = { dashboard, registry, datasets, names: cityNames, lang, digits, computedAt: new Date() };
      // The frame draws title and subtitle; the chart is drawn at the export width.
      const input: BreakdownChartInput = { ...breakdown.input, title: '', subtitle: '', width: 800, animate: false };
      return {
        fileBase: figureFileBase({ city: cityDisplayName(selectedCity, cityNames, 'en'), cityCode: selectedCity.code, indicator: code, kind: 'breakdown', lang }),
        input: {
          lang,
          dir,
          width: 800,
          chartHeight: breakdownHeight(input),
          option: buildBreakdownOption(input),
          text: { title: `${t('indicator.breakdown.chartTitle')} — ${title}`, subtitle: [shownName, unit].filter(Boolean).join(' · '), footer: footerLines(ctx, datasetsWith(datasets, registry, cityKey, code)) },
          ...(measureText === undefined ? {} : { measureText }),
        },
        csv: () => seriesCsv(dashboard, breakdown.drawn),
      };
    };
  }, [breakdown, selectedCity, cityKey, code, dashboard, registry, datasets, cityNames, lang, digits, dir, t, title, shownName, unit, measureText]);

  const sentences = useMemo(
    () =>
      result === undefined
        ? []
        : explainResult(result, {
            baseYear: meta?.baseYear ?? 2015,
            targetYear: DEFAULT_TARGET_YEAR,
            target: target === null ? null : { value: target.value, year: target.year },
            limit: meta?.naturalLimit ?? null,
          }).map((s) => formatSentence(s, textLocale)),
    [result, meta, target, textLocale],
  );
  const facts = useMemo(() => (result === undefined ? [] : expertFacts(result)), [result]);
  const datasetNames = useMemo(() => (cityKey === undefined || code === undefined ? [] : datasetsWith(datasets, registry, cityKey, code)), [datasets, registry, cityKey, code]);
  const sources = useMemo(() => distinctTexts(points.map((p) => p.source)), [points]);

  if (datasets.length === 0 || selectedCity === undefined) {
    return (
      <section aria-labelledby="indicator-title" className="page indicator-page">
        <h1 id="indicator-title" tabIndex={-1}>
          {t('indicator.title')}
        </h1>
        <p className="empty">
          {t('indicator.noData')} <a href={hrefFor({ view: 'data' })}>{t('indicator.goToData')}</a>
        </p>
      </section>
    );
  }

  const addable = cityList.filter((c) => !notAddable.has(c.key));
  const full = compared.length >= MAX_COMPARISON_CITIES;

  return (
    <section aria-labelledby="indicator-title" className="page indicator-page">
      <h1 id="indicator-title" tabIndex={-1}>
        {t('indicator.title')}
      </h1>
      {missingCity !== undefined ? (
        <p className="message message-info" role="status">
          {t('indicator.cityMissing', { city: missingCity, shown: shownName })} {t('link.dataElsewhere')}
        </p>
      ) : null}
      <div className="toolbar">
        <PlacePicker
          label={t('indicator.city')}
          places={pickable}
          value={selectedCity.key}
          onChange={(key) => {
            setMissingCity(undefined);
            onSelect(code === undefined ? { city: key } : { city: key, indicator: code });
          }}
          names={cityNames}
        />
        <div className="field field-wide">
          <label htmlFor={ids.indicator}>{t('indicator.indicator')}</label>
          <select id={ids.indicator} value={code ?? ''} onChange={(e) => onSelect({ city: selectedCity.key, indicator: e.target.value })}>
            {code !== undefined && !available.includes(code) ? <option value={code}>{t('indicator.noDataOption', { code: codeAndName(registry, code, lang, ' — ') })}</option> : null}
            {available.map((c) => (
              <option key={c} value={c}>
                {codeAndName(registry, c, lang, ' — ')}
              </option>
            ))}
          </select>
        </div>
      </div>

      <h2 className="indicator-heading">{title}</h2>
      {meta === undefined && code !== undefined ? <p className="message message-info">{t('indicator.unknownIndicator', { code })}</p> : null}

      {current === undefined ? (
        <p className="empty">{t('indicator.noDataForCity', { city: shownName })}</p>
      ) : (
        <>
          {dims.length > 0 ? (
            <fieldset className="breakdown-picker">
              <legend>{t('indicator.breakdown.heading')}</legend>
              {dims.map((d) => (
                <div className="field" key={d.id}>
                  <label htmlFor={`${ids.breakdown}-${d.id}`}>{d.kind === 'series' ? t('indicator.breakdown.series') : d.kind === 'unit' ? t('indicator.breakdown.unit') : d.column}</label>
                  <select id={`${ids.breakdown}-${d.id}`} value={valueOn(current, d)} onChange={(e) => pick(chooseAlong(choices, dims, current, d, e.target.value))}>
                    {d.values.map((v) => (
                      <option key={v} value={v}>
                        {v === '' ? (d.kind === 'column' ? t('indicator.breakdown.all') : t('indicator.breakdown.unnamed')) : v}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </fieldset>
          ) : null}
          {code !== undefined ? <HeadlineChoice indicator={code} series={[...new Set(choices.filter((c) => c.key === '').map((c) => c.series).filter((x) => x !== ''))]} shown={current.series} /> : null}

          <section className="card indicator-status" aria-labelledby={ids.status} data-city={selectedCity.key} data-indicator={code} data-series={current.index}>
            <div className="status-line">
              <h3 id={ids.status}>{t('indicator.status')}</h3>
              {result ? <StatusBadge status={result.status} /> : null}
              <span className="status-series">{seriesName}</span>
            </div>
            <dl className="facts">
              {explanation?.latest ? (
                <div>
                  <dt>{t('indicator.latest', { year: fmtYear(explanation.latest.year) })}</dt>
                  <dd>
                    <bdi dir="ltr">{fmt(explanation.latest.value)}</bdi>
                  </dd>
                </div>
              ) : null}
              {explanation?.base ? (
                <div>
                  <dt>{t('indicator.baseline', { year: fmtYear(explanation.base.year) })}</dt>
                  <dd>
                    <bdi dir="ltr">{fmt(explanation.base.value)}</bdi>
                  </dd>
                </div>
              ) : null}
              <div>
                <dt>{target ? t('indicator.targetFor', { year: fmtYear(target.year) }) : t('indicator.noTarget')}</dt>
                <dd>{target ? <bdi dir="ltr">{fmt(target.value)}</bdi> : '—'}</dd>
              </div>
              {result?.projected && explanation?.latest && result.projected.year > explanation.latest.year ? (
                <div>
                  <dt>{t('indicator.projectedFor', { year: fmtYear(result.projected.year) })}</dt>
                  <dd>
                    <bdi dir="ltr">{fmt(result.projected.value)}</bdi>
                  </dd>
                </div>
              ) : null}
              {unit ? (
                <div>
                  <dt>{t('indicator.meta.unit')}</dt>
                  <dd>{unit}</dd>
                </div>
              ) : null}
            </dl>

            <div ref={chartBox} className="chart-box" style={chart ? { blockSize: `${chart.height}px` } : undefined}>
              {chart ? <ChartView option={chart.option} className="chart chart-fill" /> : <p className="empty">{t('indicator.chart.noValues')}</p>}
            </div>
            {severalPerYear ? <p className="hint">{t('indicator.perYearRule')}</p> : null}
            <FigureExportMenu build={buildTrendFigure} />
            {selectedCity !== undefined && code !== undefined ? <EmbedSnippet hash={formatHash({ view: 'indicator', embed: true, city: selectedCity.key, indicator: code, lang })} title={`${title} — ${shownName}`} /> : null}

            <div className="compare-picker">
              <h3 id={ids.compare}>{t('indicator.compare.heading')}</h3>
              {compared.length > 0 ? (
                <ul className="compare-chips" aria-label={t('indicator.compare.selected')}>
                  {compared.map((c) => (
                    <li key={c.city.key}>
                      <button
                        type="button"
                        className="chip"
                        aria-label={t('indicator.compare.remove', { city: cityName(c.city.key) })}
                        onClick={() => onSelect({ cities: (cities ?? []).filter((k) => k !== c.city.key && resolveCity(dashboard, k)?.key !== c.city.key) })}
                      >
                        <span>{cityName(c.city.key)}</span>
                        <span aria-hidden="true" className="chip-x">
                          ×
                        </span>
                      </button>
                      {c.choice === null ? <span className="hint"> {t('indicator.compare.noSeries', { city: cityName(c.city.key) })}</span> : null}
                    </li>
                  ))}
                </ul>
              ) : null}
              <PlacePicker
                label={t('indicator.compare.add')}
                places={dashboard.cities}
                value={undefined}
                exclude={notAddable}
                onChange={(key) => onSelect({ cities: [...compared.map((c) => c.city.key), key] })}
                names={cityNames}
                placeholder={t('indicator.compare.choose')}
                disabled={full || addable.length === 0}
                describedBy={ids.compare + '-limit'}
              />
              <p className="hint" id={ids.compare + '-limit'}>
                {t('indicator.compare.limit', { count: MAX_COMPARISON_CITIES })}
              </p>
            </div>
            <p className="caption links">
              <a href={hrefFor({ view: 'overview', city: selectedCity.key })}>{t('indicator.links.overview')}</a>
              {compared.length > 0 ? (
                <>
                  {' · '}
                  <a href={hrefFor({ view: 'compare', cities: [selectedCity.key, ...compared.map((c) => c.city.key)], ...(code === undefined ? {} : { indicator: code }) })}>{t('indicator.links.compare')}</a>
                </>
              ) : null}
            </p>
          </section>

          <ExplainCard headingId={ids.explain} sentences={sentences} facts={facts} textLocale={textLocale} />

          {breakdown ? (
            <div className="card breakdown-card">
              <div className="chart-box" style={{ blockSize: `${breakdown.height}px` }}>
                <ChartView option={breakdown.option} className="chart chart-fill" />
              </div>
              <FigureExportMenu build={buildBreakdownFigure} />
            </div>
          ) : null}

          {code !== undefined && selectedCity !== undefined && current !== undefined ? (
            <GapPanel
              dashboard={dashboard}
              layout={layout}
              registry={registry}
              datasets={datasets}
              city={selectedCity}
              code={code}
              choice={current}
              direction={meta?.direction ?? null}
              decimals={decimals}
              unit={unit}
              cityNames={cityNames}
            />
          ) : null}

          {code !== undefined ? (
            <DistrictPanel
              dashboard={dashboard}
              layout={layout}
              registry={registry}
              datasets={datasets}
              city={selectedCity}
              code={code}
              meta={meta}
              choice={current}
              cityNames={cityNames}
              cityName={shownName}
              indicatorTitle={title}
              seriesName={seriesName}
              unit={unit}
              dataHref={hrefFor({ view: 'data' })}
              measureText={measureText}
            />
          ) : null}

          <IndicatorDataTable points={points} caption={t('indicator.table.caption', { indicator: title, city: shownName, series: seriesName })} unit={unit} fmt={fmt} fmtYear={fmtYear} />
        </>
      )}

      <IndicatorMetadata headingId={ids.meta} meta={meta} described={described} sources={sources} datasetNames={datasetNames} fmt={fmt} fmtYear={fmtYear} />
    </section>
  );
}
