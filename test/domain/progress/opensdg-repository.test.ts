import { describe, expect, it } from 'vitest';
import {
  compareOpenSdgIds,
  computeOpenSdgIndicator,
  computeOpenSdgRepository,
  parseOpenSdgIndicatorConfig,
  parseOpenSdgSiteConfig,
  toOpenSdgProgressDocument,
  type OpenSdgIndicatorConfig,
  type OpenSdgOptionItem,
  type OpenSdgRepositoryInput,
  type OpenSdgSeriesEntry,
} from '@/domain/progress/opensdg-repository';
import {
  OPENSDG_DEFAULT_COLUMN_ROLES,
  parseOpenSdgNumber,
  prepareOpenSdgTable,
  selectOpenSdgSeries,
  type CsvRows,
  type OpenSdgColumnRoles,
  type OpenSdgSelection,
  type OpenSdgTable,
  type TableTranslation,
} from '@/domain/progress/opensdg-table';
import { buildOpenSdgTranslations, translateOpenSdgMeta, translateOpenSdgText } from '@/domain/progress/opensdg-translations';
import { readOpenSdgYaml } from '@/domain/progress/opensdg-yaml';

/** CSV rows from compact text (comma-separated, no quoting needed in these tests). */
function csv(text: string): CsvRows {
  return text
    .trim()
    .split('\n')
    .map((line) => line.trim().split(','));
}

function table(rows: CsvRows, roles: OpenSdgColumnRoles = OPENSDG_DEFAULT_COLUMN_ROLES, translation: TableTranslation = null): OpenSdgTable {
  const prepared = prepareOpenSdgTable(rows, roles, translation);
  if (!prepared.ok) throw new Error(`test table not prepared: ${prepared.reason}`);
  return prepared.table;
}

function select(rows: CsvRows, selection: OpenSdgSelection, roles: OpenSdgColumnRoles = OPENSDG_DEFAULT_COLUMN_ROLES) {
  return selectOpenSdgSeries(table(rows, roles), selection, roles);
}

function translation(files: Record<string, string>, language = 'en'): TableTranslation {
  const list = Object.entries(files).map(([path, text]) => {
    const [lang = '', group = ''] = path.split('/');
    return { language: lang, group, text };
  });
  return { translations: buildOpenSdgTranslations(list).translations, language };
}

describe('readOpenSdgYaml reads like PyYAML (YAML 1.1)', () => {
  it.each([
    { name: 'yes/on are booleans', text: 'a: yes\nb: on\nc: no', value: { a: true, b: true, c: false } },
    { name: 'a later duplicate key wins', text: 'a: 1\na: 2', value: { a: 2 } },
    { name: 'a leading byte-order mark is skipped', text: '\uFEFFauto_progress_calculation: true', value: { auto_progress_calculation: true } },
    { name: 'an empty document is null', text: '', value: null },
  ])('$name', ({ text, value }) => {
    expect(readOpenSdgYaml(text)).toEqual({ ok: true, value });
  });

  it('a syntax error is reported, not thrown', () => {
    expect(readOpenSdgYaml('a: [1\n').ok).toBe(false);
  });
});

describe('parseOpenSdgSiteConfig (config_data.yml, rule 1)', () => {
  it('no file: sdg-build defaults, untranslated build', () => {
    const { config, issues } = parseOpenSdgSiteConfig(null);
    expect(config.language).toBeNull();
    expect(config.roles).toEqual(OPENSDG_DEFAULT_COLUMN_ROLES);
    expect(config.roles.observationAttributes).toEqual(['COMMENT_OBS', 'SOURCE_DETAIL']);
    expect(issues).toEqual([]);
  });

  it('the build language is the first of `languages`', () => {
    expect(parseOpenSdgSiteConfig('languages:\n  - fr\n  - en\n').config.language).toBe('fr');
  });

  it('indicator_options replaces the defaults as a whole (Year and Value always non-disaggregation)', () => {
    const { config } = parseOpenSdgSiteConfig('indicator_options:\n  non_disaggregation_columns: [Units, Series, GeoCode, Progress]\n');
    expect(config.roles.nonDisaggregationColumns).toEqual(['Year', 'Value', 'Units', 'Series', 'GeoCode', 'Progress']);
    expect(config.roles.observationAttributes).toEqual([]);
    expect(config.roles.seriesColumn).toBe('Series');
  });

  it('an unreadable file gives the defaults and an issue', () => {
    const { config, issues } = parseOpenSdgSiteConfig('languages: [en\n');
    expect(config.roles).toEqual(OPENSDG_DEFAULT_COLUMN_ROLES);
    expect(issues[0]?.code).toBe('invalid_yaml');
  });

  it('a wrongly shaped indicator_options gives the defaults and an issue', () => {
    const { issues } = parseOpenSdgSiteConfig('indicator_options:\n  non_disaggregation_columns: Year\n');
    expect(issues[0]?.code).toBe('invalid_config_data');
  });
});

