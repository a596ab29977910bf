import { useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '@/i18n/i18n-context';
import type { MessageKey } from '@/i18n/messages-en';
import type { MessageParams } from '@/i18n/translate';
import { readStorageEstimate, type WorkspaceImportMode, type WorkspaceImportSummary } from '@/storage/marsad-db';
import type { parseWorkspace as ParseWorkspace, WorkspaceFile, WorkspaceProblem } from '@/storage/workspace';

type Failure = { ok: false; key: MessageKey; params?: MessageParams };

export type WorkspacePanelProps = {
  storageAvailable: boolean;
  /** Changes whenever saved data changes (the usage is measured again). */
  revision: number;
  onExport: () => Promise<{ ok: true; text: string; fileName: string } | Failure>;
  onImport: (file: WorkspaceFile, mode: WorkspaceImportMode) => Promise<{ ok: true; summary: WorkspaceImportSummary } | Failure>;
};

type Message = { tone: 'info' | 'success' | 'error'; text: string };
type Estimate = { usage: number; quota: number; persisted: boolean };

/** Offers text as a file download (a Blob URL, revoked after the click). */
function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** 1536 → { value: 1.5, unit: 'kB' } (powers of 1000, as browsers and disks count). */
function byteSize(bytes: number): { value: number; unit: MessageKey } {
  const units: MessageKey[] = ['workspace.unit.B', 'workspace.unit.kB', 'workspace.unit.MB', 'workspace.unit.GB', 'workspace.unit.TB'];
  let v = bytes;
  let k = 0;
  while (v >= 1000 && k < units.length - 1) {
    v /= 1000;
    k++;
  }
  return { value: k === 0 ? v : Math.round(v * 10) / 10, unit: units[k] ?? 'workspace.unit.B' };
}

/**
 * Backup and storage: how much this browser holds for the site and whether it may clear it; Export
 * workspace (one JSON file: datasets with their versions, saved mappings, settings); Import workspace
 * (checked first; then the user chooses to replace the saved workspace or add to it; a failure changes
 * nothing).
 */
export function WorkspacePanel({ storageAvailable, revision, onExport, onImport }: WorkspacePanelProps) {
  const { t, formatNumber, formatDate } = useI18n();
  const [estimate, setEstimate] = useState<Estimate | undefined>(undefined);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<{ file: WorkspaceFile; name: string } | null>(null);
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement | null>(null);
  const choiceRef = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    let stopped = false;
    void readStorageEstimate().then((e) => {
      if (!stopped) setEstimate(e);
    });
    return () => {
      stopped = true;
    };
  }, [revision]);

  useEffect(() => {
    if (pending !== null) choiceRef.current?.focus();
  }, [pending]);

  const size = (bytes: number) => {
    const s = byteSize(bytes);
    return `${formatNumber(s.value)} ${t(s.unit)}`;
  };

  const problemText = (p: WorkspaceProblem, name: string): string => {
    switch (p.code) {
      case 'not_json':
        return t('workspace.error.notJson', { name });
      case 'not_workspace':
        return t('workspace.error.notWorkspace', { name });
      case 'newer_version':
        return t('workspace.error.newer', { name, version: p.version });
      case 'invalid':
        return t('workspace.error.invalid', { name, detail: p.detail });
      case 'corrupted_dataset':
        return t('workspace.error.dataset', { name, dataset: p.name, detail: p.detail });
      default:
        return assertNever(p);
    }
  };

  const exportNow = async () => {
    setBusy(true);
    setMessage(null);
    const r = await onExport();
    setBusy(false);
    if (!r.ok) {
      setMessage({ tone: 'error', text: t(r.key, r.params) });
      return;
    }
    download(r.text, r.fileName);
    setMessage({ tone: 'success', text: t('workspace.exported', { name: r.fileName }) });
  };

  const readFile = async (file: File | undefined) => {
    if (inputRef.current) inputRef.current.value = '';
    if (file === undefined) return;
    setMessage(null);
    setPending(null);
    setBusy(true);
    let text: string;
    // The reader (its schemas are built when its module loads: ~50 ms on a slow machine) comes when used.
    let parseWorkspace: typeof ParseWorkspace;
    try {
      [text, { parseWorkspace }] = await Promise.all([file.text(), import('@/storage/workspace')]);
    } catch (error) {
      setBusy(false);
      setMessage({ tone: 'error', text: t('workspace.error.unreadable', { name: file.name, reason: error instanceof Error ? error.message : String(error) }) });
      return;
    }
    const parsed = parseWorkspace(text);
    setBusy(false);
    if (!parsed.ok) {
      setMessage({ tone: 'error', text: problemText(parsed.problem, file.name) });
      return;
    }
    setPending({ file: parsed.value, name: file.name });
  };

  const apply = async (mode: WorkspaceImportMode) => {
    if (pending === null) return;
    setBusy(true);
    const r = await onImport(pending.file, mode);
    setBusy(false);
    setPending(null);
    if (!r.ok) {
      setMessage({ tone: 'error', text: `${t(r.key, r.params)} ${t('workspace.nothingChanged')}` });
      return;
    }
    const s = r.summary;
    const parts = [t(mode === 'replace' ? 'workspace.replaced' : 'workspace.merged', { count: s.added })];
    if (s.skipped > 0) parts.push(t('workspace.skipped', { count: s.skipped }));
    if (s.renamed > 0) parts.push(t('workspace.renamed', { count: s.renamed }));
    parts.push(t('workspace.mappingsAdded', { count: s.mappings }));
    setMessage({ tone: 'success', text: parts.join(' ') });
  };

  const exportedAt = pending !== null ? Date.parse(pending.file.exportedAt) : NaN;

  return (
    <section className="card workspace" aria-labelledby="workspace-title">
      <h2 id="workspace-title">{t('workspace.title')}</h2>
      {storageAvailable ? (
        <>
          <p className="storage-usage">
            {estimate === undefined
              ? t('workspace.usageUnknown')
              : estimate.quota > 0
                ? t('workspace.usage', { used: size(estimate.usage), quota: size(estimate.quota) })
                : t('workspace.usageOnly', { used: size(estimate.usage) })}{' '}
            {estimate !== undefined ? t(estimate.persisted ? 'workspace.persisted' : 'workspace.notPersisted') : null}
          </p>
          <p className="hint backup-hint">{t('workspace.hint')}</p>
          <div className="actions">
            <button type="button" className="button primary" disabled={busy} onClick={() => void exportNow()}>
              {t('workspace.export')}
            </button>
            <input
              ref={inputRef}
              id={inputId}
              className="visually-hidden file-input"
              type="file"
              accept=".json,application/json"
              disabled={busy}
              onChange={(e) => void readFile(e.target.files?.[0])}
            />
            <label htmlFor={inputId} className={`button secondary${busy ? ' disabled' : ''}`}>
              {t('workspace.import')}
            </label>
          </div>
        </>
      ) : (
        <p className="note">{t('workspace.unavailable')}</p>
      )}

      <div role="status" aria-live="polite" className="status-line">
        {message ? <p className={`message message-${message.tone}`}>{message.text}</p> : null}
      </div>

      {pending !== null ? (
        <div ref={choiceRef} tabIndex={-1} className="workspace-choice" role="group" aria-labelledby="workspace-choice-title">
          <h3 id="workspace-choice-title">{t('workspace.choice.title')}</h3>
          <p>
            {t('workspace.choice.summary', {
              name: pending.name,
              count: pending.file.datasets.length,
              mappings: pending.file.mappings.length,
              date: Number.isFinite(exportedAt) ? formatDate(exportedAt) : pending.file.exportedAt,
            })}
          </p>
          <ul className="workspace-modes">
            <li>
              <button type="button" className="button danger" disabled={busy} onClick={() => void apply('replace')}>
                {t('workspace.choice.replace')}
              </button>
              <span className="hint">{t('workspace.choice.replaceHint')}</span>
            </li>
            <li>
              <button type="button" className="button primary" disabled={busy} onClick={() => void apply('merge')}>
                {t('workspace.choice.merge')}
              </button>
              <span className="hint">{t('workspace.choice.mergeHint')}</span>
            </li>
            <li>
              <button
                type="button"
                className="button secondary"
                disabled={busy}
                onClick={() => {
                  setPending(null);
                  setMessage({ tone: 'info', text: t('workspace.choice.cancelled') });
                }}
              >
                {t('workspace.choice.cancel')}
              </button>
            </li>
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function assertNever(x: never): never {
  throw new Error(`unexpected ${JSON.stringify(x)}`);
}
