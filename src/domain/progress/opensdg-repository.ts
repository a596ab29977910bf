import { z } from 'zod';
import {
  aggregateOpenSdg,
  computeOpenSdgSeries,
  scoreOpenSdgItems,
  toOpenSdgStatusKey,
  type OpenSdgComponents,
  type OpenSdgItem,
  type OpenSdgStatusKey,
} from '@/domain/progress/opensdg';
import {
  OPENSDG_DEFAULT_COLUMN_ROLES,
  prepareOpenSdgTable,
  selectOpenSdgSeries,
  type CsvRows,
  type OpenSdgColumnRoles,
  type OpenSdgFilterValue,
  type OpenSdgSelectionReason,
  type PreparedTable,
  type TableTranslation,
} from '@/domain/progress/opensdg-table';
import { buildOpenSdgTranslations, translateOpenSdgMeta, type OpenSdgTranslationFile, type OpenSdgTranslations } from '@/domain/progress/opensdg-translations';
import { readOpenSdgYaml, type OpenSdgIssue } from '@/domain/progress/opensdg-yaml';
import type { InsufficientReason, OpenSdgThresholds, ProgressResult, ProgressSettings } from '@/domain/progress/types';

/**
 * Open SDG's progress results for a whole repository, from its files' contents (pure: the caller reads
 * the files and parses the CSVs). Reproduces sdg-build 2.4's IndicatorProgress on the translated build,
 * following progress-methodology.md §1 and its "Rules confirmed against Open SDG's real output".
 *
 * Result shape, per indicator with `auto_progress_calculation: true`:
 *   { status, score, series: [entry per configured option, in config order] }
 * where an entry is a series `{ tag, <the components sdg-build caches>, target_achieved, reason, detail, notes }`
 * or a group `{ group: [entries…], score, target_achieved }` (its score is the mean of its scored members).
 */

// ---------------------------------------------------------------------------------------------------
// config_data.yml

export type OpenSdgSiteConfig = {
  readonly languages: readonly string[];
  /** The build language: the first of `languages`; null = untranslated build. */
  readonly language: string | null;
  readonly roles: OpenSdgColumnRoles;
};

const ColumnListSchema = z.array(z.string()).nullish();
const SiteConfigSchema = z
  .object({
    languages: z.array(z.unknown()).nullish(),
    indicator_options: z
      .object({
        non_disaggregation_columns: ColumnListSchema,
        observation_attributes: ColumnListSchema,
        series_column: z.string().nullish(),
        unit_column: z.string().nullish(),
        progress_column: z.string().nullish(),
      })
      .loose()
      .nullish(),
  })
  .loose();

/**
 * Languages and column roles of `config_data.yml`. An `indicator_options` mapping replaces sdg-build's
 * defaults as a whole (as the Python `dict.update` does): a list it leaves out is empty, not the default.
 * A missing or unreadable file gives the defaults (and an issue when unreadable).
 */
