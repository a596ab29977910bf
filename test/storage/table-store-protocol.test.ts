import { describe, expect, it } from 'vitest';
import { TABLE_COLUMNS } from '@/domain/observation-table';
import { TablePartSchema, TableStoreRequestSchema, withColumns } from '@/storage/table-store-protocol';
import { content, record } from './fixtures';

/** What the page sends: one `part` per column, then the request whose table has its length and dictionaries only. */
function split<T extends { table: Record<string, unknown> }>(version: T) {
  const columns: Record<string, unknown> = {};
  for (const c of TABLE_COLUMNS) columns[c] = version.table[c];
  const shell = { length: version.table.length, dict: version.table.dict };
  return { columns, version: { ...version, table: shell } };
}

describe('the storage worker protocol', () => {
  it('puts the columns sent one by one back into a saved record, which then passes its schema whole', () => {
    const r = record('a', [1, 2, 3]);
    const { columns, version } = split(r.current);
    for (const c of TABLE_COLUMNS) expect(TablePartSchema.safeParse({ id: 1, op: 'part', column: c, array: columns[c] }).success).toBe(true);
    const request = withColumns({ id: 1, op: 'save', record: { ...r, current: version } }, columns);
    const parsed = TableStoreRequestSchema.parse(request);
    expect(parsed).toEqual({ id: 1, op: 'save', record: r });
  });

  it('does so for a new version too', () => {
    const c = content([4, 5]);
    const { columns, version } = split(c);
    const parsed = TableStoreRequestSchema.parse(withColumns({ id: 2, op: 'replace', datasetId: 'a', content: version, now: 5 }, columns));
    expect(parsed).toEqual({ id: 2, op: 'replace', datasetId: 'a', content: c, now: 5 });
  });

  it('refuses a request whose columns did not all arrive, and a part that is not a typed array', () => {
    const r = record('a', [1, 2, 3]);
    const { columns, version } = split(r.current);
    delete columns.value;
    expect(TableStoreRequestSchema.safeParse(withColumns({ id: 3, op: 'save', record: { ...r, current: version } }, columns)).success).toBe(false);
    expect(TablePartSchema.safeParse({ id: 3, op: 'part', column: 'value', array: [1, 2, 3] }).success).toBe(false);
    expect(TablePartSchema.safeParse({ id: 3, op: 'part', column: 'nonsense', array: new Uint32Array(1) }).success).toBe(false);
  });

  it('leaves a request without columns as it is', () => {
    expect(withColumns({ id: 4, op: 'list' }, undefined)).toEqual({ id: 4, op: 'list' });
    expect(withColumns('garbage', { year: new Uint16Array(1) })).toBe('garbage');
  });
});
