import { useI18n } from '@/i18n/i18n-context';
import type { pointsOf } from '@/model/indicator-model';

type IndicatorDataTableProps = {
  points: ReturnType<typeof pointsOf>;
  caption: string;
  /** The unit shown when a point states none. */
  unit: string;
  fmt: (v: number) => string;
  fmtYear: (y: number) => string;
};

/** The data behind the chart, as a table (the accessible alternative): year, value, period, unit, source, note. */
export function IndicatorDataTable({ points, caption, unit, fmt, fmtYear }: IndicatorDataTableProps) {
  const { t } = useI18n();
  const hasNotes = points.some((p) => p.note !== '');
  const hasPeriods = points.some((p) => p.period !== '');
  return (
    <details className="card data-table indicator-table">
      <summary>{t('indicator.table.heading')}</summary>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('indicator.table.year')}</th>
              <th scope="col" className="num">
                {t('indicator.table.value')}
              </th>
              {hasPeriods ? <th scope="col">{t('indicator.table.period')}</th> : null}
              <th scope="col">{t('indicator.table.unit')}</th>
              <th scope="col">{t('indicator.table.source')}</th>
              {hasNotes ? <th scope="col">{t('indicator.table.note')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              // Several observations may share a year (the months of a monthly series).
              <tr key={`${p.year}-${p.period}-${i}`}>
                <th scope="row">
                  <bdi dir="ltr">{fmtYear(p.year)}</bdi>
                </th>
                <td className="num">
                  {Number.isFinite(p.value) ? (
                    <bdi dir="ltr">{fmt(p.value)}</bdi>
                  ) : (
                    <>
                      <span aria-hidden="true">—</span>
                      <span className="visually-hidden">{t('indicator.table.missing')}</span>
                    </>
                  )}
                </td>
                {hasPeriods ? (
                  <td>
                    <bdi dir="ltr">{p.period}</bdi>
                  </td>
                ) : null}
                <td>{p.unit || unit}</td>
                <td>{p.source}</td>
                {hasNotes ? <td>{p.note}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