export function parseOpenSdgSiteConfig(text: string | null): { config: OpenSdgSiteConfig; issues: OpenSdgIssue[] } {
  const file = 'config_data.yml';
  const defaults: OpenSdgSiteConfig = { languages: [], language: null, roles: OPENSDG_DEFAULT_COLUMN_ROLES };
  if (text === null) return { config: defaults, issues: [] };
  const read = readOpenSdgYaml(text);
  if (!read.ok) return { config: defaults, issues: [{ code: 'invalid_yaml', file, detail: read.message }] };
  const parsed = SiteConfigSchema.safeParse(read.value ?? {});
  if (!parsed.success) return { config: defaults, issues: [{ code: 'invalid_config_data', file, detail: parsed.error.issues[0]?.path.join('.') ?? '' }] };
  const languages = (parsed.data.languages ?? []).filter((l): l is string => typeof l === 'string');
  const options = parsed.data.indicator_options;
  const roles: OpenSdgColumnRoles =
    options === null || options === undefined
      ? OPENSDG_DEFAULT_COLUMN_ROLES
      : {
          nonDisaggregationColumns: unique(['Year', 'Value', ...(options.non_disaggregation_columns ?? [])]),
          observationAttributes: unique(options.observation_attributes ?? []),
          seriesColumn: options.series_column ?? OPENSDG_DEFAULT_COLUMN_ROLES.seriesColumn,
          unitColumn: options.unit_column ?? OPENSDG_DEFAULT_COLUMN_ROLES.unitColumn,
          progressColumn: options.progress_column ?? OPENSDG_DEFAULT_COLUMN_ROLES.progressColumn,
        };
  return { config: { languages, language: languages[0] ?? null, roles }, issues: [] };
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

// ---------------------------------------------------------------------------------------------------
// indicator-config/<id>.yml

/** One `progress_calculation_options` item that selects a series, with sdg-build's defaults applied. */
export type OpenSdgSeriesSpec = {
  readonly series: OpenSdgFilterValue | undefined;
  readonly unit: OpenSdgFilterValue | undefined;
  readonly disaggregation: readonly { readonly field: OpenSdgFilterValue; readonly value: OpenSdgFilterValue }[];
  /** Only the exact text `positive` means increase; anything else (also absent) means decrease. */
  readonly direction: 'increase' | 'decrease';
  readonly baseYear: number;
  readonly target: number | null;
  readonly targetYear: number;
  readonly limit: number | null;
  readonly thresholds: Partial<OpenSdgThresholds> | undefined;
};

export type OpenSdgOptionItem =
  | { readonly kind: 'series'; readonly spec: OpenSdgSeriesSpec; readonly tag: string }
  | { readonly kind: 'group'; readonly items: readonly OpenSdgOptionItem[] }
  /** An item sdg-build could not use (it would stop the build); reported and not available. */
  | { readonly kind: 'invalid'; readonly tag: string; readonly detail: string };

export type OpenSdgIndicatorConfig =
  | { readonly kind: 'auto'; readonly options: readonly OpenSdgOptionItem[] }
  /** `auto_progress_calculation` is not exactly `true`: Open SDG shows `progress_status` as is ('' when none). */
  | { readonly kind: 'manual'; readonly progressStatus: string };

export const OPENSDG_DEFAULT_BASE_YEAR = 2015;
export const OPENSDG_DEFAULT_TARGET_YEAR = 2030;

const IndicatorConfigSchema = z.record(z.string(), z.unknown());
const ScalarSchema = z.union([z.string(), z.number(), z.boolean()]).nullable();
const SeriesSpecSchema = z
  .object({
    series: ScalarSchema.optional(),
    unit: ScalarSchema.optional(),
    disaggregation: z.array(z.object({ field: ScalarSchema, value: ScalarSchema }).loose()).nullish(),
    direction: z.unknown().optional(),
    base_year: z.number().nullish(),
    target: z.number().nullish(),
    target_year: z.number().nullish(),
    limit: z.number().nullish(),
    progress_thresholds: z.object({ high: z.number().optional(), med: z.number().optional(), low: z.number().optional() }).loose().nullish(),
  })
  .loose();

/** sdg-build's series tag: the indicator id, then the series, unit and disaggregation values given. */
function seriesTag(id: string, raw: Record<string, unknown>): string {
  const parts = [id];
  if (raw.series !== undefined && raw.series !== null) parts.push(String(raw.series));
  if (raw.unit !== undefined && raw.unit !== null) parts.push(String(raw.unit));
  if (Array.isArray(raw.disaggregation)) {
    for (const d of raw.disaggregation as unknown[]) {
      if (d !== null && typeof d === 'object' && 'value' in d) parts.push(String((d as { value: unknown }).value));
    }
  }
  return parts.join(' / ');
}

function parseOptionItem(id: string, raw: unknown, path: string): OpenSdgOptionItem {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { kind: 'invalid', tag: id, detail: `${path}: not a mapping` };
  }
  const record = raw as Record<string, unknown>;
  if ('group' in record) {
    const members = record.group;
    if (!Array.isArray(members)) return { kind: 'invalid', tag: id, detail: `${path}.group: not a list` };
    return { kind: 'group', items: members.map((m: unknown, i) => parseOptionItem(id, m, `${path}.group[${i}]`)) };
  }
  const tag = seriesTag(id, record);
  const parsed = SeriesSpecSchema.safeParse(record);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { kind: 'invalid', tag, detail: `${path}.${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}` };
  }
  const o = parsed.data;
  // A null setting (`limit:` with nothing after it) is treated as absent.
  const thresholds = o.progress_thresholds ?? undefined;
  return {
    kind: 'series',
    tag,
    spec: {
      series: o.series ?? undefined,
      unit: o.unit ?? undefined,
      disaggregation: (o.disaggregation ?? []).map((d) => ({ field: d.field, value: d.value })),
      direction: o.direction === 'positive' ? 'increase' : 'decrease',
      baseYear: o.base_year ?? OPENSDG_DEFAULT_BASE_YEAR,
      target: o.target ?? null,
      targetYear: o.target_year ?? OPENSDG_DEFAULT_TARGET_YEAR,
      limit: o.limit ?? null,
      thresholds: thresholds === undefined ? undefined : { high: thresholds.high, med: thresholds.med, low: thresholds.low },
    },
  };
}

