import type { Indicator, LocalizedText } from '@/domain/indicator';
import type { Registry } from '@/domain/registry';
import { codeAndName } from '@/model/indicator-text';
import type { I18n } from '@/i18n/i18n-context';
import type { Lang } from '@/i18n/lang';
import type { TargetGap } from '@/model/compare-model';

/** Registry text in the UI language (French and Spanish may be empty: English then). */
export function localized(text: LocalizedText, lang: Lang): string {
  return text[lang] || text.en;
}

/** `11.6.2 Annual mean levels…` (the registry's title, else the dataset's own), or the bare code when neither names it. */
export function indicatorTitle(code: string, registry: Registry, lang: Lang): string {
  return codeAndName(registry, code, lang);
}

/** A value with the indicator's decimals (up to 3 for an unknown indicator), in the UI's digits. */
export function formatValue(i18n: Pick<I18n, 'formatNumber'>, value: number, indicator: Indicator | undefined): string {
  return i18n.formatNumber(value, indicator === undefined ? {} : { decimals: indicator.decimals });
}

/** A year: never grouped (2024, not 2,024), in the UI's digits. */
export function formatYear(i18n: Pick<I18n, 'formatNumber'>, year: number): string {
  return i18n.formatNumber(year, { grouping: false, decimals: 0 });
}

/**
 * The gap to the target in words: "7.3 away from the target (5 by 2030)", "Target achieved (5 by
 * 2030)", … `compact` (a ranking, where every row has the same target, stated above it): "7.3 to go",
 * "Achieved".
 */
export function gapText(i18n: Pick<I18n, 'formatNumber' | 't'>, gap: TargetGap, indicator: Indicator | undefined, compact = false): string {
  if (compact && gap.kind === 'gap') return i18n.t('compare.gap.short', { value: formatValue(i18n, gap.absolute, indicator) });
  if (compact && gap.kind === 'achieved') return i18n.t('compare.gap.achievedShort');
  switch (gap.kind) {
    case 'no_target':
      return i18n.t('compare.gap.noTarget');
    case 'no_value':
      return i18n.t('compare.gap.noValue');
    case 'achieved':
      return i18n.t('compare.gap.achieved', { target: formatValue(i18n, gap.target.value, indicator), year: gap.target.year });
    case 'gap':
      return i18n.t('compare.gap.value', {
        value: formatValue(i18n, gap.absolute, indicator),
        target: formatValue(i18n, gap.target.value, indicator),
        year: gap.target.year,
      });
    default:
      return assertNever(gap);
  }
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value ${JSON.stringify(x)}`);
}

/**
 * Display names that are unique (chart legends and series are matched by name): a repeated name gets
 * its city key added, `San Juan (PR_SAN_JUAN)`.
 */
export function uniqueNames(keys: readonly string[], labelOf: (key: string) => string): string[] {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(labelOf(k), (counts.get(labelOf(k)) ?? 0) + 1);
  return keys.map((k) => ((counts.get(labelOf(k)) ?? 0) > 1 ? `${labelOf(k)} (${k})` : labelOf(k)));
}

/**
 * The part of the app's URL state the Compare view links to (a subset of `Partial<UrlState>`, written
 * here so the feature does not depend on the app): `hrefFor({ indicator: undefined })` clears the
 * indicator, any key left out keeps its current value.
 */
export type CompareLink = {
  view?: 'overview' | 'compare' | 'data';
  city?: string;
  cities?: string[];
  indicator?: string;
};
export type HrefFor = (s: CompareLink) => string;
