import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { IssueCode } from '@/domain/issue';
import { type Digits, DigitsSchema, type Lang, LangSchema } from '@/i18n/lang';
import type { MessageKey } from '@/i18n/messages-en';
import type { MessageParams } from '@/i18n/translate';
import type { IngestResult } from '@/ingest/types';
import { IssueCodeSchema } from '@/ingest/worker-protocol';
import { DATASET_RECORD_VERSION, type DatasetRecord, type LoadedDataset, toLoadedDataset } from '@/storage/dataset-record';
import { type MarsadStore, openMarsadStore, requestPersistentStorage } from '@/storage/marsad-db';
import { mergeTables } from '@/storage/merge-tables';
import { z } from 'zod';
import { type BuiltIn, type CityNames, loadBuiltIn } from './load-built-in';

export type Notice = { id: string; tone: 'info' | 'warning' | 'error'; key: MessageKey; params?: MessageParams; details?: string[] };

export type ImportOutcome =
  | { ok: true; name: string; count: number }
  | { ok: false; key: MessageKey; params?: MessageParams };

export type LoadingPhase = 'loading.data' | 'loading.published' | 'loading.demo';

export type AppData = {
  ready: boolean;
  loading: LoadingPhase | null;
  storageAvailable: boolean;
  /** What the views show: the saved datasets, or the built-in ones while nothing is saved. */
  datasets: LoadedDataset[];
  builtInKind: 'published' | 'demo' | null;
  cityNames: CityNames;
  notices: Notice[];
  settings: { lang?: Lang; digits?: Digits };
  saveSetting: (key: 'lang' | 'digits', value: string) => void;
  importDataset: (name: string, results: readonly IngestResult[]) => Promise<ImportOutcome>;
  /** Soft-deletes; resolves to the dataset removed (for Undo), or undefined when it failed. */
  deleteDataset: (id: string) => Promise<LoadedDataset | undefined>;
  restoreDataset: (dataset: LoadedDataset) => Promise<boolean>;
  /** Removes soft-deleted datasets for good (after the Undo window). */
  purgeDeleted: () => void;
  dismissNotice: (id: string) => void;
};

