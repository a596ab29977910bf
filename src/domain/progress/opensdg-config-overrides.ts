import type { IndicatorConfig, SeriesSpecItem } from './compute';
import type { OpenSdgIndicatorConfig, OpenSdgOptionItem, OpenSdgSeriesSpec } from './opensdg-repository';

/**
 * An Open SDG `indicator-config/<id>.yml` applied to a dataset's own files (not a whole repository):
 * its `progress_calculation_options` become the indicator's settings (direction, target, base and
 * target year, limit — Open SDG's defaults when absent: decrease, no target, 2015, 2030) and the series
 * the headline is made of (series, unit, disaggregation filters, groups). Replaces the registry's
 * settings for that indicator, as Open SDG would see the data.
 *
 * Marsad keeps one set of settings per indicator: when the configured series disagree on direction,
 * target, years or limit, the first series' settings apply and the disagreement is reported.
 */
export type ConfigOverride =
  | { readonly kind: 'override'; readonly config: IndicatorConfig; readonly warnings: readonly string[] }
  /** `auto_progress_calculation` is not `true`: Open SDG shows a manual status; nothing is computed. */
  | { readonly kind: 'manual'; readonly progressStatus: string };

function firstSpec(items: readonly OpenSdgOptionItem[]): OpenSdgSeriesSpec | undefined {
  for (const item of items) {
    if (item.kind === 'series') return item.spec;
    if (item.kind === 'group') {
      const inner = firstSpec(item.items);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

function allSpecs(items: readonly OpenSdgOptionItem[], out: OpenSdgSeriesSpec[] = []): OpenSdgSeriesSpec[] {
  for (const item of items) {
    if (item.kind === 'series') out.push(item.spec);
    else if (item.kind === 'group') allSpecs(item.items, out);
  }
  return out;
}

function text(v: string | number | boolean | null | undefined): string | undefined {
  return v === undefined || v === null ? undefined : String(v);
}

function toSpecItems(items: readonly OpenSdgOptionItem[]): SeriesSpecItem[] {
  const out: SeriesSpecItem[] = [];
  for (const item of items) {
    if (item.kind === 'group') out.push({ group: toSpecItems(item.items) });
    else if (item.kind === 'series') {
      const { series, unit, disaggregation } = item.spec;
      const dis: Record<string, string> = {};
      for (const f of disaggregation) {
        const field = text(f.field);
        const value = text(f.value);
        if (field !== undefined && value !== undefined) dis[field] = value;
      }
      const s = text(series);
      const u = text(unit);
      out.push({ ...(s !== undefined ? { series: s } : {}), ...(u !== undefined ? { unit: u } : {}), ...(disaggregation.length > 0 ? { disaggregation: dis } : {}) });
    }
  }
  return out;
}

export function configOverride(config: OpenSdgIndicatorConfig): ConfigOverride {
  if (config.kind === 'manual') return { kind: 'manual', progressStatus: config.progressStatus };
  const warnings: string[] = [];
  const first = firstSpec(config.options);
  const specs = allSpecs(config.options);
  const key = (s: OpenSdgSeriesSpec) => JSON.stringify([s.direction, s.target, s.targetYear, s.baseYear, s.limit]);
  if (first !== undefined && specs.some((s) => key(s) !== key(first)))
    warnings.push('the configured series have different directions, targets, years or limits; the first series\' settings apply to all');
  if (specs.some((s) => s.thresholds !== undefined)) warnings.push('progress_thresholds is not applied to files (only to --opensdg repositories)');
  const spec = first ?? { direction: 'decrease', target: null, targetYear: 2030, baseYear: 2015, limit: null };
  const items = toSpecItems(config.options);
  return {
    kind: 'override',
    warnings,
    config: {
      direction: spec.direction,
      target: spec.target === null ? null : { value: spec.target, year: spec.targetYear },
      baseYear: spec.baseYear,
      targetYear: spec.targetYear,
      limit: spec.limit,
      ...(items.length > 0 ? { progressSeries: items } : {}),
    },
  };
}
