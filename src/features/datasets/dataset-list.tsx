import { Fragment, useId, useState } from 'react';
import { useI18n } from '@/i18n/i18n-context';
import type { MessageKey } from '@/i18n/messages-en';
import type { MessageParams } from '@/i18n/translate';
import type { DatasetInfo, LoadedDataset } from '@/storage/dataset-record';
import type { MergeConflict } from '@/storage/merge-datasets';
import { ConflictList } from './conflict-list';
import { DatasetDetails } from './dataset-details';

type ActionResult = { ok: true } | { ok: false; key: MessageKey; params?: MessageParams };

export type DatasetListProps = {
  datasets: readonly LoadedDataset[];
  onDelete: (id: string) => void;
  /** Makes an earlier version current again. */
  onRestoreVersion?: (id: string, number: number) => Promise<ActionResult>;
  /** Uses the dataset on the dashboard, or leaves it out (a published one: in this browser only). */
  onSetIncluded?: (id: string, included: boolean) => Promise<ActionResult>;
  /** Renames a saved dataset and sets its source organisation, licence and notes. */
  onDescribe?: (id: string, name: string, info: DatasetInfo) => Promise<ActionResult>;
  /** Conflicts between the datasets in use (later import wins). */
  merge?: { activeCount: number; conflicts: readonly MergeConflict[]; conflictCount: number };
};

/**
 * The datasets the app shows, published ones (the site's, read-only, for every visitor) beside the ones
 * saved only in this browser: name and source, kind, version, date, counts, whether the dashboard uses
 * it (a switch; for published data a choice kept in this browser), details (rename, source, licence,
 * notes; downloads as CSV and XLSX), earlier versions (Restore), and Delete for imported ones (the app
 * offers Undo); then the conflicts between the datasets in use. The demo is listed without actions.
 */
