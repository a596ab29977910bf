import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { NuaCommitmentSchema, NuaPrioritySchema } from '@/domain/indicator';
import { PROGRESS_STATUSES, type ProgressMethod, type ProgressStatus } from '@/domain/progress/types';
import { dataText } from '@/domain/dataset-indicator';
import type { Registry } from '@/domain/registry';
import { ownUnit } from '@/model/indicator-text';
import { unitLabel } from '@/model/unit-label';
import { useDashboard } from '@/ui/use-dashboard';
import { withChosen } from '@/ui/place-options';
import { PlacePicker } from '@/ui/place-picker';
import { StatusBadge } from '@/ui/status-badge';
import { stripBidiMarks } from '@/i18n/format-number';
import { useI18n } from '@/i18n/i18n-context';
import { loadEnglishViews } from '@/i18n/load-lang';
import { type Digits, intlLocale, type Lang } from '@/i18n/lang';
import type { LoadedDataset } from '@/storage/dataset-record';
import {
  buildCityOverview,
  cityDisplayName,
  type CityNames,
  type CityOverview,
  findCity,
  type Grouping,
  GROUPINGS,
  groupRows,
  localized,
  type OverviewRow,
  type RowGroup,
  sparklinePath,
  type TrendPoints,
} from '@/model/overview-model';
import { StatusBar, StatusChips, useCountsText } from '@/ui/status-bar';
import { ReviewPicker } from '@/ui/review-picker';
import './overview.css';
import { goalOfCode, SDG_COLORS } from '@/model/sdg-colors';
import type { ViewLink } from '@/model/dashboard-model';

export type { ViewLink };

export type OverviewPageProps = {
  datasets: readonly LoadedDataset[];
  registry: Registry;
  /** Display names of cities by code, per language (the demo's fictional cities). */
  cityNames: CityNames;
  /** The city in the URL (code, or name); the first city when undefined. */
  city: string | undefined;
  method: ProgressMethod;
  /** The last review to compare with (a `reviewKey`, from the URL; the report shows the same); none when undefined. */
  review: string | undefined;
  /** A link to another view (the app fills in the rest of the current state). */
  hrefFor: (s: ViewLink) => string;
  /** The user chose a city (or the page settled on one: written back to the URL), or a last review. */
  onSelect: (s: { city: string } | { review: string | undefined }) => void;
  /** Link to the Data page (load files). */
  dataHref: string;
};

const SPARK = { width: 96, height: 28, pad: 3 } as const;


const SinceLastReview = lazy(() => Promise.all([import('./since-last-review'), loadEnglishViews()]).then(([m]) => ({ default: m.SinceLastReview })));
/** The range of each method's scores (progress engine: opensdg and unsd −5…5, sdsn 0–100). */
const SCORE_SCALE: Readonly<Record<ProgressMethod, { low: number; high: number }>> = {
  opensdg: { low: -5, high: 5 },
  unsd: { low: -5, high: 5 },
  sdsn: { low: 0, high: 100 },
};

/** A share (0–1) as a whole percentage in the UI language and digits, without invisible bidi marks. */
function formatPercent(share: number, lang: Lang, digits: Digits): string {
  return stripBidiMarks(new Intl.NumberFormat(intlLocale(lang, digits), { style: 'percent', maximumFractionDigits: 0 }).format(share));
}

