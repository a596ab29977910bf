import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, isMissingMarker } from '@/ingest/normalize-cell';
import { detectDecimalSeparator, parseNumberCell, type NumberCell } from '@/ingest/parse-number';
import type { DecimalSeparator } from '@/ingest/types';

const num = (value: number, extra: Partial<{ digitsNormalized: boolean; ambiguous: boolean }> = {}): NumberCell => ({
  kind: 'number',
  value,
  digitsNormalized: extra.digitsNormalized ?? false,
  ambiguous: extra.ambiguous ?? false,
});

describe('cleanText', () => {
  it.each([
    ['Amman', 'Amman'],
    ['  Amman  ', 'Amman'],
    ['Tinley   Park', 'Tinley Park'],
    ['a\tb\r\nc', 'a b c'],
    ['\u200FAmman\u200E', 'Amman'],
    ['\u061C-١٢\u2066x\u2069', '-١٢x'],
    ['\u202Babc\u202C', 'abc'],
    ['\uFEFFcity', 'city'],
    ['1\u00A0234', '1 234'],
    ['1\u202F234', '1 234'],
    ['1\u2009234', '1 234'],
    ['a \u200F b', 'a b'],
    [' \u00A0 ', ''],
    ['', ''],
    ['عمّان', 'عمّان'],
    ['می\u200Cخواهم', 'می\u200Cخواهم'], // ZWNJ kept
    ['\u0000Amman', 'Amman'], // NUL and other invisible controls: "\0Amman" is Amman
    ['Am\u0001man\u007F', 'Amman'],
    ['\u202Enammā', 'nammā'], // a right-to-left override cannot reverse what follows it
  ])('cleanText(%j) → %j', (raw, expected) => {
    expect(cleanText(raw)).toBe(expected);
  });

  it('cleanText returns the same string when nothing needs doing', () => {
    const s = ['Greater', 'Amman', 'Municipality'].join(' ');
    expect(cleanText(s)).toBe(s);
  });

  it('cleanText output is idempotent, trimmed and has no double spaces or bidi controls', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'ب', ' ', '\t', '\n', '\u00A0', '\u202F', '\u200E', '\u200F', '\u061C', '\u2067', '\uFEFF', '1') }), (s) => {
        const c = cleanText(s);
        expect(cleanText(c)).toBe(c);
        expect(c).toBe(c.trim());
        expect(c).not.toMatch(/\s\s|[\t\n\u00A0\u202F\u200E\u200F\u061C\u2067\uFEFF]/);
      }),
    );
  });
});

describe('isMissingMarker', () => {
  it.each(['..', '...', '…', '-', '--', '–', '—', 'NA', 'na', 'N/A', 'n/a', 'N.A.', '#N/A', 'NaN', 'nan', 'null', 'NULL', 'None', 'ND', 'n.d.', 's.o.', 'S/D', 'غير متوفر', 'غير متوفرة', 'غير متاح', 'لا يوجد'])(
    'isMissingMarker(%j) is true',
    (s) => expect(isMissingMarker(s)).toBe(true),
  );
  it.each(['', '0', 'x', 'X', '?', 'Amman', 'n', '.', 'nana', 'غير', ' NA'])('isMissingMarker(%j) is false', (s) => expect(isMissingMarker(s)).toBe(false));
});

