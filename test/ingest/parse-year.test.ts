import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Period, type PeriodGranularity, readPeriod } from '@/ingest/parse-period';
import { describePeriod, parseYearCell, periodGranularity } from '@/ingest/parse-year';

describe('parseYearCell', () => {
  it.each([
    ['2019', 2019, ''],
    [' 2019 ', 2019, ''],
    [' "2019" ', 2019, ''],
    ["'2019'", 2019, ''],
    ['٢٠١٩', 2019, ''],
    ['۲۰۱۹', 2019, ''],
    ['2019.0', 2019, ''],
    ['2019.00', 2019, ''],
    ['1900', 1900, ''],
    ['2100', 2100, ''],
    ['2017-18', 2017, '2017-18'],
    ['2017/18', 2017, '2017/18'],
    ['2017–18', 2017, '2017–18'],
    ['٢٠١٧-١٨', 2017, '2017-18'],
    ['2010/11', 2010, '2010/11'],
    ['2013/16', 2013, '2013/16'],
    ['1999-00', 1999, '1999-00'],
    ['2011-2021', 2011, '2011-2021'],
    ['1990-1999', 1990, '1990-1999'],
    ['1990 - 1999', 1990, '1990 - 1999'],
    ['2024 Q1', 2024, '2024 Q1'],
    ['2024-Q1', 2024, '2024-Q1'],
    ['2024Q1', 2024, '2024Q1'],
    ['Q1 2024', 2024, 'Q1 2024'],
    ['2024-M01', 2024, '2024-M01'],
    ['2024-S2', 2024, '2024-S2'],
    ['2024-W53', 2024, '2024-W53'],
    ['H2-2024', 2024, 'H2-2024'],
    ['2019-12-31', 2019, '2019-12-31'],
    ['2019-12', 2019, '2019-12'],
    ['31/12/2019', 2019, '31/12/2019'],
    ['1.1.2019', 2019, '1.1.2019'],
    ['FY2019', 2019, 'FY2019'],
    ['FY 2019/20', 2019, 'FY 2019/20'],
    ['1980 to 1990', 1980, '1980 to 1990'],
    ['2010 à 2015', 2010, '2010 à 2015'],
    ['2010 al 2015', 2010, '2010 al 2015'],
    ['٢٠١٠ إلى ٢٠١٥', 2010, '2010 إلى 2015'],
    ['2016/18 (baseline)', 2016, '2016/18 (baseline)'],
    ['2020 (provisional)', 2020, '2020 (provisional)'],
  ])('parseYearCell(%j) → year %i, label %j', (raw, year, label) => {
    expect(parseYearCell(raw)).toEqual({ kind: 'year', year, label });
  });

  it.each([
    ['', 'blank'],
    ['   ', 'blank'],
    ['""', 'blank'],
    ['19', 'invalid'],
    ['abcd', 'invalid'],
    ['3000', 'invalid'],
    ['1899', 'invalid'],
    ['2101', 'invalid'],
    ['2019.5', 'invalid'],
    ['2019.', 'invalid'],
    ['2019-2017', 'invalid'],
    ['2019-2200', 'invalid'],
    ['2019-', 'invalid'],
    ['2019 abc', 'invalid'],
    ['20190', 'invalid'],
    ['2024 Q123', 'invalid'],
    ['1990 to 1980', 'invalid'],
    ['(baseline)', 'invalid'],
    ['abcd (baseline)', 'invalid'],
    ['2024 Q5', 'invalid'],
    ['2024-Q0', 'invalid'],
    ['2024-M13', 'invalid'],
    ['Q5 2024', 'invalid'],
    ['Q12024', 'invalid'],
    ['32/12/2019', 'invalid'],
    ['2019-13-01', 'invalid'],
    ['FY19', 'invalid'],
    ['n/a', 'invalid'],
  ])('parseYearCell(%j) is %s', (raw, kind) => {
    expect(parseYearCell(raw)).toEqual({ kind });
  });

  it('parseYearCell reads every year 1900–2100 in ASCII and Arabic-Indic digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), (y) => {
        expect(parseYearCell(String(y))).toEqual({ kind: 'year', year: y, label: '' });
        const arabic = String(y).replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
        expect(parseYearCell(arabic)).toEqual({ kind: 'year', year: y, label: '' });
      }),
    );
  });

  it('parseYearCell never throws and only returns years in 1900–2100', () => {
    const unit = fc.constantFrom(...'0123456789٠٢٩-/–.Q FY"\'');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit, maxLength: 12 })), (s) => {
        const r = parseYearCell(s);
        if (r.kind === 'year') {
          expect(r.year).toBeGreaterThanOrEqual(1900);
          expect(r.year).toBeLessThanOrEqual(2100);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseYearCell on the periods real files use', () => {
  it.each([
    // monthly
    ['1993 01', 1993],
    ['1993 12', 1993],
    ['1993-01', 1993],
    ['1993/01', 1993],
    ['1993M01', 1993],
    ['1993 M01', 1993],
    ['Jan 1993', 1993],
    ['Jan. 1993', 1993],
    ['Jan-1993', 1993],
    ['JAN 1993', 1993],
    ['January 1993', 1993],
    ['1993 January', 1993],
    ['Sept 1993', 1993],
    ['janvier 1993', 1993],
    ['février 1993', 1993],
    ['août 1993', 1993],
    ['décembre 1993', 1993],
    ['enero 1993', 1993],
    ['enero de 1993', 1993],
    ['septiembre 1993', 1993],
    ['يناير 1993', 1993],
    ['أيار 1993', 1993],
    ['آذار 1993', 1993],
    ['كانون الثاني 1993', 1993],
    ['تشرين الأول 1993', 1993],
    ['جويلية 1993', 1993],
    // quarterly (and halves, the French T for trimestre)
    ['2024 Q1', 2024],
    ['Q1 2024', 2024],
    ['2024-Q1', 2024],
    ['2024 - Q4', 2024],
    ['q3 2024', 2024],
    ['T1 2024', 2024],
    ['2024T2', 2024],
    ['S1 2024', 2024],
    // fiscal and academic years
    ['2020/21', 2020],
    ['2020-21', 2020],
    ['2020–21', 2020],
    ['1999/00', 1999],
    ['FY2020/21', 2020],
    ['FY 2020-21', 2020],
    ['fy2019', 2019],
    // notes
    ['2020/21 [Note 5]', 2020],
    ['2019/20 [note 12]', 2019],
    ['2020 (provisional)', 2020],
    ['2020 [r]', 2020],
    ['2020 [p]', 2020],
    ['2020[p]', 2020],
    ['2016/18 (baseline)', 2016],
    ['2020/21 [Note 5] [r]', 2020],
    // ranges
    ['2015/16 to 2017/18', 2015],
    ['2002/03-2007/08', 2002],
    ['2002/03 - 2007/08', 2002],
    ['2013/16', 2013],
    ['2011-2021', 2011],
    ['2011/2021', 2011],
    ['1980 to 1990', 1980],
    ['2010 to 15', 2010],
    ['2010 hasta 2015', 2010],
    ['FY2015 to FY2017', 2015],
    // spans and days
    ['17 May to 11 June 2023', 2023],
    ['1 April 2022 to 31 March 2023', 2022],
    ['2023-05-17 to 2023-06-11', 2023],
    ['2023-05-17', 2023],
    ['17 May 2023', 2023],
    ['17th May 2023', 2023],
    ['May 17, 2023', 2023],
    ['1er janvier 2023', 2023],
    ['17 de mayo de 2023', 2023],
    ['17 أيار 2023', 2023],
    ['1 Dec to 31 Jan 2023', 2022],
    ['Jan-Mar 2024', 2024],
    ['Jan to Mar 2024', 2024],
    ['Q1 to Q3 2024', 2024],
  ])('parseYearCell(%j) → year %i, the label kept as written', (raw, year) => {
    expect(parseYearCell(raw)).toEqual({ kind: 'year', year, label: raw });
  });

  it.each([
    ['"2020/21 [Note 5]"', 2020, '2020/21 [Note 5]'],
    ['  Jan   1993 ', 1993, 'Jan 1993'],
    ['٢٠٢٠/٢١', 2020, '2020/21'],
    ['أيار ١٩٩٣', 1993, 'أيار 1993'],
    ['17\u00a0May\u00a0to\u00a011\u00a0June\u00a02023', 2023, '17 May to 11 June 2023'],
  ])('parseYearCell(%j) → year %i, label %j (cleaned, ASCII digits)', (raw, year, label) => {
    expect(parseYearCell(raw)).toEqual({ kind: 'year', year, label });
  });

  it.each([
    'FYFY2020',
    'FY FY 2020',
    'FY2013/16',
    'FY Jan 2020',
    '1974a',
    '2015 [YR2016]',
    '2020 (p',
    '2020 (a (b))',
    '2020 (a) (b) (c) (d)',
    '2020 [Note 5] x',
    '1993 13',
    '1993 1',
    '1993-13',
    'Janu 1993',
    'Jan',
    'Q1',
    '17 May',
    '17 May to 11 June',
    '2019-02-29',
    '31/04/2020',
    '30 February 2020',
    '2023-06-11 to 2023-05-17',
    '2017/18 to 2015/16',
    '2019 to',
    'to 2019',
    '2019 , 2020',
    '2019-5',
    '2019 - - 2020',
    '2010a2015',
    '1800 to 1990',
    '2090 to 2101',
    '2020 (' + 'x'.repeat(100) + ')',
    '1 April 2022 to 31 March 2023 ' + '(a note) '.repeat(30),
  ])('parseYearCell(%j) is invalid', (raw) => {
    expect(parseYearCell(raw)).toEqual({ kind: 'invalid' });
  });

  it('parseYearCell keeps plain years on the fast path: one shared result, no allocation', () => {
    expect(parseYearCell('2019')).toBe(parseYearCell('2019'));
    expect(parseYearCell('2019')).toEqual({ kind: 'year', year: 2019, label: '' });
  });
});