/** City overview: where one city stands on every indicator, at a glance. */
export function OverviewPage({ datasets, registry, cityNames, city, method, review, hrefFor, onSelect, dataHref }: OverviewPageProps) {
  const { t, lang } = useI18n();
  const dashboard = useDashboard(datasets, registry, method);
  const [grouping, setGrouping] = useState<Grouping>('target');

  const options = useMemo(() => {
    const collator = new Intl.Collator(lang);
    return dashboard.cities.map((c) => ({ city: c, label: cityDisplayName(c, cityNames, lang) })).sort((a, b) => collator.compare(a.label, b.label));
  }, [dashboard, cityNames, lang]);
  const found = findCity(dashboard, city);
  const selected = found ?? options[0]?.city;
  const missing = city !== undefined && found === undefined ? city : undefined;
  const pickable = useMemo(() => withChosen(dashboard.cities, selected), [dashboard.cities, selected]);

  // Write the effective city back into the URL (a shared link shows the same city); a city the data
  // does not have stays in the URL, with a notice, rather than being silently replaced.
  useEffect(() => {
    if (selected !== undefined && missing === undefined && selected.key !== city) onSelect({ city: selected.key });
  }, [selected, missing, city, onSelect]);

  const overview = useMemo(() => (selected === undefined ? undefined : buildCityOverview(dashboard, registry, selected.key)), [dashboard, registry, selected]);
  const groups = useMemo(() => (overview === undefined ? [] : groupRows(overview.rows, grouping)), [overview, grouping]);

  if (selected === undefined || overview === undefined) {
    return (
      <section aria-labelledby="overview-title" className="page overview">
        <h1 id="overview-title" tabIndex={-1}>
          {t('overview.title')}
        </h1>
        <p className="empty">
          {t('overview.noData')} <a href={dataHref}>{t('overview.goToData')}</a>
        </p>
      </section>
    );
  }
  const cityName = cityDisplayName(selected, cityNames, lang);

  return (
    <section aria-labelledby="overview-title" className="page overview">
      <h1 id="overview-title" tabIndex={-1}>
        {t('overview.title')}
      </h1>
      <div className="toolbar">
        <PlacePicker label={t('overview.city')} places={pickable} value={selected.key} onChange={(key) => onSelect({ city: key })} names={cityNames} />
        <ReviewPicker chosen={review} onChoose={(key) => onSelect({ review: key })} />
      </div>
      {missing !== undefined ? (
        <p className="message message-info" role="status">
          {t('overview.cityMissing', { city: missing, shown: cityName })} {t('link.dataElsewhere')}
        </p>
      ) : null}
      <Summary cityName={cityName} overview={overview} method={method} />
      {review === undefined ? null : (
        // Loaded when a last review is chosen: the comparison's code is not part of the overview's first load.
        <Suspense fallback={null}>
          <SinceLastReview review={review} dashboard={dashboard} registry={registry} method={method} cityKey={selected.key} cityName={cityName} hrefFor={hrefFor} />
        </Suspense>
      )}
      <section className="card overview-indicators" aria-labelledby="overview-indicators-title">
        <div className="overview-indicators-head">
          <h2 id="overview-indicators-title">{t('overview.indicatorsTitle')}</h2>
          <GroupingSwitch value={grouping} onChange={setGrouping} />
        </div>
        {grouping === 'commitment' ? <p className="hint overview-hint">{t('overview.commitmentNote')}</p> : null}
        <IndicatorTable groups={groups} grouping={grouping} cityName={cityName} cityKey={selected.key} hrefFor={hrefFor} />
      </section>
      <Coverage cityName={cityName} overview={overview} />
    </section>
  );
}

function Summary({ cityName, overview, method }: { cityName: string; overview: CityOverview; method: ProgressMethod }) {
  const { t, lang, digits, formatNumber } = useI18n();
  const countItem = useCallback((s: ProgressStatus, n: number) => t('overview.statusCount', { status: t(`status.${s}`), count: n }), [t]);
  const countsText = useCountsText(countItem);
  const percent = formatPercent(overview.registered === 0 ? 0 : overview.reported / overview.registered, lang, digits);
  return (
    <section className="card overview-summary" aria-labelledby="overview-summary-title">
      <h2 id="overview-summary-title">{t('overview.summaryTitle', { city: cityName })}</h2>
      <p className="overview-facts">
        <span>{t('overview.coverage', { reported: overview.reported, total: overview.registered, percent })}</span>
        <span>{t('overview.methodNote', { method: t(`method.${method}`) })}</span>
      </p>
      <StatusBar counts={overview.counts} label={t('overview.barLabel', { list: countsText(overview.counts) })} className="overview-bar" />
      <ul className="overview-status-counts" aria-label={t('overview.countsLabel')}>
        {PROGRESS_STATUSES.map((s) => (
          <li key={s} data-status={s} className={overview.counts[s] === 0 ? 'is-zero' : undefined}>
            <span className="overview-count-number">
              <bdi>{formatNumber(overview.counts[s])}</bdi>
            </span>
            <StatusBadge status={s} />
          </li>
        ))}
      </ul>
      <p className="hint">
        {overview.meanScore === null
          ? t('overview.meanScoreNone')
          : t('overview.meanScore', { score: formatNumber(overview.meanScore, { decimals: 1 }), count: overview.scored })}{' '}
        {t(`overview.scoreScale.${method}`, SCORE_SCALE[method])}
      </p>
    </section>
  );
}