describe('parseNumberCell', () => {
  it.each<[string, DecimalSeparator, NumberCell]>([
    ['12.5', '.', num(12.5)],
    ['2019', '.', num(2019)],
    ['-7', '.', num(-7)],
    [' 7 ', '.', num(7)],
    ['1,5', ',', num(1.5)],
    ['1.234,5', ',', num(1234.5)],
    ['1,234.5', '.', num(1234.5)],
    ['1,234,567', '.', num(1234567)],
    ['1.234.567', ',', num(1234567)],
    ['١٢٣٫٤', '.', num(123.4, { digitsNormalized: true })],
    ['١٢٣٫٤', ',', num(123.4, { digitsNormalized: true })],
    ['۱۲۳٫۴', '.', num(123.4, { digitsNormalized: true })],
    ['١٬٢٣٤', '.', num(1234, { digitsNormalized: true })],
    ['٤٥٪', '.', num(45, { digitsNormalized: true })],
    ['45%', '.', num(45)],
    ['45 %', ',', num(45)],
    ['12,5\u00A0%', ',', num(12.5)],
    ['−3.2', '.', num(-3.2)],
    ['+3.2', '.', num(3.2)],
    ['(1,234)', '.', num(-1234, { ambiguous: true })],
    ['(12.5)', '.', num(-12.5)],
    ['(12%)', '.', num(-12)],
    ['1\u202F234,5', ',', num(1234.5)],
    ['1\u00A0234\u00A0567', '.', num(1234567)],
    ['1 234', '.', num(1234)],
    ["1'234.5", '.', num(1234.5)],
    ['1’234.5', '.', num(1234.5)],
    ['1,23,456', '.', num(123456)],
    ['12,34,567.5', '.', num(1234567.5)],
    ['\u200F12\u200E', '.', num(12)],
    ['\u061C-\u0661\u066C\u0662\u0663\u0664\u066B\u0665', '.', num(-1234.5, { digitsNormalized: true })],
    ['\u200E-1,234.5', '.', num(-1234.5)],
    ['1e3', '.', num(1000)],
    ['1.5e3', '.', num(1500)],
    ['1,5E-2', ',', num(0.015)],
    ['.5', '.', num(0.5)],
    ['5.', '.', num(5)],
    ['007', '.', num(7)],
    ['0.125', '.', num(0.125)],
    ['1234.567', '.', num(1234.567)],
    ['12345678901234567890', '.', num(Number('12345678901234567890'))],
    // ambiguous: one separator followed by exactly three digits
    ['1,234', '.', num(1234, { ambiguous: true })],
    ['1,234', ',', num(1.234, { ambiguous: true })],
    ['1.234', '.', num(1.234, { ambiguous: true })],
    ['1.234', ',', num(1234, { ambiguous: true })],
    ['-12.500', '.', num(-12.5, { ambiguous: true })],
    // blank / missing
    ['', '.', { kind: 'blank' }],
    ['   ', '.', { kind: 'blank' }],
    ['\u200F \u00A0', '.', { kind: 'blank' }],
    ['..', '.', { kind: 'missing' }],
    ['-', '.', { kind: 'missing' }],
    ['n/a', '.', { kind: 'missing' }],
    [' NA ', ',', { kind: 'missing' }],
    ['NaN', '.', { kind: 'missing' }],
    ['غير متوفر', '.', { kind: 'missing' }],
    // invalid
    ['12abc', '.', { kind: 'invalid' }],
    ['1.2.3', '.', { kind: 'invalid' }],
    ['1,2,3', ',', { kind: 'invalid' }],
    ['1,5', '.', { kind: 'invalid' }],
    ['1,234.5', ',', { kind: 'invalid' }],
    ['1,23,4', '.', { kind: 'invalid' }],
    ['1,2345', '.', { kind: 'invalid' }],
    ['0,123', '.', { kind: 'invalid' }],
    ['1,234 567', '.', { kind: 'invalid' }],
    ['12 34', '.', { kind: 'invalid' }],
    ['=1+2', '.', { kind: 'invalid' }],
    ['Infinity', '.', { kind: 'invalid' }],
    ['-Infinity', '.', { kind: 'invalid' }],
    ['1e400', '.', { kind: 'invalid' }],
    ['1e', '.', { kind: 'invalid' }],
    ['+', '.', { kind: 'invalid' }],
    ['.', '.', { kind: 'invalid' }],
    ['- 5', '.', { kind: 'invalid' }],
    ['(5', '.', { kind: 'invalid' }],
    ['5)', '.', { kind: 'invalid' }],
    ['%5', '.', { kind: 'invalid' }],
    ['٫', '.', { kind: 'invalid' }],
    ['1٫2٫3', '.', { kind: 'invalid' }],
    ['1,5٫2', ',', { kind: 'invalid' }],
    ['0x10', '.', { kind: 'invalid' }],
    ['$12', '.', { kind: 'invalid' }],
    ['12-', '.', { kind: 'invalid' }],
  ])('parseNumberCell(%j, %j) → %j', (raw, decimal, expected) => {
    expect(parseNumberCell(raw, decimal)).toEqual(expected);
  });

  it('parseNumberCell never throws and never returns NaN/Infinity, on any string', () => {
    const check = (s: string, d: DecimalSeparator) => {
      const r = parseNumberCell(s, d);
      if (r.kind === 'number') expect(Number.isFinite(r.value)).toBe(true);
    };
    fc.assert(fc.property(fc.string(), fc.constantFrom<DecimalSeparator>('.', ','), check), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.constantFrom<DecimalSeparator>('.', ','), check), { numRuns: 500 });
    // Number-like strings exercise the parser far more than random text.
    const unit = fc.constantFrom(...'0123456789٠١٢٣٤٥٦٧٨٩۰۹.,٫٬ \u00A0\u202F\'’-−+()%٪eE\u200E\u200F\u061Cx');
    fc.assert(fc.property(fc.string({ unit, maxLength: 16 }), fc.constantFrom<DecimalSeparator>('.', ','), check), { numRuns: 3000 });
  });

  it('parseNumberCell fast path agrees with Number() on plain ASCII decimals', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.nat({ max: 10 }), (n, scale) => {
        const digits = (n < 0n ? -n : n).toString().padStart(scale + 1, '0');
        const text = `${n < 0n ? '-' : ''}${scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits}`;
        expect(parseNumberCell(text, '.')).toMatchObject({ kind: 'number', value: Number(text) });
        expect(parseNumberCell(text.replace('.', ','), ',')).toMatchObject({ kind: 'number', value: Number(text) });
      }),
    );
  });

  const LOCALES: ReadonlyArray<[string, DecimalSeparator]> = [
    ['en', '.'],
    ['ar', '.'],
    ['ar-JO', '.'], // ٫ and ٬: the file setting does not matter
    ['ar-EG', ','],
    ['fa', '.'],
    ['fr-FR', ','],
    ['es-ES', ','],
    ['fr-CH', ','],
    ['de-CH', '.'],
    ['en-IN', '.'],
  ];
  it.each(LOCALES)('parseNumberCell reads Intl.NumberFormat(%j) output back exactly (decimal %j)', (locale, decimal) => {
    const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 6, useGrouping: true });
    const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 4 });
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (d) => {
        const x = Math.round(d * 1e6) / 1e6;
        const text = fmt.format(x);
        const r = parseNumberCell(text, decimal);
        expect(r, `${locale} ${text}`).toMatchObject({ kind: 'number', value: x });
        // percent: the value stays as written (45 % → 45)
        const k = Math.round(d * 1e4); // the percentage shown, in 1/10000ths
        const shown = pct.format(k / 1e6);
        const pr = parseNumberCell(shown, decimal);
        expect(pr.kind, `${locale} ${shown}`).toBe('number');
        if (pr.kind === 'number') expect(pr.value).toBeCloseTo(k / 1e4, 6);
      }),
      { numRuns: 300 },
    );
  });

  it('parseNumberCell reads es-ES numbers with and without grouping of four-digit numbers', () => {
    expect(parseNumberCell('1234,5', ',')).toEqual(num(1234.5));
    expect(parseNumberCell('1.234,5', ',')).toEqual(num(1234.5));
  });
});

