import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { buildSeriesIndex, getObservation, seriesRows, parseDisaggregationKey, type ObservationTable } from '@/domain/observation-table';
import { ingestFile } from '@/ingest/ingest-file';
import type { IngestResult } from '@/ingest/types';
import { issueText } from '@/i18n/issue-text';
import { fixture, singleByte, utf16le, utf8 } from './fixture-bytes';

const { registry } = loadRegistryFromDirs();

function rows(t: ObservationTable) {
  return Array.from({ length: t.length }, (_, i) => getObservation(t, i));
}
function codes(r: IngestResult) {
  return r.issues.map((i) => `${i.severity}:${i.code}@${i.row ?? '-'}`);
}

describe('ingestFile detects the layout', () => {
  it.each([
    ['golden-long.csv', 'long', ',', 8],
    ['indicator_11-6-2.csv', 'opensdg', ',', 4],
    ['semicolon-decimal-comma.csv', 'long', ';', 4],
    ['arabic-digits.csv', 'long', ',', 3],
    ['wide.csv', 'wide', ',', 6],
    ['unsd-export.csv', 'unsd', ',', 3],
    ['unhabitat.csv', 'unhabitat', ',', 3],
  ] as const)('%s → %s, delimiter %j, %i observations', (name, layout, delimiter, observations) => {
    const r = ingestFile(fixture(name), registry);
    expect(r.file.layout).toBe(layout);
    expect(r.file.delimiter).toBe(delimiter);
    expect(r.table.length).toBe(observations);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('ingestFile on the golden long file', () => {
  const r = ingestFile(fixture('golden-long.csv'), registry);
  it('keeps city names and codes, units, sources and the sex disaggregation', () => {
    const obs = rows(r.table);
    expect(obs[0]).toMatchObject({ city: 'Amman', cityCode: 'JO-AMM', indicator: '11.6.2', year: 2015, value: 38.2, unit: 'µg/m³', source: 'Ministry of Environment', disaggregation: '', line: 2 });
    const female = obs.find((o) => o.disaggregation !== '');
    expect(parseDisaggregationKey(female?.disaggregation ?? '')).toEqual([['sex', 'Female']]);
    expect(female?.line).toBe(6);
  });
  it('builds one series per city × indicator × disaggregation, ordered by year', () => {
    const index = buildSeriesIndex(r.table);
    expect(index.size).toBe(5);
    for (let k = 0; k < index.size; k++) {
      const ix = seriesRows(index, k);
      expect(ix.length).toBeGreaterThan(0);
      for (let j = 1; j < ix.length; j++) expect(r.table.year[ix[j] ?? 0]).toBeGreaterThan(r.table.year[ix[j - 1] ?? 0] ?? 0);
      for (const row of ix) expect(index.seriesOfRow[row]).toBe(k);
    }
  });
  it('reports the mapping it used', () => {
    expect(r.file.mapping).toMatchObject({ city: 'city', cityCode: 'city_code', indicator: 'indicator', year: 'year', value: 'value', unit: 'unit', source: 'source', note: 'note', disaggregations: ['sex'] });
  });
});

describe('ingestFile reads encodings from Excel', () => {
  const arabic = 'المدينة,المؤشر,السنة,القيمة\r\nعمان,11.2.1,2015,41.5\r\nالزرقاء,11.2.1,2015,39\r\n';
  it('windows-1256 (Arabic Excel "CSV (Comma delimited)")', () => {
    const r = ingestFile({ name: 'ar.csv', bytes: singleByte(arabic, 'windows-1256') }, registry);
    expect(r.file.encoding).toBe('windows-1256');
    expect(rows(r.table).map((o) => o.city)).toEqual(['عمان', 'الزرقاء']);
    expect(codes(r)).toContain('warning:encoding_fallback@-');
  });
  it('UTF-16LE tab-delimited ("Unicode Text")', () => {
    const r = ingestFile({ name: 'u16.txt', bytes: utf16le(arabic.replace(/,/g, '\t')) }, registry);
    expect(r.file).toMatchObject({ encoding: 'utf-16le', bom: true, delimiter: '\t', layout: 'long' });
    expect(rows(r.table).map((o) => [o.city, o.value])).toEqual([['عمان', 41.5], ['الزرقاء', 39]]);
  });
  it('windows-1252 French when told so', () => {
    const fr = 'ville;indicateur;année;valeur\nGenève;11.6.2;2015;12,5\n';
    const r = ingestFile({ name: 'fr.csv', bytes: singleByte(fr, 'windows-1252') }, registry, { encoding: 'windows-1252' });
    expect(rows(r.table)).toMatchObject([{ city: 'Genève', value: 12.5 }]);
  });
});

describe('ingestFile normalises cells', () => {
  it('decimal commas in a semicolon file, with grouping', () => {
    const r = ingestFile(fixture('semicolon-decimal-comma.csv'), registry);
    expect(r.file.decimal).toBe(',');
    expect(rows(r.table).map((o) => o.value)).toEqual([31.5, 28.25, 1234.5, 12.5]);
  });
  it('Arabic-Indic digits and ٫, with Arabic headers', () => {
    const r = ingestFile(fixture('arabic-digits.csv'), registry);
    expect(rows(r.table).map((o) => [o.city, o.year, o.value])).toEqual([['عمّان', 2015, 41.5], ['عمّان', 2020, 48.2], ['الزرقاء', 2020, 39]]);
    expect(r.issueCounts.digits_normalized).toBe(1);
  });
  it('Open SDG: BOM, quoted years, periods, blank city = the file\'s own entity, indicator from the file name', () => {
    const r = ingestFile(fixture('indicator_11-6-2.csv'), registry, { defaultCity: 'Nahr Lulu' });
    expect(r.file.bom).toBe(true);
    expect(rows(r.table).map((o) => [o.city, o.indicator, o.year, o.period, o.series, o.value])).toEqual([
      ['Wadi Noor', '11.6.2', 2015, '', 'PM2.5', 7.25],
      ['Wadi Noor', '11.6.2', 2016, '', 'PM2.5', 6.9],
      ['Nahr Lulu', '11.6.2', 2015, '', 'PM2.5', 9.5],
      ['Qamarayn', '11.6.2', 2017, '2017-18', 'PM2.5', 8.1],
    ]);
    expect(codes(r)).toContain('info:indicator_from_filename@-');
  });
  it('wide year columns, with missing markers skipped', () => {
    const r = ingestFile(fixture('wide.csv'), registry);
    expect(rows(r.table).map((o) => `${o.city} ${o.year} ${o.value}`)).toEqual([
      'Muscat 2015 40.1', 'Muscat 2016 39.5', 'Muscat 2018 37.2', 'Sohar 2015 44', 'Sohar 2016 43.1', 'Sohar 2017 42.8',
    ]);
  });
  it('UN SDG database export: series code, units, bracketed disaggregations', () => {
    const r = ingestFile(fixture('unsd-export.csv'), registry);
    const o = rows(r.table)[2];
    expect(o).toMatchObject({ city: 'Oman', cityCode: '512', indicator: '11.1.1', series: 'EN_LND_SLUM', unit: 'PERCENT', year: 2018, value: 3.2 });
    expect(parseDisaggregationKey(o?.disaggregation ?? '')).toEqual([['[Age]', 'ALLAGE'], ['[Sex]', 'BOTHSEX']]);
  });
  it('UN-Habitat city table: one observation per measure column', () => {
    const r = ingestFile(fixture('unhabitat.csv'), registry);
    expect(rows(r.table).map((o) => [o.city, o.cityCode, o.indicator, o.year, o.value])).toEqual([
      ['Amman', 'JO_AMMAN', '11.7.1', 2020, 12.5],
      ['Amman', 'JO_AMMAN', '11.7.1', 2020, 45.1],
      ['Tyre', 'LB_TYRE', '11.7.1', 2020, 9.8],
    ]);
    expect(new Set(rows(r.table).map((o) => o.series)).size).toBe(2);
  });
});

describe('ingestFile reports problems with their location', () => {
  it('an empty file', () => {
    const r = ingestFile(fixture('empty.csv'), registry);
    expect(codes(r)).toEqual(['error:empty_file@-']);
    expect(r.table.length).toBe(0);
  });
  it('a broken quote', () => {
    const r = ingestFile(fixture('broken-quotes.csv'), registry);
    expect(r.issues.some((i) => i.severity === 'error' && (i.code === 'missing_quotes' || i.code === 'ragged_row' || i.code === 'not_a_number'))).toBe(true);
    expect(rows(r.table).map((o) => o.year)).toContain(2015);
  });
  it('a row with an invalid quote is reported and not imported; the rows around it are', () => {
    // Papa reads the city as `Am"man` and the value as 38: a number, but under a garbled name.
    const text = 'city,indicator,year,value\nAmman,11.6.2,2019,40\n"Am"man",11.6.2,2020,38\nAmman,11.6.2,2021,37\n';
    const r = ingestFile(utf8('q.csv', text), registry);
    expect(codes(r)).toContain('error:invalid_quotes@3');
    expect(rows(r.table).map((o) => o.year)).toEqual([2019, 2021]);
    expect(r.rowsRejected).toBe(1);
    expect(r.file.rows).toBe(3);
  });
  it('hostile and invalid cells: each error row is rejected, the others imported', () => {
    const r = ingestFile(fixture('hostile.csv'), registry);
    expect(codes(r)).toEqual(expect.arrayContaining([
      'warning:markup_like_text@2',
      'warning:formula_like_text@2',
      'warning:markup_like_text@3',
      'warning:formula_like_text@3',
      'error:not_a_number@4',
      'error:value_out_of_range@5',
      'warning:unknown_indicator@6',
      'error:missing_indicator@7',
      'error:invalid_year@8',
      'error:missing_city@9',
      'error:ragged_row@10',
    ]));
    const nan = r.issues.find((i) => i.code === 'not_a_number');
    expect(nan).toMatchObject({ row: 4, column: 'value', value: 'abc', file: 'hostile.csv' });
    expect(rows(r.table).map((o) => o.city)).toEqual(['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', 'Amman']);
    expect(r.rowsRejected).toBe(6);
  });
  it('duplicates: identical copy dropped with a warning, conflicting values rejected with an error', () => {
    const r = ingestFile(fixture('duplicates.csv'), registry);
    expect(codes(r)).toEqual(['warning:duplicate_observation@3', 'error:conflicting_duplicate@5']);
    expect(rows(r.table).map((o) => o.year)).toEqual([2015, 2017]);
  });
  it('quarters of one year are different observations, not duplicates', () => {
    const csv = 'Year,Value\n2024 Q1,5\n2024 Q2,6\n2024 Q1,7\n2023 Q4,4\n';
    const r = ingestFile(utf8('indicator_11-2-1.csv', csv), registry);
    // Only the second "2024 Q1" conflicts with the first; Q2 and 2023 Q4 stand.
    expect(codes(r).filter((c) => c.startsWith('error'))).toEqual(['error:conflicting_duplicate@4']);
    expect(rows(r.table).map((o) => [o.year, o.period, o.value])).toEqual([
      [2024, '2024 Q2', 6],
      [2023, '2023 Q4', 4],
    ]);
  });
  it('the valid range applies in the registry unit only: a count of people is not a percentage', () => {
    const csv = 'city,indicator,year,value,unit\nTyre,11.1.1,2020,35000,Number\nTyre,11.1.1,2021,135,%\nTyre,11.1.1,2022,35,\n';
    const r = ingestFile(utf8('x.csv', csv), registry);
    expect(codes(r)).toEqual(expect.arrayContaining(['warning:unit_mismatch@2', 'error:value_out_of_range@3']));
    expect(codes(r).filter((c) => c.includes('out_of_range'))).toEqual(['error:value_out_of_range@3']);
    expect(rows(r.table).map((o) => o.value)).toEqual([35000, 35]);
  });
  it('values in an unrecognised unit are not judged by the registry range (Open SDG "Total trips")', () => {
    const csv = 'Year,Units,Value\n2019,Percent of Total Population,0.91\n2019,Total trips,1434249\n2020,,135\n';
    const r = ingestFile(utf8('indicator_11-2-1.csv', csv), registry);
    expect(codes(r).filter((c) => !c.startsWith('info'))).toEqual(['error:value_out_of_range@4']);
    expect(rows(r.table).map((o) => [o.unit, o.value])).toEqual([['Percent of Total Population', 0.91], ['Total trips', 1434249]]);
  });
  it('an Indicator column in an Open SDG file names sub-measures: a breakdown, not the code', () => {
    const csv = 'Year,Indicator,Value\n2019,Tier 1 capital to assets,10.5\n2019,Liquid assets to total assets,20.1\n';
    const r = ingestFile(utf8('indicator_10-5-1.csv', csv), registry);
    expect(r.file.layout).toBe('opensdg');
    expect(r.file.mapping.disaggregations).toEqual(['Indicator']);
    expect(rows(r.table).map((o) => o.indicator)).toEqual(['10.5.1', '10.5.1']);
  });
  it('UN-Habitat regional and world rows (no city name, no code) are skipped with a note, not errors', () => {
    const csv = 'SDG Indicator,Country or Territory Name,City Code,City Name,Share (%),Data Reference Year\n11.7.1,Jordan,JO_AMMAN,Amman,12.5,2020\n11.7.1,World,,,44.2,2020\n11.7.1,Jordan,JO_ZARQA,,9,2020\n';
    const r = ingestFile(utf8('uh.csv', csv), registry);
    expect(codes(r)).toEqual(['info:aggregate_row@3']);
    expect(r.issues[0]?.params).toEqual({ name: 'World' });
    expect(rows(r.table).map((o) => o.city)).toEqual(['Amman', 'JO_ZARQA']);
    expect(r.rowsRejected).toBe(0);
  });
  it('a sub-indicator (indicator_11-1-1-a.csv) is an indicator of its own, linked to its registry parent by a note', () => {
    const r = ingestFile(utf8('indicator_11-1-1-a.csv', 'Year,Series,Value\n2019,,12\n2019,Owners,4\n'), registry);
    expect(codes(r)).toEqual(expect.arrayContaining(['info:indicator_sub_code@2']));
    expect(r.issues.find((i) => i.code === 'indicator_sub_code')?.params).toEqual({ indicator: '11.1.1.a', canonical: '11.1.1' });
    expect(rows(r.table).map((o) => [o.indicator, o.series])).toEqual([
      ['11.1.1.a', ''],
      ['11.1.1.a', 'Owners'],
    ]);
  });
  it.each([
    ['indicator_4-1.csv', '4.1'],
    ['indicator_15-1-E1.csv', '15.1.E1'],
    ['indicator_OCECA-1-2-1-1A.csv', 'OCECA-1-2-1-1A'],
  ])('a national or local Open SDG id (%s) is read as indicator %s, not refused', (name, code) => {
    const r = ingestFile(utf8(name, 'Year,Value\n2019,12\n2020,13\n'), registry, { defaultCity: 'Port Ruri' });
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(rows(r.table).map((o) => o.indicator)).toEqual([code, code]);
  });
  it('a header without rows, or rows without values, says why nothing was imported', () => {
    const headerOnly = ingestFile(utf8('indicator_11-6-2.csv', 'Year,Value\n'), registry);
    expect(codes(headerOnly).filter((c) => !c.startsWith('info'))).toEqual(['warning:no_data_rows@-']);
    expect(headerOnly.issues.find((i) => i.code === 'no_data_rows')?.params).toEqual({ rows: 0 });
    const blank = ingestFile(utf8('indicator_11-b-2.csv', 'Year,Geography,Value\n2015,Canada,\n2015,Yukon,NA\n'), registry);
    expect(blank.issues.find((i) => i.code === 'no_data_rows')).toMatchObject({ severity: 'warning', params: { rows: 2 } });
    const rejected = ingestFile(utf8('x.csv', 'city,indicator,year,value\nTyre,11.6.2,2020,abc\n'), registry);
    expect(codes(rejected)).toEqual(['error:not_a_number@2']);
  });
  it('ambiguous decimals are warned only when nothing else in the file shows the separator', () => {
    const unsettled = ingestFile(utf8('x.csv', 'city,indicator,year,value\nTyre,11.6.2,2020,1.234\n'), registry);
    expect(codes(unsettled)).toEqual(['warning:ambiguous_decimal@2']);
    const settled = ingestFile(utf8('x.csv', 'city,indicator,year,value\nTyre,11.6.2,2020,1.234\nTyre,11.6.2,2021,12.5\n'), registry);
    expect(codes(settled)).toEqual([]);
    expect(rows(settled.table).map((o) => o.value)).toEqual([1.234, 12.5]);
    const chosen = ingestFile(utf8('x.csv', 'city,indicator,year,value\nTyre,11.6.2,2020,1.234\n'), registry, { decimal: '.' });
    expect(codes(chosen)).toEqual([]);
  });
  it('a binary file', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(codes(ingestFile({ name: 'x.csv', bytes: png }, registry))).toEqual(['error:binary_file@-']);
  });
  it('an unknown layout names what is missing', () => {
    const r = ingestFile(utf8('x.csv', 'a,b,c\n1,2,3\n'), registry);
    expect(r.file.layout).toBe('unknown');
    expect(r.issues[0]).toMatchObject({ code: 'unknown_format', severity: 'error' });
    expect(r.rowsRejected).toBe(1);
  });
  it('an explicit mapping rescues an unknown layout', () => {
    const r = ingestFile(utf8('x.csv', 'place,what,when,amount\nTyre,11.6.2,2019,31\n'), registry, {
      mapping: { city: 'place', indicator: 'what', year: 'when', value: 'amount' },
    });
    expect(rows(r.table)).toMatchObject([{ city: 'Tyre', indicator: '11.6.2', year: 2019, value: 31 }]);
  });
  it('a 20 MB cell ends in a report, not a crash', () => {
    const big = `city,indicator,year,value\nAmman,11.6.2,2015,"${'x'.repeat(20 * 1024 * 1024)}"\nAmman,11.6.2,2016,30\n`;
    const r = ingestFile(utf8('big.csv', big), registry);
    expect(codes(r)).toContain('error:cell_too_long@2');
    expect(r.issues.find((i) => i.code === 'cell_too_long')?.value?.length).toBeLessThan(300);
    expect(r.table.length).toBe(1);
  });
  it('caps the issue list but keeps complete counts', () => {
    const body = Array.from({ length: 5000 }, (_, i) => `Amman,11.6.2,${2000 + (i % 20)},bad${i}`).join('\n');
    const r = ingestFile(utf8('many.csv', `city,indicator,year,value\n${body}\n`), registry, { maxIssues: 100 });
    expect(r.issueCounts.not_a_number).toBe(5000);
    expect(r.issues.length).toBeLessThanOrEqual(101);
    expect(r.issues.at(-1)?.code).toBe('truncated_issues');
  });
  it('reports progress up to the whole text', () => {
    const seen: number[] = [];
    ingestFile(fixture('golden-long.csv'), registry, { onProgress: (p) => seen.push(p.done / p.total) });
    expect(seen.at(-1)).toBe(1);
  });
});

describe('ingestFile reads line endings and broken quotes', () => {
  const HEADER = 'city,indicator,year,value';
  const ROWS = ['Amman,11.6.2,2015,40', 'Amman,11.6.2,2016,39', 'Amman,11.6.2,2017,38', 'Amman,11.6.2,2018,37', 'Amman,11.6.2,2019,36'];

  it.each([
    ['LF', `${HEADER}\n${ROWS.join('\n')}\n`],
    ['CRLF', `${HEADER}\r\n${ROWS.join('\r\n')}\r\n`],
    ['CR', `${HEADER}\r${ROWS.join('\r')}\r`],
    ['CRLF and LF, then a final lone CR', `${HEADER}\r\n${ROWS[0]}\n${ROWS[1]}\r\n${ROWS[2]}\n${ROWS[3]}\r\n${ROWS[4]}\r`],
    ['LF first, then CRLF', `${HEADER}\n${ROWS[0]}\n${ROWS[1]}\r\n${ROWS[2]}\r\n${ROWS[3]}\n${ROWS[4]}\n`],
    ['a lone CR among LF lines', `${HEADER}\n${ROWS[0]}\n${ROWS[1]}\r${ROWS[2]}\n${ROWS[3]}\n${ROWS[4]}`],
    ['LF, CR and CRLF', `${HEADER}\r${ROWS[0]}\n${ROWS[1]}\r\n${ROWS[2]}\r${ROWS[3]}\n${ROWS[4]}\r\n`],
  ])('%s: every line is a row, none merged into a ragged_row', (_, text) => {
    const r = ingestFile(utf8('lines.csv', text), registry);
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(rows(r.table).map((o) => [o.year, o.value, o.line])).toEqual([
      [2015, 40, 2],
      [2016, 39, 3],
      [2017, 38, 4],
      [2018, 37, 5],
      [2019, 36, 6],
    ]);
    expect(r.file.rows).toBe(5);
  });

  it('Excel CRLF rows with a line break inside a quoted cell: the cell keeps it, the lines still count', () => {
    const text = 'city,indicator,year,value,note\r\nAmman,11.6.2,2015,40,"first line\nsecond line"\r\nAmman,11.6.2,2016,39,x\r\n';
    const r = ingestFile(utf8('excel.csv', text), registry);
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(rows(r.table).map((o) => [o.year, o.line])).toEqual([
      [2015, 2],
      [2016, 4],
    ]);
  });

  it('mixed line endings around a quoted multi-line cell', () => {
    const text = 'city,indicator,year,value,note\nAmman,11.6.2,2015,40,"a\r\nb"\r\nAmman,11.6.2,2016,39,x\nAmman,11.6.2,2017,38,y\r';
    const r = ingestFile(utf8('mixed-quoted.csv', text), registry);
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(rows(r.table).map((o) => [o.year, o.line])).toEqual([
      [2015, 2],
      [2016, 4],
      [2017, 5],
    ]);
  });

  it('an unclosed quote: missing_quotes says how many lines it swallowed, and none of them is imported', () => {
    const text = `${HEADER}\n${ROWS[0]}\nAmman,11.6.2,"2016,39\n${ROWS[2]}\n${ROWS[3]}\n`;
    const r = ingestFile(utf8('unclosed.csv', text), registry);
    expect(r.issues).toEqual([expect.objectContaining({ code: 'missing_quotes', severity: 'error', row: 3, params: { lines: 2 } })]);
    expect(rows(r.table).map((o) => o.year)).toEqual([2015]);
    // The broken row and the two it swallowed are rows of the file, not imported.
    expect(r.file.rows).toBe(4);
    expect(r.rowsRejected).toBe(3);
    expect(issueText(r.issues[0]!, 'en').message).toBe(
      'Row 3: a quoted cell is not closed (a closing " is missing); it runs on into the next 2 lines of the file, which were not imported.',
    );
  });

  it('an unclosed quote with CRLF lines counts the same lines', () => {
    const text = `${HEADER}\r\n${ROWS[0]}\r\nAmman,11.6.2,"2016,39\r\n${ROWS[2]}\r\n${ROWS[3]}\r\n\r\n${ROWS[4]}\r\n`;
    const r = ingestFile(utf8('unclosed-crlf.csv', text), registry);
    expect(r.issues).toEqual([expect.objectContaining({ code: 'missing_quotes', row: 3, params: { lines: 4 } })]);
    expect(rows(r.table).map((o) => o.year)).toEqual([2015]);
    // The blank line it swallowed is not a row.
    expect(r.file.rows).toBe(5);
    expect(r.rowsRejected).toBe(4);
  });

  it('an unclosed quote on the last line swallows nothing: no count', () => {
    const text = `${HEADER}\n${ROWS[0]}\n${ROWS[1]}\nAmman,11.6.2,2017,"38\n`;
    const r = ingestFile(utf8('unclosed-last.csv', text), registry);
    expect(r.issues).toEqual([expect.objectContaining({ code: 'missing_quotes', row: 4, params: {} })]);
    expect(rows(r.table).map((o) => o.year)).toEqual([2015, 2016]);
    expect(r.rowsRejected).toBe(1);
  });

  it('the broken quote is reported at its own line, after a quoted multi-line cell', () => {
    const text = 'city,indicator,year,value,note\nAmman,11.6.2,2015,40,"a\nb"\nAmman,11.6.2,2016,39,"x\nAmman,11.6.2,2017,38,y\n';
    const r = ingestFile(utf8('after-multiline.csv', text), registry);
    expect(r.issues).toEqual([expect.objectContaining({ code: 'missing_quotes', row: 4, params: { lines: 1 } })]);
    expect(rows(r.table).map((o) => o.year)).toEqual([2015]);
  });

  it('a stray quote closed by a later quoted cell: the rows in between are counted, not imported silently', () => {
    const text = 'city,indicator,year,value,note\nAmman,11.6.2,2015,40,a\nAmman,11.6.2,2016,"39,b\nAmman,11.6.2,2017,38,c\nAmman,11.6.2,2018,37,"d, e"\nAmman,11.6.2,2019,36,f\n';
    const r = ingestFile(utf8('stray.csv', text), registry);
    expect(r.issues).toEqual([expect.objectContaining({ code: 'invalid_quotes', row: 3, params: { lines: 2 } })]);
    expect(rows(r.table).map((o) => o.year)).toEqual([2015, 2019]);
    expect(r.rowsRejected).toBe(3);
    expect(r.file.rows).toBe(5);
  });

  it('a row with an invalid quote on one line is still reported and not imported, with mixed line endings too', () => {
    const text = 'city,indicator,year,value\r\nAmman,11.6.2,2019,40\n"Am"man",11.6.2,2020,38\r\nAmman,11.6.2,2021,37\n';
    const r = ingestFile(utf8('q-mixed.csv', text), registry);
    expect(codes(r)).toEqual(['error:invalid_quotes@3']);
    expect(r.issues[0]?.params).toEqual({});
    expect(rows(r.table).map((o) => o.year)).toEqual([2019, 2021]);
    expect(r.rowsRejected).toBe(1);
  });
});

describe('ingestFile on a file saved with two byte order marks', () => {
  it.each([
    ['without quotes (split)', 'city,indicator,year,value\nAmman,11.6.2,2015,40\nAmman,11.6.2,2016,39\n'],
    ['with quotes (PapaParse)', 'city,indicator,year,value\n"Amman",11.6.2,2015,40\nAmman,11.6.2,2016,39\n'],
  ])('%s: reads as with one, no blank row at the end', (_, text) => {
    const once = ingestFile(utf8('bom.csv', `\ufeff${text}`), registry);
    const twice = ingestFile(utf8('bom.csv', `\ufeff\ufeff${text}`), registry);
    expect(codes(twice)).toEqual(codes(once));
    expect(codes(twice).some((c) => c.includes('blank_row'))).toBe(false);
    expect(twice.file.header).toEqual(['city', 'indicator', 'year', 'value']);
    expect(rows(twice.table)).toEqual(rows(once.table));
  });
});

describe('ingestFile never throws', () => {
  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const r = ingestFile({ name: 'fuzz.csv', bytes }, registry);
        expect(r.table.length).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300, seed: 42 },
    );
  });
  it('on arbitrary CSV-ish text', () => {
    const cell = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('"', '""', ',', ';', '\n', '2015', '11.6.2', '12,5', '٣', '..'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 }), (table) => {
        const text = `city,indicator,year,value\n${table.map((r) => r.join(',')).join('\n')}`;
        ingestFile(utf8('fuzz.csv', text), registry);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