function newId(): string {
  const c = globalThis.crypto;
  if (c !== undefined && typeof c.randomUUID === 'function') return c.randomUUID();
  return `ds-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function sumCounts(results: readonly IngestResult[]): Partial<Record<IssueCode, number>> {
  const out: Partial<Record<IssueCode, number>> = {};
  for (const r of results)
    for (const [code, n] of Object.entries(r.issueCounts)) {
      const parsed = IssueCodeSchema.safeParse(code);
      if (parsed.success && typeof n === 'number') out[parsed.data] = (out[parsed.data] ?? 0) + n;
    }
  return out;
}

/**
 * The app's data: saved datasets (IndexedDB), else the deployment's published datasets or the demo;
 * import, soft delete with undo, settings. Storage problems become notices; nothing here throws.
 */
export function useAppData(): AppData {
  const store = useRef<MarsadStore | null>(null);
  const [ready, setReady] = useState(false);
  const [loading, setLoading] = useState<LoadingPhase | null>('loading.data');
  const [storageAvailable, setStorageAvailable] = useState(true);
  const [saved, setSaved] = useState<LoadedDataset[]>([]);
  const [builtIn, setBuiltIn] = useState<BuiltIn | null>(null);
  const builtInRequested = useRef(false);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [settings, setSettings] = useState<{ lang?: Lang; digits?: Digits }>({});
  const persistRequested = useRef(false);

  const addNotice = useCallback((n: Notice) => setNotices((prev) => [...prev.filter((p) => p.id !== n.id), n]), []);

  useEffect(() => {
    let stopped = false;
    void (async () => {
      const opened = await openMarsadStore();
      if (stopped) {
        if (opened.ok) opened.value.close();
        return;
      }
      if (!opened.ok) {
        setStorageAvailable(false);
        addNotice({ id: 'storage', tone: 'warning', key: 'storage.unavailable' });
        setReady(true);
        return;
      }
      const s = opened.value;
      store.current = s;
      const [lang, digits, persisted] = await Promise.all([s.getSetting('lang', LangSchema), s.getSetting('digits', DigitsSchema), s.getSetting('persistRequested', z.boolean())]);
      persistRequested.current = persisted.ok && persisted.value === true;
      const next: { lang?: Lang; digits?: Digits } = {};
      if (lang.ok && lang.value !== undefined) next.lang = lang.value;
      if (digits.ok && digits.value !== undefined) next.digits = digits.value;
      await s.purgeDeleted();
      const list = await s.listDatasets();
      if (stopped) return;
      setSettings(next);
      if (list.ok) {
        setSaved(list.value.datasets.map((r) => toLoadedDataset(r)));
        if (list.value.problems.length > 0)
          addNotice({
            id: 'skipped',
            tone: 'warning',
            key: 'storage.skipped',
            params: { count: list.value.problems.length },
            details: list.value.problems.map((p) => `${p.key}: ${p.message}`),
          });
      } else addNotice({ id: 'storage', tone: 'warning', key: 'storage.failed', params: { reason: list.error.message } });
      setReady(true);
    })();
    return () => {
      stopped = true;
      store.current?.close();
      store.current = null;
    };
  }, [addNotice]);

  // The built-in data is read only when nothing is saved (at start, or after the last dataset is deleted).
  useEffect(() => {
    if (!ready) return;
    if (saved.length > 0 || builtIn !== null || builtInRequested.current) {
      if (saved.length > 0 || builtIn !== null) setLoading(null);
      return;
    }
    builtInRequested.current = true;
    void loadBuiltIn((phase) => setLoading(phase === 'published' ? 'loading.published' : 'loading.demo')).then((b) => {
      setBuiltIn(b);
      setLoading(null);
      if (b.manifestProblem !== undefined) addNotice({ id: 'manifest', tone: 'warning', key: 'builtin.manifestInvalid', params: { problem: b.manifestProblem } });
      if (b.problems.length > 0)
        addNotice({ id: 'builtin', tone: b.kind === 'none' ? 'error' : 'warning', key: 'builtin.failed', params: { reason: b.problems[0] ?? '' }, details: b.problems });
    });
  }, [ready, saved.length, builtIn, addNotice]);

  const saveSetting = useCallback((key: 'lang' | 'digits', value: string) => {
    void store.current?.putSetting(key, value);
  }, []);

  const importDataset = useCallback(
    async (name: string, results: readonly IngestResult[]): Promise<ImportOutcome> => {
      const table = mergeTables(results.map((r) => r.table));
      if (table.length === 0) return { ok: false, key: 'import.blocked' };
      const record: DatasetRecord = {
        version: DATASET_RECORD_VERSION,
        id: newId(),
        name,
        createdAt: Date.now(),
        source: 'upload',
        files: results.map((r) => r.file),
        issueCounts: sumCounts(results),
        rowsRejected: results.reduce((n, r) => n + r.rowsRejected, 0),
        table,
        deletedAt: null,
      };
      const s = store.current;
      if (s !== null) {
        const result = await s.saveDataset(record);
        if (!result.ok) return result.error.kind === 'quota' ? { ok: false, key: 'storage.quota' } : { ok: false, key: 'storage.failed', params: { reason: result.error.message } };
        if (!persistRequested.current) {
          persistRequested.current = true;
          void requestPersistentStorage().then(() => s.putSetting('persistRequested', true));
        }
      }
      setSaved((prev) => [...prev, toLoadedDataset(record)]);
      return { ok: true, name, count: table.length };
    },
    [],
  );

  const deleteDataset = useCallback(
    async (id: string): Promise<LoadedDataset | undefined> => {
      const target = saved.find((d) => d.id === id);
      if (target === undefined) return undefined;
      const s = store.current;
      if (s !== null) {
        const r = await s.setDeleted(id, true);
        if (!r.ok) {
          addNotice({ id: `delete-${id}`, tone: 'error', key: 'storage.deleteFailed', params: { reason: r.error.message } });
          return undefined;
        }
      }
      setSaved((prev) => prev.filter((d) => d.id !== id));
      return target;
    },
    [saved, addNotice],
  );

  const restoreDataset = useCallback(
    async (dataset: LoadedDataset): Promise<boolean> => {
      const s = store.current;
      if (s !== null) {
        const r = await s.setDeleted(dataset.id, false);
        if (!r.ok) return false;
      }
      setSaved((prev) => (prev.some((d) => d.id === dataset.id) ? prev : [...prev, dataset].sort((a, b) => a.createdAt - b.createdAt)));
      return true;
    },
    [],
  );

  const purgeDeleted = useCallback(() => {
    void store.current?.purgeDeleted();
  }, []);

  const dismissNotice = useCallback((id: string) => setNotices((prev) => prev.filter((n) => n.id !== id)), []);

  const datasets = useMemo(() => (saved.length > 0 ? saved : (builtIn?.datasets ?? [])), [saved, builtIn]);
  const builtInKind = saved.length > 0 || builtIn === null || builtIn.kind === 'none' ? null : builtIn.kind;

  return {
    ready,
    loading,
    storageAvailable,
    datasets,
    builtInKind,
    cityNames: builtIn?.cityNames ?? {},
    notices,
    settings,
    saveSetting,
    importDataset,
    deleteDataset,
    restoreDataset,
    purgeDeleted,
    dismissNotice,
  };
}
