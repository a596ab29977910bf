import { useId, useMemo, useState } from 'react';
import type { ObservationTable } from '@/domain/observation-table';
import { useI18n } from '@/i18n/i18n-context';
import { LANGS, type Lang } from '@/i18n/lang';
import type { CityNames } from '@/model/dashboard-model';
import { type Gazetteer, mergePlaces, renamePlace, resolvePlace, setHomePlace, unmergePlace } from '@/model/gazetteer';
import { isCityEntry, listPlaces, matchPlaces, type PlaceEntry, placeLabel, sharedNames } from '@/model/places-model';
import './places.css';

type ActionResult = { ok: true } | { ok: false; key: Parameters<ReturnType<typeof useI18n>['t']>[0]; params?: Record<string, string | number> };

export type PlacesPanelProps = {
  /** The datasets' tables as saved (without merges: merged places keep their own entry here). */
  tables: readonly ObservationTable[];
  gazetteer: Gazetteer;
  names: CityNames;
  onSave: (next: Gazetteer) => Promise<ActionResult>;
};

/** At most this many places are listed at once; the search narrows the rest (UK files hold 400+). */
const SHOWN = 50;

type Editing = { key: string; mode: 'names' | 'merge' } | null;
type Status = { text: string; undo?: Gazetteer } | null;

/**
 * The workspace's places: search by any name or code, set the home city, give names in four
 * languages, merge two names of one place (and undo). Every change is saved at once (IndexedDB).
 */
export function PlacesPanel({ tables, gazetteer, names, onSave }: PlacesPanelProps) {
  const { t, lang } = useI18n();
  const ids = { title: useId(), search: useId() };
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [status, setStatus] = useState<Status>(null);
  const places = useMemo(() => listPlaces(tables, gazetteer), [tables, gazetteer]);
  const shared = useMemo(() => sharedNames(places, names, lang), [places, names, lang]);
  const label = (p: Pick<PlaceEntry, 'name' | 'code'>) => placeLabel(p, names, lang, shared);
  const matched = useMemo(() => matchPlaces(places, names, query), [places, names, query]);
  const shown = matched.slice(0, SHOWN);
  const home = gazetteer.home === undefined ? undefined : places.find((p) => p.key === resolvePlace(gazetteer, gazetteer.home ?? ''));

  const save = async (next: Gazetteer, text: string) => {
    const previous = gazetteer;
    const r = await onSave(next);
    setEditing(null);
    setStatus(r.ok ? { text, undo: previous } : { text: t(r.key, r.params) });
  };
  const kindText = (p: PlaceEntry) => {
    if (p.kind === 'district') return p.parent !== '' ? t('places.kind.districtOf', { parent: p.parent }) : t('places.kind.district');
    if (p.kind === 'region') return t('places.kind.region');
    if (p.kind === 'country') return t('places.kind.country');
    if (p.kind === 'aggregate') return t('places.kind.aggregate');
    return t('places.kind.city');
  };

  return (
    <section className="card places" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t('places.title')}</h2>
      <p className="intro">{t('places.intro')}</p>
      <p className="places-home">{home !== undefined ? t('places.home', { name: label(home) }) : t('places.homeNone')}</p>
      <div className="field places-search">
        <label htmlFor={ids.search}>{t('places.search')}</label>
        <input id={ids.search} type="search" value={query} maxLength={200} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <p className="hint" aria-live="polite">
        {matched.length === 0 ? t('places.none') : t('places.showing', { shown: shown.length, total: matched.length })}
      </p>
      <ul className="places-list">
        {shown.map((p) => (
          <li key={p.key} className="place" data-place={p.key} data-kind={p.kind || 'city'}>
            <div className="place-head">
              <bdi className="place-name">{label(p)}</bdi>
              {p.code !== '' && !label(p).includes(p.code) ? (
                <bdi className="place-code" dir="ltr">
                  {p.code}
                </bdi>
              ) : null}
              <span className="place-kind">{kindText(p)}</span>
              <span className="place-count">{t('places.observations', { count: p.observations })}</span>
              {home?.key === p.key ? <strong className="place-home">{t('places.isHome')}</strong> : null}
            </div>
            {p.mergedInto !== undefined ? (
              <p className="place-merged">
                {t('places.mergedInto', { name: label(p.mergedInto) })}{' '}
                <button
                  type="button"
                  className="button secondary small"
                  onClick={() => void save(unmergePlace(gazetteer, p.key), t('places.unmerged', { alias: label(p) }))}
                >
                  {t('places.undoMerge')}
                </button>
              </p>
            ) : (
              <div className="place-actions">
                {isCityEntry(p) && home?.key !== p.key ? (
                  <button type="button" className="button secondary small" onClick={() => void save(setHomePlace(gazetteer, p.key), t('places.homeSet', { name: label(p) }))}>
                    {t('places.setHome')}
                  </button>
                ) : null}
                <button
                  type="button"
                  className="button secondary small"
                  aria-expanded={editing?.key === p.key && editing.mode === 'names'}
                  onClick={() => setEditing(editing?.key === p.key && editing.mode === 'names' ? null : { key: p.key, mode: 'names' })}
                >
                  {t('places.editNames')}
                </button>
                <button
                  type="button"
                  className="button secondary small"
                  aria-expanded={editing?.key === p.key && editing.mode === 'merge'}
                  onClick={() => setEditing(editing?.key === p.key && editing.mode === 'merge' ? null : { key: p.key, mode: 'merge' })}
                >
                  {t('places.mergeWith')}
                </button>
              </div>
            )}
            {editing?.key === p.key && editing.mode === 'names' ? (
              <NamesForm
                place={p}
                legend={t('places.namesLegend', { name: label(p) })}
                initial={gazetteer.names[p.key] ?? {}}
                onCancel={() => setEditing(null)}
                onSave={(values) => {
                  let next = gazetteer;
                  for (const l of LANGS) next = renamePlace(next, p.key, l, values[l] ?? '');
                  void save(next, t('places.renamed', { name: label(p) }));
                }}
              />
            ) : null}
            {editing?.key === p.key && editing.mode === 'merge' ? (
              <MergeForm
                place={p}
                candidates={places.filter((o) => o.key !== p.key && o.mergedInto === undefined)}
                label={label}
                title={t('places.mergeTarget', { name: label(p) })}
                onCancel={() => setEditing(null)}
                onMerge={(target) =>
                  void save(mergePlaces(gazetteer, p, target), t('places.merged', { alias: label(p), target: label(target) }))
                }
              />
            ) : null}
          </li>
        ))}
      </ul>
      <div role="status" aria-live="polite" className="status-line">
        {status !== null ? (
          <p className="message message-info">
            {status.text}{' '}
            {status.undo !== undefined ? (
              <button
                type="button"
                className="button secondary small"
                onClick={() => {
                  const undo = status.undo;
                  if (undo === undefined) return;
                  void onSave(undo).then(() => setStatus(null));
                }}
              >
                {t('places.undo')}
              </button>
            ) : null}
          </p>
        ) : null}
      </div>
    </section>
  );
}