describe('parseYearCell on hostile input', () => {
  const FY_3000 = 'FY'.repeat(3000) + '2020';
  it.each([
    ['3,000 × "FY" then 2020', FY_3000],
    ['30,000 × "FY " then 2020', 'FY '.repeat(30_000) + '2020'],
    ['100k digits', '1'.repeat(100_000)],
    ['100k Arabic-Indic digits', '٢'.repeat(100_000)],
    ['100k opening brackets', '2020 ' + '('.repeat(100_000)],
    ['a 100k note', '2020 (' + 'a'.repeat(100_000) + ')'],
    ['25k notes', '2020' + ' (a)'.repeat(25_000)],
    ['20k "2020/"', '2020/'.repeat(20_000)],
    ['12k "2020 to "', '2020 to '.repeat(12_000) + '2021'],
    ['100k letters', 'a'.repeat(100_000)],
  ])('%s: refused cleanly, fast, without recursion', (_, raw) => {
    const t0 = performance.now();
    expect(parseYearCell(raw)).toEqual({ kind: 'invalid' });
    expect(readPeriod(raw)).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('a year in 100k spaces is read, fast', () => {
    const t0 = performance.now();
    expect(parseYearCell(' '.repeat(50_000) + '2020' + '\u00a0'.repeat(50_000))).toEqual({ kind: 'year', year: 2020, label: '' });
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('parseYearCell and readPeriod finish in linear time on long inputs made of prefixes, spaces, digits and separators', () => {
    const piece = fc.constantFrom('FY', 'Q', 'M', 'fy', ' ', '2020', '21', '1', '0', '-', '/', '–', '.', ',', '(', ')', '[', ']', 'to', 'Jan', 'de', '٢');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 12 }), fc.integer({ min: 20_000, max: 100_000 }), (parts, size) => {
        const unit = parts.join('');
        const raw = unit.repeat(Math.ceil(size / unit.length));
        // A quadratic pass over 100k characters is 10^10 steps (seconds); a linear one well under a millisecond per 10k.
        const t0 = performance.now();
        const cell = parseYearCell(raw);
        const period = readPeriod(raw);
        const ms = performance.now() - t0;
        // Spaces alone are a blank cell; anything else is read as a period or refused.
        expect(['year', 'invalid', 'blank']).toContain(cell.kind);
        if (period !== undefined) expect(period.year).toBeGreaterThanOrEqual(1900);
        expect(ms).toBeLessThan(250);
      }),
      { numRuns: 60 },
    );
  });
});

