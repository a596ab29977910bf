import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type DatasetMetadata, hasDatasetIndicators } from '@/domain/dataset-indicator';
import type { IssueCode } from '@/domain/issue';
import { type Digits, DigitsSchema, type Lang, LangSchema } from '@/i18n/lang';
import type { MessageKey } from '@/i18n/messages-en';
import type { MessageParams } from '@/i18n/translate';
import type { IngestResult } from '@/ingest/types';
import { IssueCodeSchema } from '@/ingest/worker-protocol';
import {
  cleanInfo,
  DATASET_RECORD_VERSION,
  type DatasetInfo,
  type DatasetRecord,
  datasetNameKey,
  type LoadedDataset,
  loadedFromRecord,
  toLoadedDataset,
} from '@/storage/dataset-record';
import type { SavedMapping } from '@/storage/mapping-record';
import { withTableWorker } from '@/storage/table-store';
import { type MarsadStore, openMarsadStore, requestPersistentStorage, type StorageError, type WorkspaceImportMode, type WorkspaceImportSummary } from '@/storage/marsad-db';
import { type MergeConflict, mergeDatasets } from '@/storage/merge-datasets';
import { mergeTables } from '@/storage/merge-tables';
import type { WorkspaceFile, WorkspaceSettings } from '@/storage/workspace';
import * as z from 'zod/mini';
import { version as appVersion } from '../../package.json';
import type { ObservationTable } from '@/domain/observation-table';
import { applyMerges, EMPTY_GAZETTEER, GAZETTEER_SETTING, type Gazetteer, parseGazetteer, setHomePlace } from '@/model/gazetteer';
import { homeIn, listPlaces, mainCityOf } from '@/model/places-model';
import { BOUNDARIES_SETTING, type BoundarySet, parseBoundarySets } from '@/storage/boundary-record';
import { parseReportCovers, REPORT_COVERS_SETTING, type ReportCovers } from '@/model/report-cover';
import { chooseHeadline as chooseHeadline_, type HeadlineChoices, HEADLINES_SETTING, parseHeadlineChoices } from '@/model/headline-choices';
import type { CityNames } from '@/model/dashboard-model';
import { type CityNames as DemoCityNames, loadDemo, loadPublished, type Published, readPublicationIndex } from './load-built-in';
import { openTabSync, type TabSync } from './tab-sync';

export type Notice = { id: string; tone: 'info' | 'warning' | 'error'; key: MessageKey; params?: MessageParams; details?: string[] };

export type ImportOutcome =
  | { ok: true; name: string; count: number; version: number; replaced: boolean }
  | { ok: false; key: MessageKey; params?: MessageParams };

/** Result of an action on saved data: done, or why not (a message key). */
export type ActionOutcome = { ok: true } | { ok: false; key: MessageKey; params?: MessageParams };

export type LoadingPhase = 'loading.data' | 'loading.published' | 'loading.demo';

/** The conflicts between the datasets the dashboard uses. */
export type MergeState = {
  /** Saved datasets the dashboard uses. */
  activeCount: number;
  conflicts: MergeConflict[];
  conflictCount: number;
};

