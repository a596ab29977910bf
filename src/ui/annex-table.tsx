import { LtrIsolatedText } from './ltr-isolated-text';
import { StatusBadge } from './status-badge';
import { useI18n } from '@/i18n/i18n-context';
import { ANNEX_COLUMNS, type AnnexColumn, type AnnexRow } from '@/model/annex';
import './annex.css';

/**
 * The statistical annex as an accessible table (screen and print): a caption, one column header per
 * annex column, numbers in the UI language's digits with the indicator's decimals, status as a badge
 * (words, icon and colour), `—` for a missing value (read out as "no value"). The table scrolls
 * sideways inside its own box on narrow screens; in print it takes the page width and repeats its header.
 */
export function AnnexTable({ rows, caption }: { rows: readonly AnnexRow[]; caption?: string }) {
  const { t, formatNumber } = useI18n();
  const title = caption ?? t('annex.title');
  if (rows.length === 0) return <p className="annex-empty">{t('annex.empty')}</p>;
  const missing = (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{t('annex.noValue')}</span>
    </>
  );
  const cell = (row: AnnexRow, column: AnnexColumn) => {
    switch (column) {
      case 'status':
        return <StatusBadge status={row.status} />;
      case 'trend':
        return row.trend === null ? missing : t(`annex.trend.${row.trend}`);
      case 'baselineYear':
      case 'latestYear':
      case 'targetYear': {
        const v = row[column];
        return v === null ? missing : <bdi dir="ltr">{formatNumber(v, { grouping: false, decimals: 0 })}</bdi>;
      }
      case 'baselineValue':
      case 'latestValue':
      case 'target':
      case 'score': {
        const v = row[column];
        if (v === null) return missing;
        const decimals = column === 'score' ? 1 : row.decimals;
        return <bdi dir="ltr">{formatNumber(v, decimals === undefined ? {} : { decimals })}</bdi>;
      }
      case 'indicator':
      case 'cityCode':
        return row[column] === '' ? missing : <bdi dir="ltr">{row[column]}</bdi>;
      default:
        // Numbers with a unit inside a text ("target 100 %") keep their order right to left.
        return row[column] === '' ? (
          missing
        ) : (
          <bdi>
            <LtrIsolatedText text={row[column]} />
          </bdi>
        );
    }
  };
  const numeric = (c: AnnexColumn) => c.endsWith('Year') || c.endsWith('Value') || c === 'target' || c === 'score';
  return (
    <div className="annex-scroll" role="region" aria-label={title} tabIndex={0}>
      <table className="annex-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            {ANNEX_COLUMNS.map((c) => (
              <th key={c} scope="col" className={`annex-${c}${numeric(c) ? ' num' : ''}`}>
                {t(`annex.col.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.cityCode}\u0000${row.city}\u0000${row.indicator}\u0000${row.series ?? ''}`}>
              {ANNEX_COLUMNS.map((c) => (
                <td key={c} className={`annex-${c}${numeric(c) ? ' num' : ''}`}>
                  {cell(row, c)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
