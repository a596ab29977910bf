import { useId, useMemo, useState } from 'react';
import type { Issue, IssueCode, Severity } from '@/domain/issue';
import { useI18n } from '@/i18n/i18n-context';
import { issueText } from '@/i18n/issue-text';
import { buildReportCsv, downloadText } from './report-csv';

type SortKey = 'severity' | 'row' | 'column' | 'value' | 'message';
type Filter = 'all' | Severity;

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
const FILTERS: readonly Filter[] = ['all', 'error', 'warning', 'info'];

type Row = { issue: Issue; index: number; message: string; fix: string };

function compare(a: Row, b: Row, key: SortKey): number {
  switch (key) {
    case 'severity':
      return SEVERITY_ORDER[a.issue.severity] - SEVERITY_ORDER[b.issue.severity];
    case 'row':
      return (a.issue.row ?? -1) - (b.issue.row ?? -1);
    case 'column':
      return (a.issue.column ?? '').localeCompare(b.issue.column ?? '');
    case 'value':
      return (a.issue.value ?? '').localeCompare(b.issue.value ?? '');
    case 'message':
      return a.message.localeCompare(b.message);
    default:
      return assertNever(key);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected ${String(x)}`);
}

/**
 * The validation report of one file: counts per problem type (complete even when the list is capped),
 * then every listed problem with its location, raw value, message and fix; sortable, filterable by
 * severity, downloadable as CSV. All file content is rendered as React text.
 */
export function ValidationReport({ issues, issueCounts, fileName }: { issues: readonly Issue[]; issueCounts: Partial<Record<IssueCode, number>>; fileName: string }) {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: 'row', ascending: true });
  const [filter, setFilter] = useState<Filter>('all');
  const filterId = useId();

  const rows = useMemo(
    () =>
      issues.map((issue, index): Row => {
        const text = issueText(issue, i18n.lang, { digits: i18n.digits });
        return { issue, index, message: text.message, fix: text.fix };
      }),
    [issues, i18n],
  );
  const shown = useMemo(() => {
    const kept = filter === 'all' ? rows : rows.filter((r) => r.issue.severity === filter);
    return [...kept].sort((a, b) => (sort.ascending ? 1 : -1) * compare(a, b, sort.key) || a.index - b.index);
  }, [rows, filter, sort]);

  const counts = Object.entries(issueCounts).filter((e): e is [string, number] => typeof e[1] === 'number' && e[0] !== 'truncated_issues');
  const total = counts.reduce((n, [, c]) => n + c, 0);
  const listed = issues.filter((i) => i.code !== 'truncated_issues').length;

  if (issues.length === 0) return <p className="report-ok">{t('report.none')}</p>;

  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.ascending ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="sort" onClick={() => setSort({ key, ascending: active ? !sort.ascending : true })}>
          {label}
          <span aria-hidden="true" className="sort-mark">
            {active ? (sort.ascending ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div className="report">
      <div className="report-head">
        <p className="report-total">{t('report.summary', { count: total })}</p>
        <button
          type="button"
          className="button secondary"
          onClick={() => downloadText(buildReportCsv(issues, i18n), `${fileName.replace(/\.[^.]+$/, '')}-report.csv`)}
        >
          {t('report.download')}
        </button>
      </div>
      <table className="counts">
        <caption>{t('report.byCode')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.code')}</th>
            <th scope="col">{t('report.count')}</th>
          </tr>
        </thead>
        <tbody>
          {counts.map(([code, n]) => (
            <tr key={code}>
              <th scope="row">
                <code>{code}</code>
              </th>
              <td className="num">{formatNumber(n)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {listed < total ? <p className="note">{t('report.capped', { shown: listed, total })}</p> : null}
      <div className="toolbar">
        <div className="field">
          <label htmlFor={filterId}>{t('report.filter')}</label>
          <select id={filterId} value={filter} onChange={(e) => setFilter(FILTERS.find((f) => f === e.target.value) ?? 'all')}>
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`report.filter.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <p className="hint">{t('report.sortHint')}</p>
      </div>
      <div className="table-scroll">
        <table className="issues">
          <caption className="visually-hidden">{`${t('report.title')}: ${fileName}`}</caption>
          <thead>
            <tr>
              {header('severity', t('report.severity'))}
              {header('row', t('report.row'))}
              {header('column', t('report.column'))}
              {header('value', t('report.value'))}
              {header('message', t('report.message'))}
              <th scope="col">{t('report.fix')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 ? (
              <tr>
                <td colSpan={6}>{t('report.emptyFilter')}</td>
              </tr>
            ) : (
              shown.map(({ issue, index, message, fix }) => (
                <tr key={index} className={`sev-${issue.severity}`}>
                  <td>
                    <span className={`badge badge-${issue.severity}`}>
                      <span aria-hidden="true">{issue.severity === 'error' ? '✖ ' : issue.severity === 'warning' ? '▲ ' : 'ℹ '}</span>
                      {t(`severity.${issue.severity}`)}
                    </span>
                  </td>
                  <td className="num" data-label={t('report.row')}>{issue.row ?? '—'}</td>
                  <td data-label={t('report.column')}>{issue.column === null ? '—' : <bdi>{issue.column}</bdi>}</td>
                  <td className="cell-value" data-label={t('report.value')}>{issue.value === null ? '—' : <bdi>{issue.value}</bdi>}</td>
                  <td className="message" data-label={t('report.message')}>{message}</td>
                  <td data-label={t('report.fix')}>{fix}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
