import { type ChangeEvent, useId, useMemo, useState } from 'react';
import type { ObservationTable } from '@/domain/observation-table';
import { useI18n } from '@/i18n/i18n-context';
import type { BoundaryJoin } from '@/model/boundary-join';
import { bestCity, type DistrictGroup, districtGroups, joinGroup } from '@/model/boundary-places';
import { joinSummaryText } from '@/model/boundary-text';
import type { CityNames } from '@/model/dashboard-model';
import type { Gazetteer } from '@/model/gazetteer';
import { listPlaces } from '@/model/places-model';
import { CITIES_LEVEL } from '@/model/map-model';
import type { BoundarySet } from '@/storage/boundary-record';
import './boundaries.css';

type ActionResult = { ok: true } | { ok: false; key: Parameters<ReturnType<typeof useI18n>['t']>[0]; params?: Record<string, string | number> };

/** `pending`: said of a set no district matched yet (dropped before its data): left out once districts exist. */
export type BoundaryMessage = { readonly tone: 'info' | 'error'; readonly text: string; readonly pending?: boolean };

export type BoundariesPanelProps = {
  sets: readonly BoundarySet[];
  /** Boundary files published with the site: listed with their join report, never changed here. */
  publishedSets: readonly BoundarySet[];
  /** The datasets' tables (the districts the shapes are joined to). */
  tables: readonly ObservationTable[];
  gazetteer: Gazetteer;
  names: CityNames;
  onSave: (next: BoundarySet[]) => Promise<ActionResult>;
  /** Reads and saves boundary files (the same path as a folder dropped on "Load data"). */
  onAddFiles: (files: File[]) => void;
  /** The file being read, if any. */
  reading: string | null;
  /** What the last files added gave (saved, or why not). */
  messages: readonly BoundaryMessage[];
};

const LISTED = 40;

/**
 * Boundary files (maps): add GeoJSON/TopoJSON files, and for each set saved, its city, name, date,
 * source and the property it is joined on, with the join report — what matched, the districts with data
 * but no shape, the shapes without data — before any map is drawn. Changes are saved at once.
 */
export function BoundariesPanel({ sets, publishedSets, tables, gazetteer, names, onSave, onAddFiles, reading, messages }: BoundariesPanelProps) {
  const { t } = useI18n();
  const ids = { title: useId(), file: useId() };
  const [status, setStatus] = useState<string | null>(null);
  const groups = useMemo(() => districtGroups(listPlaces(tables, gazetteer)), [tables, gazetteer]);

  const update = async (id: string, patch: Partial<BoundarySet>, text?: string) => {
    const next = sets.map((s) => (s.id === id ? { ...s, ...patch } : s));
    const r = await onSave(next);
    setStatus(r.ok ? (text ?? null) : t(r.key, r.params));
  };
  const remove = async (set: BoundarySet) => {
    const r = await onSave(sets.filter((s) => s.id !== set.id));
    setStatus(r.ok ? t('boundaries.removed', { name: set.name }) : t(r.key, r.params));
  };
  const onFiles = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.currentTarget.files ?? []);
    e.currentTarget.value = '';
    if (files.length > 0) onAddFiles(files);
  };

  return (
    <section className="card boundaries" aria-labelledby={ids.title} data-testid="boundaries-panel">
      <h2 id={ids.title}>{t('boundaries.heading')}</h2>
      <p className="intro">{t('boundaries.intro')}</p>
      <p>
        <label htmlFor={ids.file} className="button secondary">
          {t('boundaries.add')}
        </label>
        <input id={ids.file} className="visually-hidden" type="file" accept=".geojson,.topojson,.json,application/geo+json,application/json" multiple onChange={onFiles} data-testid="boundary-input" />
      </p>
      <div aria-live="polite">
        {reading !== null ? <p className="boundaries-reading">{t('boundaries.reading', { file: reading })}</p> : null}
        {messages.filter((m) => !(m.pending === true && groups.length > 0)).map((m, i) => (
          <p key={i} className={m.tone === 'error' ? 'boundaries-message error' : 'boundaries-message'} role={m.tone === 'error' ? 'alert' : undefined}>
            {m.text}
          </p>
        ))}
        {status !== null ? <p className="boundaries-message">{status}</p> : null}
      </div>
      {groups.length === 0 && sets.length > 0 ? <p className="boundaries-note">{t('boundaries.noDistricts')}</p> : null}
      {sets.length === 0 && publishedSets.length === 0 ? <p className="boundaries-note">{t('boundaries.none')}</p> : null}
      <ul className="boundary-sets">
        {publishedSets.map((set) => (
          <BoundarySetItem key={set.id} set={set} groups={groups} names={names} onUpdate={() => undefined} onRemove={() => undefined} />
        ))}
        {sets.map((set) => (
          <BoundarySetItem key={set.id} set={set} groups={groups} names={names} onUpdate={(patch, text) => void update(set.id, patch, text)} onRemove={() => void remove(set)} />
        ))}
      </ul>
    </section>
  );
}

