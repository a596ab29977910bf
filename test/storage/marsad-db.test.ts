import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ObservationTableBuilder } from '@/domain/observation-table';
import { DATASET_RECORD_VERSION, type DatasetRecord } from '@/storage/dataset-record';
import { openMarsadStore, requestPersistentStorage, type MarsadStore } from '@/storage/marsad-db';

function table(values: number[]) {
  const b = new ObservationTableBuilder();
  values.forEach((value, i) =>
    b.push({ city: 'عمّان', cityCode: 'JO-AMM', indicator: '11.6.2', year: 2015 + i, value, period: '', unit: 'µg/m³', series: '', disaggregation: '', source: '', note: '', line: i + 2 }),
  );
  return b.finish();
}

function record(id: string, values = [1, 2, 3], createdAt = 1000): DatasetRecord {
  return {
    version: DATASET_RECORD_VERSION,
    id,
    name: `${id}.csv`,
    createdAt,
    source: 'upload',
    files: [{ name: `${id}.csv`, bytes: 10, encoding: 'utf-8', bom: false, delimiter: ',', decimal: '.', layout: 'long', header: ['city'], rows: values.length, mapping: {} }],
    issueCounts: { blank_row: 1 },
    rowsRejected: 0,
    table: table(values),
    deletedAt: null,
  };
}

async function open(): Promise<MarsadStore> {
  const r = await openMarsadStore();
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('MarsadStore', () => {
  it('saves a dataset and reads it back identical, typed arrays included', async () => {
    const store = await open();
    const rec = record('a');
    expect(await store.saveDataset(rec)).toEqual({ ok: true, value: undefined });
    const list = await store.listDatasets();
    expect(list.ok && list.value.problems).toEqual([]);
    const [back] = list.ok ? list.value.datasets : [];
    expect(back).toEqual(rec);
    expect(back?.table.value).toBeInstanceOf(Float64Array);
    expect(back?.table.dict.city).toEqual(['', 'عمّان']);
  });

  it('lists datasets oldest first and survives reopening', async () => {
    const store = await open();
    await store.saveDataset(record('late', [1], 2000));
    await store.saveDataset(record('early', [1], 1000));
    store.close();
    const again = await open();
    const list = await again.listDatasets();
    expect(list.ok && list.value.datasets.map((d) => d.id)).toEqual(['early', 'late']);
  });

  it('never overwrites: saving an existing id fails and keeps the first', async () => {
    const store = await open();
    await store.saveDataset(record('a', [1]));
    const second = await store.saveDataset(record('a', [9, 9]));
    expect(second.ok).toBe(false);
    const list = await store.listDatasets();
    expect(list.ok && list.value.datasets[0]?.table.length).toBe(1);
  });

  it('refuses to save a record its own schema rejects', async () => {
    const store = await open();
    const bad = { ...record('x'), table: { ...record('x').table, length: 99 } };
    const r = await store.saveDataset(bad);
    expect(r.ok ? 'ok' : r.error.kind).toBe('invalid');
    const list = await store.listDatasets();
    expect(list.ok && list.value.datasets).toEqual([]);
  });

  it('reports and skips a stored record that fails the schema, keeping the others', async () => {
    const store = await open();
    await store.saveDataset(record('good'));
    // Write a corrupt record behind the store's back (an older app, a manual edit, a bug).
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('marsad', 1);
      req.onsuccess = () => {
        const tx = req.result.transaction('datasets', 'readwrite');
        tx.objectStore('datasets').put({ id: 'corrupt', version: 1, name: 'x', table: { length: 1, city: [0] } });
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    const list = await store.listDatasets();
    expect(list.ok && list.value.datasets.map((d) => d.id)).toEqual(['good']);
    expect(list.ok && list.value.problems.map((p) => p.key)).toEqual(['corrupt']);
  });

  it('soft-deletes, restores exactly on undo, and purges', async () => {
    const store = await open();
    const rec = record('a');
    await store.saveDataset(rec);
    await store.saveDataset(record('b'));
    expect((await store.setDeleted('a', true, 5000)).ok).toBe(true);
    let list = await store.listDatasets();
    expect(list.ok && list.value.datasets.map((d) => d.id)).toEqual(['b']);
    expect((await store.setDeleted('a', false)).ok).toBe(true);
    list = await store.listDatasets();
    expect(list.ok && list.value.datasets.find((d) => d.id === 'a')).toEqual(rec);
    await store.setDeleted('a', true, 5000);
    expect(await store.purgeDeleted(4000)).toEqual({ ok: true, value: 0 });
    expect(await store.purgeDeleted()).toEqual({ ok: true, value: 1 });
    expect((await store.setDeleted('a', false)).ok).toBe(false);
    list = await store.listDatasets();
    expect(list.ok && list.value.datasets.map((d) => d.id)).toEqual(['b']);
  });

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

describe('requestPersistentStorage', () => {
  it('is false without the API and never throws', async () => {
    expect(await requestPersistentStorage(undefined)).toBe(false);
    const throwing = { persist: () => Promise.reject(new Error('no')), persisted: () => Promise.resolve(false) };
    expect(await requestPersistentStorage(throwing as unknown as StorageManager)).toBe(false);
  });
});
