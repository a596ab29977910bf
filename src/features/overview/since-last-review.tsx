import { useMemo } from 'react';
import type { ProgressMethod } from '@/domain/progress/types';
import type { Registry } from '@/domain/registry';
import { useI18n } from '@/i18n/i18n-context';
import type { Dashboard, ViewLink } from '@/model/dashboard-model';
import { reviewDiff } from '@/model/review-diff';
import { ReviewChanges } from '@/ui/review-changes';
import { useReview } from '@/ui/review-context';
import { useReviewOptionLabel } from '@/ui/review-picker';
import { useReviewBaseline } from '@/ui/use-review-baseline';

/**
 * "Since the last review" for the city shown, once a last review is chosen (the toolbar's choice, kept
 * in the URL: the report shows the same): new or revised data points, statuses improved or worsened,
 * indicators newly reported, as a sentence and a table linking to each indicator. Nothing otherwise.
 */
export function SinceLastReview({
  review,
  dashboard,
  registry,
  method,
  cityKey,
  cityName,
  hrefFor,
}: {
  review: string | undefined;
  dashboard: Dashboard;
  registry: Registry;
  method: ProgressMethod;
  cityKey: string;
  cityName: string;
  hrefFor: (s: ViewLink) => string;
}) {
  const { t } = useI18n();
  const { options } = useReview();
  const baseline = useReviewBaseline(review, registry, method);
  const label = useReviewOptionLabel();
  const diff = useMemo(() => (baseline.kind === 'ready' ? reviewDiff(baseline.before, dashboard, cityKey) : undefined), [baseline, dashboard, cityKey]);
  if (options.length === 0 || baseline.kind === 'none') return null;
  return (
    <section className="card overview-review" aria-labelledby="overview-review-title" data-testid="overview-review" aria-busy={baseline.kind === 'busy'}>
      <h2 id="overview-review-title">{t('review.title')}</h2>
      {baseline.kind === 'busy' ? <p className="hint">{t('review.loading')}</p> : null}
      {baseline.kind === 'error' ? (
        <p className="message message-error" role="alert">
          {t('review.failed', { reason: baseline.message })}
        </p>
      ) : null}
      {diff !== undefined && baseline.kind === 'ready' ? (
        <>
          <p className="hint">{t('review.intro', { review: label(baseline.option) })}</p>
          <ReviewChanges cityName={cityName} diff={diff} registry={registry} hrefOf={(indicator) => hrefFor({ view: 'indicator', city: cityKey, indicator })} />
        </>
      ) : null}
    </section>
  );
}
