import 'fake-indexeddb/auto';
import { IDBFactory, IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { KEPT_VERSIONS } from '@/storage/dataset-record';
import { headerSignature, MAPPING_RECORD_VERSION, type SavedMapping } from '@/storage/mapping-record';
import { DB_NAME, type MarsadStore, openMarsadStore, readStorageEstimate, requestPersistentStorage } from '@/storage/marsad-db';
import { encodeWorkspace, parseWorkspace, type WorkspaceSnapshot } from '@/storage/workspace';
import { content, record, table } from './fixtures';

async function open(): Promise<MarsadStore> {
  const r = await openMarsadStore();
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function ids(store: MarsadStore): Promise<string[]> {
  const list = await store.listDatasets();
  return list.ok ? list.value.datasets.map((d) => d.id) : [];
}

async function get(store: MarsadStore, id: string) {
  const list = await store.listDatasets();
  return list.ok ? list.value.datasets.find((d) => d.id === id) : undefined;
}

function writeRaw(store: string, value: unknown, key?: IDBValidKey, dbVersion = 2): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, dbVersion);
    req.onsuccess = () => {
      const tx = req.result.transaction(store, 'readwrite');
      tx.objectStore(store).put(value, key);
      tx.oncomplete = () => {
        req.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error ?? new Error('write failed'));
    };
    req.onerror = () => reject(req.error ?? new Error('open failed'));
  });
}

