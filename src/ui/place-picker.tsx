import { type KeyboardEvent, type Ref, useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '@/i18n/i18n-context';
import type { CityNames } from '@/model/dashboard-model';
import { searchKey } from '@/model/places-model';
import { findPlaces, indexPlaces, type PickerPlace, type PlaceGroup, type PlaceOption } from './place-options';
import './place-picker.css';

export type PlacePickerProps = {
  /** The visible label (views keep their own words: "City", "Add a city", "Compare with"). */
  readonly label: string;
  readonly places: readonly PickerPlace[];
  /** The chosen place's key; undefined for a picker that adds (it shows the placeholder); '' is the "none" entry. */
  readonly value: string | undefined;
  readonly onChange: (key: string) => void;
  /** Display names per place key (the demo's and the gazetteer's), searched in every language. */
  readonly names: CityNames;
  readonly placeholder?: string;
  readonly id?: string;
  /** Keys not offered (cities already chosen). */
  readonly exclude?: ReadonlySet<string>;
  /** When set, a first entry with this label and the key '' ("None (one city)"). */
  readonly noneLabel?: string;
  readonly disabled?: boolean;
  readonly describedBy?: string;
  readonly inputRef?: Ref<HTMLInputElement>;
};

type Entry = { readonly option: PlaceOption; readonly id: string };

/** Options moved by PageUp / PageDown. */
const PAGE = 10;
/** Room of the popup, in CSS px: kept from the screen's edge, below which it opens upwards, of its list, and of its note line. */
const MARGIN = 8;
const MIN_ROOM = 220;
const MIN_LIST = 120;
const MAX_LIST = 320;
const NOTE_ROOM = 44;

/**
 * A place chooser with type-ahead: an editable combobox with a listbox popup (WAI-ARIA APG "combobox
 * with listbox popup", list autocomplete). Typing filters by any name of a place in any language or
 * by its code, ignoring case, accents and Arabic letter variants; the first match is highlighted, so
 * Enter takes it. ArrowDown / ArrowUp open the list and move, Home / End / PageUp / PageDown jump,
 * Enter chooses, Escape closes and restores the chosen place, Tab leaves without changing it; a click
 * or tap on an option chooses it. Focus stays in the input throughout (the option shown as active is
 * `aria-activedescendant`). Places of more than one kind are grouped under headings, equal names
 * carry their code, and at most PLACE_LIMIT options are drawn, with a line saying how many matched.
 */
export function PlacePicker({ label, places, value, onChange, names, placeholder, id, exclude, noneLabel, disabled, describedBy, inputRef }: PlacePickerProps) {
  const { t, lang } = useI18n();
  const ownId = useId();
  const inputId = id ?? `${ownId}-input`;
  const listId = `${ownId}-list`;
  const listRef = useRef<HTMLDivElement | null>(null);
  const ownInput = useRef<HTMLInputElement | null>(null);
  const setInput = useCallback(
    (el: HTMLInputElement | null) => {
      ownInput.current = el;
      if (typeof inputRef === 'function') inputRef(el);
      else if (inputRef) inputRef.current = el;
    },
    [inputRef],
  );

  const [open, setOpen] = useState(false);
  /** What the user typed since the list opened; null: nothing yet (the input shows the chosen place, the list every place). */
  const [query, setQuery] = useState<string | null>(null);
  /** The option moved to with the keyboard or pointer; null: none (or the first match, once the user typed). */
  const [activeKey, setActiveKey] = useState<string | null>(null);

  const index = useMemo(() => indexPlaces(places, names, lang), [places, names, lang]);
  const valueLabel = value === undefined ? '' : value === '' ? (noneLabel ?? '') : (index.labels.get(value) ?? value);
  const typed = query ?? '';
  const matches = useMemo(() => (open ? findPlaces(index, typed, { exclude, around: value }) : undefined), [open, index, typed, exclude, value]);
  const showNone = noneLabel !== undefined && matches !== undefined && (searchKey(typed) === '' || searchKey(noneLabel).includes(searchKey(typed)));

  // Ids by position in the list the keyboard walks: the "none" entry first, then the places shown.
  const entries = useMemo((): Entry[] => {
    if (matches === undefined) return [];
    const all = showNone ? [{ key: '', label: noneLabel ?? '', group: -1 }, ...matches.shown] : matches.shown;
    return all.map((option, i) => ({ option, id: `${listId}-${i}` }));
  }, [matches, showNone, noneLabel, listId]);
  const idOf = useMemo(() => new Map(entries.map((e) => [e.option.key, e.id])), [entries]);
  const active = activeKey !== null && idOf.has(activeKey) ? activeKey : searchKey(typed) !== '' ? (entries[0]?.option.key ?? null) : null;
  const activeId = active === null ? undefined : idOf.get(active);
  const expanded = open && entries.length > 0;

  // Keep the active option in view inside the list (never scrolls the page); a new query starts at the top.
  useLayoutEffect(() => {
    const list = listRef.current;
    // Only an open list: scrolling a hidden one made the browser lay out the whole page at once (86 ms
    // in the overview of a thousand cities), for nothing.
    if (list === null || !expanded) return;
    const el = activeId === undefined ? null : document.getElementById(activeId);
    if (el === null || el.id === entries[0]?.id) {
      list.scrollTop = 0;
      return;
    }
    const l = list.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    if (r.top < l.top) list.scrollTop -= l.top - r.top;
    else if (r.bottom > l.bottom) list.scrollTop += r.bottom - l.bottom;
  }, [activeId, typed, entries, expanded]);

  // The popup fits the screen: below the input, or above it when there is more room there (a phone
  // with the keyboard up), its list no taller than the room left.
  const [room, setRoom] = useState<{ readonly up: boolean; readonly max: number } | null>(null);
  useLayoutEffect(() => {
    if (!open) return;
    const measure = () => {
      const input = ownInput.current;
      if (input === null) return;
      const r = input.getBoundingClientRect();
      const height = window.visualViewport?.height ?? window.innerHeight;
      const below = height - r.bottom - MARGIN;
      const above = r.top - MARGIN;
      const up = below < MIN_ROOM && above > below;
      const max = Math.max(MIN_LIST, Math.min(MAX_LIST, (up ? above : below) - NOTE_ROOM));
      setRoom((prev) => (prev !== null && prev.up === up && prev.max === max ? prev : { up, max }));
    };
    measure();
    const viewport = window.visualViewport ?? window;
    viewport.addEventListener('resize', measure);
    return () => viewport.removeEventListener('resize', measure);
  }, [open]);

  const close = () => {
    setOpen(false);
    setQuery(null);
    setActiveKey(null);
  };
  const choose = (key: string) => {
    close();
    onChange(key);
  };
  /** Opens the list with the chosen place active, else the first or last entry (or none). */
  const openAt = (fallback: 'first' | 'last' | null) => {
    const keys = [...(noneLabel !== undefined ? [''] : []), ...findPlaces(index, '', { exclude, around: value }).shown.map((o) => o.key)];
    setOpen(true);
    setQuery(null);
    setActiveKey(value !== undefined && keys.includes(value) ? value : fallback === 'first' ? (keys[0] ?? null) : fallback === 'last' ? (keys[keys.length - 1] ?? null) : null);
  };
  const moveTo = (i: number) => {
    const n = entries.length;
    if (n === 0) return;
    setActiveKey(entries[Math.max(0, Math.min(n - 1, i))]?.option.key ?? null);
  };
  const at = active === null ? -1 : entries.findIndex((e) => e.option.key === active);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) openAt(e.altKey ? null : 'first');
        else if (!e.altKey) moveTo(at < 0 || at >= entries.length - 1 ? 0 : at + 1);
        return;
      case 'ArrowUp':
        e.preventDefault();
        if (!open) openAt('last');
        else if (e.altKey) close();
        else moveTo(at <= 0 ? entries.length - 1 : at - 1);
        return;
      case 'PageDown':
      case 'PageUp':
        if (!expanded) return;
        e.preventDefault();
        moveTo((at < 0 ? 0 : at) + (e.key === 'PageDown' ? PAGE : -PAGE));
        return;
      case 'Home':
      case 'End':
        if (!expanded) return;
        e.preventDefault();
        moveTo(e.key === 'Home' ? 0 : entries.length - 1);
        return;
      case 'Enter':
        if (!open) return;
        e.preventDefault();
        if (active !== null) choose(active);
        else close();
        return;
      case 'Escape':
        if (!open) return;
        e.preventDefault();
        e.stopPropagation();
        close();
        return;
      case 'Tab':
        if (open) close();
        return;
    }
  };

  const status = matches === undefined ? '' : matches.total === 0 && !showNone ? t('picker.noMatch', { query: typed.trim() }) : matches.shown.length < matches.total ? t('picker.narrow', { shown: matches.shown.length, total: matches.total }) : t('picker.count', { count: matches.total });
  const groupTitle = (g: PlaceGroup) => (g.kind === 'district' && g.parent !== '' ? t('picker.group.districtOf', { parent: g.parent }) : t(`picker.group.${g.kind}`));
  const option = (e: Entry | undefined) =>
    e === undefined ? null : (
      <div
        key={e.id}
        id={e.id}
        role="option"
        aria-selected={e.option.key === active}
        data-key={e.option.key}
        className={`place-option${e.option.key === value ? ' is-current' : ''}${e.option.key === '' ? ' is-none' : ''}`}
        onClick={() => choose(e.option.key)}
        onMouseMove={() => {
          if (active !== e.option.key) setActiveKey(e.option.key);
        }}
      >
        <bdi>{e.option.label}</bdi>
      </div>
    );
  let n = showNone ? 1 : 0;

  return (
    <div className="field place-field">
      <label htmlFor={inputId}>{label}</label>
      <div className="place-picker">
        <input
          ref={setInput}
          id={inputId}
          type="text"
          role="combobox"
          className="place-input"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded ? activeId : undefined}
          aria-autocomplete="list"
          aria-describedby={describedBy}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          placeholder={placeholder ?? t('picker.placeholder')}
          disabled={disabled}
          data-key={value ?? ''}
          value={open && query !== null ? query : valueLabel}
          onChange={(e) => {
            const text = e.target.value;
            // Typed after the chosen place's name (the caret was at its end): the new letters are the query.
            setQuery(query === null && valueLabel !== '' && text.length > valueLabel.length && text.startsWith(valueLabel) ? text.slice(valueLabel.length) : text);
            setActiveKey(null);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onFocus={(e) => e.currentTarget.select()}
          onClick={(e) => {
            if (open) return;
            e.currentTarget.select();
            openAt(null);
          }}
          onBlur={close}
        />
        <span className="place-chevron" aria-hidden="true" />
        <div
          className={`place-popup${room?.up ? ' is-up' : ''}`}
          hidden={!open}
          style={room === null ? undefined : { ['--place-list-max' as string]: `${room.max}px` }}
          // The input keeps the focus while the pointer picks an option or scrolls the list.
          onMouseDown={(e) => e.preventDefault()}
        >
          <div ref={listRef} id={listId} role="listbox" aria-label={t('picker.suggestions', { label })} className="place-list" hidden={!expanded}>
            {showNone ? option(entries[0]) : null}
            {matches?.sections.map((s) =>
              s.group === undefined ? (
                s.options.map(() => option(entries[n++]))
              ) : (
                <div role="group" key={`${s.group.kind}-${s.group.parent}`} aria-labelledby={`${listId}-g${n}`} className="place-group">
                  <div role="presentation" id={`${listId}-g${n}`} className="place-group-title">
                    <bdi>{groupTitle(s.group)}</bdi>
                  </div>
                  {s.options.map(() => option(entries[n++]))}
                </div>
              ),
            )}
          </div>
          {matches !== undefined && (matches.total === 0 || matches.shown.length < matches.total) ? <p className="place-note">{status}</p> : null}
        </div>
      </div>
      <span className="visually-hidden" role="status">
        {status}
      </span>
    </div>
  );
}
