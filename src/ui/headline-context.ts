import { createContext, useContext } from 'react';
import type { IndicatorConfig } from '@/domain/progress/compute';

/**
 * The headline series the user chose (per indicator, for the datasets in use), shared by every view
 * through context: the dashboard model computes progress with them, and the indicator view can change them.
 */
export type HeadlineSettings = {
  readonly overrides: Readonly<Record<string, IndicatorConfig>>;
  /** Identifies the overrides (the dashboard cache is keyed by it). */
  readonly key: string;
  /** The series chosen for an indicator, if any. */
  readonly chosen: (indicator: string) => string | undefined;
  /** Saves a choice for the datasets in use (undefined clears it); absent where choices cannot be saved. */
  readonly choose?: (indicator: string, series: string | undefined) => void;
};

export const NO_HEADLINES: HeadlineSettings = { overrides: {}, key: '', chosen: () => undefined };

export const HeadlineContext = createContext<HeadlineSettings>(NO_HEADLINES);

export function useHeadlines(): HeadlineSettings {
  return useContext(HeadlineContext);
}