function mapping(header: string[], savedAt = 1): SavedMapping {
  return { version: MAPPING_RECORD_VERSION, signature: headerSignature(header), header, mapping: { city: header[0] ?? 'x' }, fileName: 'a.csv', savedAt };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('MarsadStore: datasets', () => {
  it('saves a dataset and reads it back identical, typed arrays included', async () => {
    const store = await open();
    const rec = record('a');
    expect(await store.saveDataset(rec)).toEqual({ ok: true, value: undefined });
    const list = await store.listDatasets();
    expect(list.ok && list.value.problems).toEqual([]);
    const [back] = list.ok ? list.value.datasets : [];
    expect(back).toEqual(rec);
    expect(back?.current.table.value).toBeInstanceOf(Float64Array);
    expect(back?.current.table.dict.city).toEqual(['', 'عمّان']);
  });

  it('lists datasets oldest first and survives reopening', async () => {
    const store = await open();
    await store.saveDataset(record('late', [1], 2000));
    await store.saveDataset(record('early', [1], 1000));
    store.close();
    expect(await ids(await open())).toEqual(['early', 'late']);
  });

  it('never overwrites: saving an existing id fails and keeps the first', async () => {
    const store = await open();
    await store.saveDataset(record('a', [1]));
    const second = await store.saveDataset(record('a', [9, 9]));
    expect(second.ok).toBe(false);
    expect((await get(store, 'a'))?.current.table.length).toBe(1);
  });

  it('refuses to save a record its own schema rejects', async () => {
    const store = await open();
    const bad = record('x');
    const r = await store.saveDataset({ ...bad, current: { ...bad.current, table: { ...bad.current.table, length: 99 } } });
    expect(r.ok ? 'ok' : r.error.kind).toBe('invalid');
    expect(await ids(store)).toEqual([]);
  });

  it('reports and skips a stored record that fails the schema, keeping the others', async () => {
    const store = await open();
    await store.saveDataset(record('good'));
    await writeRaw('datasets', { id: 'corrupt', version: 2, name: 'x', current: { table: { length: 1, city: [0] } } });
    const list = await store.listDatasets();
    expect(list.ok && list.value.datasets.map((d) => d.id)).toEqual(['good']);
    expect(list.ok && list.value.problems.map((p) => p.key)).toEqual(['corrupt']);
  });

  it('soft-deletes, restores exactly on undo, and purges the dataset with its versions', async () => {
    const store = await open();
    const rec = record('a');
    await store.saveDataset(rec);
    await store.saveDataset(record('b'));
    await store.replaceDataset('a', content([7], 2000), 2000);
    expect((await store.setDeleted('a', true, 5000)).ok).toBe(true);
    expect(await ids(store)).toEqual(['b']);
    expect((await store.setDeleted('a', false)).ok).toBe(true);
    expect((await get(store, 'a'))?.current.number).toBe(2);
    await store.setDeleted('a', true, 5000);
    expect(await store.purgeDeleted(4000)).toEqual({ ok: true, value: 0 });
    expect(await store.purgeDeleted()).toEqual({ ok: true, value: 1 });
    expect((await store.setDeleted('a', false)).ok).toBe(false);
    expect(await ids(store)).toEqual(['b']);
    // The purge took the archived version with it.
    const exported = await store.exportWorkspace([]);
    expect(exported.ok && exported.value.datasets.flatMap((d) => d.versions)).toEqual([]);
    expect((await store.restoreVersion('a', 1)).ok).toBe(false);
  });

  it('keeps the choice to leave a dataset out of the dashboard', async () => {
    const store = await open();
    await store.saveDataset(record('a'));
    expect((await store.setIncluded('a', false)).ok).toBe(true);
    store.close();
    const again = await open();
    expect((await get(again, 'a'))?.included).toBe(false);
    await again.setIncluded('a', true);
    expect((await get(again, 'a'))?.included).toBe(true);
    const missing = await again.setIncluded('nope', true);
    expect(missing.ok ? 'ok' : missing.error.kind).toBe('not_found');
  });

  it('renames a dataset and keeps its source organisation, licence and notes, through reopening and a workspace file', async () => {
    const store = await open();
    await store.saveDataset(record('a'));
    const r = await store.describeDataset('a', 'Amman 2024', { source: '  Greater Amman Municipality ', licence: 'CC BY 4.0', notes: '' });
    expect(r.ok && r.value.info).toEqual({ source: 'Greater Amman Municipality', licence: 'CC BY 4.0' });
    store.close();
    const again = await open();
    const saved = await get(again, 'a');
    expect([saved?.name, saved?.info, saved?.current.table.length]).toEqual(['Amman 2024', { source: 'Greater Amman Municipality', licence: 'CC BY 4.0' }, record('a').current.table.length]);
    const snapshot = await again.exportWorkspace([]);
    if (!snapshot.ok) throw new Error('export');
    const back = parseWorkspace(encodeWorkspace(snapshot.value, { appVersion: 't', exportedAt: new Date(0) }));
    expect(back.ok && back.value.datasets[0]?.record.info).toEqual({ source: 'Greater Amman Municipality', licence: 'CC BY 4.0' });
    // Clearing every field removes the info; an unknown dataset is refused.
    const cleared = await again.describeDataset('a', 'Amman 2024', { source: ' ' });
    expect(cleared.ok && cleared.value.info).toBeUndefined();
    const missing = await again.describeDataset('nope', 'x', {});
    expect(missing.ok ? 'ok' : missing.error.kind).toBe('not_found');
  });

  it('keeps a dataset’s own indicator metadata; a new version with metadata replaces it, one without keeps it', async () => {
    const store = await open();
    const first = { indicators: { '11.1.1.c': { title: { en: 'Satisfied' } } } };
    const second = { indicators: { '11.1.1.c': { title: { en: 'Satisfied with the area' } } } };
    await store.saveDataset({ ...record('a'), metadata: first });
    expect((await get(store, 'a'))?.metadata).toEqual(first);
    await store.replaceDataset('a', content([1, 2]), 2000);
    expect((await get(store, 'a'))?.metadata).toEqual(first);
    await store.replaceDataset('a', content([3]), 3000, second);
    expect((await get(store, 'a'))?.metadata).toEqual(second);
    // Metadata that does not pass the schema is refused with the record.
    const bad = await store.saveDataset({ ...record('b'), metadata: { indicators: { '1.1.1': { title: { en: '' } } } } });
    expect(bad.ok ? 'ok' : bad.error.kind).toBe('invalid');
  });
});

describe('MarsadStore: versions', () => {
  it('replaceDataset makes the new content version 2 and keeps version 1', async () => {
    const store = await open();
    await store.saveDataset(record('a', [1, 2, 3]));
    const r = await store.replaceDataset('a', content([10, 20], 2000, 'a-new.csv'), 2500);
    expect(r.ok).toBe(true);
    const after = await get(store, 'a');
    expect(after?.current.number).toBe(2);
    expect(Array.from(after?.current.table.value ?? [])).toEqual([10, 20]);
    expect(after?.history).toEqual([{ number: 1, importedAt: 1000, archivedAt: 2500, observations: 3, fileNames: ['a.csv'] }]);
    expect(after?.createdAt).toBe(1000);
    expect(after?.name).toBe('a.csv');
  });

  it(`keeps the ${KEPT_VERSIONS} most recent earlier versions and never reuses a number`, async () => {
    const store = await open();
    await store.saveDataset(record('a', [1]));
    for (let v = 2; v <= 6; v++) await store.replaceDataset('a', content([v], v * 1000), v * 1000);
    const after = await get(store, 'a');
    expect(after?.current.number).toBe(6);
    expect(after?.history.map((h) => h.number)).toEqual([5, 4, 3]);
    const exported = await store.exportWorkspace([]);
    expect(exported.ok && exported.value.datasets[0]?.versions.map((v) => v.number).sort()).toEqual([3, 4, 5]);
    // Restore 3, then replace: the new version is 7, not a reused number.
    await store.restoreVersion('a', 3, 7000);
    await store.replaceDataset('a', content([7], 8000), 8000);
    const last = await get(store, 'a');
    expect(last?.current.number).toBe(7);
    expect(last?.history.map((h) => h.number)).toEqual([3, 6, 5]);
  });

  it('restoreVersion swaps: the earlier version is current, the current one is kept, and back again', async () => {
    const store = await open();
    const first = record('a', [1, 2, 3]);
    await store.saveDataset(first);
    await store.replaceDataset('a', content([9], 2000), 2000);
    const r = await store.restoreVersion('a', 1, 3000);
    expect(r.ok).toBe(true);
    const restored = await get(store, 'a');
    expect(restored?.current).toEqual(first.current);
    expect(restored?.history.map((h) => [h.number, h.archivedAt])).toEqual([[2, 3000]]);
    await store.restoreVersion('a', 2, 4000);
    const back = await get(store, 'a');
    expect(back?.current.number).toBe(2);
    expect(Array.from(back?.current.table.value ?? [])).toEqual([9]);
    expect(back?.history.map((h) => h.number)).toEqual([1]);
  });

  it('refuses to restore a version that is not kept, changing nothing', async () => {
    const store = await open();
    await store.saveDataset(record('a'));
    const before = await get(store, 'a');
    const r = await store.restoreVersion('a', 5);
    expect(r.ok ? 'ok' : r.error.kind).toBe('not_found');
    expect(await get(store, 'a')).toEqual(before);
  });

  it('refuses to replace a dataset that is not saved or is deleted', async () => {
    const store = await open();
    expect((await store.replaceDataset('nope', content([1]))).ok).toBe(false);
    await store.saveDataset(record('a'));
    await store.setDeleted('a', true);
    const r = await store.replaceDataset('a', content([1]));
    expect(r.ok ? 'ok' : r.error.kind).toBe('not_found');
  });

  it('is atomic: a write that fails half-way leaves the old version current and archives nothing', async () => {
    const store = await open();
    const rec = record('a', [1, 2, 3]);
    await store.saveDataset(rec);
    // The archive write succeeds, then the write of the new current version fails (as a full disk would).
    const put = FakeObjectStore.prototype.put;
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (this.name === 'datasets') throw new DOMException('disk full', 'QuotaExceededError');
      return put.call(this, value, key);
    });
    const r = await store.replaceDataset('a', content([9]), 2000);
    vi.restoreAllMocks();
    expect(r.ok ? 'ok' : r.error.kind).toBe('quota');
    expect(await get(store, 'a')).toEqual(rec);
    const exported = await store.exportWorkspace([]);
    expect(exported.ok && exported.value.datasets[0]?.versions).toEqual([]);
    // And the store still works afterwards.
    expect((await store.replaceDataset('a', content([9]), 2000)).ok).toBe(true);
  });
});

