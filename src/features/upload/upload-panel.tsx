import { type DragEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '@/i18n/i18n-context';
import type { MessageKey } from '@/i18n/messages-en';
import type { MessageParams } from '@/i18n/translate';
import { type IngestJob, startIngest } from '@/ingest/ingest-client';
import type { IngestResult } from '@/ingest/types';
import { FileResult } from './file-result';
import { DEFAULT_READING_OPTIONS, type ReadingOptions, ReadingOptionsForm } from './reading-options';

export type UploadImportOutcome = { ok: true; name: string; count: number } | { ok: false; key: MessageKey; params?: MessageParams };

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; index: number; total: number; name: string; fraction: number }
  | { kind: 'review'; results: IngestResult[] }
  | { kind: 'saving'; results: IngestResult[] };

type Message = { tone: 'info' | 'success' | 'error'; text: string };

const ACCEPT = '.csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain';

/**
 * Load data: choose or drop files, set reading options, read them in the worker (progress, Cancel),
 * review each file's result and validation report, then import the accepted observations as one new
 * dataset (or discard). Cancelling or discarding saves nothing.
 */
export function UploadPanel({ onImport }: { onImport: (name: string, results: readonly IngestResult[]) => Promise<UploadImportOutcome> }) {
  const { t, lang } = useI18n();
  const [options, setOptions] = useState<ReadingOptions>(DEFAULT_READING_OPTIONS);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [message, setMessage] = useState<Message | null>(null);
  const [dragging, setDragging] = useState(false);
  const files = useRef<File[]>([]);
  const job = useRef<IngestJob | null>(null);
  const run = useRef(0);
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement | null>(null);

  useEffect(
    () => () => {
      job.current?.cancel();
    },
    [],
  );

  const read = useCallback(
    async (list: File[]) => {
      if (list.length === 0) return;
      files.current = list;
      const runId = ++run.current;
      setMessage(null);
      const results: IngestResult[] = [];
      const failures: string[] = [];
      for (let index = 0; index < list.length; index++) {
        const file = list[index];
        if (file === undefined) continue;
        setPhase({ kind: 'reading', index, total: list.length, name: file.name, fraction: index / list.length });
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(await file.arrayBuffer());
        } catch (error) {
          failures.push(t('upload.failed', { name: file.name, reason: error instanceof Error ? error.message : String(error) }));
          continue;
        }
        if (run.current !== runId) return;
        const current = startIngest(
          { name: file.name, bytes },
          {
            encoding: options.encoding,
            decimal: options.decimal,
            delimiter: options.delimiter,
            legacyEncoding: lang === 'ar' ? 'windows-1256' : 'windows-1252',
            onProgress: ({ done, total }) => {
              if (run.current !== runId) return;
              const part = total > 0 ? done / total : 0;
              setPhase({ kind: 'reading', index, total: list.length, name: file.name, fraction: (index + part) / list.length });
            },
          },
        );
        job.current = current;
        const outcome = await current.promise;
        job.current = null;
        if (run.current !== runId) return;
        if (outcome.ok) results.push(outcome.result);
        else if (outcome.reason === 'cancelled') return;
        else failures.push(t('upload.failed', { name: file.name, reason: outcome.message }));
      }
      if (failures.length > 0) setMessage({ tone: 'error', text: failures.join(' ') });
      setPhase(results.length > 0 ? { kind: 'review', results } : { kind: 'idle' });
    },
    [options, lang, t],
  );

  const cancel = () => {
    run.current++;
    job.current?.cancel();
    job.current = null;
    setPhase({ kind: 'idle' });
    setMessage({ tone: 'info', text: t('upload.cancelled') });
  };

  const discard = () => {
    run.current++;
    setPhase({ kind: 'idle' });
    setMessage(null);
    if (inputRef.current) inputRef.current.value = '';
  };

  const importResults = async (results: IngestResult[]) => {
    const first = results[0]?.file.name ?? '';
    const name = results.length > 1 ? t('import.nameMany', { first, count: results.length - 1 }) : first;
    setPhase({ kind: 'saving', results });
    const outcome = await onImport(name, results);
    if (outcome.ok) {
      setPhase({ kind: 'idle' });
      setMessage({ tone: 'success', text: t('import.done', { count: outcome.count, name: outcome.name }) });
      if (inputRef.current) inputRef.current.value = '';
    } else {
      setPhase({ kind: 'review', results });
      setMessage({ tone: 'error', text: t(outcome.key, outcome.params) });
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    if (phase.kind === 'reading' || phase.kind === 'saving') return;
    const dropped = Array.from(e.dataTransfer.files);
    if (dropped.length === 0) setMessage({ tone: 'error', text: t('upload.noFiles') });
    else void read(dropped);
  };

  const busy = phase.kind === 'reading' || phase.kind === 'saving';
  const results = phase.kind === 'review' || phase.kind === 'saving' ? phase.results : [];
  const accepted = results.reduce((n, r) => n + r.table.length, 0);
  const percent = phase.kind === 'reading' ? Math.round(phase.fraction * 100) : 0;

  return (
    <section className="card upload" aria-labelledby="upload-title">
      <h2 id="upload-title">{t('upload.title')}</h2>
      <p className="intro">{t('upload.intro')}</p>
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          if (!busy) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <input
          ref={inputRef}
          id={inputId}
          className="visually-hidden file-input"
          type="file"
          multiple
          accept={ACCEPT}
          disabled={busy}
          onChange={(e) => void read(Array.from(e.target.files ?? []))}
        />
        <label htmlFor={inputId} className={`button primary${busy ? ' disabled' : ''}`}>
          {t('upload.choose')}
        </label>
        <span className="drop-hint">{dragging ? t('upload.dropActive') : t('upload.drop')}</span>
      </div>
      <ReadingOptionsForm value={options} onChange={setOptions} disabled={busy} />
      {phase.kind === 'review' && files.current.length > 0 ? (
        <button type="button" className="button secondary" onClick={() => void read(files.current)}>
          {t('upload.readAgain')}
        </button>
      ) : null}

      {phase.kind === 'reading' ? (
        <div className="progress-area">
          <p id="upload-progress-label">
            {t('upload.reading', { name: phase.name })} {phase.total > 1 ? t('upload.readingOf', { index: phase.index + 1, total: phase.total }) : ''}
          </p>
          <div className="progress" role="progressbar" aria-labelledby="upload-progress-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
            <div className="progress-bar" style={{ inlineSize: `${percent}%` }} />
          </div>
          <button type="button" className="button secondary" onClick={cancel}>
            {t('upload.cancel')}
          </button>
        </div>
      ) : null}

      <div role="status" aria-live="polite" className="status-line">
        {message ? <p className={`message message-${message.tone}`}>{message.text}</p> : null}
      </div>

      {results.length > 0 ? (
        <div className="results">
          <h2 className="results-title">{t('result.title')}</h2>
          {results.map((r, i) => (
            <FileResult key={`${i}:${r.file.name}`} result={r} />
          ))}
          {accepted === 0 ? <p className="message message-error">{t('import.blocked')}</p> : null}
          <div className="actions">
            <button type="button" className="button primary" disabled={accepted === 0 || phase.kind === 'saving'} onClick={() => void importResults(results)}>
              {phase.kind === 'saving' ? t('import.saving') : t('import.button', { count: accepted })}
            </button>
            <button type="button" className="button secondary" disabled={phase.kind === 'saving'} onClick={discard}>
              {t('import.discard')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