function NamesForm({ place, legend, initial, onCancel, onSave }: {
  place: PlaceEntry;
  legend: string;
  initial: Partial<Record<Lang, string>>;
  onCancel: () => void;
  onSave: (values: Partial<Record<Lang, string>>) => void;
}) {
  const { t } = useI18n();
  const base = useId();
  const [values, setValues] = useState<Partial<Record<Lang, string>>>(initial);
  return (
    <form
      className="place-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(values);
      }}
    >
      <fieldset>
        <legend>{legend}</legend>
        {LANGS.map((l) => (
          <div className="field" key={l}>
            <label htmlFor={`${base}-${l}`}>{t(`places.name.${l}`)}</label>
            <input
              id={`${base}-${l}`}
              type="text"
              lang={l}
              dir={l === 'ar' ? 'rtl' : 'ltr'}
              maxLength={200}
              placeholder={place.name}
              value={values[l] ?? ''}
              onChange={(e) => setValues({ ...values, [l]: e.target.value })}
            />
          </div>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="button primary small">
          {t('places.save')}
        </button>
        <button type="button" className="button secondary small" onClick={onCancel}>
          {t('places.cancel')}
        </button>
      </div>
    </form>
  );
}

function MergeForm({ place, candidates, label, title, onCancel, onMerge }: {
  place: PlaceEntry;
  candidates: readonly PlaceEntry[];
  label: (p: Pick<PlaceEntry, 'name' | 'code'>) => string;
  title: string;
  onCancel: () => void;
  onMerge: (target: PlaceEntry) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  // Places of the same kind first (a city is most often the same as another city), then the rest.
  const sorted = useMemo(
    () => [...candidates].sort((a, b) => Number((b.kind || 'city') === (place.kind || 'city')) - Number((a.kind || 'city') === (place.kind || 'city')) || label(a).localeCompare(label(b))),
    [candidates, place.kind, label],
  );
  const [target, setTarget] = useState('');
  const chosen = sorted.find((c) => c.key === target);
  return (
    <form
      className="place-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen !== undefined) onMerge(chosen);
      }}
    >
      <div className="field">
        <label htmlFor={id}>{title}</label>
        <select id={id} value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">{t('places.mergeChoose')}</option>
          {sorted.map((c) => (
            <option key={c.key} value={c.key}>
              {label(c)}
              {c.code !== '' && !label(c).includes(c.code) ? ` · ${c.code}` : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="submit" className="button primary small" disabled={chosen === undefined}>
          {t('places.merge')}
        </button>
        <button type="button" className="button secondary small" onClick={onCancel}>
          {t('places.cancel')}
        </button>
      </div>
    </form>
  );
}
