import { parseDocument } from 'yaml';

/**
 * YAML reading and problem reporting shared by the Open SDG repository modules.
 *
 * Open SDG reads YAML with PyYAML, which implements YAML 1.1: `yes`/`no`/`on`/`off` are booleans, a
 * later duplicate key silently replaces an earlier one, and a byte-order mark at the start is skipped.
 * The `yaml` package reproduces that with `version: '1.1'` and `uniqueKeys: false`, so a config reads
 * here as it reads in Open SDG.
 */

/** Problems found while reading an Open SDG repository: data, never thrown (wording belongs to the caller). */
export const OPENSDG_ISSUE_CODES = [
  'invalid_yaml',
  'invalid_config_data',
  'invalid_indicator_config',
  'invalid_progress_options',
  'invalid_series_spec',
  'invalid_translation_file',
  'missing_year_or_value_column',
  'empty_data_file',
  'no_data_file',
  'unreadable_years',
  'non_numeric_values',
] as const;
export type OpenSdgIssueCode = (typeof OPENSDG_ISSUE_CODES)[number];

export type OpenSdgIssue = {
  readonly code: OpenSdgIssueCode;
  /** Repository-relative path of the file, e.g. `indicator-config/1-2-1.yml`. */
  readonly file: string;
  /** Parameters: the offending key, count or parser message. */
  readonly detail?: string;
};

export type YamlRead = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** Parses YAML text as PyYAML would (YAML 1.1, last duplicate key wins). An empty document is null. */
export function readOpenSdgYaml(text: string): YamlRead {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    const doc = parseDocument(source, { version: '1.1', uniqueKeys: false, prettyErrors: false });
    const first = doc.errors[0];
    if (first !== undefined) return { ok: false, message: first.message };
    return { ok: true, value: doc.toJS({ maxAliasCount: 1000 }) as unknown };
  } catch (e) {
    // toJS throws on alias bombs and unresolvable aliases; that is bad input, not a programmer error.
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
