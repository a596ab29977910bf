import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { splitPlainRecords } from '@/ingest/split-plain';

/** The records PapaParse gives for `text` as ingest calls it (no header, no typing, empty lines kept, in chunks). */
function papaRecords(text: string, delimiter: string, newline: string, chunkSize: number): string[][] {
  const out: string[][] = [];
  Papa.parse<string[]>(text, {
    delimiter,
    newline: newline as Papa.ParseConfig['newline'],
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    chunkSize,
    chunk: (r: Papa.ParseResult<string[]>) => void out.push(...r.data),
    complete: () => undefined,
  } as Papa.ParseConfig<string[]> & { chunk: (r: Papa.ParseResult<string[]>) => void; complete: () => void });
  return out;
}

function ours(text: string, delimiter: string, newline: string, every = 7) {
  const records: string[][] = [];
  const last: boolean[] = [];
  const progress: number[] = [];
  splitPlainRecords(text, delimiter, newline, (fields, isLast) => {
    records.push(fields);
    last.push(isLast);
  }, (done) => progress.push(done), every);
  return { records, last, progress };
}

const DELIMITERS = [',', ';', '\t', '|'] as const;
const NEWLINES = ['\n', '\r\n', '\r'] as const;

describe('splitPlainRecords', () => {
  it('gives the records PapaParse gives for any text without quotes (property)', () => {
    // Cells of anything but a quote: delimiters of other kinds, lone CR or LF of another line style, BOMs, Arabic, blanks.
    const cell = fc.string({ unit: fc.constantFrom('a', 'ع', '٣', ' ', '.', ',', ';', '\t', '|', '\r', '\n', '\ufeff', '\u200f', '9'), maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 12 }),
        fc.constantFrom(...DELIMITERS),
        fc.constantFrom(...NEWLINES),
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        (rows, delimiter, newline, trailingBreak, chunkSize) => {
          const text = rows.map((r) => r.join(delimiter)).join(newline) + (trailingBreak && rows.length > 0 ? newline : '');
          fc.pre(text !== '');
          const got = ours(text, delimiter, newline);
          expect(got.records).toEqual(papaRecords(text, delimiter, newline, chunkSize));
          // Only the record after the last line break is the last.
          expect(got.last.indexOf(true)).toBe(got.records.length - 1);
          expect(got.last.filter(Boolean)).toHaveLength(1);
          // Progress goes up, and ends at the whole text.
          expect(got.progress.at(-1)).toBe(text.length);
          for (let k = 1; k < got.progress.length; k++) expect(got.progress[k] ?? 0).toBeGreaterThanOrEqual(got.progress[k - 1] ?? 0);
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });

  it('keeps a final empty record after a final line break, and blank lines as one empty field', () => {
    expect(ours('a,b\n\nc,d\n', ',', '\n')).toMatchObject({ records: [['a', 'b'], [''], ['c', 'd'], ['']], last: [false, false, false, true] });
    expect(ours('a;;b', ';', '\n').records).toEqual([['a', '', 'b']]);
    expect(ours('x\r\ny,z', ',', '\r\n').records).toEqual([['x'], ['y', 'z']]);
  });

  it('finds a delimiter after lines that have none (one search per delimiter, not per line)', () => {
    const text = `${'v\n'.repeat(5)}a,b`;
    expect(ours(text, ',', '\n').records).toEqual([['v'], ['v'], ['v'], ['v'], ['v'], ['a', 'b']]);
  });
});