export function DatasetList({ datasets, onDelete, onRestoreVersion, onSetIncluded, onDescribe, merge }: DatasetListProps) {
  const { t, formatNumber, formatDate, formatDay } = useI18n();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [details, setDetails] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error' | 'info'; text: string } | null>(null);
  const baseId = useId();
  const demo = datasets.some((d) => d.source === 'demo');
  const published = datasets.filter((d) => d.source === 'published');
  const saved = datasets.filter((d) => d.source !== 'demo');

  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const restore = async (d: LoadedDataset, number: number) => {
    if (onRestoreVersion === undefined) return;
    setBusy(true);
    const r = await onRestoreVersion(d.id, number);
    setBusy(false);
    setMessage(r.ok ? { tone: 'success', text: t('versions.restored', { name: d.name, version: number, previous: d.versionNumber }) } : { tone: 'error', text: t(r.key, r.params) });
  };

  const include = async (d: LoadedDataset, included: boolean) => {
    if (onSetIncluded === undefined) return;
    const r = await onSetIncluded(d.id, included);
    setMessage(
      r.ok ? { tone: 'info', text: t(included ? 'datasets.nowIncluded' : 'datasets.nowExcluded', { name: d.name }) } : { tone: 'error', text: t(r.key, r.params) },
    );
  };

  return (
    <section className="card datasets" aria-labelledby="datasets-title">
      <h2 id="datasets-title">{t('datasets.title')}</h2>
      {datasets.length === 0 ? <p className="empty">{t('datasets.empty')}</p> : null}
      {demo ? <p className="note">{t('datasets.builtInNote')}</p> : null}
      {published.length > 0 ? <p className="note">{t('datasets.publishedNote', { count: published.length })}</p> : null}
      {saved.length > 0 && merge !== undefined ? (
        <p className="dataset-summary">
          {merge.activeCount === 0 ? t('datasets.noneActive') : t('datasets.activeSummary', { count: merge.activeCount, total: saved.length })}
        </p>
      ) : null}
      {datasets.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('datasets.caption')}>
          <table className="dataset-table">
            <caption className="visually-hidden">{t('datasets.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('datasets.name')}</th>
                <th scope="col">{t('datasets.kind')}</th>
                <th scope="col" className="num">
                  {t('datasets.version')}
                </th>
                <th scope="col">{t('datasets.date')}</th>
                <th scope="col" className="num">
                  {t('datasets.observations')}
                </th>
                <th scope="col" className="num">
                  {t('datasets.cities')}
                </th>
                <th scope="col" className="num">
                  {t('datasets.indicators')}
                </th>
                <th scope="col">{t('datasets.dashboard')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('datasets.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {datasets.map((d) => {
                const upload = d.source === 'upload';
                const switchable = d.source !== 'demo';
                const versionsId = `${baseId}-versions-${d.id}`;
                const detailsId = `${baseId}-details-${d.id}`;
                const expanded = open.has(d.id);
                const about = [d.info.source, d.info.licence].filter((x) => x !== undefined).join(' · ');
                return (
                  <Fragment key={d.id}>
                    <tr className={switchable && !d.included ? 'excluded' : undefined} data-source={d.source}>
                      <th scope="row" className="dataset-name">
                        <bdi>{d.name}</bdi>
                        {about === '' ? null : (
                          <span className="dataset-about">
                            <bdi>{about}</bdi>
                          </span>
                        )}
                      </th>
                      <td data-label={t('datasets.kind')}>
                        <span className={`dataset-kind dataset-kind-${d.source}`}>
                          {d.source === 'published' && d.info.published !== undefined
                            ? t('datasets.kind.publishedOn', { date: formatDay(d.info.published) })
                            : t(`datasets.kind.${d.source}`)}
                        </span>
                      </td>
                      <td className="num" data-label={t('datasets.version')}>
                        {d.source !== 'demo' ? t('datasets.versionNumber', { version: d.versionNumber }) : '—'}
                      </td>
                      <td data-label={t('datasets.date')}>{d.source === 'published' ? (d.info.published === undefined ? '—' : formatDay(d.info.published)) : d.importedAt > 0 ? formatDate(d.importedAt) : '—'}</td>
                      <td className="num" data-label={t('datasets.observations')}>
                        {formatNumber(d.table.length)}
                      </td>
                      <td className="num" data-label={t('datasets.cities')}>
                        {formatNumber(d.cityCount)}
                      </td>
                      <td className="num" data-label={t('datasets.indicators')}>
                        {formatNumber(d.indicatorCount)}
                      </td>
                      <td data-label={t('datasets.dashboard')}>
                        {switchable && onSetIncluded !== undefined ? (
                          <label className="include-switch">
                            <input type="checkbox" checked={d.included} disabled={busy} onChange={(e) => void include(d, e.target.checked)} />
                            <span>{d.included ? t('datasets.included') : t('datasets.excluded')}</span>
                            <span className="visually-hidden"> — {t('datasets.includeLabel', { name: d.name })}</span>
                          </label>
                        ) : (
                          t('datasets.included')
                        )}
                      </td>
                      <td className="row-actions">
                        {d.source !== 'demo' ? (
                          <button
                            type="button"
                            className="button secondary small"
                            aria-expanded={details === d.id}
                            aria-controls={detailsId}
                            onClick={() => setDetails(details === d.id ? null : d.id)}
                          >
                            {upload && onDescribe !== undefined ? t('datasets.edit') : t('datasets.details')}
                            <span className="visually-hidden"> — {d.name}</span>
                          </button>
                        ) : null}
                        {upload && d.history.length > 0 && onRestoreVersion !== undefined ? (
                          <button
                            type="button"
                            className="button secondary small"
                            aria-expanded={expanded}
                            aria-controls={versionsId}
                            onClick={() => toggle(d.id)}
                          >
                            {t('versions.show', { count: d.history.length })}
                            <span className="visually-hidden"> — {d.name}</span>
                          </button>
                        ) : null}
                        {upload ? (
                          <button type="button" className="button danger small" aria-label={t('datasets.deleteLabel', { name: d.name })} onClick={() => onDelete(d.id)}>
                            {t('datasets.delete')}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                    {details === d.id ? (
                      <tr className="versions-row" id={detailsId}>
                        <td colSpan={9}>
                          <DatasetDetails
                            dataset={d}
                            {...(onDescribe !== undefined ? { onDescribe } : {})}
                            onDone={(m) => {
                              setDetails(null);
                              if (m !== null) setMessage(m);
                            }}
                          />
                        </td>
                      </tr>
                    ) : null}
                    {upload && d.history.length > 0 && expanded ? (
                      <tr className="versions-row" id={versionsId}>
                        <td colSpan={9}>
                          <p className="versions-title">{t('versions.title', { name: d.name, version: d.versionNumber })}</p>
                          <ul className="versions-list">
                            {d.history.map((v) => (
                              <li key={v.number}>
                                <span>
                                  {t('versions.item', { version: v.number, count: v.observations, date: formatDate(v.importedAt) })}
                                  {v.fileNames.length > 0 ? (
                                    <>
                                      {' '}
                                      <span className="hint">
                                        (<bdi>{v.fileNames.join(', ')}</bdi>)
                                      </span>
                                    </>
                                  ) : null}
                                </span>
                                <button type="button" className="button secondary small" disabled={busy} onClick={() => void restore(d, v.number)}>
                                  {t('versions.restore', { version: v.number })}
                                  <span className="visually-hidden"> — {d.name}</span>
                                </button>
                              </li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <div role="status" aria-live="polite" className="status-line">
        {message ? <p className={`message message-${message.tone}`}>{message.text}</p> : null}
      </div>
      {merge !== undefined && saved.length > 1 ? <ConflictList conflicts={merge.conflicts} total={merge.conflictCount} /> : null}
    </section>
  );
}
