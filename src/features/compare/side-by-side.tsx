import { indicatorName } from '@/model/indicator-text';
import { useMemo } from 'react';
import type { Registry } from '@/domain/registry';
import { PROGRESS_STATUSES } from '@/domain/progress/types';
import { ChartView, useElementWidth } from '@/charts/chart-view';
import { cityDisplayName, type CityNames, type Dashboard } from '@/model/dashboard-model';
import { type FigureContext, footerLines, headlineData } from '@/model/city-figures';
import { FigureExportMenu } from '@/ui/figure-export-menu';
import { figureFileBase } from '@/model/figure-names';
import type { LoadedDataset } from '@/storage/dataset-record';
import { StatusBadge } from '@/ui/status-badge';
import { useI18n } from '@/i18n/i18n-context';
import { CityMark } from './city-mark';
import { buildDumbbellOption, type DumbbellInput, dumbbellHeight } from './compare-charts';
import { buildDumbbell, buildSideBySide, type CompareCell, type DumbbellRow } from '@/model/compare-model';
import { formatValue, formatYear, gapText, type HrefFor, indicatorTitle, localized, uniqueNames } from './compare-text';


export type SideBySideProps = {
  readonly dashboard: Dashboard;
  readonly registry: Registry;
  /** The compared cities (known keys, at least one). */
  readonly keys: readonly string[];
  readonly labelOf: (key: string) => string;
  readonly hrefFor: HrefFor;
  /** For exported figures: the datasets in use (footer: source) and the cities' display names (file names). */
  readonly datasets: readonly LoadedDataset[];
  readonly cityNames: CityNames;
};

/**
 * Partner cities side by side: status counts at a glance, a dumbbell chart of 0–100 scores, and every
 * indicator with data in any of them (latest value and year, status, gap to the target), grouped by
 * SDG target.
 */
