import type { Indicator } from '@/domain/indicator';
import type { ProgressResult } from '@/domain/progress/types';
import { UNIT_NOT_STATED } from '@/domain/units';
import type { Lang } from '@/i18n/lang';
import { localized } from './indicator-model';
import type { MessageKey } from '@/i18n/messages-en';

/** A unit as the data states it, for display: "unit not stated" in the user's language, else as written. */
export function unitLabel(unit: string, t: (key: MessageKey) => string): string {
  return unit === UNIT_NOT_STATED ? t('unit.notStated') : unit;
}

/**
 * The unit a series is shown in: the registry's, unless the data measures something else (its result
 * says `other_unit`) or the indicator is not in the registry — then the data's own unit.
 */
export function shownUnit(meta: Indicator | undefined, unit: string, result: ProgressResult | undefined, lang: Lang, t: (key: MessageKey) => string): string {
  return meta === undefined || result?.explanation.insufficientReason === 'other_unit' ? unitLabel(unit, t) : localized(meta.unit, lang);
}