/**
 * An indicator's progress switches and options, as Open SDG reads them for a build in `language`:
 * a per-language sub-mapping (`en: {…}`) overrides the top level, and every text inside
 * `progress_calculation_options` is translated (itself, then `data.<text>`) before use.
 * A missing, empty or falsy options value means one default option (the headline, all defaults).
 */
export function parseOpenSdgIndicatorConfig(
  id: string,
  text: string,
  translation: TableTranslation,
): { config: OpenSdgIndicatorConfig | null; issues: OpenSdgIssue[] } {
  const file = `indicator-config/${id}.yml`;
  const read = readOpenSdgYaml(text);
  if (!read.ok) return { config: null, issues: [{ code: 'invalid_yaml', file, detail: read.message }] };
  if (read.value === null || read.value === undefined) return { config: { kind: 'manual', progressStatus: '' }, issues: [] };
  const parsed = IndicatorConfigSchema.safeParse(read.value);
  if (!parsed.success) return { config: null, issues: [{ code: 'invalid_indicator_config', file, detail: 'not a mapping' }] };
  let meta: Record<string, unknown> = parsed.data;
  const own = translation === null ? undefined : meta[translation.language];
  if (translation !== null && own !== null && typeof own === 'object' && !Array.isArray(own)) {
    const { [translation.language]: _ignored, ...rest } = meta;
    meta = { ...rest, ...(own as Record<string, unknown>) };
  }

  if (meta.auto_progress_calculation !== true) {
    const status = meta.progress_status;
    return { config: { kind: 'manual', progressStatus: typeof status === 'string' ? status : '' }, issues: [] };
  }
  let options: unknown = meta.progress_calculation_options;
  if (translation !== null) options = translateOpenSdgMeta(translation.translations, options, translation.language);
  // Python truthiness: None, [], {}, '', 0 and False all mean "no options".
  const empty = options === undefined || options === null || options === false || options === 0 || options === '' || (Array.isArray(options) && options.length === 0) || (typeof options === 'object' && !Array.isArray(options) && Object.keys(options).length === 0);
  if (empty) return { config: { kind: 'auto', options: [parseOptionItem(id, {}, 'progress_calculation_options[0]')] }, issues: [] };
  if (!Array.isArray(options)) {
    return { config: { kind: 'auto', options: [] }, issues: [{ code: 'invalid_progress_options', file, detail: 'progress_calculation_options is not a list' }] };
  }
  const items = options.map((o: unknown, i) => parseOptionItem(id, o, `progress_calculation_options[${i}]`));
  const issues: OpenSdgIssue[] = [];
  collectInvalid(items, (detail) => issues.push({ code: 'invalid_series_spec', file, detail }));
  return { config: { kind: 'auto', options: items }, issues };
}