export type AppData = {
  ready: boolean;
  loading: LoadingPhase | null;
  storageAvailable: boolean;
  /**
   * What the dashboard shows: the saved datasets in use, merged into one (where two give the same
   * observation, the one imported later wins), or the built-in ones while nothing is saved.
   */
  datasets: LoadedDataset[];
  /** What the Data view lists: every saved dataset (in use or not, with its versions), or the built-in ones while nothing is saved. */
  library: LoadedDataset[];
  merge: MergeState;
  /** The demo is shown (nothing published, nothing saved). */
  builtInKind: 'published' | 'demo' | null;
  /**
   * The site's publication: its date, the earlier publications kept (archive folder names), and the
   * one shown instead of the current data (`asPublished`, from the URL) if any. Null when the site
   * publishes nothing.
   */
  publication: { date: string | undefined; archives: string[]; asPublished: string | undefined; datasets: number; currentDate: string | undefined } | null;
  /** What Publish writes about places: the publisher's names and this browser's own, and the home city (place key). */
  placesToPublish: { names: Gazetteer['names']; home: string | undefined };
  /** Display names of places: the built-in names file, then the names the user gave (gazetteer). */
  cityNames: CityNames;
  /** What the user said about places (names, merges, home city); saved and exported with the workspace. */
  gazetteer: Gazetteer;
  /** Saves a new gazetteer (the views apply its merges and names at once). */
  saveGazetteer: (next: Gazetteer) => Promise<ActionOutcome>;
  /** The observatory's own city, when the data in use has it: where every view opens. */
  homeCity: string | undefined;
  /** Headline series chosen per dataset and indicator (saved and exported with the workspace). */
  headlineChoices: HeadlineChoices;
  /** Ids of the datasets the views use (saved ones in use, else the built-in ones). */
  activeDatasetIds: string[];
  /** Chooses (or clears) the headline series of an indicator for one dataset, or for the datasets in use that hold it. */
  chooseHeadline: (indicator: string, series: string | undefined, datasetId?: string) => Promise<ActionOutcome>;
  /** Boundary files of districts (maps), saved and exported with the workspace. */
  boundarySets: BoundarySet[];
  /** Boundary files published with the site (shown with the published data; read-only). */
  publishedBoundarySets: BoundarySet[];
  /** An earlier version of a saved dataset, read without restoring it ("since the last review"). */
  readVersion: (id: string, number: number) => Promise<{ ok: true; table: ObservationTable } | { ok: false; message: string }>;
  /** The observatory's own report covers, by city key (saved and exported with the workspace). */
  reportCovers: ReportCovers;
  saveReportCovers: (next: ReportCovers) => Promise<ActionOutcome>;
  /** Saves the whole list of boundary sets (add, change, remove); the views follow at once. */
  saveBoundarySets: (next: BoundarySet[]) => Promise<ActionOutcome>;
  notices: Notice[];
  settings: { lang?: Lang; digits?: Digits };
  saveSetting: (key: 'lang' | 'digits', value: string) => void;
  /**
   * Saves the results as a new dataset, or (with `replaceId`) as the new version of a saved one; with
   * the folder's own metadata, kept with the dataset, whose headline series become the dataset's
   * headline choices (where the user has not chosen one).
   */
  importDataset: (name: string, results: readonly IngestResult[], options?: { replaceId?: string; metadata?: DatasetMetadata }) => Promise<ImportOutcome>;
  /** The saved dataset a new import of this name would replace (names compare without case). */
  findDataset: (name: string) => LoadedDataset | undefined;
  /** Soft-deletes; resolves to the dataset removed (for Undo), or undefined when it failed. */
  deleteDataset: (id: string) => Promise<LoadedDataset | undefined>;
  restoreDataset: (dataset: LoadedDataset) => Promise<boolean>;
  /** Removes soft-deleted datasets for good (after the Undo window). */
  purgeDeleted: () => void;
  /** Makes an earlier version of a dataset current again (the current one is kept as an earlier version). */
  restoreVersion: (id: string, number: number) => Promise<ActionOutcome>;
  /** Includes the dataset in the dashboard, or leaves it out (it stays saved; a published one, for this browser only). */
  setIncluded: (id: string, included: boolean) => Promise<ActionOutcome>;
  /** Renames a saved dataset and sets its source organisation, licence and notes (published ones cannot be changed). */
  describeDataset: (id: string, name: string, info: DatasetInfo) => Promise<ActionOutcome>;
  /** Saved column mappings, newest first. */
  mappings: SavedMapping[];
  saveMapping: (mapping: SavedMapping) => Promise<ActionOutcome>;
  deleteMapping: (signature: string) => Promise<ActionOutcome>;
  /** The workspace backup as JSON text, with the file name to offer. */
  exportWorkspace: () => Promise<{ ok: true; text: string; fileName: string } | { ok: false; key: MessageKey; params?: MessageParams }>;
  /** Writes a workspace read from a file (replacing the saved one, or merged into it); all or nothing. */
  importWorkspace: (file: WorkspaceFile, mode: WorkspaceImportMode) => Promise<{ ok: true; summary: WorkspaceImportSummary } | { ok: false; key: MessageKey; params?: MessageParams }>;
  /** Changes whenever saved data changes (for views that measure storage). */
  revision: number;
  dismissNotice: (id: string) => void;
};

/** Published datasets this browser leaves out of its views (ids), a visitor's own choice. */
const PUBLISHED_EXCLUDED_SETTING = 'publishedExcluded';

const SETTING_KEYS = ['lang', 'digits', GAZETTEER_SETTING, HEADLINES_SETTING, BOUNDARIES_SETTING, REPORT_COVERS_SETTING, PUBLISHED_EXCLUDED_SETTING] as const;

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

