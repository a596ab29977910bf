import { memo, useDeferredValue, useId, useMemo, useState } from 'react';
import type { Indicator } from '@/domain/indicator';
import { StatusBadge } from '@/ui/status-badge';
import { useI18n } from '@/i18n/i18n-context';
import { filterRanking, gapOfRank, RANKING_PAGE_SIZE, rankingPage, type RankingEntry } from '@/model/compare-model';
import { formatValue, formatYear, gapText, type HrefFor } from './compare-text';

export type RankingTableProps = {
  readonly code: string;
  readonly indicator: Indicator | undefined;
  /** Every city with a result, ranked (best first, cities without a value last). */
  readonly entries: readonly RankingEntry[];
  /** Chosen cities: highlighted, listed above the ranking, and drawn in the lines chart. */
  readonly selected: readonly string[];
  readonly labelOf: (key: string) => string;
  readonly onToggle: (key: string) => void;
  /** False when no more cities can be chosen. */
  readonly canAdd: boolean;
  readonly hrefFor: HrefFor;
};

/**
 * The ranking of every city for one indicator, one page of 50 rows at a time (a thousand cities never
 * put a thousand rows in the page), with a search box that filters by name or code (ranks are kept)
 * and the chosen cities repeated above the table wherever they rank. A real table: screen readers read
 * rank, city, value, status and gap by column; the range shown is announced when it changes.
 */
