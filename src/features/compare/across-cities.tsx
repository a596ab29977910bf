import { type ReactNode, useId, useMemo } from 'react';
import type { Registry } from '@/domain/registry';
import { ChartView } from '@/charts/chart-view';
import type { CityNames, Dashboard } from '@/model/dashboard-model';
import { type FigureContext, footerLines, headlineData } from '@/model/city-figures';
import { FigureExportMenu } from '@/ui/figure-export-menu';
import { figureFileBase } from '@/model/figure-names';
import type { LoadedDataset } from '@/storage/dataset-record';
import { useI18n } from '@/i18n/i18n-context';
import { buildLinesOption, type LinesInput } from './compare-charts';
import { buildLines, buildRanking, indicatorsWithData, lineCities } from '@/model/compare-model';
import { formatValue, formatYear, type HrefFor, indicatorTitle, localized, uniqueNames } from './compare-text';
import { RankingTable } from './ranking-table';
import { CitiesMap } from './cities-map';

export type AcrossCitiesProps = {
  readonly dashboard: Dashboard;
  readonly registry: Registry;
  /** The indicator shown (canonical code with data), or null when none is chosen or the requested one has no data. */
  readonly code: string | null;
  /** The indicator the URL asked for, when it has no data (said so). */
  readonly missing: string | null;
  /** Chosen cities (known keys). */
  readonly selected: readonly string[];
  readonly labelOf: (key: string) => string;
  readonly onIndicator: (code: string) => void;
  readonly onCities: (keys: string[]) => void;
  readonly maxCities: number;
  readonly hrefFor: HrefFor;
  /** The city picker, shown under the indicator choice (the indicator comes first in this mode). */
  readonly picker: ReactNode;
  /** For exported figures: the datasets in use (footer: source) and the cities' display names. */
  readonly datasets: readonly LoadedDataset[];
  readonly cityNames: CityNames;
};

/** How many of the best-ranked cities the lines chart shows when none is chosen. */
const TOP_LINES = 5;

/**
 * One indicator across every city: its lines over time for the chosen cities (or the best five), and
 * the ranking of all cities by latest value. Switching the indicator reads the dashboard's maps and
 * one pass over the table; nothing is recomputed per city.
 */