function failure(error: StorageError): { ok: false; key: MessageKey; params?: MessageParams } {
  if (error.kind === 'quota') return { ok: false, key: 'storage.quota' };
  return { ok: false, key: 'storage.failed', params: { reason: error.message } };
}

/** The settings of a workspace file that this app knows and accepts. */
function knownSettings(settings: WorkspaceSettings): { lang?: Lang; digits?: Digits; gazetteer?: string; headlines?: string; boundaries?: string; covers?: string } {
  const out: { lang?: Lang; digits?: Digits; gazetteer?: string; headlines?: string; boundaries?: string; covers?: string } = {};
  const c = settings[REPORT_COVERS_SETTING];
  if (typeof c === 'string' && parseReportCovers(c).problem === undefined) out.covers = c;
  const b = settings[BOUNDARIES_SETTING];
  if (typeof b === 'string' && parseBoundarySets(b).problem === undefined) out.boundaries = b;
  const h = settings[HEADLINES_SETTING];
  if (typeof h === 'string') out.headlines = h;
  const g = settings[GAZETTEER_SETTING];
  if (typeof g === 'string' && parseGazetteer(g).problem === undefined) out.gazetteer = g;
  const lang = LangSchema.safeParse(settings.lang);
  if (lang.success) out.lang = lang.data;
  const digits = DigitsSchema.safeParse(settings.digits);
  if (digits.success) out.digits = digits.data;
  return out;
}

/**
 * The app's data: the site's published datasets (read-only, for every visitor) beside the datasets saved
 * in this browser (IndexedDB), or the demo when there are neither; an archived publication alone when
 * the URL asks for it (`published=<date>`);
 * import (new dataset or new version), versions, use on the dashboard, soft delete with undo, saved
 * column mappings, workspace backup, settings. Storage problems become notices or outcomes; nothing
 * here throws.
 */
