import { z } from 'zod';
import { readOpenSdgYaml, type OpenSdgIssue } from '@/domain/progress/opensdg-yaml';

/**
 * Open SDG's translations (sdg-build's TranslationInputYaml + TranslationHelper).
 *
 * A repository's `translations/<language>/<group>.yml` files hold flat `key: text` pairs; the file name
 * is the group, so `data.yml`'s `Female: Women` is the key `data.Female`. Open SDG computes progress on
 * the data translated into the build's language (rule 2 of progress-methodology.md), so the same lookups
 * must happen here before any series is selected.
 */

/** One translation file: its language folder, its group (file name without `.yml`) and its text. */
export type OpenSdgTranslationFile = { readonly language: string; readonly group: string; readonly text: string };

/** Flattened keys (`group.key`) → language → text. */
export type OpenSdgTranslations = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** A translation file is a mapping; its scalar values are the texts (nested values are not translations). */
const TranslationFileSchema = z.record(z.string(), z.unknown()).nullable();

/**
 * All keys of all files, in every language. Keys are kept for every language (not only the build's)
 * because sdg-build decides whether a text *is* a key across all languages before it picks the language.
 * A later file replaces an earlier file's text for the same key and language.
 */
export function buildOpenSdgTranslations(files: readonly OpenSdgTranslationFile[]): { translations: OpenSdgTranslations; issues: OpenSdgIssue[] } {
  const keys = new Map<string, Map<string, string>>();
  const issues: OpenSdgIssue[] = [];
  for (const file of files) {
    const path = `translations/${file.language}/${file.group}.yml`;
    const read = readOpenSdgYaml(file.text);
    if (!read.ok) {
      issues.push({ code: 'invalid_yaml', file: path, detail: read.message });
      continue;
    }
    const parsed = TranslationFileSchema.safeParse(read.value);
    if (!parsed.success) {
      issues.push({ code: 'invalid_translation_file', file: path, detail: 'not a mapping of key: text' });
      continue;
    }
    for (const [key, value] of Object.entries(parsed.data ?? {})) {
      if (typeof value !== 'string' && typeof value !== 'number') continue;
      const flat = `${file.group}.${key}`;
      let byLanguage = keys.get(flat);
      if (byLanguage === undefined) {
        byLanguage = new Map();
        keys.set(flat, byLanguage);
      }
      byLanguage.set(file.language, String(value));
    }
  }
  return { translations: keys, issues };
}

/**
 * sdg-build's TranslationHelper.translate: the text itself if it is a key, else `<group>.<text>` for the
 * first default group that makes a key; the key's text in `language`, or the text unchanged when there is
 * no key or no text in that language.
 */
export function translateOpenSdgText(translations: OpenSdgTranslations, text: string, language: string, defaultGroups: readonly string[]): string {
  let byLanguage = translations.get(text);
  if (byLanguage === undefined) {
    for (const group of defaultGroups) {
      byLanguage = translations.get(`${group}.${text}`);
      if (byLanguage !== undefined) break;
    }
  }
  return byLanguage?.get(language) ?? text;
}

/**
 * Translates every string inside a metadata value (lists and mappings recursively, keys untouched), as
 * sdg-build's translate_meta does: each text as itself, then `data.<text>`.
 */
export function translateOpenSdgMeta(translations: OpenSdgTranslations, value: unknown, language: string): unknown {
  if (typeof value === 'string') return translateOpenSdgText(translations, value, language, ['data']);
  if (Array.isArray(value)) return value.map((v: unknown) => translateOpenSdgMeta(translations, v, language));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]: [string, unknown]) => [k, translateOpenSdgMeta(translations, v, language)]));
  }
  return value;
}