function collectInvalid(items: readonly OpenSdgOptionItem[], report: (detail: string) => void): void {
  for (const item of items) {
    if (item.kind === 'invalid') report(item.detail);
    else if (item.kind === 'group') collectInvalid(item.items, report);
  }
}

// ---------------------------------------------------------------------------------------------------
// Computing an indicator

/** Why a configured series has no progress value (null in an entry when it has one). */
export type OpenSdgSeriesReason =
  | OpenSdgSelectionReason
  | InsufficientReason
  | 'invalid_spec'
  | 'no_data_file'
  | 'empty_data_file'
  | 'missing_year_or_value_column';

export type OpenSdgSeriesEntry = {
  readonly kind: 'series';
  /** sdg-build's tag: `<id> / <series> / <unit> / <disaggregation values>`. */
  readonly tag: string;
  readonly components: OpenSdgComponents;
  readonly targetAchieved: boolean;
  /** Why there is no progress value; null when there is one. */
  readonly reason: OpenSdgSeriesReason | null;
  /** The facts behind the reason (the filter that matched nothing, the ambiguous column…); null when none. */
  readonly detail: string | null;
  readonly notes: readonly string[];
  /** The Marsad result (status, score, explanation, projection). */
  readonly result: ProgressResult;
};

export type OpenSdgGroupEntry = {
  readonly kind: 'group';
  readonly items: readonly OpenSdgEntry[];
  /** Mean of the scored members; null when none is scored (the group is then left out). */
  readonly score: number | null;
  readonly targetAchieved: boolean;
};

export type OpenSdgEntry = OpenSdgSeriesEntry | OpenSdgGroupEntry;

export type OpenSdgIndicatorProgress =
  | {
      readonly kind: 'auto';
      readonly id: string;
      readonly status: OpenSdgStatusKey;
      readonly score: number | null;
      readonly targetAchieved: boolean;
      readonly series: readonly OpenSdgEntry[];
    }
  | { readonly kind: 'manual'; readonly id: string; readonly status: string; readonly score: null };

function settingsOf(spec: OpenSdgSeriesSpec): ProgressSettings {
  return {
    direction: spec.direction,
    target: spec.target === null ? null : { value: spec.target, year: spec.targetYear },
    baseYear: spec.baseYear,
    targetYear: spec.targetYear,
    limit: spec.limit,
    bounds: null,
  };
}

const DEFAULT_SPEC: OpenSdgSeriesSpec = {
  series: undefined,
  unit: undefined,
  disaggregation: [],
  direction: 'decrease',
  baseYear: OPENSDG_DEFAULT_BASE_YEAR,
  target: null,
  targetYear: OPENSDG_DEFAULT_TARGET_YEAR,
  limit: null,
  thresholds: undefined,
};

/** An entry for a series that could not be selected: the configured facts, no data, not available. */
function unavailableEntry(tag: string, spec: OpenSdgSeriesSpec, reason: OpenSdgSeriesReason, detail: string | null, notes: readonly string[]): OpenSdgSeriesEntry {
  const computed = computeOpenSdgSeries({ years: [], values: [] }, settingsOf(spec), spec.thresholds);
  const resultReason: InsufficientReason =
    reason === 'ambiguous_series' || reason === 'duplicate_years' ? 'ambiguous_series' : reason === 'invalid_spec' ? 'not_configured' : 'no_data';
  const result: ProgressResult = { ...computed.result, explanation: { ...computed.result.explanation, insufficientReason: resultReason, notes: [...notes] } };
  return { kind: 'series', tag, components: computed.components, targetAchieved: false, reason, detail, notes, result };
}

