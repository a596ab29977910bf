import { useCallback, useEffect, useId, useMemo } from 'react';
import type { ProgressMethod, ProgressStatus } from '@/domain/progress/types';
import { PROGRESS_STATUSES } from '@/domain/progress/types';
import type { Registry } from '@/domain/registry';
import type { DashboardCity } from '@/model/dashboard-model';
import { CityPairPicker } from '@/ui/city-pair-picker';
import { useDashboard } from '@/ui/use-dashboard';
import { StatusBadge } from '@/ui/status-badge';
import { useI18n } from '@/i18n/i18n-context';
import type { LoadedDataset } from '@/storage/dataset-record';
import { buildNuaView, cityDisplayName, type CityNames, localized, type NuaGroup, resolveNuaCities } from '@/model/nua-model';
import { StatusBar, StatusChips, useCountsText } from '@/ui/status-bar';
import './nua.css';
import type { ViewLink } from '@/model/dashboard-model';

export type { ViewLink };

export type NuaPageProps = {
  datasets: readonly LoadedDataset[];
  registry: Registry;
  /** Display names of cities by code, per language (the demo's fictional cities). */
  cityNames: CityNames;
  /** The city in the URL (code, or name); the first city when undefined. */
  city: string | undefined;
  /** Cities side by side (`cities=A,B`): the first two are shown. */
  cities: readonly string[] | undefined;
  method: ProgressMethod;
  /** A link to another view (the app fills in the rest of the current state). */
  hrefFor: (s: ViewLink) => string;
  /**
   * The user chose cities (or the page settled on one: written back to the URL). Keys left out keep
   * their value; `cities: []` ends the comparison.
   */
  onSelect: (s: { city?: string; cities?: string[] }) => void;
};

/** The range of each method's scores (progress engine: opensdg and unsd −5…5, sdsn 0–100). */
const SCORE_SCALE: Readonly<Record<ProgressMethod, { low: number; high: number }>> = {
  opensdg: { low: -5, high: 5 },
  unsd: { low: -5, high: 5 },
  sdsn: { low: 0, high: 100 },
};

type Shown = { readonly city: DashboardCity; readonly name: string };

/** The New Urban Agenda view: status roll-ups by implementation priority and transformative commitment. */
export function NuaPage({ datasets, registry, cityNames, city, cities, method, hrefFor, onSelect }: NuaPageProps) {
  const { t, lang } = useI18n();
  const dashboard = useDashboard(datasets, registry, method);
  const { primary, secondary, missing } = useMemo(() => resolveNuaCities(dashboard, city, cities), [dashboard, city, cities]);

  // Write the city shown back into the URL, unless the URL names a city the data lacks (then a notice says so).
  useEffect(() => {
    if (primary !== undefined && missing.length === 0 && primary.key !== city) onSelect({ city: primary.key });
  }, [primary, missing, city, onSelect]);

  const shown: Shown[] = useMemo(
    () => [primary, secondary].filter((c): c is DashboardCity => c !== undefined).map((c) => ({ city: c, name: cityDisplayName(c, cityNames, lang) })),
    [primary, secondary, cityNames, lang],
  );
  const view = useMemo(() => buildNuaView(dashboard, registry, shown.map((s) => s.city.key)), [dashboard, registry, shown]);

  if (primary === undefined) {
    return (
      <section aria-labelledby="nua-title" className="page nua">
        <h1 id="nua-title" tabIndex={-1}>
          {t('nuaView.title')}
        </h1>
        <p className="empty">
          {t('nuaView.noData')} <a href={hrefFor({ view: 'data' })}>{t('nuaView.goToData')}</a>
        </p>
      </section>
    );
  }

  const unregistered = view.unregistered.reduce((a, b) => a + b, 0);

  return (
    <section aria-labelledby="nua-title" className="page nua">
      <h1 id="nua-title" tabIndex={-1}>
        {t('nuaView.title')}
      </h1>
      <p className="intro">{t('nuaView.intro')}</p>
      <div className="toolbar">
        <CityPairPicker
          cities={dashboard.cities}
          cityNames={cityNames}
          primary={primary}
          partner={secondary}
          labels={{ city: t('nuaView.city'), partner: t('nuaView.compareWith'), none: t('nuaView.compareNone') }}
          onSelect={onSelect}
        />
      </div>
      {missing.length > 0 ? (
        <p className="message message-info" role="status">
          {t('nuaView.cityMissing', { cities: missing.join(', '), shown: shown.map((s) => s.name).join(' · ') })} {t('link.dataElsewhere')}
        </p>
      ) : null}
      <div className="nua-key">
        <p className="hint">
          {t('nuaView.methodNote', { method: t(`method.${method}`) })} {t(`nuaView.scoreScale.${method}`, SCORE_SCALE[method])}
        </p>
        <ul className="nua-legend" aria-label={t('nuaView.legend')}>
          {PROGRESS_STATUSES.map((s) => (
            <li key={s}>
              <StatusBadge status={s} />
            </li>
          ))}
        </ul>
      </div>
      <section className="card nua-section" aria-labelledby="nua-priorities-title">
        <h2 id="nua-priorities-title">{t('nuaView.prioritiesTitle')}</h2>
        <p className="hint">{t('nuaView.prioritiesIntro')}</p>
        {view.priorities.map((g) => (
          <GroupBlock key={g.key} group={g} shown={shown} hrefFor={hrefFor} />
        ))}
      </section>
      <section className="card nua-section" aria-labelledby="nua-commitments-title">
        <h2 id="nua-commitments-title">{t('nuaView.commitmentsTitle')}</h2>
        <p className="hint">{t('nuaView.commitmentsIntro')}</p>
        {view.commitments.map((g) => (
          <GroupBlock key={g.key} group={g} shown={shown} hrefFor={hrefFor} />
        ))}
      </section>
      {unregistered > 0 ? <p className="hint">{t('nuaView.unregisteredNote', { count: unregistered })}</p> : null}
    </section>
  );
}

