import { parseDisaggregationKey } from '@/domain/observation-table';
import { useI18n } from '@/i18n/i18n-context';
import type { MergeConflict } from '@/storage/merge-datasets';

/**
 * Observations that two datasets in use give with different values: where, both values with their
 * datasets, and which one the dashboard uses (the one imported later, said in words, not only by
 * position). Nothing when there are none.
 */
export function ConflictList({ conflicts, total }: { conflicts: readonly MergeConflict[]; total: number }) {
  const { t, formatNumber, formatDate } = useI18n();
  // Every decimal the value has: two values that differ must not look equal after rounding.
  const exact = (v: number) => formatNumber(v, { decimals: Math.min(15, decimalsOf(v)) });
  if (total === 0) return <p className="report-ok conflicts-none">{t('conflicts.none')}</p>;
  return (
    <section className="conflicts" aria-labelledby="conflicts-title">
      <h3 id="conflicts-title">{t('conflicts.title', { count: total })}</h3>
      <p>{t('conflicts.rule')}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('conflicts.caption')}>
        <table className="conflict-table">
          <caption className="visually-hidden">{t('conflicts.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('conflicts.observation')}</th>
              <th scope="col">{t('conflicts.used')}</th>
              <th scope="col">{t('conflicts.replaced')}</th>
            </tr>
          </thead>
          <tbody>
            {conflicts.map((c, i) => {
              const breakdown = parseDisaggregationKey(c.disaggregation);
              return (
                <tr key={i}>
                  <th scope="row" className="conflict-where">
                    <bdi>{c.city !== '' ? c.city : c.cityCode}</bdi>
                    {c.cityCode !== '' && c.city !== c.cityCode ? (
                      <>
                        {' '}
                        (<bdi>{c.cityCode}</bdi>)
                      </>
                    ) : null}
                    {' · '}
                    <bdi>{c.indicator}</bdi>
                    {' · '}
                    {c.year}
                    {c.series !== '' || c.unit !== '' || breakdown.length > 0 ? (
                      <span className="hint conflict-detail">
                        {c.series !== '' ? (
                          <span>
                            {t('conflicts.series')} <bdi>{c.series}</bdi>
                          </span>
                        ) : null}
                        {c.unit !== '' ? (
                          <span>
                            {t('conflicts.unit')} <bdi>{c.unit}</bdi>
                          </span>
                        ) : null}
                        {breakdown.length > 0 ? (
                          <span>
                            {t('conflicts.breakdown')}{' '}
                            {breakdown.map(([k, v], n) => (
                              <span key={n}>
                                {n > 0 ? t('list.separator') : ''}
                                <bdi>
                                  {k}: {v}
                                </bdi>
                              </span>
                            ))}
                          </span>
                        ) : null}
                      </span>
                    ) : null}
                  </th>
                  <td data-label={t('conflicts.used')}>
                    <span className="conflict-value">
                      <bdi dir="ltr">{exact(c.used.value)}</bdi>
                    </span>{' '}
                    <span className="badge badge-info">{t('conflicts.usedBadge')}</span>
                    <br />
                    <span className="hint">
                      {t('conflicts.from', { name: c.used.datasetName, date: formatDate(c.used.importedAt), row: c.used.line })}
                    </span>
                  </td>
                  <td data-label={t('conflicts.replaced')}>
                    {c.others.map((o, n) => (
                      <p key={n} className="conflict-other">
                        <span className="conflict-value">
                          <bdi dir="ltr">{exact(o.value)}</bdi>
                        </span>
                        <br />
                        <span className="hint">{t('conflicts.from', { name: o.datasetName, date: formatDate(o.importedAt), row: o.line })}</span>
                      </p>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {conflicts.length < total ? <p className="note">{t('conflicts.capped', { shown: conflicts.length, total })}</p> : null}
    </section>
  );
}

function decimalsOf(v: number): number {
  const s = String(v);
  if (s.includes('e')) return 6;
  const dot = s.indexOf('.');
  return dot === -1 ? 0 : s.length - dot - 1;
}