describe('translations (rule 2)', () => {
  const tr = translation({
    'en/data': 'Current score: Current status score\nSexe: Sex\nshared: from data',
    'en/Sexe': 'F: Female\nshared: from Sexe',
    'en/custom': 'label: Custom label',
    'fr/data': 'Current score: Score actuel\nonly_fr: seulement',
  });
  const lookups = tr === null ? new Map() : tr.translations;

  it.each([
    { name: 'a full group.key first', text: 'custom.label', groups: ['Sexe', 'data'], out: 'Custom label' },
    { name: 'then <column>.<text>', text: 'F', groups: ['Sexe', 'data'], out: 'Female' },
    { name: 'the column group wins over data', text: 'shared', groups: ['Sexe', 'data'], out: 'from Sexe' },
    { name: 'then data.<text>', text: 'Current score', groups: ['Series', 'data'], out: 'Current status score' },
    { name: 'no entry: unchanged', text: 'Male', groups: ['Sexe', 'data'], out: 'Male' },
    { name: 'a key without text in the build language: unchanged', text: 'only_fr', groups: ['data'], out: 'only_fr' },
  ])('$name: "$text" → "$out"', ({ text, groups, out }) => {
    expect(translateOpenSdgText(lookups, text, 'en', groups)).toBe(out);
  });

  it('the build language decides the text', () => {
    expect(translateOpenSdgText(lookups, 'Current score', 'fr', ['data'])).toBe('Score actuel');
  });

  it('meta: every string in lists and mappings, keys untouched, numbers untouched', () => {
    const meta = [{ series: 'Current score', target: 5, disaggregation: [{ field: 'Sexe', value: 'F' }] }];
    expect(translateOpenSdgMeta(lookups, meta, 'en')).toEqual([{ series: 'Current status score', target: 5, disaggregation: [{ field: 'Sex', value: 'F' }] }]);
  });

  it('a translation file that is not a mapping is reported', () => {
    const { issues } = buildOpenSdgTranslations([{ language: 'en', group: 'data', text: '- a\n- b\n' }]);
    expect(issues[0]?.code).toBe('invalid_translation_file');
  });

  it('headers of disaggregations and text cells are translated before selection; non-disaggregation headers are not', () => {
    const t = table(csv('Year,Sexe,Series,Value\n2015,F,Current score,1'), OPENSDG_DEFAULT_COLUMN_ROLES, tr);
    expect(t.columns).toEqual(['Sex', 'Series']);
    expect(t.rows[0]?.cells).toEqual(['Female', 'Current status score']);
  });
});

