import { describe, expect, it } from 'vitest';
import { type ObservationTable, TABLE_COLUMNS } from '@/domain/observation-table';
import { columnParts, PartsInbox, type TablePart, TablePartSchema, TableStoreRequestSchema, withColumns } from '@/storage/table-store-protocol';
import { content, record } from './fixtures';

/** What the page sends: the `part`s of every column, then the request whose table has its length and dictionaries only. */
function split<T extends { table: Record<string, unknown> & ObservationTable }>(version: T, partBytes?: number) {
  const inbox = new PartsInbox();
  const parts: TablePart[] = [];
  for (const c of TABLE_COLUMNS) {
    for (const { part, transfer } of columnParts(1, c, version.table[c], partBytes)) {
      expect(transfer).toBe(part.array.buffer);
      expect(TablePartSchema.safeParse(part).success).toBe(true);
      parts.push(part);
      inbox.add(part);
    }
  }
  const shell = { length: version.table.length, dict: version.table.dict };
  return { columns: inbox.take(1) ?? {}, parts, version: { ...version, table: shell } };
}

describe('the storage worker protocol', () => {
  it('puts the columns sent one by one back into a saved record, which then passes its schema whole', () => {
    const r = record('a', [1, 2, 3]);
    const { columns, parts, version } = split(r.current);
    expect(parts).toHaveLength(TABLE_COLUMNS.length);
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

  it('sends a long column in pieces of at most the part size, copies of the page’s column, and puts them back together', () => {
    const c = content([1, 2, 3, 4, 5, 6, 7]);
    // 16 bytes a piece: two values, four ids, eight years.
    const { columns, parts, version } = split(c, 16);
    expect(parts.filter((p) => p.column === 'value').map((p) => [p.offset, p.array.length])).toEqual([[0, 2], [2, 2], [4, 2], [6, 1]]);
    expect(parts.filter((p) => p.column === 'city').map((p) => p.offset)).toEqual([0, 4]);
    expect(parts.filter((p) => p.column === 'year')).toHaveLength(1);
    for (const p of parts) expect(p.array.byteLength).toBeLessThanOrEqual(16);
    expect(parts.find((p) => p.column === 'value')?.array.buffer).not.toBe(c.table.value.buffer);
    const parsed = TableStoreRequestSchema.parse(withColumns({ id: 1, op: 'replace', datasetId: 'a', content: version }, columns));
    expect(parsed).toEqual({ id: 1, op: 'replace', datasetId: 'a', content: c });
  });

  it('sends an empty column as one empty piece', () => {
    const parts = [...columnParts(1, 'value', new Float64Array(0))];
    expect(parts.map((p) => [p.part.length, p.part.offset, p.part.array.length])).toEqual([[0, 0, 0]]);
    const inbox = new PartsInbox();
    inbox.add(parts[0]!.part);
    expect(inbox.take(1)?.value).toEqual(new Float64Array(0));
  });

  it('refuses a table with a column that lost a piece, got one twice, or got one that does not fit', () => {
    const c = content([1, 2, 3, 4, 5]);
    const { parts, version } = split(c, 16);
    const refused = (columns: Record<string, unknown> | undefined) =>
      TableStoreRequestSchema.safeParse(withColumns({ id: 1, op: 'replace', datasetId: 'a', content: version }, columns)).success === false;

    const lost = new PartsInbox();
    for (const p of parts) if (!(p.column === 'value' && p.offset === 2)) lost.add(p);
    const withoutValue = lost.take(1) ?? {};
    expect(withoutValue.value).toBeNull();
    expect(withoutValue.city).toBeInstanceOf(Uint32Array);
    expect(refused(withoutValue)).toBe(true);

    // The first piece of `value` twice and the second never: as many values as the column holds, but not its values.
    const twice = new PartsInbox();
    for (const p of parts) twice.add(p.column === 'value' && p.offset === 2 ? { ...p, offset: 0 } : p);
    expect(twice.take(1)?.value).toBeNull();

    const misfit = new PartsInbox();
    for (const p of parts) misfit.add(p.column === 'city' && p.offset === 4 ? { ...p, offset: 4, array: new Uint32Array(3) } : p);
    misfit.add({ id: 1, op: 'part', column: 'year', length: 5, offset: 0, array: new Uint32Array(5) });
    const taken = misfit.take(1) ?? {};
    expect(taken.city).toBeNull();
    expect(taken.year).toBeNull();
    expect(refused(taken)).toBe(true);
    expect(misfit.take(1)).toBeUndefined();
  });

  it('refuses a table whose place columns never came, instead of reading it as a table saved before places existed', () => {
    const c = content([1, 2, 3]);
    const { parts, version } = split(c);
    const inbox = new PartsInbox();
    for (const p of parts) if (p.column !== 'placeKind' && p.column !== 'placeParent') inbox.add(p);
    const columns = inbox.take(1);
    expect(columns?.placeKind).toBeNull();
    expect(TableStoreRequestSchema.safeParse(withColumns({ id: 1, op: 'replace', datasetId: 'a', content: version }, columns)).success).toBe(false);
  });

  it('leaves a request without columns as it is', () => {
    expect(withColumns({ id: 4, op: 'list' }, undefined)).toEqual({ id: 4, op: 'list' });
    expect(withColumns('garbage', { year: new Uint16Array(1) })).toBe('garbage');
  });
});
