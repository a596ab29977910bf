import { describe, expect, it } from 'vitest';
import { classifyRepositoryFile, pathInFolder, readRepositoryMetadata } from '@/ingest/repository-metadata';

/** A folder's files as the browser gives them (paths start with the folder's name). */
function folder(name: string, files: Record<string, string>): { path: string; bytes: Uint8Array }[] {
  return Object.entries(files).map(([path, text]) => ({ path: `${name}/${path}`, bytes: new TextEncoder().encode(text) }));
}

describe('classifyRepositoryFile(path)', () => {
  it.each([
    ['city/indicator_11-1-1-c.csv', 'data'],
    ['repo/data/indicator_11-6-2.csv', 'data'],
    ['city/notes.txt', 'data'],
    ['city/meta_11-1-1-c.md', 'metadata'],
    ['city/meta_11-1-1-c.csv', 'metadata'],
    ['city/metadata-mapping.csv', 'metadata'],
    ['city/config_data.yml', 'metadata'],
    ['repo/meta/11-6-2.md', 'metadata'],
    ['repo/meta/archived-11-6-1.md', 'metadata'],
    ['repo/indicator-config/4-1.yml', 'metadata'],
    ['repo/translations/ar/global_indicators.yml', 'metadata'],
    ['city/wards.geojson', 'boundaries'],
    ['repo/_prose.yml', 'skipped'],
    ['repo/README.md', 'skipped'],
    ['repo/meta/6.b.1.xlsx', 'skipped'],
    ['repo/metadata.csv', 'skipped'],
    ['repo/meta/notes/extra.md', 'skipped'],
  ] as const)('%s is %s', (path, kind) => {
    expect(classifyRepositoryFile(path)).toBe(kind);
  });

  it('pathInFolder drops the folder name, a lone file keeps its name', () => {
    expect(pathInFolder('bristol/meta/11-1-1.md')).toBe('meta/11-1-1.md');
    expect(pathInFolder('meta_11-1-1.md')).toBe('meta_11-1-1.md');
  });
});

describe('readRepositoryMetadata(files)', () => {
  it('returns nothing for no files', () => {
    expect(readRepositoryMetadata([])).toEqual({ metadata: { indicators: {} }, files: [] });
  });

  it('titles a local sub-indicator from its meta CSV when its front matter holds an untranslated key (Bristol layout)', () => {
    const { metadata, files } = readRepositoryMetadata(
      folder('city', {
        'config_data.yml': 'languages:\n  - en\n',
        'meta_11-1-1-c.md': "---\nindicator_name: localised_indicators.11-1-1-c-title\nindicator_number: 11.1.1.c\nsdg_goal: '11'\n---\n",
        'meta_11-1-1-c.csv': '\ufeffNational metadata,\nIndicator available,Residents satisfied with their area\nUnit of measurement,%\nDefinitions,"Share of respondents, who said ""satisfied"""\nGraph type,line\n',
        'metadata-mapping.csv': 'Indicator available,indicator_available\nUnit of measurement,computation_units\nDefinitions,computation_definitions\n',
      }),
    );
    expect(metadata.indicators).toEqual({
      '11.1.1.c': { title: { en: 'Residents satisfied with their area' }, unit: { en: '%' }, definition: { en: 'Share of respondents, who said "satisfied"' } },
    });
    expect(files.map((f) => [f.path, f.indicator])).toEqual([
      ['city/config_data.yml', undefined],
      ['city/meta_11-1-1-c.md', '11.1.1.c'],
      ['city/meta_11-1-1-c.csv', '11.1.1.c'],
      ['city/metadata-mapping.csv', undefined],
    ]);
  });

  it('reads meta/*.md front matter with translations per language, and the headline series of progress_calculation_options', () => {
    const { metadata } = readRepositoryMetadata(
      folder('repo', {
        'config_data.yml': 'languages:\n  - en\n  - ar\n',
        'meta/4-1.md': [
          '---',
          'indicator_name: local.4-1-title',
          'computation_units: Number of schools',
          'computation_definitions: <p>Schools <b>open</b> on 1 September.</p>',
          'auto_progress_calculation: true',
          'progress_calculation_options:',
          '  - series: Primary',
          '    direction: positive',
          '---',
          'Body text.',
        ].join('\n'),
        'translations/en/local.yml': "4-1-title: Schools open\n",
        'translations/ar/local.yml': "4-1-title: المدارس المفتوحة\n",
      }),
    );
    expect(metadata.indicators['4.1']).toEqual({
      title: { en: 'Schools open', ar: 'المدارس المفتوحة' },
      unit: { en: 'Number of schools' },
      definition: { en: 'Schools open on 1 September.' },
      headlineSeries: 'Primary',
    });
  });

  it.each([
    ['the first option names no series', '  - direction: negative\n  - series: PM10\n'],
    ['the first option filters a disaggregation', '  - series: PM2.5\n    disaggregation:\n      - field: Sex\n        value: Female\n'],
  ])('sets no headline series when %s', (_, options) => {
    const { metadata } = readRepositoryMetadata(
      folder('repo', { 'indicator-config/11-6-2.yml': `indicator_name: Air\nauto_progress_calculation: true\nprogress_calculation_options:\n${options}` }),
    );
    expect(metadata.indicators['11.6.2']).toEqual({ title: { en: 'Air' } });
  });

  it('lets indicator-config/<id>.yml win over meta/<id>.md, and a live indicator over an archived one', () => {
    const { metadata } = readRepositoryMetadata(
      folder('repo', {
        'meta/15-1-E1.md': '---\nindicator_name: From meta\ncomputation_units: ha\n---\n',
        'indicator-config/15-1-E1.yml': 'indicator_name: From config\n',
        'meta/archived-11-6-1.md': '---\nindicator_name: Old waste\n---\n',
        'meta/11-6-1.md': '---\nindicator_name: Waste\n---\n',
      }),
    );
    expect(metadata.indicators['15.1.E1']).toEqual({ title: { en: 'From config' } });
    expect(metadata.indicators['11.6.1']).toEqual({ title: { en: 'Waste' } });
  });

  it('reports a file whose YAML cannot be read and goes on with the others', () => {
    const { metadata, files } = readRepositoryMetadata(
      folder('repo', { 'meta/1-1-1.md': '---\nindicator_name: [unclosed\n---\n', 'meta/1-2-1.md': '---\nindicator_name: Poverty\n---\n' }),
    );
    expect(files[0]?.issue?.code).toBe('invalid_yaml');
    expect(files[0]?.indicator).toBe('1.1.1');
    expect(Object.keys(metadata.indicators)).toEqual(['1.2.1']);
  });

  it('gives no title for an untranslated key, an empty value or a file without front matter', () => {
    const { metadata } = readRepositoryMetadata(
      folder('repo', { 'meta/1-1-1.md': '---\nindicator_name: global_indicators.1-1-1-title\ngraph_title: ""\n---\n', 'meta/1-2-1.md': 'No front matter here.' }),
    );
    expect(metadata.indicators).toEqual({});
  });

  it('cuts a very long text, and keeps markup out', () => {
    const long = 'x'.repeat(9000);
    const { metadata } = readRepositoryMetadata(folder('repo', { 'meta/1-1-1.md': `---\nindicator_name: <script>alert(1)</script>Poverty\ncomputation_definitions: ${long}\n---\n` }));
    expect(metadata.indicators['1.1.1']?.title).toEqual({ en: 'alert(1) Poverty' });
    expect(metadata.indicators['1.1.1']?.definition?.en).toHaveLength(5000);
  });
});