describe('prepareOpenSdgTable (rules 1, 3, 5)', () => {
  it('reads text cells as text and missing markers as blank', () => {
    const t = table(csv('Year,Age,Value\n2015,1,3\n2016,NA,4\n2017,N/A,5\n2018,null,6\n2019,nan,7\n2020,,8\n2021, ,9'));
    expect(t.rows.map((r) => r.cells[0] ?? null)).toEqual(['1', null, null, null, null, null, ' ']);
  });

  it.each([
    { name: 'plain years', years: ['2015', '2016'], out: [2015, 2016] },
    { name: 'one longer year truncates every year to its first 4 characters', years: ['2015', '2017-18'], out: [2015, 2017] },
    { name: 'quarters', years: ['2024 Q1', '2024 Q2'], out: [2024, 2024] },
    { name: '"2016/18 (baseline)"', years: ['2016/18 (baseline)', '2020'], out: [2016, 2020] },
    { name: 'blank years drop their row', years: ['', '2016', 'NA'], out: [2016] },
  ])('Year: $name', ({ years, out }) => {
    const rows: CsvRows = [['Year', 'Value'], ...years.map((y) => [y, '1'])];
    expect(table(rows).rows.map((r) => r.year)).toEqual(out);
  });

  it('a Year that is not a number drops its row and is counted', () => {
    const t = table(csv('Year,Value\nabcd,1\n2016,2'));
    expect(t.rows.map((r) => r.year)).toEqual([2016]);
    expect(t.unreadableYears).toBe(1);
  });

  it('Progress replaces Value in every row; a blank Progress is missing even when Value has a number', () => {
    const t = table(csv('Year,Progress,Value\n2015,10,10\n2016,,9.5\n2020,8,12'));
    expect(t.rows.map((r) => r.value)).toEqual([10, null, 8]);
    expect(t.columns).toEqual([]);
  });

  it('non-disaggregation columns and observation attributes are dropped, except Series and Units; Value need not be last', () => {
    const t = table(csv('Year,Value,Units,GeoCode,COMMENT_OBS,Observation status,Sex\n2015,1,%,A1,note,E,F'));
    expect(t.columns).toEqual(['Units', 'Sex']);
    expect(t.disaggregation).toEqual([false, true]);
  });

  it('a column the repository does not list is a disaggregation (Observation status in Canada)', () => {
    const roles: OpenSdgColumnRoles = { ...OPENSDG_DEFAULT_COLUMN_ROLES, nonDisaggregationColumns: ['Year', 'Value', 'Units', 'Series'] };
    const t = table(csv('Year,Observation status,Value\n2015,E,1'), roles);
    expect(t.columns).toEqual(['Observation status']);
    expect(t.disaggregation).toEqual([true]);
  });

  it.each([
    { cell: '12.5', value: 12.5 },
    { cell: ' 98.49', value: 98.49 },
    { cell: '115000\t', value: 115000 },
    { cell: '8e-04', value: 0.0008 },
    { cell: 'Inf', value: Infinity },
    { cell: '-inf', value: -Infinity },
    { cell: 'NA', value: null },
    { cell: '', value: null },
  ])('value cell "$cell" → $value', ({ cell, value }) => {
    expect(parseOpenSdgNumber(cell).value).toBe(value);
  });

  it('a value that is not a number is missing and counted', () => {
    expect(parseOpenSdgNumber('1,234')).toEqual({ value: null, numeric: false });
    expect(table(csv('Year,Value\n2015,x')).nonNumericValues).toBe(1);
  });

  it.each([
    { name: 'no rows at all', rows: [] as CsvRows, reason: 'empty_data_file' },
    { name: 'no Value column', rows: csv('Year,Amount\n2015,1'), reason: 'missing_year_or_value_column' },
    { name: 'no Year column', rows: csv('year,Value\n2015,1'), reason: 'missing_year_or_value_column' },
  ])('$name → $reason', ({ rows, reason }) => {
    expect(prepareOpenSdgTable(rows, OPENSDG_DEFAULT_COLUMN_ROLES, null)).toEqual({ ok: false, reason });
  });

  it('a byte-order mark before Year is ignored', () => {
    expect(prepareOpenSdgTable([['\uFEFFYear', 'Value'], ['2015', '1']], OPENSDG_DEFAULT_COLUMN_ROLES, null).ok).toBe(true);
  });
});

