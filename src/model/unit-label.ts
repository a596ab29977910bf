import { UNIT_NOT_STATED } from '@/domain/units';
import type { MessageKey } from '@/i18n/messages-en';

/** A unit as the data states it, for display: "unit not stated" in the user's language, else as written. */
export function unitLabel(unit: string, t: (key: MessageKey) => string): string {
  return unit === UNIT_NOT_STATED ? t('unit.notStated') : unit;
}