describe('MarsadStore: upgrade from the first release', () => {
  it('turns version 1 records into version 1 of their dataset, used on the dashboard', async () => {
    const t = table([5, 6]);
    const v1 = {
      version: 1,
      id: 'old',
      name: 'old.csv',
      createdAt: 123,
      source: 'upload',
      files: [],
      issueCounts: {},
      rowsRejected: 2,
      table: t,
      deletedAt: null,
    };
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        const ds = req.result.createObjectStore('datasets', { keyPath: 'id' });
        ds.createIndex('deletedAt', 'deletedAt');
        req.result.createObjectStore('settings');
        ds.put(v1);
      };
      req.onsuccess = () => {
        req.result.close();
        resolve();
      };
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
    const store = await open();
    const list = await store.listDatasets();
    expect(list.ok && list.value.problems).toEqual([]);
    const [d] = list.ok ? list.value.datasets : [];
    expect(d).toMatchObject({ version: 2, id: 'old', name: 'old.csv', included: true, latestNumber: 1, history: [] });
    expect(d?.current).toMatchObject({ number: 1, importedAt: 123, rowsRejected: 2 });
    expect(Array.from(d?.current.table.value ?? [])).toEqual([5, 6]);
    // Upgraded in place: a replace works on it.
    expect((await store.replaceDataset('old', content([1]), 500)).ok).toBe(true);
  });
});

