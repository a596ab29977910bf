import type { Indicator } from './indicator';

/**
 * Units as files write them, judged against the registry's definition of an indicator. The registry's
 * unit, valid range, direction and target apply only to data in that unit: a Bristol count of rough
 * sleepers filed under 11.1.1 is not "% of urban population".
 */

/** The unit given to values of a file that states none when most of them cannot be in the registry's unit. */
export const UNIT_NOT_STATED = 'unit not stated';

export type UnitFamily = 'percent' | 'rate' | 'concentration' | 'currency' | 'count';

/** Recognises only clear unit families (%, per 100,000, µg/m³, currencies, counts); anything else is undefined. */
export function classifyUnit(u: string): UnitFamily | undefined {
  const s = u.toLowerCase();
  if (/%|٪|percent|per cent|pourcent|porcentaje|نسبة مئوية/.test(s)) return 'percent';
  if (/100[\s,.\u00a0\u202f]?000|1[\s,.]?000 (?:pop|hab|persons|people)|per 1,?000\b/.test(s)) return 'rate';
  if (/µg|ug\/m|microgram|ميكروغرام/.test(s)) return 'concentration';
  if (/usd|us\$|dollar|eur|€|jod|دينار|دولار/.test(s)) return 'currency';
  if (/^(number|count|nombre|número|numero|عدد)$/.test(s)) return 'count';
  return undefined;
}

function fold(s: string): string {
  return s.toLowerCase().replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/**
 * Whether values in `unit` are in the registry's unit of `indicator`: the same text as the registry's
 * unit (in any language), or a unit of the same family (`Percentage` for a percent indicator). A blank
 * unit is taken to be the registry's; an unrecognised one (`Total trips`, `Rough Sleeper snapshot`) is not.
 */
export function isRegistryUnit(unit: string, indicator: Indicator): 'same' | 'other' | 'unknown' {
  if (unit.trim() === '') return 'same';
  if (unit === UNIT_NOT_STATED) return 'other';
  const f = fold(unit);
  if ([indicator.unit.en, indicator.unit.ar, indicator.unit.fr, indicator.unit.es].some((u) => u !== undefined && u !== '' && fold(u) === f)) return 'same';
  const kind = classifyUnit(unit);
  if (kind === undefined) return 'unknown';
  const expected = indicator.unitKind;
  return kind === expected ||
    (kind === 'rate' && (expected === 'rate_per_100k' || expected === 'rate_per_1000')) ||
    (kind === 'count' && (expected === 'count' || expected === 'binary'))
    ? 'same'
    : 'other';
}
