import { useId, useState } from 'react';
import { useI18n } from '@/i18n/i18n-context';
import { type Manifest, PUBLISHED_ID_PREFIX } from '@/ingest/manifest';
import { applyMerges, type Gazetteer } from '@/model/gazetteer';
import type { HeadlineChoices } from '@/model/headline-choices';
import { buildPublication, type PreviousPublication, publishedIdFor, publicationZip } from '@/model/publication';
import type { BoundarySet } from '@/storage/boundary-record';
import type { LoadedDataset } from '@/storage/dataset-record';
import { downloadBlob } from '@/ui/download';

export type PublishPanelProps = {
  /** Every dataset listed in the Data view (published ones and the ones saved in this browser). */
  datasets: readonly LoadedDataset[];
  boundaries: readonly BoundarySet[];
  gazetteer: Gazetteer;
  headlineChoices: HeadlineChoices;
  /** Place names to publish (the publisher's and this browser's own), and the observatory's city. */
  places: NonNullable<Manifest['places']>;
  home: string | undefined;
  /** Reads the publication now on the site again, whole, to archive it. */
  readCurrent: () => Promise<{ ok: true; previous: PreviousPublication | undefined } | { ok: false; message: string }>;
};

/** The manifest id of a published dataset (`published:amman` → `amman`). */
function publishedIdOf(d: LoadedDataset): string | undefined {
  return d.source === 'published' && d.id.startsWith(PUBLISHED_ID_PREFIX) ? d.id.slice(PUBLISHED_ID_PREFIX.length) : undefined;
}

/**
 * "Publish": the datasets chosen (published ones kept, ones saved in this browser added) with the boundary
 * files, headline series and place names, as one ZIP holding exactly what to copy into the site's `data/`
 * folder — canonical CSVs, maps, `manifest.json`, a README for the web server's maintainer, and the
 * publication now on the site under `archive/<its date>/` — so that everyone who opens the site sees them
 * and an earlier review can be reproduced. Values that disagree between the chosen datasets block it,
 * with the list. The command line's `publish` does the same for an observatory's own CI.
 */
export function PublishPanel({ datasets, boundaries, gazetteer, headlineChoices, places, home, readCurrent }: PublishPanelProps) {
  const { t } = useI18n();
  const ids = { title: useId(), source: useId(), licence: useId() };
  const candidates = datasets.filter((d) => d.source === 'upload' || d.source === 'published');
  const own = candidates.filter((d) => d.source === 'upload');
  // A dataset saved here that would take a published one's place (same id): the published one is left out by default.
  const replaced = new Set(own.filter((d) => d.included).map((d) => publishedIdFor(d.name)));
  const byDefault = (d: LoadedDataset) => d.included && (d.source === 'upload' || !replaced.has(publishedIdOf(d) ?? ''));
  // What the user changed; otherwise a dataset is chosen when the dashboard uses it (datasets arrive after the first render).
  const [picked, setPicked] = useState<ReadonlyMap<string, boolean>>(new Map());
  const isChosen = (d: LoadedDataset) => picked.get(d.id) ?? byDefault(d);
  const [source, setSource] = useState('');
  const [licence, setLicence] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ tone: 'info' | 'error'; text: string; list?: string[] } | null>(null);
  if (own.length === 0) return null;
  const publish = async () => {
    const chosen = candidates.filter(isChosen);
    if (chosen.length === 0) {
      setStatus({ tone: 'error', text: t('publish.noneChosen') });
      return;
    }
    setBusy(true);
    const current = await readCurrent();
    if (!current.ok) {
      setBusy(false);
      setStatus({ tone: 'error', text: t('publish.currentUnreadable', { reason: current.message }) });
      return;
    }
    const date = new Date().toISOString().slice(0, 10);
    const result = buildPublication({
      datasets: chosen.map((d) => {
        const publishedId = publishedIdOf(d);
        // Published as the views show it: the places merged in the Places panel read as one.
        return { id: d.id, name: d.name, table: applyMerges(d.table, gazetteer), version: d.versionNumber, info: d.info, metadata: d.metadata, ...(publishedId !== undefined ? { publishedId } : {}) };
      }),
      date,
      source: source.trim(),
      licence: licence.trim(),
      boundaries,
      headlines: headlineChoices,
      places,
      home,
      ...(current.previous !== undefined ? { previous: current.previous } : {}),
    });
    setBusy(false);
    if (!result.ok) {
      setStatus({ tone: 'error', text: t('publish.conflicts', { count: result.conflicts.length }), list: result.conflicts.slice(0, 20).map((c) => `${c.city} · ${c.indicator} · ${c.year}: ${c.values.join(' / ')}`) });
      return;
    }
    const name = `marsad-publication-${date}.zip`;
    downloadBlob(await publicationZip(result.files), name);
    const done = t('publish.done', { file: name, datasets: chosen.length, observations: result.observations });
    setStatus({ tone: 'info', text: result.archived === undefined ? done : `${done} ${t('publish.archived', { date: result.archived })}` });
  };
  return (
    <section className="card publish" aria-labelledby={ids.title} data-testid="publish-panel">
      <h2 id={ids.title}>{t('publish.title')}</h2>
      <p className="intro">{t('publish.intro')}</p>
      <fieldset>
        <legend>{t('publish.datasets')}</legend>
        {candidates.map((d) => (
          <label key={d.id} className="publish-dataset">
            <input type="checkbox" checked={isChosen(d)} onChange={(e) => setPicked(new Map(picked).set(d.id, e.currentTarget.checked))} /> <bdi>{d.name}</bdi>{' '}
            <span className="hint">{d.source === 'published' ? t('publish.alreadyPublished') : t('datasets.kind.upload')}</span>
          </label>
        ))}
      </fieldset>
      <div className="publish-fields">
        <label htmlFor={ids.source}>{t('publish.source')}</label>
        <input id={ids.source} value={source} maxLength={500} onChange={(e) => setSource(e.currentTarget.value)} />
        <label htmlFor={ids.licence}>{t('publish.licence')}</label>
        <input id={ids.licence} value={licence} maxLength={200} placeholder="CC BY 4.0" onChange={(e) => setLicence(e.currentTarget.value)} />
        <p className="hint">{t('publish.defaultsHint')}</p>
      </div>
      <p>
        <button type="button" className="button primary" disabled={busy} onClick={() => void publish()}>
          {t('publish.button')}
        </button>
      </p>
      {status === null ? null : (
        <div className={status.tone === 'error' ? 'message message-error' : 'message message-info'} role={status.tone === 'error' ? 'alert' : 'status'}>
          <p>{status.text}</p>
          {status.list === undefined ? null : (
            <ul>
              {status.list.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