function seriesEntry(tag: string, spec: OpenSdgSeriesSpec, data: PreparedTable | null, roles: OpenSdgColumnRoles): OpenSdgSeriesEntry {
  if (data === null) return unavailableEntry(tag, spec, 'no_data_file', 'no data file for this indicator', []);
  if (!data.ok) return unavailableEntry(tag, spec, data.reason, null, []);
  const selected = selectOpenSdgSeries(data.table, spec, roles);
  if (!selected.ok) return unavailableEntry(tag, spec, selected.reason, selected.detail, selected.notes);
  const computed = computeOpenSdgSeries(selected.points, settingsOf(spec), spec.thresholds);
  return {
    kind: 'series',
    tag,
    components: computed.components,
    targetAchieved: computed.targetAchieved,
    reason: computed.result.explanation.insufficientReason,
    detail: null,
    notes: [...selected.notes, ...computed.result.explanation.notes],
    result: computed.result,
  };
}

function entriesOf(items: readonly OpenSdgOptionItem[], data: PreparedTable | null, roles: OpenSdgColumnRoles): OpenSdgEntry[] {
  return items.map((item): OpenSdgEntry => {
    switch (item.kind) {
      case 'series':
        return seriesEntry(item.tag, item.spec, data, roles);
      case 'invalid':
        return unavailableEntry(item.tag, DEFAULT_SPEC, 'invalid_spec', item.detail, []);
      case 'group': {
        const items = entriesOf(item.items, data, roles);
        const scored = scoreOpenSdgItems(items.map(toItem));
        return { kind: 'group', items, score: scored.score, targetAchieved: scored.targetAchieved };
      }
      default:
        return assertNever(item);
    }
  });
}

function toItem(entry: OpenSdgEntry): OpenSdgItem {
  return entry.kind === 'series' ? entry.result : { group: entry.items.map(toItem) };
}

function assertNever(x: never): never {
  throw new Error(`unexpected option item ${JSON.stringify(x)}`);
}

/** Open SDG's result for one automatically assessed indicator, from its options and prepared data (null: no data file). */
export function computeOpenSdgIndicator(
  id: string,
  options: readonly OpenSdgOptionItem[],
  data: PreparedTable | null,
  roles: OpenSdgColumnRoles,
): Extract<OpenSdgIndicatorProgress, { kind: 'auto' }> {
  const series = entriesOf(options, data, roles);
  const aggregate = aggregateOpenSdg(series.map(toItem));
  return { kind: 'auto', id, status: toOpenSdgStatusKey(aggregate.status), score: aggregate.score, targetAchieved: aggregate.targetAchieved, series };
}

// ---------------------------------------------------------------------------------------------------
// A whole repository

/** The files of an Open SDG data repository, read by the caller (ids as in the file names, e.g. `11-6-2`). */
export type OpenSdgRepositoryInput = {
  /** `config_data.yml`, or null when the repository has none. */
  readonly configData: string | null;
  /** `indicator-config/<id>.yml` texts by id. */
  readonly indicatorConfigs: Readonly<Record<string, string>>;
  /** `data/indicator_<id>.csv` parsed as text rows (header first) by id. */
  readonly dataFiles: Readonly<Record<string, CsvRows>>;
  /** `translations/<language>/<group>.yml` files. */
  readonly translationFiles: readonly OpenSdgTranslationFile[];
};

export type OpenSdgRepositoryProgress = {
  readonly site: OpenSdgSiteConfig;
  /** Every indicator config, in indicator order; `auto` ones carry the computed result. */
  readonly indicators: readonly OpenSdgIndicatorProgress[];
  readonly issues: readonly OpenSdgIssue[];
};

/** Orders indicator ids as people do: `1-2-1` < `1-10-1` < `1-a-1`. */
export function compareOpenSdgIds(a: string, b: string): number {
  const pa = a.split('-');
  const pb = b.split('-');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) {
      if (nx !== ny) return nx - ny;
    } else if (Number.isNaN(nx) !== Number.isNaN(ny)) return Number.isNaN(nx) ? 1 : -1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Progress of every indicator config of a repository, with the problems met on the way. */