describe('selectOpenSdgSeries (step 1, rules 2–4)', () => {
  const units = csv('Year,Units,Sex,Value\n2015,%,,1\n2016,%,,2\n2015,%,F,3\n2016,%,F,4\n2015,N,,10\n2016,N,,20');

  it.each<{ name: string; rows: CsvRows; selection: OpenSdgSelection; years?: number[]; values?: number[]; reason?: string }>([
    { name: 'Units filter, then the headline (Sex blank)', rows: units, selection: { unit: '%' }, values: [1, 2] },
    { name: 'Units and a disaggregation', rows: units, selection: { unit: '%', disaggregation: [{ field: 'Sex', value: 'F' }] }, values: [3, 4] },
    { name: 'two units and no unit filter: ambiguous', rows: units, selection: {}, reason: 'ambiguous_series' },
    { name: 'a unit value no row has: no data (not ignored)', rows: units, selection: { unit: 'kg' }, reason: 'filter_value_not_found' },
    { name: 'a disaggregation value no row has: no data', rows: units, selection: { unit: '%', disaggregation: [{ field: 'Sex', value: 'M' }] }, reason: 'filter_value_not_found' },
    { name: 'a filter on a column the file does not have is ignored', rows: csv('Year,Value\n2015,1\n2016,2'), selection: { series: 'X', unit: 'Y' }, values: [1, 2] },
    { name: 'a disaggregation field the file does not have is ignored', rows: units, selection: { unit: 'N', disaggregation: [{ field: 'Age', value: '15' }] }, values: [10, 20] },
    { name: 'cells compare as text: the number 1 never equals the cell "1"', rows: csv('Year,Age,Value\n2015,1,5\n2016,1,6'), selection: { disaggregation: [{ field: 'Age', value: 1 }] }, reason: 'filter_value_not_found' },
    { name: 'cells compare as text: "1" equals "1"', rows: csv('Year,Age,Value\n2015,1,5\n2016,1,6'), selection: { disaggregation: [{ field: 'Age', value: '1' }] }, values: [5, 6] },
    { name: 'no headline row: not available', rows: csv('Year,Sex,Value\n2015,F,1\n2015,M,2'), selection: {}, reason: 'no_headline' },
    {
      name: 'a disaggregation value left empty (`value:`, YAML null) does not filter that column, as sdg-build keeps the rows',
      rows: csv('Year,Units,Sex,Value\n2015,%,F,3\n2016,%,F,4'),
      selection: { unit: '%', disaggregation: [{ field: 'Sex', value: null }] },
      values: [3, 4],
    },
    {
      name: 'a disaggregation the spec does not name must be blank (rule 4)',
      rows: csv('Year,Sex,Age,Value\n2015,F,,1\n2016,F,,2\n2015,F,15-24,7\n2016,F,15-24,8'),
      selection: { disaggregation: [{ field: 'Sex', value: 'F' }] },
      values: [1, 2],
    },
    {
      name: 'no row with the unnamed disaggregations blank: not available',
      rows: csv('Year,Sex,Age,Value\n2015,F,15-24,7\n2016,F,15-24,8'),
      selection: { disaggregation: [{ field: 'Sex', value: 'F' }] },
      reason: 'no_matching_rows',
    },
    { name: 'a Series column with a value and a blank: ambiguous (blank counts as a value)', rows: csv('Year,Series,Value\n2015,A,1\n2016,,2'), selection: {}, reason: 'ambiguous_series' },
    { name: 'a year twice in the selected rows: not available', rows: csv('Year,Value\n2015,1\n2015,2\n2016,3'), selection: {}, reason: 'duplicate_years' },
    { name: 'a year twice but one copy has no value: fine', rows: csv('Year,Value\n2015,1\n2015,NA\n2016,3'), selection: {}, years: [2015, 2016] },
    { name: 'every value missing: no data', rows: csv('Year,Value\n2015,NA\n2016,'), selection: {}, reason: 'no_data' },
  ])('$name', ({ rows, selection, years, values, reason }) => {
    const r = select(rows, selection);
    if (reason !== undefined) {
      expect(r.ok ? 'selected' : r.reason).toBe(reason);
      return;
    }
    if (!r.ok) throw new Error(`not selected: ${r.reason} ${r.detail}`);
    if (values !== undefined) expect(Array.from(r.points.values)).toEqual(values);
    if (years !== undefined) expect(Array.from(r.points.years)).toEqual(years);
  });

  it('says which filter matched nothing', () => {
    const r = select(units, { unit: 'kg' });
    expect(r.ok ? '' : r.detail).toBe('Units = "kg"');
  });

  it('custom series/units columns from config_data.yml are used for the filters', () => {
    const roles: OpenSdgColumnRoles = { ...OPENSDG_DEFAULT_COLUMN_ROLES, seriesColumn: 'SERIES', nonDisaggregationColumns: [...OPENSDG_DEFAULT_COLUMN_ROLES.nonDisaggregationColumns] };
    const r = select(csv('Year,SERIES,Value\n2015,A,1\n2016,A,2\n2015,B,5'), { series: 'A' }, roles);
    expect(r.ok && Array.from(r.points.values)).toEqual([1, 2]);
  });
});

