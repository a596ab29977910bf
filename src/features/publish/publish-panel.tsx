import { useId, useState } from 'react';
import { useI18n } from '@/i18n/i18n-context';
import { buildPublication, publicationZip } from '@/model/publication';
import type { BoundarySet } from '@/storage/boundary-record';
import type { LoadedDataset } from '@/storage/dataset-record';
import { downloadBlob } from '@/ui/download';

/**
 * "Publish": the datasets chosen (and the boundary files saved) as one ZIP holding exactly what to
 * copy into the site's `data/` folder — canonical CSVs, maps, `manifest.json` and a README for the web
 * server's maintainer — so that everyone who opens the site sees them. Values that disagree between the
 * chosen datasets block it, with the list. For publishing from an observatory's own CI, the command
 * line's `publish` does the same and keeps earlier publications in `archive/<date>/`.
 */
export function PublishPanel({ datasets, boundaries }: { datasets: readonly LoadedDataset[]; boundaries: readonly BoundarySet[] }) {
  const { t } = useI18n();
  const ids = { title: useId(), source: useId(), licence: useId() };
  const own = datasets.filter((d) => d.source === 'upload');
  // What the user changed; otherwise a dataset is chosen when the dashboard uses it (datasets arrive after the first render).
  const [picked, setPicked] = useState<ReadonlyMap<string, boolean>>(new Map());
  const isChosen = (d: LoadedDataset) => picked.get(d.id) ?? d.included;
  const [source, setSource] = useState('');
  const [licence, setLicence] = useState('');
  const [status, setStatus] = useState<{ tone: 'info' | 'error'; text: string; list?: string[] } | null>(null);
  if (own.length === 0) return null;
  const publish = async () => {
    const chosen = own.filter(isChosen);
    if (chosen.length === 0) {
      setStatus({ tone: 'error', text: t('publish.noneChosen') });
      return;
    }
    const date = new Date().toISOString().slice(0, 10);
    const result = buildPublication({ datasets: chosen.map((d) => ({ id: d.id, name: d.name, table: d.table, version: d.versionNumber })), date, source: source.trim(), licence: licence.trim(), boundaries });
    if (!result.ok) {
      setStatus({ tone: 'error', text: t('publish.conflicts', { count: result.conflicts.length }), list: result.conflicts.slice(0, 20).map((c) => `${c.city} · ${c.indicator} · ${c.year}: ${c.values.join(' / ')}`) });
      return;
    }
    const name = `marsad-publication-${date}.zip`;
    downloadBlob(await publicationZip(result.files), name);
    setStatus({ tone: 'info', text: t('publish.done', { file: name, datasets: chosen.length, observations: result.observations }) });
  };
  return (
    <section className="card publish" aria-labelledby={ids.title} data-testid="publish-panel">
      <h2 id={ids.title}>{t('publish.title')}</h2>
      <p className="intro">{t('publish.intro')}</p>
      <fieldset>
        <legend>{t('publish.datasets')}</legend>
        {own.map((d) => (
          <label key={d.id} className="publish-dataset">
            <input
              type="checkbox"
              checked={isChosen(d)}
              onChange={(e) => setPicked(new Map(picked).set(d.id, e.currentTarget.checked))}
            />{' '}
            <bdi>{d.name}</bdi>
          </label>
        ))}
      </fieldset>
      <div className="publish-fields">
        <label htmlFor={ids.source}>{t('publish.source')}</label>
        <input id={ids.source} value={source} maxLength={500} onChange={(e) => setSource(e.currentTarget.value)} />
        <label htmlFor={ids.licence}>{t('publish.licence')}</label>
        <input id={ids.licence} value={licence} maxLength={200} placeholder="CC BY 4.0" onChange={(e) => setLicence(e.currentTarget.value)} />
      </div>
      <p>
        <button type="button" className="button primary" onClick={() => void publish()}>
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
