import { useId, useMemo } from 'react';
import type { Registry } from '@/domain/registry';
import { useI18n } from '@/i18n/i18n-context';
import { type HeadlineChoices, indicatorsWithSeveralSeries } from '@/model/headline-choices';
import type { LoadedDataset } from '@/storage/dataset-record';

type HeadlineListProps = {
  datasets: readonly LoadedDataset[];
  registry: Registry;
  choices: HeadlineChoices;
  onChoose: (datasetId: string, indicator: string, series: string | undefined) => void;
};

/**
 * Indicators with several series (PM2.5 and PM10) per dataset: the user chooses the headline series
 * that every view, the ranking, the report and the annex use. Hidden when no dataset has such an indicator.
 */
export function HeadlineList({ datasets, registry, choices, onChoose }: HeadlineListProps) {
  const { t } = useI18n();
  const titleId = useId();
  const base = useId();
  const rows = useMemo(
    () => datasets.flatMap((d) => indicatorsWithSeveralSeries(d.table, registry).map((r) => ({ dataset: d, ...r }))),
    [datasets, registry],
  );
  if (rows.length === 0) return null;
  return (
    <section className="card headline-list" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('headlines.title')}</h2>
      <p className="intro">{t('headlines.intro')}</p>
      <ul>
        {rows.map((r, i) => {
          const id = `${base}-${i}`;
          const current = choices[r.dataset.id]?.[r.indicator] ?? '';
          return (
            <li key={`${r.dataset.id}\u0000${r.indicator}`} className="field">
              <label htmlFor={id}>{t('headlines.row', { indicator: r.indicator, dataset: r.dataset.name })}</label>
              <select id={id} value={current} onChange={(e) => onChoose(r.dataset.id, r.indicator, e.target.value === '' ? undefined : e.target.value)}>
                <option value="">{t('headlines.none')}</option>
                {r.series.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