describe('parseOpenSdgIndicatorConfig', () => {
  const parse = (text: string, tr: TableTranslation = null): OpenSdgIndicatorConfig | null => parseOpenSdgIndicatorConfig('1-1-1', text, tr).config;
  const options = (text: string, tr: TableTranslation = null): readonly OpenSdgOptionItem[] => {
    const c = parse(text, tr);
    return c?.kind === 'auto' ? c.options : [];
  };

  it.each([
    { name: 'true', text: 'auto_progress_calculation: true', kind: 'auto' },
    { name: 'yes (a YAML 1.1 boolean, also true for PyYAML)', text: 'auto_progress_calculation: yes', kind: 'auto' },
    { name: 'the string "true"', text: 'auto_progress_calculation: "true"', kind: 'manual' },
    { name: '1', text: 'auto_progress_calculation: 1', kind: 'manual' },
    { name: 'false', text: 'auto_progress_calculation: false', kind: 'manual' },
    { name: 'absent', text: 'reporting_status: complete', kind: 'manual' },
    { name: 'commented out', text: '# auto_progress_calculation: true', kind: 'manual' },
  ])('auto_progress_calculation $name → $kind (must be exactly true)', ({ text, kind }) => {
    expect(parse(text)?.kind).toBe(kind);
  });

  it('a manual indicator keeps progress_status as is (any status type), "" when none', () => {
    expect(parse('auto_progress_calculation: false\nprogress_status: not_available_manual')).toEqual({ kind: 'manual', progressStatus: 'not_available_manual' });
    expect(parse('auto_progress_calculation: false')).toEqual({ kind: 'manual', progressStatus: '' });
  });

  it.each([
    { name: 'missing', text: 'auto_progress_calculation: true' },
    { name: 'an empty list', text: 'auto_progress_calculation: true\nprogress_calculation_options: []' },
    { name: 'empty', text: 'auto_progress_calculation: true\nprogress_calculation_options:' },
  ])('options $name → one default spec: headline, decrease, base 2015, target year 2030, no target', ({ text }) => {
    expect(options(text)).toEqual([
      {
        kind: 'series',
        tag: '1-1-1',
        spec: { series: undefined, unit: undefined, disaggregation: [], direction: 'decrease', baseYear: 2015, target: null, targetYear: 2030, limit: null, thresholds: undefined },
      },
    ]);
  });

  it.each([
    { direction: 'positive', out: 'increase' },
    { direction: 'negative', out: 'decrease' },
    { direction: 'Positive', out: 'decrease' },
    { direction: 'increase', out: 'decrease' },
    { direction: "''", out: 'decrease' },
  ])('direction $direction → $out (only "positive" is positive)', ({ direction, out }) => {
    const [item] = options(`auto_progress_calculation: true\nprogress_calculation_options:\n  - direction: ${direction}`);
    expect(item?.kind === 'series' && item.spec.direction).toBe(out);
  });

  it('reads every setting of a spec and builds sdg-build\'s tag', () => {
    const [item] = options(
      [
        'auto_progress_calculation: true',
        'progress_calculation_options:',
        '  - series: S',
        '    unit: U',
        '    disaggregation:',
        '      - field: Sex',
        '        value: Female',
        '    direction: positive',
        '    base_year: 2016',
        '    target: 0',
        '    target_year: 2025',
        '    limit: 100',
        '    progress_thresholds: {high: 0.02}',
      ].join('\n'),
    );
    expect(item).toEqual({
      kind: 'series',
      tag: '1-1-1 / S / U / Female',
      spec: {
        series: 'S',
        unit: 'U',
        disaggregation: [{ field: 'Sex', value: 'Female' }],
        direction: 'increase',
        baseYear: 2016,
        target: 0,
        targetYear: 2025,
        limit: 100,
        thresholds: { high: 0.02, med: undefined, low: undefined },
      },
    });
  });

  it('groups nest to any depth', () => {
    const items = options('auto_progress_calculation: true\nprogress_calculation_options:\n  - group:\n      - series: A\n      - group:\n          - series: B\n  - series: C');
    expect(items.map((i) => i.kind)).toEqual(['group', 'series']);
    const [group] = items;
    expect(group?.kind === 'group' && group.items.map((i) => i.kind)).toEqual(['series', 'group']);
  });

  it('an unusable spec is reported and kept as invalid (not available), the others still count', () => {
    const { config, issues } = parseOpenSdgIndicatorConfig('1-1-1', 'auto_progress_calculation: true\nprogress_calculation_options:\n  - target: "five"\n  - series: A', null);
    expect(config?.kind === 'auto' && config.options.map((o) => o.kind)).toEqual(['invalid', 'series']);
    expect(issues[0]?.code).toBe('invalid_series_spec');
  });

  it('options that are not a list are reported; nothing is computed', () => {
    const { config, issues } = parseOpenSdgIndicatorConfig('1-1-1', 'auto_progress_calculation: true\nprogress_calculation_options:\n  series: A', null);
    expect(config).toEqual({ kind: 'auto', options: [] });
    expect(issues[0]?.code).toBe('invalid_progress_options');
  });

  it('option texts are translated (itself, then data.<text>) before use', () => {
    const tr = translation({ 'en/data': 'Current score: Current status score' });
    const [item] = options('auto_progress_calculation: true\nprogress_calculation_options:\n  - series: Current score', tr);
    expect(item?.kind === 'series' && item.spec.series).toBe('Current status score');
  });

  it('a sub-mapping for the build language overrides the top level', () => {
    const tr = translation({ 'en/data': 'x: y' });
    expect(parse('auto_progress_calculation: false\nen:\n  auto_progress_calculation: true', tr)?.kind).toBe('auto');
  });

  it('unreadable YAML → no config and an issue', () => {
    const { config, issues } = parseOpenSdgIndicatorConfig('1-1-1', 'a: [', null);
    expect(config).toBeNull();
    expect(issues[0]?.code).toBe('invalid_yaml');
  });
});

