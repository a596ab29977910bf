import { formatNumber, stripBidiMarks } from '@/i18n/format-number';
import { type Digits, intlLocale, type Lang } from '@/i18n/lang';
import { t } from '@/i18n/translate';
import type { ExpertFact, Sentence, SentenceParam } from './explain-result';

/**
 * Words for the explanation data (explain-result.ts) in the UI language: every number formatted for
 * the language and digits setting (values with the indicator's decimals, rates as percentages, years
 * ungrouped). Pure: the page and tests call the same functions.
 */

export type TextLocale = { readonly lang: Lang; readonly digits: Digits; readonly decimals?: number | undefined };

const percentFormats = new Map<string, Intl.NumberFormat>();

/** A share as a percentage ("3.1 %", "٣٫١٪"), one decimal at most, without invisible bidi marks. */
export function formatPercent(share: number, lang: Lang, digits: Digits): string {
  if (!Number.isFinite(share)) return '';
  const key = `${lang}|${digits}`;
  let f = percentFormats.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(intlLocale(lang, digits), { style: 'percent', maximumFractionDigits: 1 });
    percentFormats.set(key, f);
  }
  return stripBidiMarks(f.format(Object.is(share, -0) ? 0 : share));
}

export function formatParam(p: SentenceParam, locale: TextLocale): string {
  const { lang, digits } = locale;
  switch (p.kind) {
    case 'value':
      return formatNumber(p.value, lang, locale.decimals === undefined ? { digits } : { digits, decimals: locale.decimals });
    case 'percent':
      return formatPercent(p.value, lang, digits);
    case 'year':
      return formatNumber(p.value, lang, { digits, grouping: false, decimals: 0 });
    case 'number':
      return formatNumber(p.value, lang, p.decimals === undefined ? { digits } : { digits, decimals: p.decimals });
    case 'text':
      return p.value;
    case 'message':
      return t(lang, p.key, {}, { digits });
    default:
      return assertNever(p);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected parameter ${JSON.stringify(x)}`);
}

/** One sentence in the UI language. */
export function formatSentence(s: Sentence, locale: TextLocale): string {
  const params: Record<string, string> = {};
  for (const [name, p] of Object.entries(s.params)) params[name] = formatParam(p, locale);
  return t(locale.lang, s.key, params, { digits: locale.digits });
}

/** An expert fact's value: the formula as written, or the values joined by ", ". */
export function formatFact(f: ExpertFact, locale: TextLocale): string {
  if ('formula' in f) return f.formula;
  return f.values.map((v) => formatParam(v, locale)).join(', ');
}