describe('describePeriod and periodGranularity', () => {
  it.each<[string, Period]>([
    ['2019', { granularity: 'year', year: 2019, endYear: 2019 }],
    ['2019.0', { granularity: 'year', year: 2019, endYear: 2019 }],
    ['2019 (provisional)', { granularity: 'year', year: 2019, endYear: 2019 }],
    ['2020/21', { granularity: 'fiscal_year', year: 2020, endYear: 2021 }],
    ['2020-21', { granularity: 'fiscal_year', year: 2020, endYear: 2021 }],
    ['1999-00', { granularity: 'fiscal_year', year: 1999, endYear: 2000 }],
    ['FY2020/21', { granularity: 'fiscal_year', year: 2020, endYear: 2021 }],
    ['FY2019', { granularity: 'fiscal_year', year: 2019, endYear: 2019 }],
    ['2020/21 [Note 5]', { granularity: 'fiscal_year', year: 2020, endYear: 2021 }],
    ['2013/16', { granularity: 'range', year: 2013, endYear: 2016 }],
    ['2011-2021', { granularity: 'range', year: 2011, endYear: 2021 }],
    ['1980 to 1990', { granularity: 'range', year: 1980, endYear: 1990 }],
    ['2015/16 to 2017/18', { granularity: 'range', year: 2015, endYear: 2018 }],
    ['2002/03-2007/08', { granularity: 'range', year: 2002, endYear: 2008 }],
    ['2024-S2', { granularity: 'half', year: 2024, endYear: 2024, month: 7 }],
    ['2024 Q1', { granularity: 'quarter', year: 2024, endYear: 2024, month: 1 }],
    ['Q3 2024', { granularity: 'quarter', year: 2024, endYear: 2024, month: 7 }],
    ['1993 01', { granularity: 'month', year: 1993, endYear: 1993, month: 1 }],
    ['1993-02', { granularity: 'month', year: 1993, endYear: 1993, month: 2 }],
    ['1993/03', { granularity: 'month', year: 1993, endYear: 1993, month: 3 }],
    ['1993M04', { granularity: 'month', year: 1993, endYear: 1993, month: 4 }],
    ['May 1993', { granularity: 'month', year: 1993, endYear: 1993, month: 5 }],
    ['juin 1993', { granularity: 'month', year: 1993, endYear: 1993, month: 6 }],
    ['julio 1993', { granularity: 'month', year: 1993, endYear: 1993, month: 7 }],
    ['آب 1993', { granularity: 'month', year: 1993, endYear: 1993, month: 8 }],
    ['كانون الأول 1993', { granularity: 'month', year: 1993, endYear: 1993, month: 12 }],
    ['2024-W05', { granularity: 'week', year: 2024, endYear: 2024, week: 5 }],
    ['2023-05-17', { granularity: 'day', year: 2023, endYear: 2023, month: 5, day: 17 }],
    ['31/12/2019', { granularity: 'day', year: 2019, endYear: 2019, month: 12, day: 31 }],
    ['17 May to 11 June 2023', { granularity: 'span', year: 2023, endYear: 2023, month: 5, day: 17 }],
    ['1 April 2022 to 31 March 2023', { granularity: 'span', year: 2022, endYear: 2023, month: 4, day: 1 }],
    ['2023-05-17 to 2023-06-11', { granularity: 'span', year: 2023, endYear: 2023, month: 5, day: 17 }],
    ['Jan-Mar 2024', { granularity: 'span', year: 2024, endYear: 2024, month: 1 }],
  ])('describePeriod(%j)', (label, period) => {
    expect(describePeriod(label)).toEqual(period);
    expect(periodGranularity(label)).toBe(period.granularity);
  });

  it.each<[string, PeriodGranularity | undefined]>([
    ['', 'year'],
    ['2019', 'year'],
    ['abc', undefined],
    ['2019-2017', undefined],
    ['   ', undefined],
  ])('periodGranularity(%j) → %s (the table stores plain years with the label "")', (label, granularity) => {
    expect(periodGranularity(label)).toBe(granularity);
  });

  it('describePeriod agrees with parseYearCell on the year of every cell it reads', () => {
    const unit = fc.constantFrom(...'0123456789 -/.QMFYJanto()[]'.split(''), ' to ', 'Jan', '2020', '2021', '/21', 'Q1');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 8 }), (parts) => {
        const raw = parts.join('');
        const cell = parseYearCell(raw);
        const period = describePeriod(raw);
        if (cell.kind === 'year') expect(period?.year).toBe(cell.year);
        else expect(period).toBeUndefined();
        if (period !== undefined) {
          expect(period.endYear).toBeGreaterThanOrEqual(period.year);
          if (period.month !== undefined) expect(period.month).toBeGreaterThanOrEqual(1);
          if (period.month !== undefined) expect(period.month).toBeLessThanOrEqual(12);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