export function RankingTable({ code, indicator, entries, selected, labelOf, onToggle, canAdd, hrefFor }: RankingTableProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const searchId = useId();
  const pageId = useId();
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const deferredQuery = useDeferredValue(query);
  const filtered = useMemo(() => filterRanking(entries, deferredQuery, labelOf), [entries, deferredQuery, labelOf]);
  const shown = rankingPage(filtered, page, RANKING_PAGE_SIZE);
  const chosen = useMemo(() => new Set(selected), [selected]);
  const mine = useMemo(() => {
    const byKey = new Map(entries.map((e) => [e.key, e]));
    return selected.flatMap((k) => {
      const e = byKey.get(k);
      return e === undefined ? [] : [e];
    });
  }, [entries, selected]);
  const ranked = useMemo(() => entries.reduce((n, e) => n + (e.rank === null ? 0 : 1), 0), [entries]);

  const head = (
    <thead>
      <tr>
        <th scope="col" className="num">
          {t('compare.ranking.rank')}
        </th>
        <th scope="col">{t('compare.ranking.city')}</th>
        <th scope="col" className="num">
          {t('compare.ranking.latest')}
        </th>
        <th scope="col">{t('compare.ranking.statusGap')}</th>
        <th scope="col" className="cmp-check">
          {t('compare.ranking.compare')}
        </th>
      </tr>
    </thead>
  );
  const rowProps = { indicator, labelOf, onToggle, canAdd, hrefFor, ranked };

  return (
    <div className="cmp-ranking" data-testid="ranking" data-indicator={code}>
      {mine.length > 0 ? (
        <div className="table-scroll" role="region" aria-label={t('compare.ranking.mineCaption')} tabIndex={0}>
          <table className="cmp-ranking-table cmp-mine">
            <caption>{t('compare.ranking.mineCaption')}</caption>
            {head}
            <tbody>
              {mine.map((e) => (
                <RankRow key={e.key} entry={e} selected {...rowProps} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <div className="cmp-ranking-tools">
        <div className="field">
          <label htmlFor={searchId}>{t('compare.ranking.search')}</label>
          <input
            id={searchId}
            type="search"
            className="cmp-search"
            value={query}
            autoComplete="off"
            onChange={(e) => {
              setQuery(e.target.value);
              setPage(0);
            }}
          />
        </div>
        <p className="cmp-range" aria-live="polite" aria-atomic="true">
          {shown.total === 0
            ? t('compare.ranking.noMatch')
            : t('compare.ranking.range', { from: shown.from, to: shown.to, total: shown.total })}
        </p>
      </div>

      <div className="table-scroll" role="region" aria-label={t('compare.ranking.caption')} tabIndex={0}>
        <table className="cmp-ranking-table" aria-rowcount={shown.total + 1}>
          <caption className="visually-hidden">{t('compare.ranking.caption')}</caption>
          {head}
          <tbody>
            {shown.rows.map((e, i) => (
              <RankRow key={e.key} entry={e} selected={chosen.has(e.key)} rowIndex={shown.from + i + 1} {...rowProps} />
            ))}
          </tbody>
        </table>
      </div>

      {shown.pages > 1 ? (
        <nav className="cmp-pager" aria-label={t('compare.ranking.pages')}>
          <button type="button" className="button secondary small" disabled={shown.page === 0} onClick={() => setPage(0)}>
            {t('compare.ranking.first')}
          </button>
          <button type="button" className="button secondary small" disabled={shown.page === 0} onClick={() => setPage(shown.page - 1)}>
            {t('compare.ranking.previous')}
          </button>
          <span className="cmp-page-field">
            <label htmlFor={pageId}>{t('compare.ranking.page')}</label>
            <select id={pageId} value={shown.page} onChange={(e) => setPage(Number(e.target.value))}>
              {Array.from({ length: shown.pages }, (_, p) => (
                <option key={p} value={p}>
                  {i18n.formatNumber(p + 1)}
                </option>
              ))}
            </select>
            <span>{t('compare.ranking.ofPages', { pages: shown.pages })}</span>
          </span>
          <button type="button" className="button secondary small" disabled={shown.page >= shown.pages - 1} onClick={() => setPage(shown.page + 1)}>
            {t('compare.ranking.next')}
          </button>
          <button type="button" className="button secondary small" disabled={shown.page >= shown.pages - 1} onClick={() => setPage(shown.pages - 1)}>
            {t('compare.ranking.last')}
          </button>
        </nav>
      ) : null}
    </div>
  );
}

type RankRowProps = {
  entry: RankingEntry;
  selected: boolean;
  rowIndex?: number;
  indicator: Indicator | undefined;
  labelOf: (key: string) => string;
  onToggle: (key: string) => void;
  canAdd: boolean;
  hrefFor: HrefFor;
  ranked: number;
};

const RankRow = memo(function RankRow({ entry, selected, rowIndex, indicator, labelOf, onToggle, canAdd, hrefFor, ranked }: RankRowProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const label = labelOf(entry.key);
  const gap = gapOfRank(entry);
  return (
    <tr className={selected ? 'cmp-selected' : undefined} aria-rowindex={rowIndex} data-city={entry.key}>
      <td className="num">
        {entry.rank === null ? (
          <span className="cmp-none">{t('compare.ranking.unranked')}</span>
        ) : (
          <span title={t('compare.ranking.rankOf', { rank: entry.rank, total: ranked })}>
            <bdi dir="ltr">{i18n.formatNumber(entry.rank)}</bdi>
          </span>
        )}
      </td>
      <th scope="row">
        <a href={hrefFor({ view: 'overview', city: entry.key })}>
          <bdi>{label}</bdi>
        </a>
      </th>
      <td className="num">
        {entry.latest === null ? (
          <span className="cmp-none">{t('compare.noValue')}</span>
        ) : (
          <>
            <bdi dir="ltr" className="cmp-value">
              {formatValue(i18n, entry.latest.value, indicator)}
            </bdi>{' '}
            <span className="cmp-year">({formatYear(i18n, entry.latest.year)})</span>
          </>
        )}
      </td>
      <td>
        <div className="cmp-cell">
          <StatusBadge status={entry.status} />
          <span className="cmp-gap">{gapText(i18n, gap, indicator, true)}</span>
        </div>
      </td>
      <td className="cmp-check">
        <input
          type="checkbox"
          checked={selected}
          disabled={!selected && !canAdd}
          aria-label={t('compare.ranking.select', { city: label })}
          onChange={() => onToggle(entry.key)}
        />
      </td>
    </tr>
  );
});
