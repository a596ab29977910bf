import { useI18n } from '@/i18n/i18n-context';
import { useHeadlines } from '@/ui/headline-context';

type HeadlineChoiceProps = {
  indicator: string;
  /** The named series of this city × indicator (two or more make the headline ambiguous). */
  series: readonly string[];
  /** The series shown now. */
  shown: string;
};

/**
 * The headline series of an indicator with several (PM2.5 and PM10): which one every view, the ranking,
 * the report and the annex use. Saved with the datasets in use and exported with the workspace.
 */
export function HeadlineChoice({ indicator, series, shown }: HeadlineChoiceProps) {
  const { t } = useI18n();
  const { chosen, choose } = useHeadlines();
  if (series.length < 2 || choose === undefined) return null;
  const current = chosen(indicator);
  return (
    <div className="headline-choice" role="group" aria-label={t('indicator.headline.label')}>
      <p>{current !== undefined ? t('indicator.headline.chosen', { series: current }) : t('indicator.headline.none')}</p>
      <div className="actions">
        {shown !== '' && shown !== current ? (
          <button type="button" className="button secondary small" onClick={() => choose(indicator, shown)}>
            {t('indicator.headline.use', { series: shown })}
          </button>
        ) : null}
        {current !== undefined ? (
          <button type="button" className="button secondary small" onClick={() => choose(indicator, undefined)}>
            {t('indicator.headline.clear')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
