import Papa from 'papaparse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOM, formatNumber, isFormulaLike, neutralizeFormula, toCsv } from '@/ingest/write-csv';

function parse(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true);
  const r = Papa.parse<string[]>(csv.slice(1), { header: false, skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return r.data;
}

describe('neutralizeFormula', () => {
  it.each(['=1+1', '+1', '-x', '@SUM(A1:A2)', '\t=1', ' =1', '\r=1', '\0=1', '  -2+3+cmd|\' /C calc\'!A0', '＝1+1', '\tplain'])(
    'escapes %j',
    (payload) => {
      expect(isFormulaLike(payload)).toBe(true);
      expect(neutralizeFormula(payload)).toBe(`'${payload}`);
    },
  );
  it.each(['Amman', 'عمّان', '11.6.2', '5', '-5', '-0.25', ' plain', "'already", 'a=b', 'x-1', ''])('leaves %j alone', (text) => {
    expect(isFormulaLike(text)).toBe(false);
    expect(neutralizeFormula(text)).toBe(text);
  });
  it('does not exempt negative numbers with more after them', () => {
    expect(neutralizeFormula('-5+cmd')).toBe("'-5+cmd");
    expect(neutralizeFormula('-1e3')).toBe("'-1e3");
  });
});

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [-5, '-5'],
    [1234567.891, '1234567.891'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-2.5e-10, '-0.00000000025'],
    [123e25, '1230000000000000000000000000'],
    [NaN, ''],
    [Infinity, ''],
  ])('%d → %s', (n, s) => {
    expect(formatNumber(n)).toBe(s);
  });
  it('reads back to the same double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const s = formatNumber(n);
        expect(s).not.toMatch(/e/i);
        expect(Number(s)).toBe(Object.is(n, -0) ? 0 : n);
      }),
    );
  });
});

describe('toCsv', () => {
  it('writes a BOM, CRLF, numbers as numbers and escapes formulas in text only', () => {
    const csv = toCsv(['city', 'value', 'note'], [
      ['Amman', -5, '=1+1'],
      ['-5', 3.25, '@SUM(A1)'],
      [null, null, null],
    ]);
    expect(csv).toBe(`${BOM}city,value,note\r\nAmman,-5,'=1+1\r\n-5,3.25,'@SUM(A1)\r\n,,\r\n`);
  });
  it('escapes header cells too', () => {
    expect(parse(toCsv(['=HYPERLINK("x")', 'b'], []))[0]).toEqual(['\'=HYPERLINK("x")', 'b']);
  });
  it('pads short rows and cuts long ones to the header width', () => {
    expect(parse(toCsv(['a', 'b'], [['1'], ['1', '2', '3']]))).toEqual([['a', 'b'], ['1', ''], ['1', '2']]);
  });
  it('round-trips Arabic, quotes, delimiters, line breaks and edge spaces through Papa.parse', () => {
    const rows = [
      ['عمّان', 'وادي النور، "الشمالية"', 'line1\nline2', 'a,b', ' padded ', 'x\r\ny', 'Zürich ✓'],
    ];
    expect(parse(toCsv(['a', 'b', 'c', 'd', 'e', 'f', 'g'], rows))[1]).toEqual(rows[0]);
  });
  it('round-trips arbitrary text (after neutralisation) and numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true })), { maxLength: 5 }), (pairs) => {
        const csv = toCsv(['text', 'number'], pairs);
        const back = Papa.parse<string[]>(csv.slice(1), { header: false }).data.slice(1, 1 + pairs.length);
        pairs.forEach(([text, n], i) => {
          expect(back[i]?.[0]).toBe(neutralizeFormula(text));
          expect(Number(back[i]?.[1])).toBe(Object.is(n, -0) ? 0 : n);
        });
      }),
    );
  });
});
