import { describe, expect, it } from 'vitest';
import { base64ToTypedArray, typedArrayToBase64 } from '@/storage/base64';
import { summarizeVersion } from '@/storage/dataset-record';
import { headerSignature, MAPPING_RECORD_VERSION } from '@/storage/mapping-record';
import { encodeWorkspace, parseWorkspace, WORKSPACE_FORMAT, WORKSPACE_VERSION, workspaceFileName, type WorkspaceSnapshot } from '@/storage/workspace';
import { record, tableOf, version } from './fixtures';

/** Values a JSON round trip of plain numbers would not keep: -0, the smallest subnormals, 0.1 + 0.2, huge. (NaN is never an observation.) */
const AWKWARD = [-0, -5e-324, 5e-324, 0.1 + 0.2, 1.7976931348623157e308, -123456.789, 1 / 3];

function snapshot(): WorkspaceSnapshot {
  const a = record('a', [1, 2]);
  const awkward = tableOf(
    AWKWARD.map((value, i) => ({
      value,
      year: 2000 + i,
      city: i % 2 === 0 ? 'صور' : '<img src=x onerror=alert(1)>',
      disaggregation: i === 3 ? '[["Sex","Female"]]' : '',
      period: i === 4 ? '2017-18' : '',
      note: 'ملاحظة "quoted", \n new line',
    })),
  );
  const archived = { ...version(1, [5, 6, 7], 500), datasetId: 'a', archivedAt: 900 };
  return {
    datasets: [
      {
        record: { ...a, current: { ...version(2, [], 800), table: awkward }, history: [summarizeVersion(archived, 900)], latestNumber: 2, included: false },
        versions: [archived],
      },
      { record: record('b', [3], 2000), versions: [] },
    ],
    mappings: [
      {
        version: MAPPING_RECORD_VERSION,
        signature: headerSignature(['Ville', 'Année', 'Valeur']),
        header: ['Ville', 'Année', 'Valeur'],
        mapping: { city: 'Ville', year: 'Année', value: 'Valeur', disaggregations: [], ignore: [] },
        defaultIndicator: '11.6.2',
        fileName: 'ville.csv',
        savedAt: 1234,
      },
    ],
    settings: { lang: 'ar', digits: 'arab' },
  };
}

const META = { appVersion: '0.1.0', exportedAt: new Date('2026-11-23T10:00:00Z') };

function parseOk(text: string) {
  const r = parseWorkspace(text);
  if (!r.ok) throw new Error(`expected a workspace, got ${JSON.stringify(r.problem)}`);
  return r.value;
}

describe('encodeWorkspace / parseWorkspace', () => {
  it('writes the versioned envelope', () => {
    const json: unknown = JSON.parse(encodeWorkspace(snapshot(), META));
    expect(json).toMatchObject({ format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, exportedAt: '2026-11-23T10:00:00.000Z', app: { version: '0.1.0' } });
    const first = (json as { datasets: Array<{ current: { table: { encoding: string; columns: Record<string, unknown> } } }> }).datasets[0];
    expect(first?.current.table.encoding).toBe('base64-le');
    expect(typeof first?.current.table.columns.value).toBe('string');
  });

  it('round-trips datasets, versions, mappings and settings exactly, every number bit for bit', () => {
    const original = snapshot();
    const back = parseOk(encodeWorkspace(original, META));
    expect(back.datasets).toEqual(original.datasets);
    expect(back.mappings).toEqual(original.mappings);
    expect(back.settings).toEqual(original.settings);
    expect(back.appVersion).toBe('0.1.0');
    const values = back.datasets[0]?.record.current.table.value;
    expect(values).toBeInstanceOf(Float64Array);
    AWKWARD.forEach((v, i) => expect(Object.is(values?.[i], v), `value ${i}`).toBe(true));
  });

  it('round-trips a dataset’s own indicator metadata, and refuses a file whose metadata does not pass the schema', () => {
    const metadata = { indicators: { '11.1.1.c': { title: { en: 'Satisfied with the area', ar: 'الرضا عن المنطقة' }, unit: { en: '%' }, headlineSeries: 'All' } } };
    const withMeta: WorkspaceSnapshot = { datasets: [{ record: { ...record('m', [1]), metadata }, versions: [] }], mappings: [], settings: {} };
    const text = encodeWorkspace(withMeta, META);
    expect(parseOk(text).datasets[0]?.record.metadata).toEqual(metadata);
    // A record without metadata is written without the field.
    expect(encodeWorkspace({ ...withMeta, datasets: [{ record: record('n', [1]), versions: [] }] }, META)).not.toContain('"metadata"');
    const broken = text.replace('"Satisfied with the area"', '42');
    const parsed = parseWorkspace(broken);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem.code).toBe('invalid');
  });

  it('round-trips an empty workspace', () => {
    const back = parseOk(encodeWorkspace({ datasets: [], mappings: [], settings: {} }, META));
    expect(back.datasets).toEqual([]);
  });

  it('leaves soft-deleted datasets out', () => {
    const s = snapshot();
    const first = s.datasets[0];
    if (first) first.record = { ...first.record, deletedAt: 5 };
    expect(parseOk(encodeWorkspace(s, META)).datasets.map((d) => d.record.id)).toEqual(['b']);
  });
});