function BoundarySetItem({
  set,
  groups,
  names,
  onUpdate,
  onRemove,
}: {
  set: BoundarySet;
  groups: readonly DistrictGroup[];
  names: CityNames;
  onUpdate: (patch: Partial<BoundarySet>, text?: string) => void;
  onRemove: () => void;
}) {
  const { t, lang, digits } = useI18n();
  const ids = { name: useId(), date: useId(), source: useId(), city: useId(), property: useId() };
  // A set saved before its districts were loaded follows the best matching city until the user picks one.
  const published = set.published === true;
  const named = set.city === '' ? undefined : groups.find((g) => g.city.key === set.city || g.city.name === set.city || (g.city.code !== '' && g.city.code === set.city));
  const cityKey = set.city === '' ? bestCity(set.features, groups, names) : (named?.city.key ?? set.city);
  const joined = useMemo(() => (cityKey === '' ? undefined : joinGroup(set.features, groups, cityKey, set.property, names)), [set, groups, cityKey, names]);
  const cityName = joined?.group.city.name ?? cityKey;
  const total = (j: BoundaryJoin) => j.matched + j.placesWithoutShape.length;

  return (
    <li className="boundary-set" data-testid="boundary-set">
      <div className="boundary-fields">
        <label htmlFor={ids.name}>{t('boundaries.name')}</label>
        <input id={ids.name} defaultValue={set.name} maxLength={200} readOnly={published} onBlur={(e) => e.currentTarget.value.trim() !== '' && e.currentTarget.value.trim() !== set.name && onUpdate({ name: e.currentTarget.value.trim() })} />
        <label htmlFor={ids.date}>{t('boundaries.date')}</label>
        <input id={ids.date} defaultValue={set.date} maxLength={60} readOnly={published} onBlur={(e) => e.currentTarget.value.trim() !== set.date && onUpdate({ date: e.currentTarget.value.trim() })} />
        <label htmlFor={ids.source}>{t('boundaries.source')}</label>
        <input id={ids.source} defaultValue={set.source} maxLength={500} readOnly={published} onBlur={(e) => e.currentTarget.value.trim() !== set.source && onUpdate({ source: e.currentTarget.value.trim() })} />
        <label htmlFor={ids.city}>{t('boundaries.city')}</label>
        <select id={ids.city} value={cityKey} disabled={published} onChange={(e) => onUpdate({ city: e.target.value })}>
          {cityKey === '' ? <option value="">{t('boundaries.cityNone')}</option> : null}
          {groups.map((g) => (
            <option key={g.city.key} value={g.city.key}>
              {g.city.key === CITIES_LEVEL ? t('boundaries.citiesLevel') : g.city.name}
            </option>
          ))}
          {cityKey !== '' && !groups.some((g) => g.city.key === cityKey) ? <option value={cityKey}>{cityKey}</option> : null}
        </select>
        {joined !== undefined ? (
          <>
            <label htmlFor={ids.property}>{t('boundaries.property')}</label>
            <select id={ids.property} value={set.property ?? ''} disabled={published} onChange={(e) => onUpdate(e.target.value === '' ? { property: undefined } : { property: e.target.value })} data-testid="boundary-property">
              <option value="">{t('boundaries.propertyAuto', { property: joined.join.candidates[0]?.property ?? '—' })}</option>
              {joined.join.properties.map((p) => {
                const c = joined.join.candidates.find((x) => x.property === p);
                return (
                  <option key={p} value={p}>
                    {c === undefined ? p : t('boundaries.propertyOption', { property: p, count: c.matches, by: t(c.by === 'code' ? 'boundaries.by.code' : 'boundaries.by.name') })}
                  </option>
                );
              })}
            </select>
          </>
        ) : null}
      </div>
      <p className="boundary-meta">
        {published ? <strong>{t('boundaries.published')} · </strong> : null}
        {t('boundaries.shapes', { count: set.features.length })} · {set.fileName}
      </p>
      {joined === undefined ? (
        <p className="boundaries-note">{groups.length === 0 ? t('boundaries.noDistricts') : cityKey === '' ? t('boundaries.noMatchAny') : t('boundaries.noCandidate', { city: cityName })}</p>
      ) : (
        <div className="boundary-join" data-testid="join-report">
          <p className={joined.join.matched === total(joined.join) && joined.join.matched > 0 ? 'join-summary join-complete' : 'join-summary'}>
            <strong>{joinSummaryText(joined.join, cityName, lang, digits)}</strong>
          </p>
          <details open={joined.join.placesWithoutShape.length > 0 && joined.join.placesWithoutShape.length <= LISTED}>
            <summary>{t('boundaries.withoutShape', { count: joined.join.placesWithoutShape.length })}</summary>
            <p className="join-list">{joined.join.placesWithoutShape.slice(0, LISTED).map((p) => p.name).join(', ') || '—'}{joined.join.placesWithoutShape.length > LISTED ? ', …' : ''}</p>
          </details>
          <details open={joined.join.shapesWithoutData.length > 0 && joined.join.shapesWithoutData.length <= LISTED}>
            <summary>{t('boundaries.withoutData', { count: joined.join.shapesWithoutData.length })}</summary>
            <p className="join-list">{joined.join.shapesWithoutData.slice(0, LISTED).map((s) => s.label).join(', ') || '—'}{joined.join.shapesWithoutData.length > LISTED ? ', …' : ''}</p>
          </details>
        </div>
      )}
      {published ? null : (
        <button type="button" className="button secondary small" onClick={onRemove}>
          {t('boundaries.remove')}
        </button>
      )}
    </li>
  );
}