export function computeOpenSdgRepository(input: OpenSdgRepositoryInput): OpenSdgRepositoryProgress {
  const { config: site, issues: siteIssues } = parseOpenSdgSiteConfig(input.configData);
  const issues: OpenSdgIssue[] = [...siteIssues];
  let translations: OpenSdgTranslations = new Map();
  if (site.language !== null) {
    const built = buildOpenSdgTranslations(input.translationFiles);
    translations = built.translations;
    issues.push(...built.issues);
  }
  const translation: TableTranslation = site.language === null ? null : { translations, language: site.language };

  const indicators: OpenSdgIndicatorProgress[] = [];
  for (const id of Object.keys(input.indicatorConfigs).sort(compareOpenSdgIds)) {
    const { config, issues: configIssues } = parseOpenSdgIndicatorConfig(id, input.indicatorConfigs[id] ?? '', translation);
    issues.push(...configIssues);
    if (config === null) continue;
    if (config.kind === 'manual') {
      indicators.push({ kind: 'manual', id, status: config.progressStatus, score: null });
      continue;
    }
    const csv = input.dataFiles[id];
    const file = `data/indicator_${id}.csv`;
    let data: PreparedTable | null = null;
    if (csv === undefined) issues.push({ code: 'no_data_file', file });
    else {
      data = prepareOpenSdgTable(csv, site.roles, translation);
      if (!data.ok) issues.push({ code: data.reason, file });
      else {
        if (data.table.unreadableYears > 0) issues.push({ code: 'unreadable_years', file, detail: String(data.table.unreadableYears) });
        if (data.table.nonNumericValues > 0) issues.push({ code: 'non_numeric_values', file, detail: String(data.table.nonNumericValues) });
      }
    }
    indicators.push(computeOpenSdgIndicator(id, config.options, data, site.roles));
  }
  return { site, indicators, issues };
}

// ---------------------------------------------------------------------------------------------------
// The `progress --opensdg` document

export type OpenSdgSeriesJson = OpenSdgComponents & {
  readonly tag: string;
  readonly target_achieved: boolean;
  readonly reason: OpenSdgSeriesReason | null;
  readonly detail: string | null;
  readonly notes: readonly string[];
};
export type OpenSdgGroupJson = { readonly group: readonly OpenSdgEntryJson[]; readonly score: number | null; readonly target_achieved: boolean };
export type OpenSdgEntryJson = OpenSdgSeriesJson | OpenSdgGroupJson;
export type OpenSdgIndicatorJson = { readonly status: OpenSdgStatusKey; readonly score: number | null; readonly series: readonly OpenSdgEntryJson[] };
/** `{ "<id>": { status, score, series } }` for every automatically assessed indicator, in indicator order. */
export type OpenSdgProgressDocument = Readonly<Record<string, OpenSdgIndicatorJson>>;

function entryJson(entry: OpenSdgEntry): OpenSdgEntryJson {
  if (entry.kind === 'group') return { group: entry.items.map(entryJson), score: entry.score, target_achieved: entry.targetAchieved };
  return { tag: entry.tag, ...entry.components, target_achieved: entry.targetAchieved, reason: entry.reason, detail: entry.detail, notes: entry.notes };
}

/** The JSON document of `progress --opensdg`: the automatically assessed indicators only. */
export function toOpenSdgProgressDocument(progress: OpenSdgRepositoryProgress): OpenSdgProgressDocument {
  const doc: Record<string, OpenSdgIndicatorJson> = {};
  for (const indicator of progress.indicators) {
    if (indicator.kind !== 'auto') continue;
    doc[indicator.id] = { status: indicator.status, score: indicator.score, series: indicator.series.map(entryJson) };
  }
  return doc;
}