export function SideBySide({ dashboard, registry, keys, labelOf, hrefFor, datasets, cityNames }: SideBySideProps) {
  const i18n = useI18n();
  const { t, lang, dir, digits } = i18n;
  const groups = useMemo(() => buildSideBySide(dashboard, registry, keys), [dashboard, registry, keys]);
  const dumbbell = useMemo(() => buildDumbbell(groups), [groups]);
  const names = useMemo(() => uniqueNames(keys, labelOf), [keys, labelOf]);
  const [chartBox, width] = useElementWidth<HTMLDivElement>();
  const indicatorCount = groups.reduce((n, g) => n + g.rows.length, 0);

  const input = useMemo((): DumbbellInput | null => {
    if (dumbbell.length === 0) return null;
    const described = dumbbell.map((row) => {
      const parts = row.scores.map((s, k) => `${names[k] ?? ''} ${s === null ? t('compare.score.none') : i18n.formatNumber(s, { decimals: 0 })}`);
      return `${row.code}: ${parts.join(t('list.separator'))}`;
    });
    return {
      rows: dumbbell,
      cities: names,
      rowLabel,
      rowTitle: (row) => indicatorTitle(row.code, registry, lang),
      basisText: (row) => t(row.basis === 'bounds' ? 'compare.score.basisBounds' : 'compare.score.basisProgress'),
      noScore: t('compare.score.none'),
      axisName: t('compare.score.axis'),
      description: `${t('compare.score.description', { cities: names.join(t('list.separator')), count: dumbbell.length })} ${described.join('; ')}.`,
      formatValue: (v) => i18n.formatNumber(v, { decimals: 0 }),
    };
  }, [dumbbell, names, registry, lang, t, i18n]);
  const option = useMemo(() => (input === null ? null : buildDumbbellOption(input, dir)), [input, dir]);
  const buildFigure = useMemo(() => {
    const first = keys[0] === undefined ? undefined : dashboard.cityByKey.get(keys[0]);
    if (input === null || first === undefined) return null;
    return () => {
      const ctx: FigureContext = { dashboard, registry, datasets, names: cityNames, lang, digits, computedAt: new Date() };
      const second = keys.length === 2 && keys[1] !== undefined ? dashboard.cityByKey.get(keys[1]) : undefined;
      const data = headlineData(ctx, keys.flatMap((cityKey) => dumbbell.map((row) => ({ cityKey, indicator: row.code }))));
      return {
        fileBase: figureFileBase({
          city: cityDisplayName(first, cityNames, 'en'),
          cityCode: first.code,
          partner: second === undefined ? undefined : { city: cityDisplayName(second, cityNames, 'en'), cityCode: second.code },
          indicator: null,
          kind: keys.length > 2 ? `scores-${keys.length}-cities` : 'scores',
          lang,
        }),
        input: {
          lang,
          dir,
          width: 800,
          chartHeight: dumbbellHeight(dumbbell.length, keys.length, 800),
          option: buildDumbbellOption({ ...input, animate: false }, dir),
          text: { title: t('compare.score.title'), subtitle: names.join(t('list.separator')), footer: footerLines(ctx, data.datasetNames) },
        },
        csv: data.csv,
      };
    };
  }, [input, keys, dashboard, registry, datasets, cityNames, lang, digits, dir, dumbbell, names, t]);
  const height = dumbbellHeight(dumbbell.length, keys.length, width || 600);
  const hasProgressBasis = dumbbell.some((r) => r.basis === 'progress');

  return (
    <>
      <section className="card" aria-labelledby="cmp-glance">
        <h2 id="cmp-glance">{t('compare.glance.title')}</h2>
        <div className="table-scroll" role="region" aria-labelledby="cmp-glance" tabIndex={0}>
          <table className="cmp-glance">
            <caption className="visually-hidden">{t('compare.glance.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('compare.glance.status')}</th>
                {keys.map((k, i) => (
                  <th scope="col" key={k} className="num">
                    <span className="cmp-city-head">
                      <CityMark index={i} />
                      <bdi>{labelOf(k)}</bdi>
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {PROGRESS_STATUSES.map((s) => (
                <tr key={s}>
                  <th scope="row">
                    <StatusBadge status={s} />
                  </th>
                  {keys.map((k) => (
                    <td key={k} className="num">
                      <bdi dir="ltr">{i18n.formatNumber(dashboard.rollups.get(k)?.overall.counts[s] ?? 0)}</bdi>
                    </td>
                  ))}
                </tr>
              ))}
              <tr className="cmp-total">
                <th scope="row">{t('compare.glance.total')}</th>
                {keys.map((k) => (
                  <td key={k} className="num">
                    <bdi dir="ltr">{i18n.formatNumber(dashboard.rollups.get(k)?.overall.indicators ?? 0)}</bdi>
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="cmp-scores">
        <h2 id="cmp-scores">{t('compare.score.title')}</h2>
        <p className="caption">{t('compare.score.intro')}</p>
        {hasProgressBasis ? <p className="caption">{t('compare.score.progressNote')}</p> : null}
        <div ref={chartBox} className="chart-box" style={{ blockSize: option ? height : undefined }}>
          {option ? <ChartView option={option} className="cmp-chart" /> : <p className="empty">{t('compare.score.empty')}</p>}
        </div>
        <FigureExportMenu build={buildFigure} />
        {dumbbell.length > 0 ? (
          <details className="data-table">
            <summary>{t('compare.dataTable')}</summary>
            <div className="table-scroll" role="region" aria-label={t('compare.score.tableCaption')} tabIndex={0}>
              <table>
                <caption className="visually-hidden">{t('compare.score.tableCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('compare.indicator')}</th>
                    <th scope="col">{t('compare.score.basis')}</th>
                    {keys.map((k) => (
                      <th scope="col" key={k} className="num">
                        {labelOf(k)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {dumbbell.map((row) => (
                    <tr key={row.code}>
                      <th scope="row">
                        <bdi>{row.code}</bdi>
                      </th>
                      <td>{t(row.basis === 'bounds' ? 'compare.score.basisBoundsShort' : 'compare.score.basisProgressShort')}</td>
                      {row.scores.map((s, k) => (
                        <td key={keys[k]} className="num">
                          {s === null ? '—' : <bdi dir="ltr">{i18n.formatNumber(s, { decimals: 0 })}</bdi>}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        ) : null}
      </section>

      <section className="card" aria-labelledby="cmp-table-title">
        <h2 id="cmp-table-title">{t('compare.table.title')}</h2>
        <p className="caption">{t('compare.table.intro', { count: indicatorCount })}</p>
        <div className="table-scroll cmp-table-scroll" role="region" aria-labelledby="cmp-table-title" tabIndex={0}>
          <table className="cmp-table" data-testid="side-by-side">
            <caption className="visually-hidden">{t('compare.table.caption', { cities: keys.map(labelOf).join(t('list.separator')) })}</caption>
            <thead>
              <tr>
                <th scope="col" className="cmp-ind-col">
                  {t('compare.indicator')}
                </th>
                {keys.map((k, i) => (
                  <th scope="col" key={k} data-city={k}>
                    <span className="cmp-city-head">
                      <CityMark index={i} />
                      <bdi>{labelOf(k)}</bdi>
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            {groups.map((g) => (
              <tbody key={g.target ?? ''}>
                <tr className="cmp-group">
                  <th scope="rowgroup" colSpan={keys.length + 1}>
                    {g.target === null ? t('compare.table.otherGroup') : t('compare.table.targetGroup', { target: g.target })}
                  </th>
                </tr>
                {g.rows.map((row) => (
                  <tr key={row.code} data-indicator={row.code}>
                    <th scope="row" className="cmp-ind-col">
                      <span className="cmp-code">
                        <bdi>{row.code}</bdi>
                      </span>{' '}
                      <span className="cmp-ind-title">{row.indicator ? localized(row.indicator.title, lang) : (indicatorName(registry, row.code, lang) ?? '')}</span>
                      {row.indicator ? <span className="cmp-unit">{localized(row.indicator.unit, lang)}</span> : null}
                      <a className="cmp-rank-link" href={hrefFor({ view: 'compare', indicator: row.code, cities: [...keys] })} aria-label={t('compare.table.rankLinkLabel', { code: row.code })}>
                        {t('compare.table.rankLink')}
                      </a>
                    </th>
                    {row.cells.map((cell) => (
                      <td key={cell.cityKey} data-city={cell.cityKey}>
                        <Cell cell={cell} registry={registry} code={row.code} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      </section>
    </>
  );
}

/**
 * The chart's label of a row: the code, starred when the score is a progress score (explained under
 * the title). The code is a left-to-right isolate, so `11.a.1` keeps its order in Arabic.
 */
function rowLabel(row: DumbbellRow): string {
  const code = `\u2066${row.code}\u2069`;
  return row.basis === 'progress' ? `${code} *` : code;
}

function Cell({ cell, registry, code }: { cell: CompareCell; registry: Registry; code: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (cell.progress === undefined || cell.status === null) return <span className="cmp-none">{t('compare.cellNoData')}</span>;
  const indicator = registry.byCode.get(code);
  return (
    <div className="cmp-cell">
      {cell.latest ? (
        <span className="cmp-latest">
          <bdi dir="ltr" className="cmp-value">
            {formatValue(i18n, cell.latest.value, indicator)}
          </bdi>{' '}
          <span className="cmp-year">({formatYear(i18n, cell.latest.year)})</span>
        </span>
      ) : (
        <span className="cmp-none">{t('compare.noValue')}</span>
      )}
      <StatusBadge status={cell.status} />
      {cell.gap ? <span className="cmp-gap">{gapText(i18n, cell.gap, indicator)}</span> : null}
    </div>
  );
}
