import { indicatorName } from '@/model/indicator-text';
import type { Registry } from '@/domain/registry';
import { useI18n } from '@/i18n/i18n-context';
import { isUnchanged, type ReviewChangeKind, reviewChangeRows, type ReviewDiff } from '@/model/review-diff';
import { isolate } from './review-context';
import { StatusBadge } from './status-badge';

export { isolate };
import './review-changes.css';


/** A mark repeating the change's word (never alone): down for worse, up for better, plus for new. */
const MARK: Readonly<Record<ReviewChangeKind, string>> = { worsened: '▼', improved: '▲', newly: '+' };

/**
 * What changed for one city since the last review (the overview and the report): a sentence counting
 * new or revised data points and status changes, then a table of the indicators whose status worsened,
 * improved or that are newly reported (code and title, status then and now, the change in words). On a
 * phone each row is a small card; in print the table keeps its columns.
 */
export function ReviewChanges({ cityName, diff, registry, hrefOf }: { cityName: string; diff: ReviewDiff; registry: Registry; hrefOf?: (indicator: string) => string }) {
  const { t, lang, dir } = useI18n();
  const rows = reviewChangeRows(diff);
  // A city name in another script keeps its own direction in a right-to-left sentence ("Amman: 3", not ":3 Amman").
  const city = dir === 'rtl' ? isolate(cityName) : cityName;
  return (
    <>
      <p className="review-summary">
        {isUnchanged(diff)
          ? t('review.unchanged', { city })
          : t('review.summary', { city, points: diff.newPoints, improved: diff.improved.length, worsened: diff.worsened.length, newly: diff.newlyReported.length, gone: diff.noLongerReported.length })}
      </p>
      {rows.length === 0 ? null : (
        <table className="review-table">
          <caption className="visually-hidden">{t('review.caption', { city })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('review.col.indicator')}</th>
              <th scope="col">{t('review.col.then')}</th>
              <th scope="col">{t('review.col.now')}</th>
              <th scope="col">{t('review.col.change')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const title = indicatorName(registry, r.indicator, lang) ?? '';
              const name = (
                <>
                  <bdi dir="ltr" className="review-code">
                    {r.indicator}
                  </bdi>
                  {title === '' ? null : <> {title}</>}
                </>
              );
              return (
                <tr key={r.indicator} data-indicator={r.indicator} data-change={r.change}>
                  <th scope="row" className="review-ind">
                    {hrefOf === undefined ? name : <a href={hrefOf(r.indicator)}>{name}</a>}
                  </th>
                  <td className="review-then">
                    <span className="cell-label" aria-hidden="true">
                      {t('review.col.then')}
                    </span>
                    {r.change === 'newly' && r.before === 'insufficient_data' ? t('review.notAssessed') : t(`status.${r.before}`)}
                  </td>
                  <td className="review-now">
                    <span className="cell-label" aria-hidden="true">
                      {t('review.col.now')}
                    </span>
                    <StatusBadge status={r.after} />
                  </td>
                  <td className="review-change">
                    <span className="review-mark" aria-hidden="true">
                      {MARK[r.change]}
                    </span>{' '}
                    {t(`review.change.${r.change}`)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
