import { memo, useId, useMemo, useRef } from 'react';
import { useI18n } from '@/i18n/i18n-context';
import type { CityNames, DashboardCity } from '@/model/dashboard-model';
import { PlacePicker } from '@/ui/place-picker';
import { CityMark } from './city-mark';

export type CityPickerProps = {
  /** Every city of the data. */
  readonly places: readonly DashboardCity[];
  readonly cityNames: CityNames;
  /** Chosen city keys, in order (the order of the charts' colours and table columns). */
  readonly selected: readonly string[];
  readonly labelOf: (key: string) => string;
  readonly onChange: (keys: string[]) => void;
  readonly legend: string;
  readonly hint?: string;
  /** Most cities that can be chosen. */
  readonly max: number;
};

/**
 * An accessible multi-select: the chosen cities as a list, each with its own Remove button, and a
 * place picker with type-ahead that adds the city chosen in it (Enter or a click; arrow keys alone
 * change nothing). Focus stays where the user acted: after Remove it moves to the next city's Remove
 * button, or to the picker when none is left; after adding, it stays in the picker to add another.
 */
export const CityPicker = memo(function CityPicker({ places, cityNames, selected, labelOf, onChange, legend, hint, max }: CityPickerProps) {
  const { t } = useI18n();
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement | null>(null);
  const listRef = useRef<HTMLUListElement | null>(null);
  const chosen = useMemo(() => new Set(selected), [selected]);
  const full = selected.length >= max;

  const remove = (key: string, index: number) => {
    onChange(selected.filter((k) => k !== key));
    // After React re-renders the list: the button now at the same place, else the picker.
    requestAnimationFrame(() => {
      const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [];
      const next = buttons[Math.min(index, buttons.length - 1)];
      if (next !== undefined) next.focus();
      else inputRef.current?.focus();
    });
  };

  return (
    <fieldset className="cmp-picker">
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {selected.length > 0 ? (
        <ul className="cmp-chips" ref={listRef}>
          {selected.map((key, i) => (
            <li key={key} className="cmp-chip">
              <CityMark index={i} />
              <bdi className="cmp-chip-name">{labelOf(key)}</bdi>
              <button type="button" className="cmp-chip-remove" aria-label={t('compare.picker.remove', { city: labelOf(key) })} onClick={() => remove(key, i)}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">{t('compare.picker.none')}</p>
      )}
      <div className="cmp-add">
        <PlacePicker
          label={t('compare.picker.add')}
          places={places}
          value={undefined}
          exclude={chosen}
          onChange={(key) => {
            if (!chosen.has(key) && !full) onChange([...selected, key]);
          }}
          names={cityNames}
          placeholder={t('compare.picker.choose')}
          disabled={full}
          describedBy={hint ? hintId : undefined}
          inputRef={inputRef}
        />
      </div>
      {full ? <p className="hint">{t('compare.picker.full', { max })}</p> : null}
    </fieldset>
  );
});
