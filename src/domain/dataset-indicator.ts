import * as z from 'zod/mini';

/**
 * Indicators as a dataset's own metadata describes them (an Open SDG repository's `meta/*.md` front
 * matter, `meta_*.md`, `meta_*.csv`, `indicator-config/*.yml`, translated by its `translations/`):
 * title, unit and definition, per language where the metadata gives them, and the headline series its
 * `progress_calculation_options` name. Kept with the dataset; it describes indicators the registry
 * does not know (a city's `11.1.1.c`), and never gives them a target or a direction.
 */

/** A language tag as Open SDG names its translation folders (`en`, `ar`, `zh-Hans`). */
const LanguageTagSchema = z.string().check(z.regex(/^[a-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/));

/**
 * Text per language as the metadata gives it; any language may be missing (a repository in English
 * only has `{ en }`). Read with `dataText`, which falls back to English, then to any language given.
 */
export const DataTextSchema = z
  .record(LanguageTagSchema, z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)))
  .check(z.refine((t) => Object.keys(t).length <= 50, { message: 'at most 50 languages' }));
export type DataText = z.infer<typeof DataTextSchema>;

export const DatasetIndicatorSchema = z.object({
  /** The indicator's name (Open SDG `indicator_name`, else `indicator_available`, else `graph_title`). */
  title: z.optional(DataTextSchema),
  /** The unit as the metadata writes it (`computation_units`, "Unit of measurement"); not a unit kind. */
  unit: z.optional(DataTextSchema),
  /** Definition or description (`computation_definitions`, `indicator_definition`, descriptions). */
  definition: z.optional(DataTextSchema),
  /** The Series value of the headline, from the first `progress_calculation_options` entry naming one. */
  headlineSeries: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
});
export type DatasetIndicator = z.infer<typeof DatasetIndicatorSchema>;

/** A dataset's metadata: its indicators by code (as the dataset's rows name them, e.g. `11.1.1.c`). */
export const DatasetMetadataSchema = z.object({
  indicators: z
    .record(z.string().check(z.minLength(1), z.maxLength(100)), DatasetIndicatorSchema)
    .check(z.refine((r) => Object.keys(r).length <= 10_000, { message: 'at most 10,000 indicators' })),
});
export type DatasetMetadata = z.infer<typeof DatasetMetadataSchema>;

/** Text in `lang`, else English, else the first language given; undefined when there is none. */
export function dataText(text: DataText | undefined, lang: string): string | undefined {
  if (text === undefined) return undefined;
  return text[lang] ?? text.en ?? Object.values(text)[0];
}

/** Whether the metadata says anything about any indicator. */
export function hasDatasetIndicators(metadata: DatasetMetadata | undefined): metadata is DatasetMetadata {
  return metadata !== undefined && Object.keys(metadata.indicators).length > 0;
}
