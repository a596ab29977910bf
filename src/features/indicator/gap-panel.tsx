import { useId, useMemo } from 'react';
import { buildGapOption, gapChartHeight } from '@/charts/build-gap-option';
import { ChartView } from '@/charts/chart-view';
import type { Direction } from '@/domain/indicator';
import type { SeriesLayout } from '@/domain/progress/series';
import type { Registry } from '@/domain/registry';
import { useI18n } from '@/i18n/i18n-context';
import type { FigureContext } from '@/model/city-figures';
import type { CityNames, Dashboard, DashboardCity } from '@/model/dashboard-model';
import { gapChartInput, gapFigures, gapSentences } from '@/model/gap-figure';
import { gapModel } from '@/model/gap-model';
import type { SeriesChoice } from '@/model/indicator-model';
import type { LoadedDataset } from '@/storage/dataset-record';
import { FigureExportMenu } from '@/ui/figure-export-menu';

export type GapPanelProps = {
  dashboard: Dashboard;
  layout: SeriesLayout;
  registry: Registry;
  datasets: readonly LoadedDataset[];
  city: DashboardCity;
  code: string;
  /** The series shown: its breakdowns (same Series and unit) are compared. */
  choice: SeriesChoice;
  direction: Direction | null;
  decimals: number | undefined;
  /** The unit as the page shows it. */
  unit: string;
  cityNames: CityNames;
};

/**
 * "Leave no one behind": for each breakdown of the series shown (sex, age…), the best and the worst
 * group in the latest year two groups share and in the earliest one, as two sentences and a figure of
 * both years (exportable). Nothing is rendered without a breakdown of two groups or more.
 */
export function GapPanel({ dashboard, layout, registry, datasets, city, code, choice, direction, decimals, unit, cityNames }: GapPanelProps) {
  const { t, lang, digits } = useI18n();
  const headingId = useId();
  const dims = useMemo(() => gapModel(dashboard, layout, city.key, code, choice, direction, decimals), [dashboard, layout, city.key, code, choice, direction, decimals]);
  const text = useMemo(() => ({ lang, digits, decimals, unit, direction }), [lang, digits, decimals, unit, direction]);
  if (dims.length === 0) return null;
  return (
    <section className="card gap-card" aria-labelledby={headingId} data-testid="gap-panel">
      <h3 id={headingId}>{t('gap.heading')}</h3>
      <p className="gap-intro">{t('gap.intro')}</p>
      {dims.map((dim) => {
        const sentences = gapSentences(dim, text);
        const input = gapChartInput(dim, text, sentences.join(' '));
        return (
          <div key={dim.column} className="gap-dimension" data-column={dim.column}>
            <ul className="gap-sentences">
              {sentences.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ul>
            <div className="chart-box" style={{ blockSize: `${gapChartHeight(input)}px` }}>
              <ChartView option={buildGapOption(input)} className="chart chart-fill" />
            </div>
            <FigureExportMenu
              build={() => {
                const ctx: FigureContext = { dashboard, registry, datasets, names: cityNames, lang, digits, computedAt: new Date() };
                return gapFigures(ctx, city.key, code, dim.column)[0];
              }}
            />
          </div>
        );
      })}
    </section>
  );
}
