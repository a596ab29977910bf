import type { InsufficientReason, ProgressMethod, ProgressResult } from '@/domain/progress/types';
import type { MessageKey } from '@/i18n/messages-en';

/**
 * "How was this computed", as data: the engine's explanation turned into sentences (a message key and
 * typed parameters), so tests read them without React and the page words them in the UI language
 * (explanation-text.ts). For decision makers: values, years, rates as percentages, the rules applied,
 * and why data was insufficient; the formula details for experts are a separate list.
 *
 * Growth rates in the engine's explanation are direction-adjusted (positive = better); sentences say
 * what the value did ("fell by 3.2 % a year") and whether that is good from the direction sentence.
 */

export type SentenceParam =
  /** A value in the indicator's unit, with its decimals. */
  | { readonly kind: 'value'; readonly value: number }
  /** A share or rate: 0.031 → "3.1 %". */
  | { readonly kind: 'percent'; readonly value: number }
  | { readonly kind: 'year'; readonly value: number }
  /** A plain number (points, factors): `decimals` fixed, else up to 3 as needed. */
  | { readonly kind: 'number'; readonly value: number; readonly decimals?: number }
  | { readonly kind: 'text'; readonly value: string }
  /** Another message (a status, a method name). */
  | { readonly kind: 'message'; readonly key: MessageKey };

export type Sentence = { readonly key: MessageKey; readonly params: Readonly<Record<string, SentenceParam>> };

export type ExplainContext = {
  /** The indicator's base year (registry), to say when the base year had no value. */
  readonly baseYear: number;
  /** The year the method projects to when there is no target (2030). */
  readonly targetYear: number;
  /** The registry target (its value as published: a target of 0 stays 0 even where opensdg used 0.001). */
  readonly target: { readonly value: number; readonly year: number } | null;
  /** Natural limit (registry), for the threshold sentence. */
  readonly limit: number | null;
};

const value = (v: number): SentenceParam => ({ kind: 'value', value: v });
const percent = (v: number): SentenceParam => ({ kind: 'percent', value: v });
const year = (v: number): SentenceParam => ({ kind: 'year', value: v });
const num = (v: number, decimals?: number): SentenceParam => (decimals === undefined ? { kind: 'number', value: v } : { kind: 'number', value: v, decimals });
const message = (key: MessageKey): SentenceParam => ({ kind: 'message', key });

export const METHOD_KEYS: Readonly<Record<ProgressMethod, MessageKey>> = {
  opensdg: 'method.opensdg',
  unsd: 'method.unsd',
  sdsn: 'method.sdsn',
};

/** One sentence per reason the engine can give for not assessing a series. */
export const REASON_KEYS: Readonly<Record<InsufficientReason, MessageKey>> = {
  no_data: 'indicator.explain.reason.no_data',
  one_point: 'indicator.explain.reason.one_point',
  no_data_since_base_year: 'indicator.explain.reason.no_data_since_base_year',
  opposite_signs: 'indicator.explain.reason.opposite_signs',
  zero_required_growth: 'indicator.explain.reason.zero_required_growth',
  target_opposite_sign: 'indicator.explain.reason.target_opposite_sign',
  ambiguous_series: 'indicator.explain.reason.ambiguous_series',
  no_bounds: 'indicator.explain.reason.no_bounds',
  not_configured: 'indicator.explain.reason.not_configured',
  other_unit: 'indicator.explain.reason.other_unit',
};

/** Notes of the engine worth a sentence (others stay in the expert details as codes). */
export const NOTE_KEYS: Readonly<Record<string, MessageKey>> = {
  target_zero_replaced: 'indicator.explain.note.target_zero_replaced',
  base_value_zero_replaced: 'indicator.explain.note.base_value_zero_replaced',
  missing_points_dropped: 'indicator.explain.note.missing_points_dropped',
  base_value_beyond_limit: 'indicator.explain.note.base_value_beyond_limit',
  limit_ignored_with_target: 'indicator.explain.note.limit_ignored_with_target',
  measure_not_a_number: 'indicator.explain.note.measure_not_a_number',
  thresholds_not_a_number: 'indicator.explain.note.thresholds_not_a_number',
  linear_growth: 'indicator.explain.note.linear_growth',
  target_year_passed: 'indicator.explain.note.target_year_passed',
  base_met_target: 'indicator.explain.note.base_met_target',
  not_computable: 'indicator.explain.note.not_computable',
  bounds_disagree_with_direction: 'indicator.explain.note.bounds_disagree_with_direction',
  above_green: 'indicator.explain.note.above_green',
  projection_capped: 'indicator.explain.note.projection_capped',
};