export function AcrossCities({ dashboard, registry, code, missing, selected, labelOf, onIndicator, onCities, maxCities, hrefFor, picker, datasets, cityNames }: AcrossCitiesProps) {
  const i18n = useI18n();
  const { t, lang, dir, digits } = i18n;
  const selectId = useId();
  const codes = useMemo(() => indicatorsWithData(dashboard), [dashboard]);
  const indicator = code === null ? undefined : registry.byCode.get(code);
  const ranking = useMemo(() => (code === null ? [] : buildRanking(dashboard, registry, code)), [dashboard, registry, code]);
  const drawn = useMemo(() => lineCities(ranking, selected, TOP_LINES, maxCities), [ranking, selected, maxCities]);
  const lines = useMemo(() => (code === null ? [] : buildLines(dashboard.table, registry, code, drawn.keys)), [dashboard.table, registry, code, drawn.keys]);
  const names = useMemo(() => uniqueNames(drawn.keys, labelOf), [drawn.keys, labelOf]);
  const ranked = ranking.reduce((n, e) => n + (e.rank === null ? 0 : 1), 0);
  const target = indicator?.goalTarget ?? null;
  // The registry's direction, else the one the results were computed with (local indicators).
  const direction = indicator?.direction ?? (code === null ? undefined : dashboard.byIndicator.get(code)?.[0]?.result.explanation.direction) ?? 'increase';
  const unit = indicator ? localized(indicator.unit, lang) : '';
  const title = code === null ? '' : indicatorTitle(code, registry, lang);

  const input = useMemo((): LinesInput | null => {
    if (code === null || lines.every((l) => l.points.length === 0)) return null;
    const fmt = (v: number) => formatValue(i18n, v, indicator);
    const described = lines
      .map((l, k) => {
        const first = l.points[0];
        const last = l.points.at(-1);
        return first && last
          ? t('compare.lines.describeCity', { city: names[k] ?? '', first: first.year, firstValue: fmt(first.value), last: last.year, lastValue: fmt(last.value) })
          : '';
      })
      .filter(Boolean);
    return {
      lines: lines.map((l, k) => ({ name: names[k] ?? l.key, points: l.points })),
      target: target ? { value: target.value, label: `${t('compare.targetLine', { year: target.year })}: ${fmt(target.value)}` } : null,
      unit,
      description: [t('compare.lines.description', { indicator: title }), ...described, unit ? t('compare.unitSentence', { unit }) : ''].filter(Boolean).join(' '),
      formatValue: fmt,
      formatYear: (y) => formatYear(i18n, y),
    };
  }, [code, lines, names, target, unit, title, indicator, i18n, t]);
  const option = useMemo(() => (input === null ? null : buildLinesOption(input, dir)), [input, dir]);
  const buildFigure = useMemo(() => {
    if (input === null || code === null) return null;
    return () => {
      const ctx: FigureContext = { dashboard, registry, datasets, names: cityNames, lang, digits, computedAt: new Date() };
      const data = headlineData(ctx, drawn.keys.map((cityKey) => ({ cityKey, indicator: code })));
      return {
        fileBase: figureFileBase({ city: drawn.from === 'top' ? `top-${drawn.keys.length}-cities` : `${drawn.keys.length}-cities`, cityCode: '', indicator: code, kind: 'lines', lang }),
        input: {
          lang,
          dir,
          width: 800,
          chartHeight: 420,
          option: buildLinesOption({ ...input, animate: false }, dir),
          text: {
            title,
            subtitle: [drawn.from === 'selected' ? t('compare.lines.selected') : t('compare.lines.top', { n: drawn.keys.length }), unit].filter(Boolean).join(' · '),
            footer: footerLines(ctx, data.datasetNames),
          },
        },
        csv: data.csv,
      };
    };
  }, [input, code, dashboard, registry, datasets, cityNames, lang, digits, dir, drawn, title, unit, t]);

  const toggle = (key: string) => onCities(selected.includes(key) ? selected.filter((k) => k !== key) : [...selected, key]);
  const years = useMemo(() => [...new Set(lines.flatMap((l) => l.points.map((p) => p.year)))].sort((a, b) => a - b), [lines]);

  return (
    <>
      <div className="toolbar">
        <div className="field field-wide">
          <label htmlFor={selectId}>{t('compare.indicator')}</label>
          <select id={selectId} data-testid="indicator-select" value={code ?? ''} onChange={(e) => onIndicator(e.target.value)}>
            {code === null ? <option value="">{t('compare.chooseIndicator')}</option> : null}
            {codes.map((c) => (
              <option key={c} value={c}>
                {indicatorTitle(c, registry, lang)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {missing !== null ? (
        <p className="message message-info" role="status">
          {t('compare.indicatorMissing', { indicator: missing })}
        </p>
      ) : null}
      {picker}

      {code === null ? null : (
        <>
          <section className="card" aria-labelledby="cmp-lines-title">
            <h2 id="cmp-lines-title">{title}</h2>
            <dl className="facts">
              {unit ? (
                <div>
                  <dt>{t('compare.unit')}</dt>
                  <dd>{unit}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t('compare.direction')}</dt>
                <dd>{t(direction === 'decrease' ? 'compare.direction.decrease' : 'compare.direction.increase')}</dd>
              </div>
              <div>
                <dt>{target ? t('compare.targetFor', { year: target.year }) : t('compare.gap.noTarget')}</dt>
                <dd>{target ? <bdi dir="ltr">{formatValue(i18n, target.value, indicator)}</bdi> : '—'}</dd>
              </div>
              <div>
                <dt>{t('compare.citiesWithData')}</dt>
                <dd>
                  <bdi dir="ltr">{i18n.formatNumber(ranking.length)}</bdi>
                </dd>
              </div>
              <div>
                <dt>{t('compare.citiesRanked')}</dt>
                <dd>
                  <bdi dir="ltr">{i18n.formatNumber(ranked)}</bdi>
                </dd>
              </div>
            </dl>
            <h3>{drawn.from === 'selected' ? t('compare.lines.selected') : t('compare.lines.top', { n: drawn.keys.length })}</h3>
            {drawn.from === 'top' ? <p className="caption">{t('compare.lines.topHint')}</p> : null}
            <div className="chart-box">{option ? <ChartView option={option} /> : <p className="empty">{t('compare.lines.empty')}</p>}</div>
            <FigureExportMenu build={buildFigure} />
            {option ? (
              <details className="data-table">
                <summary>{t('compare.dataTable')}</summary>
                <div className="table-scroll" role="region" aria-label={t('compare.lines.tableCaption', { indicator: code })} tabIndex={0}>
                  <table>
                    <caption className="visually-hidden">{t('compare.lines.tableCaption', { indicator: code })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('compare.year')}</th>
                        {names.map((n, k) => (
                          <th scope="col" key={drawn.keys[k]} className="num">
                            {n}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {years.map((y) => (
                        <tr key={y}>
                          <th scope="row">
                            <bdi dir="ltr">{formatYear(i18n, y)}</bdi>
                          </th>
                          {lines.map((l) => {
                            const p = l.points.find((q) => q.year === y);
                            return (
                              <td key={l.key} className="num">
                                {p === undefined ? '—' : <bdi dir="ltr">{formatValue(i18n, p.value, indicator)}</bdi>}
                              </td>
                            );
                          })}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            ) : null}
          </section>

          <CitiesMap dashboard={dashboard} registry={registry} datasets={datasets} cityNames={cityNames} code={code} title={title} />

          <section className="card" aria-labelledby="cmp-ranking-title">
            <h2 id="cmp-ranking-title">{t('compare.ranking.title')}</h2>
            <p className="caption">
              {t(direction === 'decrease' ? 'compare.ranking.introDecrease' : 'compare.ranking.introIncrease')}
            </p>
            <RankingTable
              key={code}
              code={code}
              indicator={indicator}
              entries={ranking}
              selected={selected}
              labelOf={labelOf}
              onToggle={toggle}
              canAdd={selected.length < maxCities}
              hrefFor={hrefFor}
            />
          </section>
        </>
      )}
    </>
  );
}