function groupTitle(g: NuaGroup, t: ReturnType<typeof useI18n>['t']): string {
  switch (g.key) {
    case 'governance':
    case 'planning':
    case 'finance':
      return t(`nua.priority.${g.key}`);
    case 'inclusion_poverty':
    case 'prosperity':
    case 'environment_resilience':
      return t(`nua.commitment.${g.key}`);
    default:
      return assertNever(g.key);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected group ${String(x)}`);
}

function GroupBlock({ group, shown, hrefFor }: { group: NuaGroup; shown: readonly Shown[]; hrefFor: NuaPageProps['hrefFor'] }) {
  const { t, lang, formatNumber } = useI18n();
  const titleId = useId();
  const title = groupTitle(group, t);
  const countItem = useCallback((s: ProgressStatus, n: number) => t('nuaView.statusCount', { status: t(`status.${s}`), count: n }), [t]);
  const countsText = useCountsText(countItem);
  return (
    <article className="nua-group" aria-labelledby={titleId} data-group={group.key}>
      <h3 id={titleId}>{title}</h3>
      <div className={`nua-cities${shown.length > 1 ? ' is-pair' : ''}`}>
        {group.cities.map((c, i) => {
          const name = shown[i]?.name ?? c.cityKey;
          const s = c.summary;
          return (
            <div key={c.cityKey} className="nua-city" data-city={c.cityKey}>
              <p className="nua-city-name">{name}</p>
              {s.indicators === 0 ? (
                <p className="muted">{t('nuaView.noneReported')}</p>
              ) : (
                <>
                  <StatusBar counts={s.counts} label={t('nuaView.barLabel', { city: name, group: title, list: countsText(s.counts) })} />
                  <div className="nua-city-facts">
                    <StatusChips counts={s.counts} />
                    <span className="nua-fact">{t('nuaView.reported', { count: s.indicators })}</span>
                    <span className="nua-fact">
                      {s.meanScore === null ? t('nuaView.noScore') : t('nuaView.meanScore', { score: formatNumber(s.meanScore, { decimals: 1 }) })}
                    </span>
                  </div>
                </>
              )}
            </div>
          );
        })}
      </div>
      {group.indicators.length > 0 ? (
        <details className="nua-indicators">
          <summary>{t('nuaView.indicators', { count: group.indicators.length })}</summary>
          <div className="table-scroll">
            <table className={`nua-table${shown.length > 1 ? ' is-pair' : ''}`}>
              <caption className="visually-hidden">{t('nuaView.tableCaption', { group: title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('nuaView.col.indicator')}</th>
                  {shown.map((s) => (
                    <th key={s.city.key} scope="col">
                      {s.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {group.indicators.map((ind) => (
                  <tr key={ind.code} data-indicator={ind.code}>
                    <th scope="row" className="nua-ind">
                      <bdi dir="ltr" className="nua-code">
                        {ind.code}
                      </bdi>{' '}
                      {localized(ind.title, lang)}
                    </th>
                    {group.cities.map((c, i) => {
                      const status = c.statusOf.get(ind.code);
                      const name = shown[i]?.name ?? c.cityKey;
                      return (
                        <td key={c.cityKey} data-city={c.cityKey}>
                          <span className="nua-cell-label" aria-hidden="true">
                            {name}
                          </span>
                          {status === undefined ? (
                            <span className="muted">{t('nuaView.notReported')}</span>
                          ) : (
                            <a href={hrefFor({ view: 'indicator', city: c.cityKey, indicator: ind.code })} className="nua-status-link">
                              <span className="visually-hidden">{t('nuaView.statusLinkContext', { code: ind.code, city: name })}</span>
                              <StatusBadge status={status} />
                            </a>
                          )}
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
    </article>
  );
}