describe('MarsadStore: saved mappings', () => {
  it('saves, lists newest first, replaces by header signature, and deletes', async () => {
    const store = await open();
    await store.putMapping(mapping(['City', 'Year'], 1));
    await store.putMapping(mapping(['Ville', 'Année'], 2));
    await store.putMapping({ ...mapping(['city ', 'YEAR'], 3), fileName: 'b.csv' });
    const list = await store.listMappings();
    expect(list.ok && list.value.map((m) => [m.fileName, m.header[0]])).toEqual([
      ['b.csv', 'city '],
      ['a.csv', 'Ville'],
    ]);
    await store.deleteMapping(headerSignature(['CITY', 'year']));
    const after = await store.listMappings();
    expect(after.ok && after.value.map((m) => m.header[0])).toEqual(['Ville']);
  });

  it('refuses a mapping its schema rejects and skips unreadable stored ones', async () => {
    const store = await open();
    const r = await store.putMapping({ ...mapping(['a']), mapping: { city: 5 } } as unknown as SavedMapping);
    expect(r.ok ? 'ok' : r.error.kind).toBe('invalid');
    await writeRaw('mappings', { junk: true }, 'x');
    await store.putMapping(mapping(['a']));
    const list = await store.listMappings();
    expect(list.ok && list.value.length).toBe(1);
  });
});

describe('MarsadStore: settings', () => {
  it('reads settings through a schema', async () => {
    const store = await open();
    const Lang = z.enum(['en', 'ar']);
    expect(await store.getSetting('lang', Lang)).toEqual({ ok: true, value: undefined });
    await store.putSetting('lang', 'ar');
    expect(await store.getSetting('lang', Lang)).toEqual({ ok: true, value: 'ar' });
    await store.putSetting('lang', '<script>');
    const bad = await store.getSetting('lang', Lang);
    expect(bad.ok ? 'ok' : bad.error.kind).toBe('invalid');
  });
});

