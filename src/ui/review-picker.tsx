import { useCallback, useId } from 'react';
import { useI18n } from '@/i18n/i18n-context';
import { isolate, type ReviewOption, reviewKey, useReview } from './review-context';

/** An option's label in the UI language: the dataset, its version and when it was imported; or the publication's date. */
export function useReviewOptionLabel(): (option: ReviewOption) => string {
  const { t, formatDate, formatDay, dir } = useI18n();
  // A file name keeps its own direction in an Arabic sentence (`2024-data.csv`, not `data.csv-2024`).
  return useCallback(
    (o: ReviewOption) =>
      o.archive !== undefined
        ? t('review.optionPublished', { date: formatDay(o.archive) })
        : t('review.option', { name: dir === 'rtl' ? isolate(o.name) : o.name, number: o.number, date: formatDate(o.importedAt) }),
    [t, formatDate, formatDay, dir],
  );
}

/**
 * The choice of the last review ("Since the last review": not compared, or one of the context's
 * options). Nothing when there is nothing to choose from (the demo, data never re-imported). A key
 * that matches no option reads as "not compared".
 */
export function ReviewPicker({ chosen, onChoose, className }: { chosen: string | undefined; onChoose: (key: string | undefined) => void; className?: string }) {
  const { t } = useI18n();
  const { options } = useReview();
  const id = useId();
  const label = useReviewOptionLabel();
  if (options.length === 0) return null;
  const value = chosen !== undefined && options.some((o) => reviewKey(o) === chosen) ? chosen : '';
  return (
    <div className={`field review-picker${className === undefined ? '' : ` ${className}`}`}>
      <label htmlFor={id}>{t('review.choose')}</label>
      <select id={id} value={value} onChange={(e) => onChoose(e.target.value === '' ? undefined : e.target.value)}>
        <option value="">{t('review.none')}</option>
        {options.map((o) => (
          <option key={reviewKey(o)} value={reviewKey(o)}>
            {label(o)}
          </option>
        ))}
      </select>
    </div>
  );
}