describe('parseWorkspace refuses', () => {
  const good = () => JSON.parse(encodeWorkspace(snapshot(), META)) as Record<string, unknown> & { datasets: Array<Record<string, unknown>> };
  const problemOf = (text: string) => {
    const r = parseWorkspace(text);
    return r.ok ? 'accepted' : r.problem;
  };
  const table = (j: ReturnType<typeof good>) => (j.datasets[1] as { current: { table: { length: number; columns: Record<string, string>; dict: Record<string, string[]> } } }).current.table;

  it.each([
    ['text that is not JSON', 'city,year\nAmman,2020', { code: 'not_json' }],
    ['an empty file', '', { code: 'not_json' }],
    ['JSON of another kind', '{"type":"excalidraw","version":2}', { code: 'not_workspace' }],
    ['a JSON array', '[1,2,3]', { code: 'not_workspace' }],
    ['a workspace without a version', `{"format":"${WORKSPACE_FORMAT}"}`, { code: 'invalid', detail: expect.stringContaining('version') }],
  ])('%s', (_, text, expected) => {
    expect(problemOf(text)).toEqual(expected);
  });

  it('a newer format version, saying which', () => {
    expect(problemOf(JSON.stringify({ ...good(), version: 2 }))).toEqual({ code: 'newer_version', version: 2 });
  });

  it('an envelope missing its datasets', () => {
    const { datasets: _d, ...rest } = good();
    expect(problemOf(JSON.stringify(rest))).toMatchObject({ code: 'invalid', detail: expect.stringContaining('datasets') });
  });

  it.each([
    ['a column that is not base64', (j: ReturnType<typeof good>) => void (table(j).columns.value = '***')],
    ['a column of the wrong length', (j: ReturnType<typeof good>) => void (table(j).length = 5)],
    ['a dictionary id outside its dictionary', (j: ReturnType<typeof good>) => void (table(j).dict.city = [''])],
    ['a dictionary whose first entry is not empty', (j: ReturnType<typeof good>) => void (table(j).dict.unit = ['x', 'y'])],
  ])('a damaged dataset: %s, naming the dataset', (_, damage) => {
    const j = good();
    damage(j);
    expect(problemOf(JSON.stringify(j))).toMatchObject({ code: 'corrupted_dataset', name: 'b.csv' });
  });

  it.each([
    ['a year of 0', 'year', Uint16Array.from([0])],
    ['a year of 65535', 'year', Uint16Array.from([65535])],
    ['a NaN value', 'value', Float64Array.from([NaN])],
    ['an infinite value', 'value', Float64Array.from([-Infinity])],
  ])('what a CSV import never lets in (%s) does not come in through a workspace file either', (_, column, first) => {
    const j = good();
    const t = table(j);
    const Kind = first.constructor as Float64ArrayConstructor | Uint16ArrayConstructor;
    const all = base64ToTypedArray(t.columns[column] ?? '', Kind as Float64ArrayConstructor, t.length);
    if (all === undefined) throw new Error('fixture column does not decode');
    all[0] = first[0] ?? 0;
    t.columns[column] = typedArrayToBase64(all);
    expect(problemOf(JSON.stringify(j))).toMatchObject({ code: 'corrupted_dataset', name: 'b.csv' });
  });

  it('two datasets with one id', () => {
    const j = good();
    j.datasets[1] = { ...j.datasets[1], id: 'a' };
    expect(problemOf(JSON.stringify(j))).toMatchObject({ code: 'invalid', detail: expect.stringContaining('twice') });
  });

  it('an unknown source or a wrong type anywhere', () => {
    const j = good();
    j.datasets[0] = { ...j.datasets[0], source: 'evil' };
    expect(problemOf(JSON.stringify(j))).toMatchObject({ code: 'invalid' });
    expect(problemOf(JSON.stringify({ ...good(), settings: { lang: { nested: true } } }))).toMatchObject({ code: 'invalid' });
  });
});