describe('MarsadStore: workspace export and import', () => {
  async function filled(): Promise<MarsadStore> {
    const store = await open();
    await store.saveDataset(record('a', [1, 2]));
    await store.replaceDataset('a', content([3], 2000), 2000);
    await store.saveDataset(record('b', [4], 1500));
    await store.setIncluded('b', false);
    await store.saveDataset(record('gone', [5], 1600));
    await store.setDeleted('gone', true);
    await store.putMapping(mapping(['City', 'Year']));
    await store.putSetting('lang', 'ar');
    return store;
  }

  it('exports live datasets with their earlier versions, the mappings and the asked settings', async () => {
    const store = await filled();
    const r = await store.exportWorkspace(['lang', 'digits']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.datasets.map((d) => [d.record.id, d.record.current.number, d.versions.map((v) => v.number), d.record.included])).toEqual([
      ['a', 2, [1], true],
      ['b', 1, [], false],
    ]);
    expect(r.value.mappings.map((m) => m.header)).toEqual([['City', 'Year']]);
    expect(r.value.settings).toEqual({ lang: 'ar' });
  });

  it('replace: the workspace becomes exactly the file’s (versions restorable)', async () => {
    const source = await filled();
    const snap = await source.exportWorkspace(['lang']);
    source.close();
    globalThis.indexedDB = new IDBFactory();
    const target = await open();
    await target.saveDataset(record('mine'));
    await target.putMapping(mapping(['Other']));
    if (!snap.ok) throw new Error('export failed');
    const r = await target.importWorkspace(snap.value, 'replace');
    expect(r).toEqual({ ok: true, value: { added: 2, skipped: 0, renamed: 0, mappings: 1 } });
    expect(await ids(target)).toEqual(['a', 'b']);
    expect((await target.listMappings()).ok).toBe(true);
    expect(await target.getSetting('lang', z.string())).toEqual({ ok: true, value: 'ar' });
    expect((await target.restoreVersion('a', 1)).ok).toBe(true);
    expect(Array.from((await get(target, 'a'))?.current.table.value ?? [])).toEqual([1, 2]);
  });

  it('merge: adds what is new, keeps what is there, renames a taken name, keeps saved mappings', async () => {
    const store = await open();
    await store.saveDataset(record('a', [100]));
    await store.saveDataset({ ...record('x', [1]), name: 'B.CSV' });
    const own = mapping(['City', 'Year'], 99);
    await store.putMapping({ ...own, fileName: 'mine.csv' });
    const snapshot: WorkspaceSnapshot = {
      datasets: [
        { record: record('a', [1]), versions: [] },
        { record: record('b', [2]), versions: [] },
        { record: record('c', [3]), versions: [] },
      ],
      mappings: [mapping(['City', 'Year']), mapping(['Other'])],
      settings: { lang: 'ar' },
    };
    const r = await store.importWorkspace(snapshot, 'merge');
    expect(r).toEqual({ ok: true, value: { added: 2, skipped: 1, renamed: 1, mappings: 1 } });
    const list = await store.listDatasets();
    expect(list.ok && list.value.datasets.map((d) => [d.id, d.name]).sort()).toEqual([
      ['a', 'a.csv'],
      ['b', 'b.csv (2)'],
      ['c', 'c.csv'],
      ['x', 'B.CSV'],
    ]);
    expect(Array.from((await get(store, 'a'))?.current.table.value ?? [])).toEqual([100]);
    const maps = await store.listMappings();
    expect(maps.ok && maps.value.find((m) => m.signature === own.signature)?.fileName).toBe('mine.csv');
    // Merge leaves settings alone.
    expect(await store.getSetting('lang', z.string())).toEqual({ ok: true, value: undefined });
  });

  it('is atomic: a failure while writing the file’s datasets leaves everything as it was', async () => {
    const store = await filled();
    const before = await store.exportWorkspace(['lang']);
    const snapshot: WorkspaceSnapshot = {
      datasets: [
        { record: record('n1', [1]), versions: [] },
        { record: record('n2', [2]), versions: [] },
      ],
      mappings: [],
      settings: { lang: 'en' },
    };
    // The stores are cleared and the first dataset written; then the disk is full.
    const add = FakeObjectStore.prototype.add;
    let adds = 0;
    vi.spyOn(FakeObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (this.name === 'datasets' && ++adds === 2) throw new DOMException('disk full', 'QuotaExceededError');
      return add.call(this, value, key);
    });
    const r = await store.importWorkspace(snapshot, 'replace');
    vi.restoreAllMocks();
    expect(adds).toBe(2);
    expect(r.ok ? 'ok' : r.error.kind).toBe('quota');
    expect(await store.exportWorkspace(['lang'])).toEqual(before);
  });

  it('refuses a snapshot with an invalid record before touching anything', async () => {
    const store = await filled();
    const before = await store.exportWorkspace([]);
    const bad = record('z');
    const r = await store.importWorkspace({ datasets: [{ record: { ...bad, latestNumber: 0 }, versions: [] }], mappings: [], settings: {} }, 'replace');
    expect(r.ok ? 'ok' : r.error.kind).toBe('invalid');
    expect(await store.exportWorkspace([])).toEqual(before);
  });
});

describe('requestPersistentStorage and readStorageEstimate', () => {
  it('is false without the API and never throws', async () => {
    expect(await requestPersistentStorage(undefined)).toBe(false);
    const throwing = { persist: () => Promise.reject(new Error('no')), persisted: () => Promise.resolve(false) };
    expect(await requestPersistentStorage(throwing as unknown as StorageManager)).toBe(false);
  });

  it('asks only when not yet persistent', async () => {
    const persist = vi.fn(() => Promise.resolve(true));
    expect(await requestPersistentStorage({ persist, persisted: () => Promise.resolve(true) } as unknown as StorageManager)).toBe(true);
    expect(persist).not.toHaveBeenCalled();
    expect(await requestPersistentStorage({ persist, persisted: () => Promise.resolve(false) } as unknown as StorageManager)).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
  });

  it('reports usage, quota and persistence, or undefined', async () => {
    const storage = { estimate: () => Promise.resolve({ usage: 1234, quota: 10_000 }), persisted: () => Promise.resolve(false) };
    expect(await readStorageEstimate(storage as unknown as StorageManager)).toEqual({ usage: 1234, quota: 10_000, persisted: false });
    expect(await readStorageEstimate(undefined)).toBeUndefined();
    const throwing = { estimate: () => Promise.reject(new Error('no')) };
    expect(await readStorageEstimate(throwing as unknown as StorageManager)).toBeUndefined();
  });
});