describe('computeOpenSdgIndicator', () => {
  const roles = OPENSDG_DEFAULT_COLUMN_ROLES;
  const data = prepareOpenSdgTable(csv('Year,Sex,Value\n2015,,50\n2020,,55\n2015,F,40\n2020,F,50\n2015,M,60\n2020,M,58'), roles, null);
  const spec = (value: string | null) => `  - direction: positive\n${value === null ? '' : `    disaggregation:\n      - field: Sex\n        value: ${value}\n`}`;
  const optionsOf = (yaml: string): readonly OpenSdgOptionItem[] => {
    const c = parseOpenSdgIndicatorConfig('11-7-1', `auto_progress_calculation: true\nprogress_calculation_options:\n${yaml}`, null).config;
    return c?.kind === 'auto' ? c.options : [];
  };
  const female = 5; // 40 → 50 in 5 years: P = 4.56 % → 5
  const male = Math.max(125 * (Math.pow(58 / 60, 1 / 5) - 1) - 2.5, -5);
  const headline = Math.min(500 * (Math.pow(1.1, 1 / 5) - 1) - 5, 5);

  it('a group is reduced to its mean first, then averaged with the other items', () => {
    const options = optionsOf(
      [
        '  - group:',
        '      - direction: positive',
        '        disaggregation: [{field: Sex, value: F}]',
        '      - direction: positive',
        '        disaggregation: [{field: Sex, value: M}]',
        '  - direction: positive',
      ].join('\n'),
    );
    const r = computeOpenSdgIndicator('11-7-1', options, data, roles);
    expect(r.score).toBeCloseTo(((female + male) / 2 + headline) / 2, 10);
    expect(r.status).toBe('substantial_progress');
    const group = r.series[0];
    expect(group?.kind === 'group' && group.score).toBeCloseTo((female + male) / 2, 10);
  });

  it('without the group the three series would average differently (moderate progress)', () => {
    const r = computeOpenSdgIndicator('11-7-1', optionsOf(spec('F') + spec('M') + spec(null)), data, roles);
    expect(r.score).toBeCloseTo((female + male + headline) / 3, 10);
    expect(r.status).toBe('moderate_progress');
  });

  it('a series matching no data is listed with its reason and left out of the mean', () => {
    const r = computeOpenSdgIndicator('11-7-1', optionsOf(spec('Other') + spec(null)), data, roles);
    const [missing] = r.series as OpenSdgSeriesEntry[];
    expect(missing?.reason).toBe('filter_value_not_found');
    expect(missing?.detail).toBe('Sex = "Other"');
    expect(missing?.components.status).toBe('not_available');
    expect(r.score).toBeCloseTo(headline, 10);
  });

  it('no data file: every series not available, the indicator not_available', () => {
    const r = computeOpenSdgIndicator('11-7-1', optionsOf(spec(null)), null, roles);
    expect(r.status).toBe('not_available');
    expect(r.score).toBeNull();
    expect((r.series[0] as OpenSdgSeriesEntry).reason).toBe('no_data_file');
  });
});