const SDSN_LEVEL_KEYS: Readonly<Record<string, MessageKey>> = {
  level_green: 'indicator.explain.level.green',
  level_yellow: 'indicator.explain.level.yellow',
  level_orange: 'indicator.explain.level.orange',
  level_red: 'indicator.explain.level.red',
};

function finite(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** A threshold by name, when the record has it as a finite number. */
function cut(thresholds: Readonly<Record<string, number>>, name: string): number | null {
  const v = thresholds[name];
  return finite(v) ? v : null;
}

/**
 * The explanation of one result, in order: method, direction, baseline, latest value, target, observed
 * pace, required pace, what the pace means (ratio, projection, distance covered, SDSN level), the rules
 * applied, why data was insufficient, the outcome, then the engine's notes.
 */
export function explainResult(result: ProgressResult, ctx: ExplainContext): Sentence[] {
  const e = result.explanation;
  const out: Sentence[] = [];
  const say = (key: MessageKey, params: Record<string, SentenceParam> = {}) => out.push({ key, params });
  const d = e.direction === 'increase' ? 1 : -1;
  const target = ctx.target ?? e.target;

  say('indicator.explain.method', { method: message(METHOD_KEYS[e.method]) });
  say(e.direction === 'increase' ? 'indicator.explain.directionIncrease' : 'indicator.explain.directionDecrease');
  if (e.base !== null) {
    say('indicator.explain.base', { value: value(e.base.value), year: year(e.base.year) });
    if (e.base.year !== ctx.baseYear && e.base.year > ctx.baseYear) say('indicator.explain.baseMoved', { baseYear: year(ctx.baseYear), year: year(e.base.year) });
  }
  if (e.latest !== null) say('indicator.explain.latest', { value: value(e.latest.value), year: year(e.latest.year) });
  // Data of another definition (another unit) is not measured against the registry's target: the reason sentence says so.
  if (e.insufficientReason !== 'other_unit') {
    if (target !== null) say('indicator.explain.target', { value: value(target.value), year: year(target.year) });
    else say('indicator.explain.noTarget');
  }

  const from = e.base?.year;
  const to = e.latest?.year;
  if (e.method === 'sdsn') {
    const level = e.notes.map((n) => SDSN_LEVEL_KEYS[n]).find((k) => k !== undefined);
    if (finite(result.normalizedScore) && level !== undefined) say('indicator.explain.sdsnLevel', { worst: num(0), best: num(100), score: num(result.normalizedScore, 1), level: message(level) });
    if (finite(e.observedGrowth) && from !== undefined && to !== undefined) {
      const key = e.observedGrowth > 0 ? 'indicator.explain.sdsnObservedUp' : e.observedGrowth < 0 ? 'indicator.explain.sdsnObservedDown' : 'indicator.explain.sdsnObservedFlat';
      say(key, { points: num(Math.abs(e.observedGrowth), 2), from: year(from), to: year(to) });
    }
    const green = cut(e.thresholds, 'green');
    if (finite(e.requiredGrowth) && e.requiredGrowth > 0 && green !== null && !e.notes.includes('above_green')) {
      say('indicator.explain.sdsnRequired', { points: num(e.requiredGrowth, 2), green: num(green, 1), year: year(ctx.targetYear) });
    }
    if (finite(e.measure)) say('indicator.explain.paceRatio', { ratio: percent(e.measure) });
  } else {
    if (finite(e.observedGrowth) && from !== undefined && to !== undefined) {
      // The engine's growth is direction-adjusted: d × growth is what the value itself did.
      // A rate that shows as 0 % (under 0.05 % a year) reads as flat, not "fell by 0 % a year".
      const exact = d * e.observedGrowth;
      const raw = Math.abs(exact) < 0.0005 ? 0 : exact;
      const key = raw > 0 ? 'indicator.explain.observedRise' : raw < 0 ? 'indicator.explain.observedFall' : 'indicator.explain.observedFlat';
      say(key, { rate: percent(Math.abs(raw)), from: year(from), to: year(to) });
    }
    if (finite(e.requiredGrowth) && target !== null && from !== undefined) {
      const raw = d * e.requiredGrowth;
      if (raw !== 0) say(raw > 0 ? 'indicator.explain.requiredRise' : 'indicator.explain.requiredFall', { rate: percent(Math.abs(raw)), year: year(target.year), from: year(from) });
    }
    if (e.method === 'opensdg' && e.target !== null && finite(e.measure)) say('indicator.explain.paceRatio', { ratio: percent(e.measure) });
  }
  if (result.projected !== null && finite(result.projected.value) && e.latest !== null && result.projected.year > e.latest.year) {
    say('indicator.explain.projection', { value: value(result.projected.value), year: year(result.projected.year) });
  }
  if (e.method === 'unsd' && e.target !== null && finite(e.measure) && result.status !== 'target_achieved') say('indicator.explain.distanceCovered', { share: percent(e.measure) });

  out.push(...thresholdSentences(result, ctx));

  if (result.status === 'target_achieved') {
    say('indicator.explain.achieved');
    // Open SDG (sdg-build 2.4) counts a target as achieved from the latest value alone, even with one year of
    // data; we keep its status and say plainly that no trend stands behind it.
    if (!finite(e.measure) && e.latest !== null && (e.base === null || e.base.year === e.latest.year)) say('indicator.explain.achievedOneYear', { year: year(e.latest.year) });
  }
  if (e.insufficientReason !== null) say(REASON_KEYS[e.insufficientReason], { baseYear: year(ctx.baseYear) });
  say('indicator.explain.result', { status: message(`status.${result.status}`) });
  for (const note of e.notes) {
    const key = NOTE_KEYS[note];
    // Open SDG's stand-in for zero (progress-methodology.md §1): said with the numbers, in the UI's digits.
    if (key !== undefined) say(key, note.endsWith('_zero_replaced') ? { zero: num(0), small: num(0.001) } : {});
    const aggregate = /^aggregate_of_(\d+)_series$/.exec(note);
    if (aggregate) say('indicator.explain.note.aggregate', { count: num(Number(aggregate[1])) });
  }
  return out;
}

/** The status rules the method applied, with the cut points it used (none when it assessed nothing). */
function thresholdSentences(result: ProgressResult, ctx: ExplainContext): Sentence[] {
  const e = result.explanation;
  const t = e.thresholds;
  if (e.insufficientReason !== null || Object.keys(t).length === 0) return [];
  const out: Sentence[] = [];
  switch (e.method) {
    case 'opensdg': {
      const high = cut(t, 'high');
      const med = cut(t, 'med');
      const low = cut(t, 'low');
      if (high === null || med === null || low === null) return [];
      out.push({
        key: e.target !== null ? 'indicator.explain.thresholds.opensdgTarget' : 'indicator.explain.thresholds.opensdgNoTarget',
        params: { high: percent(high), med: percent(med), low: percent(low) },
      });
      if (finite(e.limitCoefficient) && e.target === null) {
        const limit = ctx.limit === null ? { kind: 'text' as const, value: '' } : value(ctx.limit);
        // C = 1 when the baseline is at least twice the limit away: then nothing was multiplied (sdg-build's rule).
        // Far below the limit C is just under 1 (baseline 12.3, limit 100: 0.99991): the cut points change by
        // less than 0.05 %, and "multiplied by 1.000 because the baseline is close" would mislead.
        if (e.limitCoefficient >= 0.9995) out.push({ key: 'indicator.explain.thresholds.limitFar', params: { limit } });
        else out.push({ key: 'indicator.explain.thresholds.limit', params: { factor: num(e.limitCoefficient, e.limitCoefficient > 0.995 ? 3 : 2), limit } });
      }
      return out;
    }
    case 'unsd': {
      const onTrack = cut(t, 'onTrack');
      const fair = cut(t, 'fair');
      if (onTrack === null || fair === null) return [];
      return [{ key: e.target !== null ? 'indicator.explain.thresholds.unsdTarget' : 'indicator.explain.thresholds.unsdNoTarget', params: { onTrack: percent(onTrack), fair: percent(fair) } }];
    }
    case 'sdsn': {
      const onTrack = cut(t, 'onTrack');
      const moderate = cut(t, 'moderate');
      const green = cut(t, 'green');
      const red = cut(t, 'red');
      if (onTrack === null || moderate === null || green === null || red === null) return [];
      return [
        { key: 'indicator.explain.thresholds.sdsnLevels', params: { green: num(green, 1), red: num(red, 1) } },
        { key: 'indicator.explain.thresholds.sdsnTrend', params: { onTrack: percent(onTrack), moderate: percent(moderate), year: year(ctx.targetYear) } },
      ];
    }
    default:
      return assertNever(e.method);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected method ${String(x)}`);
}

/**
 * One line of the expert details: a label, the symbols of the formula it gives values to, and the
 * values (localised when shown), or the formula itself.
 */
export type ExpertFact =
  | { readonly key: MessageKey; readonly symbol: string; readonly values: readonly SentenceParam[] }
  | { readonly key: 'indicator.expert.formula'; readonly formula: string };

/** The formula of a method (mathematical notation, the same in every language). */
export function formulaOf(result: ProgressResult): string {
  const e = result.explanation;
  switch (e.method) {
    case 'opensdg':
      return e.target !== null
        ? 'CAGR(a, b, tₐ, t_b) = (a / b)^(1 / (tₐ − t_b)) − 1;  P = s · d · CAGR(v₁, v₀, t₁, t₀) / |CAGR(T, v₀, T_year, t₀)|'
        : e.limitCoefficient !== null
          ? 'P = s · d · CAGR(v₁, v₀, t₁, t₀);  cut points × C, C = 1 − (|v₀| / L)^4.44 (|v₀| ≤ L)'
          : 'P = s · d · CAGR(v₁, v₀, t₁, t₀),  CAGR(a, b, tₐ, t_b) = (a / b)^(1 / (tₐ − t_b)) − 1';
    case 'unsd':
      return e.target !== null ? 'ŷ(T) = y_t · (1 + CAGR(t₀ → t))^(T − t);  Q = (ŷ(T) − y₀) / (y* − y₀)' : 'r = d · CAGR(t₀ → t) = d · ((y_t / y₀)^(1 / (t − t₀)) − 1)';
    case 'sdsn':
      return "x′ = (x − lower) / (optimum − lower) · 100;  ratio = Δx′ per year (observed) / Δx′ per year (to green by 2030)";
    default:
      return assertNever(e.method);
  }
}

/** The numbers behind the result, for the expert disclosure. */
export function expertFacts(result: ProgressResult): ExpertFact[] {
  const e = result.explanation;
  const out: ExpertFact[] = [{ key: 'indicator.expert.formula', formula: formulaOf(result) }];
  const fact = (key: MessageKey, symbol: string, ...values: SentenceParam[]) => out.push({ key, symbol, values });
  fact('indicator.expert.direction', 'd', num(e.direction === 'increase' ? 1 : -1));
  if (e.base !== null) fact('indicator.expert.base', 't₀, v₀', year(e.base.year), { kind: 'number', value: e.base.value });
  if (e.latest !== null) fact('indicator.expert.latest', 't₁, v₁', year(e.latest.year), { kind: 'number', value: e.latest.value });
  if (e.target !== null) fact('indicator.expert.target', 'T_year, T', year(e.target.year), { kind: 'number', value: e.target.value });
  if (finite(e.observedGrowth)) fact('indicator.expert.observed', e.method === 'sdsn' ? 'Δx′' : 'd · CAGR', num(e.observedGrowth));
  if (finite(e.requiredGrowth)) fact('indicator.expert.required', e.method === 'sdsn' ? 'Δx′*' : 'd · CAGR*', num(e.requiredGrowth));
  if (finite(e.measure)) fact('indicator.expert.measure', e.method === 'opensdg' ? 'P' : e.method === 'unsd' ? (e.target !== null ? 'Q' : 'r') : 'ratio', num(e.measure));
  if (finite(result.score)) fact('indicator.expert.score', result.explanation.method === 'sdsn' ? 'x′' : 'score', num(result.score));
  const cuts = Object.entries(e.thresholds).filter(([, v]) => Number.isFinite(v));
  if (cuts.length > 0) fact('indicator.expert.thresholds', cuts.map(([k]) => k).join(', '), ...cuts.map(([, v]) => num(v)));
  if (finite(e.limitCoefficient)) fact('indicator.expert.limit', 'C', num(e.limitCoefficient));
  if (e.insufficientReason !== null) fact('indicator.expert.reason', '', { kind: 'text', value: e.insufficientReason });
  if (e.notes.length > 0) fact('indicator.expert.notes', '', { kind: 'text', value: e.notes.join(', ') });
  return out;
}