export function useAppData(asPublished?: string): AppData {
  const store = useRef<MarsadStore | null>(null);
  const [ready, setReady] = useState(false);
  const [loading, setLoading] = useState<LoadingPhase | null>('loading.data');
  const [storageAvailable, setStorageAvailable] = useState(true);
  const [saved, setSaved] = useState<LoadedDataset[]>([]);
  const [mappings, setMappings] = useState<SavedMapping[]>([]);
  const [revision, setRevision] = useState(0);
  const [published, setPublished] = useState<(Published & { archive: string | undefined; current?: { date: string | undefined; archives: string[] } }) | null>(null);
  const [demo, setDemo] = useState<{ datasets: LoadedDataset[]; cityNames: DemoCityNames } | null>(null);
  const demoRequested = useRef(false);
  const [publishedExcluded, setPublishedExcluded] = useState<ReadonlySet<string>>(new Set());
  const [notices, setNotices] = useState<Notice[]>([]);
  const [settings, setSettings] = useState<{ lang?: Lang; digits?: Digits }>({});
  const [gazetteer, setGazetteer] = useState<Gazetteer>(EMPTY_GAZETTEER);
  const [headlineChoices, setHeadlineChoices] = useState<HeadlineChoices>({});
  // The latest choices, for an import that adds the ones its metadata names (without waiting for a render).
  const headlineChoicesRef = useRef<HeadlineChoices>({});
  useEffect(() => {
    headlineChoicesRef.current = headlineChoices;
  }, [headlineChoices]);
  const [boundarySets, setBoundarySets] = useState<BoundarySet[]>([]);
  const [reportCovers, setReportCovers] = useState<ReportCovers>({});
  const persistRequested = useRef(false);

  const addNotice = useCallback((n: Notice) => setNotices((prev) => [...prev.filter((p) => p.id !== n.id), n]), []);
  const tabSync = useRef<TabSync | null>(null);
  /** After a change to the saved data: the views follow, and so do the other open tabs. */
  const changed = useCallback(() => {
    setRevision((r) => r + 1);
    tabSync.current?.announce();
  }, []);

  /** Reads the saved datasets again (after a change that touched many of them). */
  const reload = useCallback(
    async (s: MarsadStore): Promise<boolean> => {
      const [list, maps] = await Promise.all([s.listDatasets(), s.listMappings()]);
      if (maps.ok) setMappings(maps.value);
      if (list.ok) {
        setSaved(list.value.datasets.map((r) => loadedFromRecord(r)));
        if (list.value.problems.length > 0)
          addNotice({
            id: 'skipped',
            tone: 'warning',
            key: 'storage.skipped',
            params: { count: list.value.problems.length },
            details: list.value.problems.map((p) => `${p.key}: ${p.message}`),
          });
        return true;
      }
      addNotice({ id: 'storage', tone: 'warning', key: 'storage.failed', params: { reason: list.error.message } });
      return false;
    },
    [addNotice],
  );

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
      // Whole tables are listed and saved in the storage worker: the page does not freeze on a big dataset.
      const s = withTableWorker(opened.value);
      store.current = s;
      // Every setting at once, and the purge of deleted datasets beside them (the first screen waits for all).
      const [lang, digits, persisted, gaz, headlines, excluded, covers, boundaries] = await Promise.all([
        s.getSetting('lang', LangSchema),
        s.getSetting('digits', DigitsSchema),
        s.getSetting('persistRequested', z.boolean()),
        s.getSetting(GAZETTEER_SETTING, z.string()),
        s.getSetting(HEADLINES_SETTING, z.string()),
        s.getSetting(PUBLISHED_EXCLUDED_SETTING, z.array(z.string().check(z.maxLength(300))).check(z.maxLength(1000))),
        s.getSetting(REPORT_COVERS_SETTING, z.string()),
        s.getSetting(BOUNDARIES_SETTING, z.string()),
        s.purgeDeleted(),
      ]);
      if (excluded.ok && excluded.value !== undefined) setPublishedExcluded(new Set(excluded.value));
      if (covers.ok) setReportCovers(parseReportCovers(covers.value).covers);
      if (boundaries.ok) {
        const parsed = parseBoundarySets(boundaries.value);
        setBoundarySets(parsed.sets);
        if (parsed.problem !== undefined) addNotice({ id: 'boundaries', tone: 'warning', key: 'boundaries.unreadable', params: { problem: parsed.problem } });
      }
      if (headlines.ok) setHeadlineChoices(parseHeadlineChoices(headlines.value));
      if (gaz.ok && gaz.value !== undefined) {
        const parsed = parseGazetteer(gaz.value);
        setGazetteer(parsed.gazetteer);
        if (parsed.problem !== undefined) addNotice({ id: 'gazetteer', tone: 'warning', key: 'places.unreadable', params: { problem: parsed.problem } });
      }
      persistRequested.current = persisted.ok && persisted.value === true;
      const next: { lang?: Lang; digits?: Digits } = {};
      if (lang.ok && lang.value !== undefined) next.lang = lang.value;
      if (digits.ok && digits.value !== undefined) next.digits = digits.value;
      if (stopped) return;
      setSettings(next);
      await reload(s);
      if (stopped) return;
      setReady(true);
    })();
    return () => {
      stopped = true;
      store.current?.close();
      store.current = null;
    };
  }, [addNotice, reload]);

  // Another tab imported, replaced, deleted or restored a dataset (or saved a mapping): read the store again.
  useEffect(() => {
    if (!ready) return;
    const sync = openTabSync(() => {
      const s = store.current;
      if (s !== null) void reload(s).then((ok) => ok && setRevision((r) => r + 1));
    });
    tabSync.current = sync;
    return () => {
      tabSync.current = null;
      sync.close();
    };
  }, [ready, reload]);

  // The site's publication is read for every visitor, whatever this browser saved (again when the URL asks for another).
  useEffect(() => {
    if (!ready) return;
    if (published !== null && published.archive === asPublished) return;
    let stopped = false;
    setLoading('loading.published');
    void Promise.all([loadPublished(asPublished), asPublished === undefined ? undefined : readPublicationIndex()]).then(([p, index]) => {
      if (stopped) return;
      // An archived publication is listed with the current one's date and archives (its own manifest lists none).
      setPublished({ ...p, archive: asPublished, ...(index === undefined ? {} : { current: index }) });
      if (p.manifestProblem !== undefined) addNotice({ id: 'manifest', tone: 'warning', key: 'builtin.manifestInvalid', params: { problem: p.manifestProblem } });
      if (p.problems.length > 0) addNotice({ id: 'builtin', tone: 'warning', key: 'builtin.failed', params: { reason: p.problems[0] ?? '' }, details: p.problems });
      if (asPublished !== undefined && p.datasets.length === 0 && p.manifestProblem === undefined && p.problems.length === 0)
        addNotice({ id: 'archive', tone: 'warning', key: 'publication.archiveMissing', params: { date: asPublished } });
    });
    return () => {
      stopped = true;
    };
  }, [ready, asPublished, published, addNotice]);

  // The demo is read only when there is nothing else to show (at start, or after the last dataset is deleted).
  const needsDemo = published !== null && published.archive === undefined && published.datasets.length === 0 && saved.length === 0;
  useEffect(() => {
    if (!ready || published === null || published.archive !== asPublished) return;
    if (!needsDemo || demo !== null) {
      setLoading(null);
      return;
    }
    if (demoRequested.current) return;
    demoRequested.current = true;
    setLoading('loading.demo');
    void loadDemo().then((d) => {
      setDemo(d);
      setLoading(null);
      if (d.problems.length > 0) addNotice({ id: 'builtin', tone: 'error', key: 'builtin.failed', params: { reason: d.problems[0] ?? '' }, details: d.problems });
    });
  }, [ready, asPublished, published, needsDemo, demo, addNotice]);

  const saveSetting = useCallback((key: 'lang' | 'digits', value: string) => {
    void store.current?.putSetting(key, value);
  }, []);

  /** After the first successful import (still within the user's gesture): ask the browser to keep our storage. */
  const askPersistence = useCallback((s: MarsadStore) => {
    if (persistRequested.current) return;
    persistRequested.current = true;
    void requestPersistentStorage().then(() => {
      void s.putSetting('persistRequested', true);
      changed();
    });
  }, [changed]);

  /** The headline series a dataset's metadata names become its headline choices, unless the user chose one. */
  const adoptHeadlines = useCallback(async (datasetId: string, metadata: DatasetMetadata | undefined) => {
    if (metadata === undefined) return;
    let next = headlineChoicesRef.current;
    for (const [code, ind] of Object.entries(metadata.indicators)) {
      if (ind.headlineSeries !== undefined && next[datasetId]?.[code] === undefined) next = chooseHeadline_(next, datasetId, code, ind.headlineSeries);
    }
    if (next === headlineChoicesRef.current) return;
    headlineChoicesRef.current = next;
    setHeadlineChoices(next);
    await store.current?.putSetting(HEADLINES_SETTING, JSON.stringify(next));
  }, []);

  const importDataset = useCallback(
    async (name: string, results: readonly IngestResult[], options: { replaceId?: string; metadata?: DatasetMetadata } = {}): Promise<ImportOutcome> => {
      const metadata = hasDatasetIndicators(options.metadata) ? options.metadata : undefined;
      const table = mergeTables(results.map((r) => r.table));
      if (table.length === 0) return { ok: false, key: 'import.blocked' };
      const now = Date.now();
      const content = {
        importedAt: now,
        files: results.map((r) => r.file),
        issueCounts: sumCounts(results),
        rowsRejected: results.reduce((n, r) => n + r.rowsRejected, 0),
        table,
      };
      const s = store.current;
      const replaceId = options.replaceId;
      if (replaceId !== undefined) {
        const target = saved.find((d) => d.id === replaceId);
        if (target === undefined) return { ok: false, key: 'import.replaceGone' };
        let next: LoadedDataset;
        if (s !== null) {
          const result = await s.replaceDataset(replaceId, content, now, metadata);
          if (!result.ok) return failure(result.error);
          next = loadedFromRecord(result.value);
          askPersistence(s);
        } else {
          // Without storage there is nothing to keep earlier versions in.
          next = toLoadedDataset({ ...target, table, files: content.files, versionNumber: target.versionNumber + 1, importedAt: now, history: [], ...(metadata !== undefined ? { metadata } : {}) });
        }
        await adoptHeadlines(replaceId, metadata);
        setSaved((prev) => prev.map((d) => (d.id === replaceId ? next : d)));
        changed();
        return { ok: true, name: next.name, count: table.length, version: next.versionNumber, replaced: true };
      }
      const record: DatasetRecord = {
        version: DATASET_RECORD_VERSION,
        id: newId(),
        name,
        createdAt: now,
        source: 'upload',
        included: true,
        deletedAt: null,
        current: { number: 1, ...content },
        history: [],
        latestNumber: 1,
        ...(metadata !== undefined ? { metadata } : {}),
      };
      if (s !== null) {
        const result = await s.saveDataset(record);
        if (!result.ok) return failure(result.error);
        askPersistence(s);
      }
      await adoptHeadlines(record.id, metadata);
      setSaved((prev) => [...prev, loadedFromRecord(record)]);
      changed();
      return { ok: true, name, count: table.length, version: 1, replaced: false };
    },
    [saved, askPersistence, changed, adoptHeadlines],
  );

  const findDataset = useCallback((name: string) => {
    const key = datasetNameKey(name);
    // The latest saved dataset of that name (a workspace merge can bring two).
    return [...saved].reverse().find((d) => d.source === 'upload' && datasetNameKey(d.name) === key);
  }, [saved]);

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
      changed();
      return target;
    },
    [saved, addNotice, changed],
  );

  const restoreDataset = useCallback(
    async (dataset: LoadedDataset): Promise<boolean> => {
      const s = store.current;
      if (s !== null) {
        const r = await s.setDeleted(dataset.id, false);
        if (!r.ok) return false;
      }
      setSaved((prev) => (prev.some((d) => d.id === dataset.id) ? prev : [...prev, dataset].sort((a, b) => a.createdAt - b.createdAt)));
      changed();
      return true;
    },
    [changed],
  );

  const purgeDeleted = useCallback(() => {
    void store.current?.purgeDeleted().then(changed);
  }, [changed]);

  const restoreVersion = useCallback(
    async (id: string, number: number): Promise<ActionOutcome> => {
      const s = store.current;
      if (s === null) return { ok: false, key: 'storage.unavailable' };
      const r = await s.restoreVersion(id, number);
      if (!r.ok) return failure(r.error);
      const next = loadedFromRecord(r.value);
      setSaved((prev) => prev.map((d) => (d.id === id ? next : d)));
      changed();
      return { ok: true };
    },
    [changed],
  );

  const setIncluded = useCallback(async (id: string, included: boolean): Promise<ActionOutcome> => {
    if (published?.datasets.some((d) => d.id === id) === true) {
      // A visitor's own choice about the published data, kept in this browser; the publication is untouched.
      const next = new Set(publishedExcluded);
      if (included) next.delete(id);
      else next.add(id);
      setPublishedExcluded(next);
      const s = store.current;
      if (s !== null) {
        const r = await s.putSetting(PUBLISHED_EXCLUDED_SETTING, [...next]);
        if (!r.ok) return failure(r.error);
      }
      return { ok: true };
    }
    // Shown at once (the switch follows the click); undone if it cannot be saved.
    setSaved((prev) => prev.map((d) => (d.id === id ? { ...d, included } : d)));
    const s = store.current;
    if (s !== null) {
      const r = await s.setIncluded(id, included);
      if (!r.ok) {
        setSaved((prev) => prev.map((d) => (d.id === id ? { ...d, included: !included } : d)));
        return failure(r.error);
      }
    }
    return { ok: true };
  }, [published, publishedExcluded]);

  const describeDataset = useCallback(
    async (id: string, name: string, info: DatasetInfo): Promise<ActionOutcome> => {
      const target = saved.find((d) => d.id === id);
      if (target === undefined) return { ok: false, key: 'datasets.readOnly' };
      const trimmed = name.trim();
      if (trimmed === '') return { ok: false, key: 'datasets.nameRequired' };
      const s = store.current;
      let next: LoadedDataset = { ...target, name: trimmed, info: cleanInfo(info) };
      if (s !== null) {
        const r = await s.describeDataset(id, trimmed, info);
        if (!r.ok) return failure(r.error);
        next = loadedFromRecord(r.value);
      }
      setSaved((prev) => prev.map((d) => (d.id === id ? next : d)));
      changed();
      return { ok: true };
    },
    [saved, changed],
  );

  const saveMapping = useCallback(
    async (mapping: SavedMapping): Promise<ActionOutcome> => {
      const s = store.current;
      if (s !== null) {
        const r = await s.putMapping(mapping);
        if (!r.ok) return failure(r.error);
      }
      setMappings((prev) => [mapping, ...prev.filter((m) => m.signature !== mapping.signature)]);
      changed();
      return { ok: true };
    },
    [changed],
  );

  const deleteMapping = useCallback(
    async (signature: string): Promise<ActionOutcome> => {
      const s = store.current;
      if (s !== null) {
        const r = await s.deleteMapping(signature);
        if (!r.ok) return failure(r.error);
      }
      setMappings((prev) => prev.filter((m) => m.signature !== signature));
      changed();
      return { ok: true };
    },
    [changed],
  );

  const saveGazetteer = useCallback(async (next: Gazetteer): Promise<ActionOutcome> => {
    setGazetteer(next);
    const s = store.current;
    if (s === null) return { ok: false, key: 'storage.unavailable' };
    const r = await s.putSetting(GAZETTEER_SETTING, JSON.stringify(next));
    if (!r.ok) return failure(r.error);
    return { ok: true };
  }, []);

  // The home city is set on the first import (the city the data is most about), then changed by the user.
  useEffect(() => {
    if (!ready || gazetteer.home !== undefined || saved.length === 0) return;
    const home = mainCityOf(saved.map((d) => d.table));
    if (home !== undefined) void saveGazetteer(setHomePlace(gazetteer, home));
  }, [ready, gazetteer, saved, saveGazetteer]);

  const exportWorkspace = useCallback(async () => {
    const s = store.current;
    if (s === null) return { ok: false as const, key: 'storage.unavailable' as const };
    const snapshot = await s.exportWorkspace(SETTING_KEYS);
    if (!snapshot.ok) return failure(snapshot.error);
    const now = new Date();
    // The workspace writer is loaded when first used (it is not part of the first load).
    const { encodeWorkspace, workspaceFileName } = await import('@/storage/workspace');
    return { ok: true as const, text: encodeWorkspace(snapshot.value, { appVersion, exportedAt: now }), fileName: workspaceFileName(now) };
  }, []);

  const importWorkspace = useCallback(
    async (file: WorkspaceFile, mode: WorkspaceImportMode) => {
      const s = store.current;
      if (s === null) return { ok: false as const, key: 'storage.unavailable' as const };
      const known = knownSettings(file.settings);
      const r = await s.importWorkspace({ ...file, settings: mode === 'replace' ? known : {} }, mode);
      if (!r.ok) return failure(r.error);
      if (mode === 'replace') {
        const { gazetteer: gText, headlines: hText, boundaries: bText, covers: cText, ...rest } = known;
        setBoundarySets(parseBoundarySets(bText).sets);
        setReportCovers(parseReportCovers(cText).covers);
        setSettings((prev) => ({ ...prev, ...rest }));
        setHeadlineChoices(parseHeadlineChoices(hText));
        setGazetteer(gText === undefined ? EMPTY_GAZETTEER : parseGazetteer(gText).gazetteer);
      }
      await reload(s);
      askPersistence(s);
      changed();
      return { ok: true as const, summary: r.value };
    },
    [reload, askPersistence, changed],
  );

  const dismissNotice = useCallback((id: string) => setNotices((prev) => prev.filter((n) => n.id !== id)), []);

  // What the Data view lists: an archived publication alone; else the published datasets (with this
  // browser's choice of which to use) and the saved ones; else the demo.
  const archived = published !== null && published.archive !== undefined;
  const library = useMemo((): LoadedDataset[] => {
    if (published !== null && published.archive !== undefined) return published.datasets;
    const pub = (published?.datasets ?? []).map((d) => (publishedExcluded.has(d.id) ? { ...d, included: false } : d));
    const pool = [...pub, ...saved];
    return pool.length > 0 ? pool : (demo?.datasets ?? []);
  }, [published, publishedExcluded, saved, demo]);
  const active = useMemo(() => library.filter((d) => d.included), [library]);
  const merged = useMemo(() => mergeDatasets(active), [active]);
  const datasets = useMemo((): LoadedDataset[] => {
    const [only] = active;
    if (active.length === 0 || only === undefined) return [];
    if (active.length === 1) return [only];
    return [
      toLoadedDataset({
        id: 'merged',
        name: active.map((d) => d.name).join(' + '),
        source: active.every((d) => d.source === 'published') ? 'published' : 'upload',
        createdAt: Math.min(...active.map((d) => d.createdAt)),
        importedAt: Math.max(...active.map((d) => d.importedAt)),
        table: merged.table,
        files: active.flatMap((d) => d.files),
        parts: active,
      }),
    ];
  }, [active, merged]);
  // The views read the data with the gazetteer's merges applied (صور's rows are Tyre's).
  const viewDatasets = useMemo(
    () =>
      datasets.map((d) => {
        const table = applyMerges(d.table, gazetteer);
        return table === d.table ? d : { ...d, table };
      }),
    [datasets, gazetteer],
  );
  // Names: the demo's, then the publisher's, then this browser's own (an archived publication: its own only).
  const cityNames = useMemo(
    (): CityNames => (archived ? { ...(published?.places ?? {}) } : { ...(demo?.cityNames ?? {}), ...(published?.places ?? {}), ...gazetteer.names }),
    [archived, demo, published, gazetteer],
  );
  const homeCity = useMemo(() => {
    const home = archived ? published?.home : (gazetteer.home ?? published?.home);
    return homeIn({ ...gazetteer, ...(home === undefined ? {} : { home }) }, listPlaces(viewDatasets.map((d) => d.table), gazetteer));
  }, [archived, published, gazetteer, viewDatasets]);
  const activeDatasetIds = useMemo(() => active.map((d) => d.id), [active]);
  const placesToPublish = useMemo(() => ({ names: { ...(published?.places ?? {}), ...gazetteer.names }, home: gazetteer.home ?? published?.home }), [published, gazetteer]);
  // Headline series: the publisher's, then this browser's own choices (an archived publication: the publisher's only).
  const allHeadlineChoices = useMemo(
    (): HeadlineChoices => (archived ? (published?.headlines ?? {}) : { ...(published?.headlines ?? {}), ...headlineChoices }),
    [archived, published, headlineChoices],
  );
  const chooseHeadline = useCallback(
    async (indicator: string, series: string | undefined, datasetId?: string): Promise<ActionOutcome> => {
      const pool = datasetId === undefined ? active : library;
      const holders = pool.filter((d) => (datasetId === undefined || d.id === datasetId) && d.table.dict.indicator.includes(indicator));
      let next = headlineChoices;
      // A choice for a published dataset starts from the publisher's and stays in this browser.
      for (const d of holders) next = chooseHeadline_({ ...next, ...(next[d.id] === undefined && published?.headlines[d.id] !== undefined ? { [d.id]: published.headlines[d.id] ?? {} } : {}) }, d.id, indicator, series);
      setHeadlineChoices(next);
      const s = store.current;
      if (s === null || holders.length === 0) return { ok: true };
      const r = await s.putSetting(HEADLINES_SETTING, JSON.stringify(next));
      return r.ok ? { ok: true } : failure(r.error);
    },
    [library, active, published, headlineChoices],
  );
  const saveBoundarySets = useCallback(async (next: BoundarySet[]): Promise<ActionOutcome> => {
    const s = store.current;
    if (s === null) {
      setBoundarySets(next);
      return { ok: true };
    }
    const r = await s.putSetting(BOUNDARIES_SETTING, JSON.stringify(next));
    if (!r.ok) return failure(r.error);
    setBoundarySets(next);
    changed();
    return { ok: true };
  }, [changed]);
  const merge = useMemo(() => ({ activeCount: active.length, conflicts: merged.conflicts, conflictCount: merged.conflictCount }), [active.length, merged]);
  const readVersion = useCallback(async (id: string, number: number) => {
    const s = store.current;
    if (s === null) return { ok: false as const, message: 'storage unavailable' };
    const r = await s.readVersion(id, number);
    return r.ok ? { ok: true as const, table: applyMerges(r.value.table, gazetteer) } : { ok: false as const, message: r.error.message };
  }, [gazetteer]);
  const saveReportCovers = useCallback(
    async (next: ReportCovers): Promise<ActionOutcome> => {
      const s = store.current;
      if (s !== null) {
        const r = await s.putSetting(REPORT_COVERS_SETTING, JSON.stringify(next));
        if (!r.ok) return failure(r.error);
      }
      setReportCovers(next);
      changed();
      return { ok: true };
    },
    [changed],
  );
  const publishedBoundarySets = useMemo(() => published?.boundarySets ?? [], [published]);
  const builtInKind = library.some((d) => d.source === 'demo') ? 'demo' : library.some((d) => d.source === 'published') ? 'published' : null;
  const publication = useMemo(
    () =>
      published === null || (published.datasets.length === 0 && published.archive === undefined)
        ? null
        : {
            date: published.date,
            archives: published.current?.archives ?? published.archives,
            asPublished: published.archive,
            datasets: published.datasets.length,
            currentDate: published.current?.date ?? published.date,
          },
    [published],
  );

  return {
    ready,
    loading,
    storageAvailable,
    datasets: viewDatasets,
    library,
    merge,
    builtInKind,
    publication,
    placesToPublish,
    cityNames,
    gazetteer,
    saveGazetteer,
    homeCity,
    headlineChoices: allHeadlineChoices,
    activeDatasetIds,
    chooseHeadline,
    boundarySets,
    publishedBoundarySets,
    saveBoundarySets,
    reportCovers,
    saveReportCovers,
    readVersion,
    notices,
    settings,
    saveSetting,
    importDataset,
    findDataset,
    deleteDataset,
    restoreDataset,
    purgeDeleted,
    restoreVersion,
    setIncluded,
    describeDataset,
    mappings,
    saveMapping,
    deleteMapping,
    exportWorkspace,
    importWorkspace,
    revision,
    dismissNotice,
  };
}
