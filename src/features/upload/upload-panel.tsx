import { type DragEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { DatasetMetadata } from '@/domain/dataset-indicator';
import { useI18n } from '@/i18n/i18n-context';
import type { MessageKey } from '@/i18n/messages-en';
import type { MessageParams } from '@/i18n/translate';
import { classifyRepositoryFile, readRepositoryMetadata } from '@/ingest/repository-metadata';
import { loadBundledRegistry } from '@/ingest/bundled-registry';
import { type IngestJob, startIngest } from '@/ingest/ingest-client';
import { isTooLarge, tooLargeResult } from '@/ingest/too-large-file';
import type { ColumnMapping, IngestOptions, IngestResult } from '@/ingest/types';
import { headerSignature, MAPPING_RECORD_VERSION, type SavedMapping } from '@/storage/mapping-record';
import { type MappingChoice, ColumnMappingForm } from './column-mapping-form';
import { mappingFromRoles, rolesFromMapping } from './column-roles';
import { ConfirmDialog } from './confirm-dialog';
import { FileResult } from './file-result';
import { FileSummary, type FolderFiles } from './file-summary';
import { DEFAULT_READING_OPTIONS, type ReadingOptions, ReadingOptionsForm } from './reading-options';
import { SavedMappings } from './saved-mappings';

export type UploadImportOutcome =
  | { ok: true; name: string; count: number; version: number; replaced: boolean }
  | { ok: false; key: MessageKey; params?: MessageParams };

/** The saved dataset an import of the same name would replace. */
export type ExistingDataset = { id: string; name: string; versionNumber: number; importedAt: number; table: { length: number } };

type ActionResult = { ok: true } | { ok: false; key: MessageKey; params?: MessageParams };

export type UploadPanelProps = {
  /** Imports the results; `metadata` is the folder's own description of its indicators, kept with the dataset. */
  onImport: (name: string, results: readonly IngestResult[], options?: { replaceId?: string; metadata?: DatasetMetadata }) => Promise<UploadImportOutcome>;
  /** The saved dataset a new import of this name would replace, if any. */
  findExisting: (name: string) => ExistingDataset | undefined;
  mappings: readonly SavedMapping[];
  onSaveMapping: (mapping: SavedMapping) => Promise<ActionResult>;
  onDeleteMapping: (signature: string) => Promise<ActionResult>;
  /** The observatory's own city: the starting value of "City these files belong to". */
  homeCityName?: string;
  /** Boundary files (GeoJSON, TopoJSON) among the files chosen or dropped: read as maps' shapes, not as data. */
  onBoundaryFiles?: (files: File[]) => void;
};

/** Per file: the column mapping and fixed values the user chose (kept when the files are read again). */
type FileChoice = { mapping: ColumnMapping; defaultCity?: string; defaultIndicator?: string; signature: string };

type Phase =
  | { kind: 'idle' }
  | { kind: 'reading'; index: number; total: number; name: string; fraction: number }
  | { kind: 'review'; results: IngestResult[] }
  | { kind: 'remapping'; results: IngestResult[]; index: number; name: string; fraction: number }
  | { kind: 'confirm'; results: IngestResult[]; name: string; existing: ExistingDataset }
  | { kind: 'saving'; results: IngestResult[] };

type Message = { tone: 'info' | 'success' | 'error'; text: string };

const ACCEPT = '.csv,.tsv,.txt,.geojson,.topojson,text/csv,text/tab-separated-values,text/plain';
/** A file's path as picked: inside its folder (`bristol/meta_11-1-1.md`), or its name. */
function pathOf(f: File): string {
  return f.webkitRelativePath || f.name;
}

/**
 * Files picked from a folder (an Open SDG repository in either layout): its data files, its metadata
 * files (`meta/*.md`, `meta_*.md`, `meta_*.csv`, `indicator-config/*.yml`, `translations/`), its maps,
 * the others (named, not read), and the folder's name.
 */
export function dataFilesOfFolder(list: readonly File[]): { files: File[]; metadata: File[]; skipped: string[]; folder: string | undefined; boundaries: File[] } {
  const files: File[] = [];
  const metadata: File[] = [];
  const skipped: string[] = [];
  const boundaries: File[] = [];
  let folder: string | undefined;
  for (const f of list) {
    const path = pathOf(f);
    folder ??= path.includes('/') ? path.split('/')[0] : undefined;
    const kind = classifyRepositoryFile(path);
    if (kind === 'data') files.push(f);
    else if (kind === 'metadata') metadata.push(f);
    else if (kind === 'boundaries') boundaries.push(f);
    else skipped.push(path);
  }
  const byPath = (a: File, b: File) => (pathOf(a) < pathOf(b) ? -1 : pathOf(a) > pathOf(b) ? 1 : 0);
  files.sort(byPath);
  metadata.sort(byPath);
  return { files, metadata, skipped: skipped.sort(), folder, boundaries };
}

/** Whether a file has no city column (its rows are the data city's, or its districts'). */
function cityUnnamed(r: IngestResult): boolean {
  return (r.issueCounts.city_assumed ?? 0) > 0;
}

/** The issues that say the layout or a required column was not found: the file needs a mapping. */
function needsMapping(r: IngestResult): boolean {
  return (r.issueCounts.unknown_format ?? 0) > 0 || (r.issueCounts.missing_column ?? 0) > 0;
}

/** Layouts the mapping form can describe (one value column): long and Open SDG files, and files not recognised. */
function canMap(r: IngestResult): boolean {
  return r.file.header.length > 0 && (needsMapping(r) || r.file.layout === 'long' || r.file.layout === 'opensdg' || r.file.layout === 'unknown');
}

/** The form's starting point: the mapping chosen before, else the detected one (with the indicator from the file name). */
function initialChoice(r: IngestResult, chosen: FileChoice | undefined): MappingChoice {
  if (chosen !== undefined)
    return { roles: rolesFromMapping(r.file.header, chosen.mapping), fixed: { city: chosen.defaultCity ?? '', indicator: chosen.defaultIndicator ?? '' }, save: true };
  const fromName = r.issues.find((i) => i.code === 'indicator_from_filename')?.params.indicator;
  return { roles: rolesFromMapping(r.file.header, r.file.mapping), fixed: { city: '', indicator: typeof fromName === 'string' ? fromName : '' }, save: true };
}

function choiceOf(header: readonly string[], choice: MappingChoice): FileChoice {
  const mapping = mappingFromRoles(header, choice.roles);
  const out: FileChoice = { mapping, signature: headerSignature(header) };
  if (mapping.city === undefined && mapping.cityCode === undefined && choice.fixed.city.trim() !== '') out.defaultCity = choice.fixed.city.trim();
  if (mapping.indicator === undefined && choice.fixed.indicator.trim() !== '') out.defaultIndicator = choice.fixed.indicator.trim();
  return out;
}

function choiceFromSaved(m: SavedMapping): FileChoice {
  return {
    mapping: m.mapping,
    signature: m.signature,
    ...(m.defaultCity !== undefined ? { defaultCity: m.defaultCity } : {}),
    ...(m.defaultIndicator !== undefined ? { defaultIndicator: m.defaultIndicator } : {}),
  };
}

/**
 * Load data: choose or drop files, set reading options, read them in the worker (progress, Cancel),
 * review each file's result and validation report, map the columns of files whose layout is not
 * recognised (live preview; the mapping can be saved and is offered again for files with the same
 * columns), then import the accepted observations as one new dataset — or, when a saved dataset has
 * the same name and the user confirms, as its new version. Cancelling or discarding saves nothing.
 */
export function UploadPanel({ onImport, findExisting, mappings, onSaveMapping, onDeleteMapping, homeCityName, onBoundaryFiles }: UploadPanelProps) {
  const { t, lang, formatDate } = useI18n();
  const [options, setOptions] = useState<ReadingOptions>(DEFAULT_READING_OPTIONS);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [message, setMessage] = useState<Message | null>(null);
  const [dragging, setDragging] = useState(false);
  const [mappingOpen, setMappingOpen] = useState<number | null>(null);
  const [choices, setChoices] = useState<Array<FileChoice | undefined>>([]);
  const [offersDismissed, setOffersDismissed] = useState<ReadonlySet<number>>(new Set());
  const [mappingBusy, setMappingBusy] = useState(false);
  const files = useRef<File[]>([]);
  const job = useRef<IngestJob | null>(null);
  const run = useRef(0);
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement | null>(null);
  const folderInputId = useId();
  const cityInputId = useId();
  const [dataCity, setDataCity] = useState(homeCityName ?? '');
  /** The data city the files on screen were read with (re-read when the field changes). */
  const readWithCity = useRef('');
  // `webkitdirectory` is not in React's typings: set it on the element.
  const folderRef = useCallback((el: HTMLInputElement | null) => el?.setAttribute('webkitdirectory', ''), []);
  const resultsRef = useRef<HTMLDivElement | null>(null);
  const registry = useMemo(() => loadBundledRegistry().registry, []);
  /** The folder's other files and its metadata (null for files chosen one by one without any). */
  const [folderFiles, setFolderFiles] = useState<FolderFiles | null>(null);

  useEffect(
    () => () => {
      job.current?.cancel();
    },
    [],
  );

  const ingestOptions = useCallback(
    (choice: FileChoice | undefined, onProgress: IngestOptions['onProgress']): IngestOptions => ({
      encoding: options.encoding,
      decimal: options.decimal,
      delimiter: options.delimiter,
      legacyEncoding: lang === 'ar' ? 'windows-1256' : 'windows-1252',
      ...(choice !== undefined ? { mapping: choice.mapping } : {}),
      ...(choice?.defaultCity !== undefined ? { defaultCity: choice.defaultCity } : dataCity.trim() !== '' ? { defaultCity: dataCity.trim() } : {}),
      ...(choice?.defaultIndicator !== undefined ? { defaultIndicator: choice.defaultIndicator } : {}),
      ...(onProgress ? { onProgress } : {}),
    }),
    [options, lang, dataCity],
  );

  /** Reads the files (again): each with the mapping chosen for it, if any. */
  const read = useCallback(
    async (list: File[], keepChoices: readonly (FileChoice | undefined)[]) => {
      if (list.length === 0) return;
      files.current = list;
      readWithCity.current = dataCity.trim();
      const runId = ++run.current;
      setMessage(null);
      setMappingOpen(null);
      setChoices([...keepChoices]);
      const results: IngestResult[] = [];
      const failures: string[] = [];
      for (let index = 0; index < list.length; index++) {
        const file = list[index];
        if (file === undefined) continue;
        setPhase({ kind: 'reading', index, total: list.length, name: file.name, fraction: index / list.length });
        // The size limit is checked before reading: a 300 MB file is refused without being read into the tab.
        if (isTooLarge(file.size)) {
          results.push(tooLargeResult(file.name, file.size));
          continue;
        }
        // The file goes to the ingest worker as it is (a handle, no bytes copied on the page); a file that
        // can no longer be read comes back as a failure naming it.
        const current = startIngest(
          { name: file.name, blob: file },
          ingestOptions(keepChoices[index], ({ done, total }) => {
            if (run.current !== runId) return;
            const part = total > 0 ? done / total : 0;
            setPhase({ kind: 'reading', index, total: list.length, name: file.name, fraction: (index + part) / list.length });
          }),
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
    [ingestOptions, t, dataCity],
  );

  const pick = (all: File[]) => {
    const { files: list, metadata, boundaries } = dataFilesOfFolder(all);
    if (boundaries.length > 0) onBoundaryFiles?.(boundaries);
    if (list.length === 0) return;
    setOffersDismissed(new Set());
    // Files chosen one by one are read as they are; metadata files among them (meta_*.csv) describe the others.
    if (metadata.length > 0 || list.length < all.length) void pickFolder(all, false);
    else {
      setFolderFiles(null);
      void read(list, []);
    }
  };

  /** A folder (or files with metadata among them): the metadata is read first, then the data files. */
  const pickFolder = async (list: File[], isFolder = true) => {
    const { files: data, metadata, skipped, folder, boundaries } = dataFilesOfFolder(list);
    if (isFolder && boundaries.length > 0) onBoundaryFiles?.(boundaries);
    // The folder names the city unless the user already did (the field is read when the files are).
    if (isFolder && folder !== undefined && dataCity.trim() === '') setDataCity(folder);
    if (data.length === 0) {
      setMessage({ tone: 'error', text: t('upload.noFiles') });
      return;
    }
    setOffersDismissed(new Set());
    const started = performance.now();
    // A metadata file that cannot be read is left out (the data still reads; it is then shown by its code).
    const texts = await Promise.all(metadata.map((f) => f.arrayBuffer().then((b): { path: string; bytes: Uint8Array } => ({ path: pathOf(f), bytes: new Uint8Array(b) }), () => undefined)));
    const read = readRepositoryMetadata(texts.filter((x) => x !== undefined));
    metadataMs.current = performance.now() - started;
    setFolderFiles({ metadata: read.files, boundaries: boundaries.map(pathOf), skipped, described: read.metadata });
    pendingFolderNote.current = skipped.length > 0 ? t('upload.skipped', { names: skipped.slice(0, 20).join(', ') + (skipped.length > 20 ? ' …' : '') }) : null;
    pendingFolderRead.current = data;
    setPendingRun((n) => n + 1);
  };
  /** Time spent reading the last folder's metadata (milliseconds), shown in the summary's data attribute for measurements. */
  const metadataMs = useRef(0);
  const [, setPendingRun] = useState(0);
  const pendingFolderRead = useRef<File[] | null>(null);
  const pendingFolderNote = useRef<string | null>(null);
  // A folder read waits one render so that the city taken from its name is in the reading options.
  useEffect(() => {
    const list = pendingFolderRead.current;
    if (list === null) return;
    pendingFolderRead.current = null;
    const note = pendingFolderNote.current;
    void read(list, []).then(() => {
      if (note !== null) setMessage({ tone: 'info', text: note });
    });
  });

  const commitDataCity = () => {
    if (phase.kind === 'review' && files.current.length > 0 && dataCity.trim() !== readWithCity.current) void read(files.current, choices);
  };

  /** Reads file `index` again with a mapping (in the worker) and shows its new report. */
  const remap = async (results: IngestResult[], index: number, choice: FileChoice, save: SavedMapping | undefined) => {
    const file = files.current[index];
    const before = results[index];
    if (file === undefined || before === undefined || isTooLarge(file.size)) return;
    const runId = ++run.current;
    setMappingBusy(true);
    setPhase({ kind: 'remapping', results, index, name: file.name, fraction: 0 });
    const current = startIngest(
      { name: file.name, blob: file },
      ingestOptions(choice, ({ done, total }) => {
        if (run.current === runId) setPhase({ kind: 'remapping', results, index, name: file.name, fraction: total > 0 ? done / total : 0 });
      }),
    );
    job.current = current;
    const outcome = await current.promise;
    job.current = null;
    if (run.current !== runId) return;
    setMappingBusy(false);
    if (!outcome.ok) {
      setPhase({ kind: 'review', results });
      if (outcome.reason === 'failed') setMessage({ tone: 'error', text: t('upload.failed', { name: file.name, reason: outcome.message }) });
      return;
    }
    const next = results.map((r, i) => (i === index ? outcome.result : r));
    setChoices((prev) => {
      const out = [...prev];
      out[index] = choice;
      return out;
    });
    setMappingOpen(null);
    setPhase({ kind: 'review', results: next });
    let text = t('mapping.applied', { name: file.name, count: outcome.result.table.length });
    if (save !== undefined) {
      const saved = await onSaveMapping(save);
      text = `${text} ${saved.ok ? t('mapping.savedNote') : t(saved.key, saved.params)}`;
    }
    setMessage({ tone: outcome.result.table.length > 0 ? 'success' : 'error', text });
    // Back to the file's result, whose report has changed.
    focusResult(index);
  };

  const focusResult = (index: number) => requestAnimationFrame(() => resultsRef.current?.querySelectorAll<HTMLElement>('.file-result h3')[index]?.focus());

  const cancel = () => {
    run.current++;
    job.current?.cancel();
    job.current = null;
    setMappingBusy(false);
    if (phase.kind === 'remapping') {
      setPhase({ kind: 'review', results: phase.results });
      setMessage({ tone: 'info', text: t('mapping.cancelled') });
      return;
    }
    setPhase({ kind: 'idle' });
    setMessage({ tone: 'info', text: t('upload.cancelled') });
  };

  const discard = () => {
    run.current++;
    setPhase({ kind: 'idle' });
    setMessage(null);
    setMappingOpen(null);
    setChoices([]);
    setFolderFiles(null);
    if (inputRef.current) inputRef.current.value = '';
  };

  const save = async (results: IngestResult[], name: string, replaceId: string | undefined) => {
    setPhase({ kind: 'saving', results });
    const metadata = folderFiles?.described;
    const outcome = await onImport(name, results, { ...(replaceId !== undefined ? { replaceId } : {}), ...(metadata !== undefined ? { metadata } : {}) });
    if (outcome.ok) {
      setPhase({ kind: 'idle' });
      setMappingOpen(null);
      setChoices([]);
      setFolderFiles(null);
      setMessage({
        tone: 'success',
        text: outcome.replaced
          ? t('import.replaced', { count: outcome.count, name: outcome.name, version: outcome.version })
          : t('import.done', { count: outcome.count, name: outcome.name }),
      });
      if (inputRef.current) inputRef.current.value = '';
    } else {
      setPhase({ kind: 'review', results });
      setMessage({ tone: 'error', text: `${t(outcome.key, outcome.params)}${replaceId !== undefined ? ` ${t('import.replaceKept')}` : ''}` });
    }
  };

  const importResults = (results: IngestResult[]) => {
    const first = results[0]?.file.name ?? '';
    const name = results.length > 1 ? t('import.nameMany', { first, count: results.length - 1 }) : first;
    const existing = findExisting(name);
    if (existing !== undefined) {
      setPhase({ kind: 'confirm', results, name, existing });
      return;
    }
    void save(results, name, undefined);
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    if (busy) return;
    const dropped = Array.from(e.dataTransfer.files);
    if (dropped.length === 0) setMessage({ tone: 'error', text: t('upload.noFiles') });
    else pick(dropped);
  };

  const busy = phase.kind === 'reading' || phase.kind === 'saving' || phase.kind === 'remapping';
  const results = phase.kind === 'review' || phase.kind === 'saving' || phase.kind === 'remapping' || phase.kind === 'confirm' ? phase.results : [];
  const accepted = results.reduce((n, r) => n + r.table.length, 0);
  // No placeholder city: files that name none wait for the user to name it.
  const needsCity = results.some(cityUnnamed) && (dataCity.trim() === '' || readWithCity.current === '');
  const percent = phase.kind === 'reading' || phase.kind === 'remapping' ? Math.round(phase.fraction * 100) : 0;
  const savedBySignature = useMemo(() => new Map(mappings.map((m) => [m.signature, m])), [mappings]);

  const mappingArea = (r: IngestResult, i: number) => {
    if (mappingOpen === i && phase.kind !== 'confirm')
      return (
        <ColumnMappingForm
          key={`${i}:${r.file.name}:${choices[i]?.signature ?? ''}`}
          result={r}
          initial={initialChoice(r, choices[i])}
          registry={registry}
          busy={mappingBusy}
          onCancel={() => {
            setMappingOpen(null);
            focusResult(i);
          }}
          onApply={(choice) => {
            const fc = choiceOf(r.file.header, choice);
            const toSave: SavedMapping | undefined = choice.save
              ? {
                  version: MAPPING_RECORD_VERSION,
                  signature: fc.signature,
                  header: r.file.header,
                  mapping: fc.mapping,
                  ...(fc.defaultCity !== undefined ? { defaultCity: fc.defaultCity } : {}),
                  ...(fc.defaultIndicator !== undefined ? { defaultIndicator: fc.defaultIndicator } : {}),
                  fileName: r.file.name,
                  savedAt: Date.now(),
                }
              : undefined;
            void remap(results, i, fc, toSave);
          }}
        />
      );
    const saved = r.file.header.length > 0 ? savedBySignature.get(headerSignature(r.file.header)) : undefined;
    const applied = choices[i]?.signature !== undefined && saved !== undefined && choices[i]?.signature === saved.signature;
    const offer =
      saved !== undefined && !applied && !offersDismissed.has(i) ? (
        <div className="mapping-offer" role="group" aria-label={t('mapping.offerLabel')}>
          <p>{t('mapping.offer', { name: saved.fileName, date: formatDate(saved.savedAt) })}</p>
          <div className="actions">
            <button type="button" className="button primary" disabled={busy} onClick={() => void remap(results, i, choiceFromSaved(saved), undefined)}>
              {t('mapping.useSaved')}
            </button>
            <button type="button" className="button secondary" disabled={busy} onClick={() => setOffersDismissed((s) => new Set([...s, i]))}>
              {t('mapping.notNow')}
            </button>
          </div>
        </div>
      ) : null;
    if (!canMap(r)) return offer;
    return (
      <>
        {offer}
        {needsMapping(r) ? (
          <div className="mapping-callout">
            <p>{t('mapping.needed')}</p>
            <button type="button" className="button primary" disabled={busy} onClick={() => setMappingOpen(i)}>
              {t('mapping.open')}
            </button>
          </div>
        ) : (
          <p className="mapping-change">
            <button type="button" className="button secondary small" disabled={busy} onClick={() => setMappingOpen(i)}>
              {t('mapping.change')}
            </button>
          </p>
        )}
      </>
    );
  };

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
          onChange={(e) => pick(Array.from(e.target.files ?? []))}
        />
        <label htmlFor={inputId} className={`button primary${busy ? ' disabled' : ''}`}>
          {t('upload.choose')}
        </label>
        <input
          ref={folderRef}
          id={folderInputId}
          className="visually-hidden folder-input"
          type="file"
          multiple
          disabled={busy}
          onChange={(e) => void pickFolder(Array.from(e.target.files ?? []))}
        />
        <label htmlFor={folderInputId} className={`button secondary${busy ? ' disabled' : ''}`}>
          {t('upload.chooseFolder')}
        </label>
        <span className="drop-hint">{dragging ? t('upload.dropActive') : t('upload.drop')}</span>
      </div>
      <div className="data-city">
        <label htmlFor={cityInputId}>{t('upload.dataCity')}</label>
        <input
          id={cityInputId}
          type="text"
          value={dataCity}
          maxLength={200}
          disabled={busy}
          aria-describedby={`${cityInputId}-hint`}
          aria-invalid={needsCity}
          onChange={(e) => setDataCity(e.target.value)}
          onBlur={commitDataCity}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitDataCity();
          }}
        />
        <p id={`${cityInputId}-hint`} className={needsCity ? 'message message-error' : 'hint'}>
          {needsCity ? t('upload.dataCity.needed') : t('upload.dataCity.hint')}
        </p>
      </div>
      <ReadingOptionsForm value={options} onChange={setOptions} disabled={busy} />
      {phase.kind === 'review' && files.current.length > 0 ? (
        <button type="button" className="button secondary" onClick={() => void read(files.current, choices)}>
          {t('upload.readAgain')}
        </button>
      ) : null}

      {phase.kind === 'reading' || phase.kind === 'remapping' ? (
        <div className="progress-area">
          <p id="upload-progress-label">
            {t('upload.reading', { name: phase.name })} {phase.kind === 'reading' && phase.total > 1 ? t('upload.readingOf', { index: phase.index + 1, total: phase.total }) : ''}
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
        <div className="results" ref={resultsRef}>
          <h2 className="results-title">{t('result.title')}</h2>
          <FileSummary results={results} paths={files.current.map(pathOf)} folder={folderFiles} />
          {results.map((r, i) => (
            <FileResult key={`${i}:${r.file.name}`} result={r}>
              {mappingArea(r, i)}
            </FileResult>
          ))}
          {accepted === 0 ? <p className="message message-error">{t('import.blocked')}</p> : null}
          <div className="actions">
            <button type="button" className="button primary" disabled={accepted === 0 || busy || mappingOpen !== null || needsCity} onClick={() => importResults(results)}>
              {phase.kind === 'saving' ? t('import.saving') : t('import.button', { count: accepted })}
            </button>
            <button type="button" className="button secondary" disabled={busy} onClick={discard}>
              {t('import.discard')}
            </button>
          </div>
          {mappingOpen !== null ? <p className="hint">{t('mapping.finishFirst')}</p> : null}
        </div>
      ) : null}

      <SavedMappings
        mappings={mappings}
        busy={busy}
        onDelete={(m) => {
          void onDeleteMapping(m.signature).then((r) =>
            setMessage(r.ok ? { tone: 'info', text: t('mappings.deleted', { name: m.fileName }) } : { tone: 'error', text: t(r.key, r.params) }),
          );
        }}
      />

      {phase.kind === 'confirm' ? (
        <ConfirmDialog
          title={t('replace.title')}
          confirmLabel={t('replace.confirm')}
          cancelLabel={t('replace.cancel')}
          busy={false}
          onConfirm={() => void save(phase.results, phase.name, phase.existing.id)}
          onCancel={() => {
            setPhase({ kind: 'review', results: phase.results });
            setMessage({ tone: 'info', text: t('replace.cancelled', { name: phase.existing.name, version: phase.existing.versionNumber }) });
          }}
        >
          <p>
            {t('replace.question', {
              name: phase.existing.name,
              version: phase.existing.versionNumber,
              count: phase.existing.table.length,
              date: formatDate(phase.existing.importedAt),
            })}
          </p>
          <p className="hint">{t('replace.keepNote', { count: accepted })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