describe('detectDecimalSeparator', () => {
  it.each<[string[], DecimalSeparator, 'point' | 'comma' | 'none']>([
    [['12,5', '3', '4,25'], ',', 'comma'],
    [['1.234,5'], ',', 'comma'],
    [['1.234.567'], ',', 'comma'],
    [['0,125'], ',', 'comma'],
    [['1,234.5'], '.', 'point'],
    [['1,234,567'], '.', 'point'],
    [['12.5', '7'], '.', 'point'],
    [['1234.567'], '.', 'point'],
    [['1,234', '2,500'], '.', 'none'],
    [['1.234'], '.', 'none'],
    [['١٢٣٫٤', '٤٥'], '.', 'none'],
    [['12', '7', '..', 'n/a', ''], '.', 'none'],
    [[], '.', 'none'],
    [['Amman, Jordan', '12,5'], ',', 'comma'],
    [['1,234', '12,5'], ',', 'comma'],
    [['12,5', '12.5'], '.', 'none'],
    [['12.5', '1.5', '2,5'], '.', 'point'],
    [['(1.234,5)', '45,5 %'], ',', 'comma'],
    [['1,5e3'], ',', 'comma'],
  ])('detectDecimalSeparator(%j) → %j (%s)', (samples, decimal, evidence) => {
    expect(detectDecimalSeparator(samples)).toEqual({ decimal, evidence });
  });
});
