import { type ReactNode, useId, useMemo } from 'react';
import { buildDistrictOption, DISTRICT_TONE_STYLE, districtChartHeight } from '@/charts/build-district-option';
import { ChartView, useElementWidth } from '@/charts/chart-view';
import { useI18n } from '@/i18n/i18n-context';
import type { FigureContext } from '@/model/city-figures';
import { districtFigure } from '@/model/district-figure';
import { comparisonText, districtChartInput, districtModel, hasDistrictPanel, orderText, toneOf } from '@/model/district-model';
import { FigureExportMenu } from '@/ui/figure-export-menu';
import { MapPanel, type MapPanelProps } from './map-panel';

/** The map's props (the same page context), and the series in words for the table's caption. */
export type DistrictPanelProps = MapPanelProps & { seriesName: string };

/** A placeholder `isolated` replaces (a private-use character no message contains). */
function mark(name: string): string {
  return `\uE000${name}\uE000`;
}

/**
 * A sentence with its names and numbers each in a <bdi>, so a Latin city name next to a number keeps
 * its order in an Arabic sentence ("Port Ruri: 25.0" does not become "25.0 :Port Ruri").
 */
function isolated(sentence: string, values: Readonly<Record<string, string>>): ReactNode[] {
  return sentence.split(/\uE000(\w+)\uE000/).map((part, i) => (i % 2 === 0 ? part : <bdi key={i}>{values[part] ?? ''}</bdi>));
}

/** Above this many districts the table starts folded (the chart shows them all). */
const TABLE_OPEN_MAX = 12;

/**
 * "By district": the districts of the city ranked by their latest value of the series shown (best first
 * in the indicator's desired direction), the city as a reference line, better / worse than the city in
 * two colours, two patterns and words; the table below is the accessible alternative. Nothing is
 * rendered when no district has a value of the series.
 */
export function DistrictPanel(props: DistrictPanelProps) {
  const { seriesName, ...mapProps } = props;
  const { dashboard, layout, registry, datasets, city, code, meta, choice, cityNames, cityName, indicatorTitle, measureText } = props;
  const { t, lang, digits, formatNumber } = useI18n();
  const headingId = useId();
  const [box, rawWidth] = useElementWidth<HTMLDivElement>();
  const width = Math.floor(rawWidth / 20) * 20;
  const decimals = meta?.decimals;
  const direction = meta?.direction ?? null;

  const model = useMemo(
    () => districtModel(dashboard, layout, city, code, choice, { direction, decimals, names: cityNames, lang }),
    [dashboard, layout, city, code, choice, direction, decimals, cityNames, lang],
  );

  const chart = useMemo(() => {
    if (!hasDistrictPanel(model)) return null;
    const input = districtChartInput(model, {
      lang,
      digits,
      cityName,
      indicatorTitle,
      title: t('indicator.districts.chartTitle'),
      subtitle: `${code} — ${cityName}`,
      decimals,
      ...(width > 0 ? { width } : {}),
      measureText,
    });
    return { option: buildDistrictOption(input), height: districtChartHeight(input) };
  }, [model, lang, digits, cityName, indicatorTitle, t, code, decimals, width, measureText]);

  const buildFigure = useMemo(() => {
    if (chart === null) return null;
    return () => {
      // Dated when the menu opens (the footer's "computed on").
      const ctx: FigureContext = { dashboard, registry, datasets, names: cityNames, lang, digits, computedAt: new Date(), ...(measureText === undefined ? {} : { measureText }) };
      return districtFigure(ctx, city.key, code, choice);
    };
  }, [chart, dashboard, registry, datasets, cityNames, lang, digits, measureText, city.key, code, choice]);

  if (chart === null) return null;
  const fmt = (v: number) => formatNumber(v, decimals === undefined ? {} : { decimals });
  const fmtYear = (y: number) => formatNumber(y, { grouping: false, decimals: 0 });
  const cityLatest = model.cityLatest;
  const otherYears = cityLatest !== null && model.rows.some((r) => r.otherYear);
  const missing = (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('indicator.districts.comparison.no_value')}</span>
    </>
  );

  return (
    <section className="card district-card" aria-labelledby={headingId} data-testid="district-panel">
      <h3 id={headingId}>{t('indicator.districts.heading')}</h3>
      <p className="district-order">{orderText(direction, { lang, digits })}</p>
      <p className="district-reference">
        {cityLatest === null ? (
          isolated(t('indicator.districts.noCityValue', { city: mark('city') }), { city: cityName })
        ) : (
          <>
            {isolated(t('indicator.districts.descriptionCity', { city: mark('city'), value: mark('value'), year: mark('year') }), {
              city: cityName,
              value: fmt(cityLatest.value),
              year: fmtYear(cityLatest.year),
            })}
            {otherYears ? <> {isolated(t('indicator.districts.otherYear', { city: mark('city'), year: mark('year') }), { city: cityName, year: fmtYear(cityLatest.year) })}</> : null}
          </>
        )}
      </p>
      <MapPanel {...mapProps} />
      <div ref={box} className="chart-box" style={{ blockSize: `${chart.height}px` }}>
        <ChartView option={chart.option} className="chart chart-fill" />
      </div>
      <FigureExportMenu build={buildFigure} />

      <details className="data-table district-table" open={model.rows.length <= TABLE_OPEN_MAX}>
        <summary>{t('indicator.districts.table.heading')}</summary>
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('indicator.districts.table.heading')}>
          <table>
            <caption className="visually-hidden">{t('indicator.districts.table.caption', { indicator: indicatorTitle, city: cityName, series: seriesName })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('indicator.districts.table.rank')}
                </th>
                <th scope="col">{t('indicator.districts.table.district')}</th>
                <th scope="col" className="num">
                  {t('indicator.districts.table.value')}
                </th>
                <th scope="col">{t('indicator.districts.table.year')}</th>
                <th scope="col">{t('indicator.districts.table.comparison', { city: cityName })}</th>
              </tr>
            </thead>
            <tbody>
              {model.rows.map((r) => {
                const tone = toneOf(r.comparison);
                return (
                  <tr key={r.district.key} data-comparison={r.comparison}>
                    <td className="num district-rank">{r.rank === null ? missing : <bdi dir="ltr">{formatNumber(r.rank, { decimals: 0 })}</bdi>}</td>
                    <th scope="row">{r.name}</th>
                    <td className="num district-value">{r.latest === null ? missing : <bdi dir="ltr">{fmt(r.latest.value)}</bdi>}</td>
                    <td className={r.otherYear ? 'district-year district-other-year' : 'district-year'}>
                      {r.latest === null ? missing : <bdi dir="ltr">{fmtYear(r.latest.year)}</bdi>}
                    </td>
                    <td className="district-comparison">
                      {r.latest === null ? null : <span className={`district-swatch district-swatch-${tone}`} style={{ backgroundColor: DISTRICT_TONE_STYLE[tone].color }} aria-hidden="true" />}
                      {comparisonText(r.comparison, { lang, digits })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