describe('base64 of typed arrays', () => {
  it.each([
    ['Float64Array', Float64Array.from([0, -0, NaN, Infinity, 1e-300, Math.PI])],
    ['Uint32Array', Uint32Array.from([0, 1, 2 ** 32 - 1, 123456789])],
    ['Uint16Array', Uint16Array.from([0, 2020, 65535])],
    ['an empty array', new Float64Array(0)],
  ])('round-trips %s', (_, a) => {
    const Kind = a.constructor as Float64ArrayConstructor;
    const back = base64ToTypedArray(typedArrayToBase64(a), Kind, a.length);
    expect(back).toBeInstanceOf(Kind);
    expect(Array.from(back ?? []).map((v) => Object.is(v, -0) ? '-0' : String(v))).toEqual(Array.from(a).map((v) => Object.is(v, -0) ? '-0' : String(v)));
  });

  it('round-trips a view into a larger buffer, and large arrays (chunked)', () => {
    const big = new Float64Array(100_003).map((_, i) => i / 7);
    const view = big.subarray(3, 100_001);
    expect(base64ToTypedArray(typedArrayToBase64(view), Float64Array, view.length)).toEqual(view);
  });

  it.each([
    ['not base64', '@@@@', 1],
    ['a length that is not a multiple of 4', 'AAA', 1],
    ['too few bytes for the length', typedArrayToBase64(Uint32Array.from([1])), 2],
  ])('refuses %s', (_, text, length) => {
    expect(base64ToTypedArray(text, Uint32Array, length)).toBeUndefined();
  });
});

describe('workspaceFileName', () => {
  it('names the file by the local date', () => {
    expect(workspaceFileName(new Date(2026, 0, 5, 23, 59))).toBe('marsad-workspace-2026-01-05.json');
  });
});

describe('headerSignature', () => {
  it.each([
    [['City', 'Year', 'Value'], ['city ', ' YEAR', 'value']],
    [['المدينة', 'السنة'], ['\u200fالمدينة', 'السنة\u200e']],
    [['Unit of\u00a0measure'], ['unit  of measure']],
    [['\ufeffCity'], ['City']],
  ])('treats %j and %j as the same columns', (a, b) => {
    expect(headerSignature(a)).toBe(headerSignature(b));
  });

  it.each([
    [['City', 'Year'], ['Year', 'City']],
    [['City', 'Year'], ['City', 'Year', 'Value']],
    [['a,b'], ['a', 'b']],
  ])('tells %j from %j', (a, b) => {
    expect(headerSignature(a)).not.toBe(headerSignature(b));
  });
});
