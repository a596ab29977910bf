import { useId, useState } from 'react';
import { useI18n } from '@/i18n/i18n-context';
import type { MessageKey } from '@/i18n/messages-en';
import type { MessageParams } from '@/i18n/translate';
import { datasetCsv, datasetFileName, datasetInfoLines, datasetSheet } from '@/model/dataset-export';
import type { DatasetInfo, LoadedDataset } from '@/storage/dataset-record';
import { downloadBlob, downloadText } from '@/ui/download';

type ActionResult = { ok: true } | { ok: false; key: MessageKey; params?: MessageParams };

/**
 * A dataset as a document: its name, source organisation, licence and notes (editable for a dataset
 * saved in this browser, read-only for published data), and downloads of it as canonical CSV and XLSX.
 */
export function DatasetDetails({ dataset, onDescribe, onDone }: { dataset: LoadedDataset; onDescribe?: (id: string, name: string, info: DatasetInfo) => Promise<ActionResult>; onDone: (message: { tone: 'success' | 'error'; text: string } | null) => void }) {
  const { t, formatNumber, formatDay } = useI18n();
  const ids = { name: useId(), source: useId(), licence: useId(), notes: useId() };
  const [name, setName] = useState(dataset.name);
  const [source, setSource] = useState(dataset.info.source ?? '');
  const [licence, setLicence] = useState(dataset.info.licence ?? '');
  const [notes, setNotes] = useState(dataset.info.notes ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const editable = dataset.source === 'upload' && onDescribe !== undefined;
  const labels = { name: t('datasets.name'), source: t('datasets.sourceOrg'), licence: t('datasets.licence'), notes: t('datasets.notes'), published: t('datasets.publishedOn') };

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    if (onDescribe === undefined) return;
    if (name.trim() === '') {
      setError(t('datasets.nameRequired'));
      return;
    }
    setBusy(true);
    const r = await onDescribe(dataset.id, name, { source, licence, notes });
    setBusy(false);
    if (r.ok) onDone({ tone: 'success', text: t('datasets.described', { name: name.trim() }) });
    else setError(t(r.key, r.params));
  };
  const downloadCsv = () => downloadText(datasetCsv(dataset), datasetFileName(dataset, 'csv'), 'text/csv;charset=utf-8');
  const downloadXlsx = async () => {
    const { sheetXlsxBlob } = await import('@/model/annex-xlsx-browser');
    downloadBlob(await sheetXlsxBlob(datasetSheet(dataset, datasetInfoLines(dataset, labels), dataset.name)), datasetFileName(dataset, 'xlsx'));
  };

  return (
    <div className="dataset-details">
      {editable ? (
        <form onSubmit={(e) => void save(e)} className="dataset-form">
          <label htmlFor={ids.name}>{t('datasets.name')}</label>
          <input id={ids.name} value={name} maxLength={200} required onChange={(e) => setName(e.currentTarget.value)} />
          <label htmlFor={ids.source}>{t('datasets.sourceOrg')}</label>
          <input id={ids.source} value={source} maxLength={500} placeholder={t('datasets.sourceOrgHint')} onChange={(e) => setSource(e.currentTarget.value)} />
          <label htmlFor={ids.licence}>{t('datasets.licence')}</label>
          <input id={ids.licence} value={licence} maxLength={200} placeholder="CC BY 4.0" onChange={(e) => setLicence(e.currentTarget.value)} />
          <label htmlFor={ids.notes}>{t('datasets.notes')}</label>
          <textarea id={ids.notes} value={notes} maxLength={5000} rows={3} onChange={(e) => setNotes(e.currentTarget.value)} />
          <p className="hint">{t('datasets.infoUse')}</p>
          {error === null ? null : (
            <p className="message message-error" role="alert">
              {error}
            </p>
          )}
          <p className="dataset-form-actions">
            <button type="submit" className="button primary small" disabled={busy}>
              {t('datasets.saveDetails')}
            </button>{' '}
            <button type="button" className="button secondary small" onClick={() => onDone(null)}>
              {t('datasets.cancel')}
            </button>
          </p>
        </form>
      ) : (
        <dl className="dataset-info">
          {datasetInfoLines({ ...dataset, info: { ...dataset.info, ...(dataset.info.published !== undefined ? { published: formatDay(dataset.info.published) } : {}) } }, labels).slice(1).map((line) => {
            const [label, ...rest] = line.split(': ');
            return (
              <div key={label}>
                <dt>{label}</dt>
                <dd>
                  <bdi>{rest.join(': ')}</bdi>
                </dd>
              </div>
            );
          })}
          {dataset.source === 'published' ? <p className="hint">{t('datasets.publishedReadOnly')}</p> : null}
        </dl>
      )}
      <p className="dataset-downloads">
        <button type="button" className="button secondary small" onClick={downloadCsv}>
          {t('datasets.downloadCsv')}
          <span className="visually-hidden"> — {dataset.name}</span>
        </button>{' '}
        <button type="button" className="button secondary small" onClick={() => void downloadXlsx()}>
          {t('datasets.downloadXlsx')}
          <span className="visually-hidden"> — {dataset.name}</span>
        </button>{' '}
        <span className="hint">{t('datasets.downloadHint', { count: formatNumber(dataset.table.length) })}</span>
      </p>
    </div>
  );
}
