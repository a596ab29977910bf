import { memo, useId, useMemo, useRef, useState } from 'react';
import { useI18n } from '@/i18n/i18n-context';
import { CityMark } from './city-mark';

export type CityOption = { readonly key: string; readonly label: string };

export type CityPickerProps = {
  /** Every city of the data, sorted for the UI language. */
  readonly options: readonly CityOption[];
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
 * native select plus an Add button (no change on arrow keys alone; the select's type-ahead finds a city
 * among a thousand). Focus stays where the user acted: after Remove it moves to the next city's Remove
 * button, or to the select when none is left.
 */
export const CityPicker = memo(function CityPicker({ options, selected, labelOf, onChange, legend, hint, max }: CityPickerProps) {
  const { t } = useI18n();
  const selectId = useId();
  const hintId = useId();
  const [pending, setPending] = useState('');
  const selectRef = useRef<HTMLSelectElement | null>(null);
  const listRef = useRef<HTMLUListElement | null>(null);
  const chosen = useMemo(() => new Set(selected), [selected]);
  // A thousand options: built once per list or choice, not on every render of the page.
  const optionElements = useMemo(
    () =>
      options.map((o) =>
        chosen.has(o.key) ? null : (
          <option key={o.key} value={o.key}>
            {o.label}
          </option>
        ),
      ),
    [options, chosen],
  );
  const full = selected.length >= max;
  const effectivePending = pending !== '' && !chosen.has(pending) ? pending : '';

  const remove = (key: string, index: number) => {
    onChange(selected.filter((k) => k !== key));
    // After React re-renders the list: the button now at the same place, else the select.
    requestAnimationFrame(() => {
      const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [];
      const next = buttons[Math.min(index, buttons.length - 1)];
      if (next !== undefined) next.focus();
      else selectRef.current?.focus();
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
        <div className="field">
          <label htmlFor={selectId}>{t('compare.picker.add')}</label>
          <select
            id={selectId}
            ref={selectRef}
            value={effectivePending}
            disabled={full}
            aria-describedby={hint ? hintId : undefined}
            onChange={(e) => setPending(e.target.value)}
          >
            <option value="">{t('compare.picker.choose')}</option>
            {optionElements}
          </select>
        </div>
        <button
          type="button"
          className="button secondary"
          disabled={effectivePending === '' || full}
          onClick={() => {
            if (effectivePending === '') return;
            onChange([...selected, effectivePending]);
            setPending('');
          }}
        >
          {t('compare.picker.addButton')}
        </button>
      </div>
      {full ? <p className="hint">{t('compare.picker.full', { max })}</p> : null}
    </fieldset>
  );
});
