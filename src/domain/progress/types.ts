/**
 * Contracts of the progress engine (pure: no React, no DOM, no Node APIs).
 * ../shared/reference/progress-methodology.md specifies the methods; the README explains them.
 *
 * Glossary
 * - Series points: the (year, value) pairs of one series, years ascending and distinct.
 * - Settings: what a method needs about the indicator (direction, target, base year, limit, bounds);
 *   from the registry, overridable per dataset (e.g. an Open SDG indicator-config file).
 * - Thresholds: the cut points of a method, as data (defaults below; a deployment may override them).
 * - Result: status, score and the explanation ("how was this computed") of one series.
 */

/** Marsad's progress statuses, best first (Open SDG keys in brackets): see progress-methodology.md. */
export const PROGRESS_STATUSES = [
  'target_achieved', // target_achieved
  'on_track', // substantial_progress
  'acceleration_needed', // moderate_progress
  'limited_progress', // limited_progress
  'deterioration', // deterioration
  'insufficient_data', // not_available
] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export const PROGRESS_METHODS = ['opensdg', 'unsd', 'sdsn'] as const;
export type ProgressMethod = (typeof PROGRESS_METHODS)[number];

/** Open SDG's own status keys, for `progress --opensdg` output and indicator-config files. */
export const OPENSDG_STATUS_KEYS: Readonly<Record<ProgressStatus, string>> = {
  target_achieved: 'target_achieved',
  on_track: 'substantial_progress',
  acceleration_needed: 'moderate_progress',
  limited_progress: 'limited_progress',
  deterioration: 'deterioration',
  insufficient_data: 'not_available',
};

/** A series as parallel arrays, years ascending and distinct. */
export type SeriesPoints = {
  readonly years: ArrayLike<number>;
  readonly values: ArrayLike<number>;
};

export type ProgressSettings = {
  /** Desired direction of change. */
  readonly direction: 'increase' | 'decrease';
  /** Numeric target and its year, or null when there is none. */
  readonly target: { readonly value: number; readonly year: number } | null;
  /** Base year (Open SDG default 2015). */
  readonly baseYear: number;
  /** Year the assessment projects to when there is no target (default 2030). */
  readonly targetYear: number;
  /** Natural ceiling/floor, used by the opensdg no-target thresholds; null when none. */
  readonly limit: number | null;
  /** SDSN bounds (sdsn method); null when none. */
  readonly bounds: { readonly optimum: number; readonly green: number; readonly red: number; readonly lower: number } | null;
};

/** Cut points of the opensdg method (progress-methodology.md §1 step 4). */
export type OpenSdgThresholds = { readonly high: number; readonly med: number; readonly low: number };

export const OPENSDG_DEFAULT_THRESHOLDS = {
  noTarget: { high: 0.015, med: 0.005, low: 0 },
  target: { high: 0.95, med: 0.6, low: 0 },
  /** α of the natural-limit coefficient. */
  limitAlpha: 4.44,
} as const;

/** Cut points of the unsd method (UN progress chart 2023). */
export const UNSD_DEFAULT_THRESHOLDS = {
  /** Q = (ŷ(target year) − y0) / (y* − y0): ≥ onTrack on track, ≥ fair acceleration needed, else limited/deterioration. */
  target: { onTrack: 0.95, fair: 0.1 },
  /** Direction-adjusted CAGR without a target: ≥ onTrack on track, ≥ fair acceleration needed. */
  noTarget: { onTrack: 0.02, fair: 0.005 },
} as const;

/** Cut points of the sdsn trend arrows: observed rate / required rate. */
export const SDSN_DEFAULT_THRESHOLDS = { onTrack: 1, moderate: 0.5 } as const;

/** Why a series could not be assessed. */
export const INSUFFICIENT_REASONS = [
  'no_data',
  'one_point',
  'no_data_since_base_year',
  'opposite_signs',
  'zero_required_growth',
  'target_opposite_sign',
  'ambiguous_series',
  'no_bounds',
  'not_configured',
  /** The data is in another unit than the registry's definition (or states none while it cannot be in it). */
  'other_unit',
] as const;
export type InsufficientReason = (typeof INSUFFICIENT_REASONS)[number];

/** Everything needed to explain a result in plain words (the dashboard's "how was this computed"). */
export type ProgressExplanation = {
  readonly method: ProgressMethod;
  readonly direction: 'increase' | 'decrease';
  readonly base: { readonly year: number; readonly value: number } | null;
  readonly latest: { readonly year: number; readonly value: number } | null;
  readonly target: { readonly year: number; readonly value: number } | null;
  /** Observed annual growth (CAGR, or the linear rate for sdsn), direction-adjusted; null when not computed. */
  readonly observedGrowth: number | null;
  /** Annual growth needed to reach the target (or the green threshold for sdsn); null when none. */
  readonly requiredGrowth: number | null;
  /** The method's measure: opensdg P, unsd Q or CAGR, sdsn rate ratio. */
  readonly measure: number | null;
  /** Cut points actually applied (after the limit coefficient, if any), by name. */
  readonly thresholds: Readonly<Record<string, number>>;
  /** opensdg natural-limit coefficient C when a limit applied. */
  readonly limitCoefficient: number | null;
  readonly insufficientReason: InsufficientReason | null;
  /** Extra facts worth telling (e.g. 'base_value_zero_replaced'). */
  readonly notes: readonly string[];
};

export type ProgressResult = {
  readonly status: ProgressStatus;
  /** opensdg: [−5, 5]; unsd/sdsn: method score or null. */
  readonly score: number | null;
  /** 0–100 normalised score where bounds exist (SDSN normalisation of the latest value), else null. */
  readonly normalizedScore: number | null;
  /** Value projected to the target year (for the chart's dashed projection line); null when none. */
  readonly projected: { readonly year: number; readonly value: number } | null;
  readonly explanation: ProgressExplanation;
};

/** One method applied to one series. */
export type SeriesMethod = (points: SeriesPoints, settings: ProgressSettings) => ProgressResult;

/** Cut points of the unsd method; the shape of UNSD_DEFAULT_THRESHOLDS. */
export type UnsdThresholds = {
  readonly target: { readonly onTrack: number; readonly fair: number };
  readonly noTarget: { readonly onTrack: number; readonly fair: number };
};

/** Cut points of the sdsn trend arrows; the shape of SDSN_DEFAULT_THRESHOLDS. */
export type SdsnThresholds = { readonly onTrack: number; readonly moderate: number };

/**
 * Settings plus facts only some methods use. Every extra field is optional, so any ProgressSettings is
 * also a MethodSettings and every SeriesMethod accepts both.
 */
export type MethodSettings = ProgressSettings & {
  /** Values are percentages (0–100): unsd counts a 0 % or 100 % target as met within 1 point. */
  readonly unitIsPercent?: boolean;
  /** The indicator's valid range (registry): projections never leave it. */
  readonly validRange?: { readonly min: number | null; readonly max: number | null };
  /** Overrides UNSD_DEFAULT_THRESHOLDS for this series. */
  readonly unsdThresholds?: UnsdThresholds;
  /** Overrides SDSN_DEFAULT_THRESHOLDS for this series. */
  readonly sdsnThresholds?: SdsnThresholds;
};