describe('computeOpenSdgRepository and the progress document', () => {
  const input: OpenSdgRepositoryInput = {
    configData: 'languages: [en]\n',
    indicatorConfigs: {
      '1-10-1': 'auto_progress_calculation: true\nprogress_calculation_options:\n  - direction: positive\n    target: 0.75',
      '1-2-1': 'auto_progress_calculation: true',
      '1-a-1': 'auto_progress_calculation: false\nprogress_status: deterioration',
    },
    dataFiles: {
      '1-10-1': csv('Year,Value\n2015,0.5\n2020,0.8'),
      '1-2-1': csv('Year,Value\n2015,7.2\n2020,6.0'),
    },
    translationFiles: [],
  };

  it('computes every auto indicator, keeps manual ones apart, in indicator order', () => {
    const progress = computeOpenSdgRepository(input);
    expect(progress.indicators.map((i) => [i.id, i.kind, i.status])).toEqual([
      ['1-2-1', 'auto', 'substantial_progress'],
      ['1-10-1', 'auto', 'target_achieved'],
      ['1-a-1', 'manual', 'deterioration'],
    ]);
  });

  it('the document lists auto indicators only, with status, score and per-series components', () => {
    const doc = toOpenSdgProgressDocument(computeOpenSdgRepository(input));
    expect(Object.keys(doc)).toEqual(['1-2-1', '1-10-1']);
    expect(doc['1-10-1']).toEqual({
      status: 'target_achieved',
      score: 5,
      series: [
        {
          tag: '1-10-1',
          base_value: 0.5,
          base_year: 2015,
          current_value: 0.8,
          current_year: 2020,
          target: 0.75,
          target_year: 2030,
          direction: 1,
          sign: 1,
          limit: null,
          progress_value: expect.any(Number) as number,
          status: 'target_achieved',
          score: 5,
          target_achieved: true,
          reason: null,
          detail: null,
          notes: [],
        },
      ],
    });
  });

  it('a missing data file is an issue, not a throw', () => {
    const progress = computeOpenSdgRepository({ ...input, dataFiles: {} });
    expect(progress.issues.map((i) => i.code)).toEqual(['no_data_file', 'no_data_file']);
  });

  it.each([
    { a: '1-2-1', b: '1-10-1', sign: -1 },
    { a: '1-10-1', b: '1-a-1', sign: -1 },
    { a: '10-1-1', b: '9-1-1', sign: 1 },
    { a: '1-2', b: '1-2-1', sign: -1 },
    { a: '1-a-1', b: '1-a-1', sign: 0 },
  ])('compareOpenSdgIds($a, $b) has sign $sign', ({ a, b, sign }) => {
    expect(Math.sign(compareOpenSdgIds(a, b))).toBe(sign);
  });
});
