import { type DatasetIndicator, dataText } from '@/domain/dataset-indicator';
import type { Registry } from '@/domain/registry';
import { UNIT_NOT_STATED } from '@/domain/units';
import type { Lang } from '@/i18n/lang';

/**
 * Words about an indicator for the views: the registry's, else those the dataset's own metadata gives
 * (`Registry.described`: an indicator the registry does not know, such as Bristol's `11.1.1.c`).
 */

/** What a dataset's metadata says about an indicator the registry does not know; undefined for a registry indicator. */
export function describedIndicator(registry: Registry, code: string): DatasetIndicator | undefined {
  return registry.byCode.has(code) ? undefined : registry.described?.get(code);
}

/** The indicator's title in `lang` (English when the translation is empty); undefined when neither the registry nor the data names it. */
export function indicatorName(registry: Registry, code: string, lang: Lang): string | undefined {
  const ind = registry.byCode.get(code);
  if (ind !== undefined) return ind.title[lang] || ind.title.en;
  return dataText(registry.described?.get(code)?.title, lang);
}

/** `11.1.1.c Percentage satisfied with their local area`, or the code alone when nothing names it. */
export function codeAndName(registry: Registry, code: string, lang: Lang, separator = ' '): string {
  const name = indicatorName(registry, code, lang);
  return name === undefined ? code : `${code}${separator}${name}`;
}

/**
 * The unit of data shown under the data's own definition: the unit its rows state, else (none stated)
 * the unit the dataset's metadata gives the indicator.
 */
export function ownUnit(described: DatasetIndicator | undefined, dataUnit: string, lang: Lang): string {
  if (dataUnit !== '' && dataUnit !== UNIT_NOT_STATED) return dataUnit;
  return dataText(described?.unit, lang) ?? dataUnit;
}