function GroupingSwitch({ value, onChange }: { value: Grouping; onChange: (g: Grouping) => void }) {
  const { t } = useI18n();
  const name = useId();
  return (
    <fieldset className="segmented">
      <legend>{t('overview.groupBy')}</legend>
      <div className="segmented-options">
        {GROUPINGS.map((g) => (
          <label key={g} className={value === g ? 'is-selected' : undefined}>
            <input type="radio" name={name} value={g} checked={value === g} onChange={() => onChange(g)} />
            <span>{t(`overview.groupBy.${g}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function groupLabel(g: RowGroup, t: ReturnType<typeof useI18n>['t']): string {
  switch (g.kind) {
    case 'target':
      return t('overview.group.target', { target: g.key });
    case 'commitment': {
      const c = NuaCommitmentSchema.options.find((x) => x === g.key);
      return c === undefined ? g.key : t(`nua.commitment.${c}`);
    }
    case 'priority': {
      const p = NuaPrioritySchema.options.find((x) => x === g.key);
      return p === undefined ? g.key : t(`nua.priority.${p}`);
    }
    case 'local':
      return t('overview.group.local');
    case 'unregistered':
      return t('overview.group.unregistered');
    default:
      return assertNever(g.kind);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected group ${String(x)}`);
}

const COLUMNS = 6;

function IndicatorTable({
  groups,
  grouping,
  cityName,
  cityKey,
  hrefFor,
}: {
  groups: readonly RowGroup[];
  grouping: Grouping;
  cityName: string;
  cityKey: string;
  hrefFor: OverviewPageProps['hrefFor'];
}) {
  const { t } = useI18n();
  return (
    <table className="overview-table">
      <caption className="visually-hidden">{t('overview.tableCaption', { city: cityName, grouping: t(`overview.groupBy.${grouping}`) })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('overview.col.indicator')}</th>
          <th scope="col">{t('overview.col.status')}</th>
          <th scope="col">{t('overview.col.trend')}</th>
          <th scope="col">{t('overview.col.latest')}</th>
          <th scope="col">{t('overview.col.target')}</th>
          <th scope="col" className="num">
            {t('overview.col.score')}
          </th>
        </tr>
      </thead>
      {groups.map((g) => (
        <tbody key={`${g.kind}:${g.key}`}>
          <tr className="overview-group-row">
            <th colSpan={COLUMNS} scope="rowgroup">
              {g.kind === 'target' && goalOfCode(g.key) !== undefined ? (
                <span className="sdg-mark" aria-hidden="true" style={{ background: SDG_COLORS[goalOfCode(g.key) ?? 0] }} />
              ) : null}
              <span className="overview-group-label">{groupLabel(g, t)}</span>
              <span className="overview-group-count">{t('overview.groupCount', { count: g.rows.length })}</span>
              <StatusChips counts={g.counts} />
            </th>
          </tr>
          {g.rows.map((row) => (
            <IndicatorRow key={row.code} row={row} href={hrefFor({ view: 'indicator', city: cityKey, indicator: row.code })} />
          ))}
        </tbody>
      ))}
    </table>
  );
}

function IndicatorRow({ row, href }: { row: OverviewRow; href: string }) {
  const { t, lang, formatNumber } = useI18n();
  const ind = row.indicator;
  const unit = ind !== undefined ? localized(ind.unit, lang) : unitLabel(ownUnit(row.described, row.dataUnit, lang), t);
  const ownTitle = dataText(row.described?.title, lang);
  const decimals = ind?.decimals;
  const fmt = (v: number) => formatNumber(v, decimals === undefined ? {} : { decimals });
  return (
    <tr data-indicator={row.code}>
      <th scope="row" className="overview-ind">
        <a href={href}>
          <bdi dir="ltr" className="overview-code">
            {row.code}
          </bdi>{' '}
          <span className="overview-title">
            {/* The dataset's own title may be in another language than the page's: isolated, so it keeps its direction. */}
            {ind !== undefined ? localized(ind.title, lang) : ownTitle !== undefined ? <bdi>{ownTitle}</bdi> : t('overview.untitled')}
          </span>
        </a>
      </th>
      <td className="overview-status">
        <span className="cell-label" aria-hidden="true">
          {t('overview.col.status')}
        </span>
        <StatusBadge status={row.status} />
      </td>
      <td className="overview-trend">
        <span className="cell-label" aria-hidden="true">
          {t('overview.col.trend')}
        </span>
        {row.points === null ? <span className="muted">{t('overview.noTrend')}</span> : <Sparkline points={row.points} format={fmt} unit={unit} />}
      </td>
      <td className="overview-latest">
        <span className="cell-label" aria-hidden="true">
          {t('overview.col.latest')}
        </span>
        {row.latest === null ? (
          <span className="muted">{t('overview.noValue')}</span>
        ) : (
          <span>
            <bdi dir="ltr" className="overview-value">
              {fmt(row.latest.value)}
            </bdi>{' '}
            {unit !== '' ? <span className="overview-unit">{unit}</span> : null}{' '}
            <span className="overview-year">{t('overview.inYear', { year: row.latest.year })}</span>
          </span>
        )}
      </td>
      <td className="overview-target">
        <span className="cell-label" aria-hidden="true">
          {t('overview.col.target')}
        </span>
        {row.target === null ? (
          <span className="muted">{t('overview.noTarget')}</span>
        ) : (
          <span>
            <bdi dir="ltr" className="overview-value">
              {fmt(row.target.value)}
            </bdi>{' '}
            {unit !== '' ? <span className="overview-unit">{unit}</span> : null}{' '}
            <span className="overview-year">{t('overview.byYear', { year: row.target.year })}</span>
          </span>
        )}
      </td>
      <td className="num overview-score">
        <span className="cell-label" aria-hidden="true">
          {t('overview.col.score')}
        </span>
        {row.score === null ? (
          <span>
            <span aria-hidden="true">—</span>
            <span className="visually-hidden">{t('overview.noScore')}</span>
          </span>
        ) : (
          <bdi dir="ltr">{formatNumber(row.score, { decimals: 1 })}</bdi>
        )}
      </td>
    </tr>
  );
}

/** A small inline SVG trend (no ECharts: dozens per page), mirrored right to left, with a text label. */
function Sparkline({ points, format, unit }: { points: TrendPoints; format: (v: number) => string; unit: string }) {
  const { t, dir } = useI18n();
  const s = sparklinePath(points, SPARK, dir);
  if (s.first === null || s.lastPoint === null || s.last === null) return <span className="muted">{t('overview.noTrend')}</span>;
  const label =
    s.count === 1
      ? t('overview.sparklineOne', { year: s.first.year, value: format(s.first.value), unit })
      : t('overview.sparkline', { first: s.first.year, last: s.lastPoint.year, firstValue: format(s.first.value), lastValue: format(s.lastPoint.value), unit });
  return (
    <svg className="sparkline" role="img" aria-label={label.trim()} width={SPARK.width} height={SPARK.height} viewBox={`0 0 ${SPARK.width} ${SPARK.height}`}>
      {s.d !== '' ? <path d={s.d} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" strokeLinecap="round" /> : null}
      <circle cx={s.last.x} cy={s.last.y} r="2.6" fill="currentColor" />
    </svg>
  );
}

function Coverage({ cityName, overview }: { cityName: string; overview: CityOverview }) {
  const { t, lang } = useI18n();
  return (
    <section className="card overview-coverage" aria-labelledby="overview-coverage-title">
      <h2 id="overview-coverage-title">{t('overview.coverageTitle')}</h2>
      <p>{t('overview.coverageLine', { reported: overview.reported, total: overview.registered })}</p>
      {overview.gaps.length === 0 ? (
        <p className="hint">{t('overview.gapsNone', { city: cityName })}</p>
      ) : (
        <>
          <p className="hint">{t('overview.gapsIntro', { city: cityName })}</p>
          <ul className="overview-gaps">
            {overview.gaps.map((ind) => (
              <li key={ind.code}>
                <bdi dir="ltr" className="overview-code">
                  {ind.code}
                </bdi>{' '}
                {localized(ind.title, lang)}
              </li>
            ))}
          </ul>
        </>
      )}
      {overview.unregistered > 0 ? <p className="hint">{t('overview.unregisteredNote', { count: overview.unregistered })}</p> : null}
    </section>
  );
}
