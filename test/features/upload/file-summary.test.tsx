import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { FileSummary, severityCounts } from '@/features/upload/file-summary';
import { dataFilesOfFolder } from '@/features/upload/upload-panel';
import { I18nProvider } from '@/i18n/i18n-context';
import { ingestFile } from '@/ingest/ingest-file';

const { registry } = loadRegistryFromDirs();
const bytes = (text: string) => new TextEncoder().encode(text);

/** A File as a folder pick gives it (with its path inside the folder). */
function picked(path: string, text = 'x'): File {
  const f = new File([text], path.split('/').pop() ?? path);
  Object.defineProperty(f, 'webkitRelativePath', { value: path });
  return f;
}

describe('dataFilesOfFolder(files)', () => {
  it('sorts a repository’s files into data, metadata, boundaries and skipped, and names the folder', () => {
    const out = dataFilesOfFolder([
      picked('bristol/meta_11-1-1-c.md'),
      picked('bristol/indicator_11-1-1-c.csv'),
      picked('bristol/wards.geojson'),
      picked('bristol/meta_11-1-1-c.csv'),
      picked('bristol/_prose.yml'),
      picked('bristol/data/indicator_11-6-2.csv'),
    ]);
    expect(out.folder).toBe('bristol');
    expect(out.files.map((f) => f.webkitRelativePath)).toEqual(['bristol/data/indicator_11-6-2.csv', 'bristol/indicator_11-1-1-c.csv']);
    expect(out.metadata.map((f) => f.webkitRelativePath)).toEqual(['bristol/meta_11-1-1-c.csv', 'bristol/meta_11-1-1-c.md']);
    expect(out.boundaries.map((f) => f.name)).toEqual(['wards.geojson']);
    expect(out.skipped).toEqual(['bristol/_prose.yml']);
  });

  it('an empty pick gives nothing and no folder', () => {
    expect(dataFilesOfFolder([])).toEqual({ files: [], metadata: [], skipped: [], folder: undefined, boundaries: [] });
  });
});

describe('severityCounts(issues, counts)', () => {
  it('counts every problem with the severity its listed issues have (the counts are complete, the list is not)', () => {
    const issue = (code: 'not_a_number' | 'blank_row', severity: 'error' | 'warning') => ({ code, severity, file: 'a.csv', row: 1, column: null, value: null, params: {} });
    expect(severityCounts([issue('not_a_number', 'error'), issue('blank_row', 'warning')], { not_a_number: 700, blank_row: 2, truncated_issues: 1 })).toEqual({ error: 700, warning: 2, info: 0 });
    expect(severityCounts([], {})).toEqual({ error: 0, warning: 0, info: 0 });
  });
});

describe('FileSummary', () => {
  const data = ingestFile({ name: 'indicator_11-1-1-c.csv', bytes: bytes('Year,Value\n2016,61\n2018,x\n') }, registry, { defaultCity: 'Bristol' });
  const folder = {
    metadata: [
      { path: 'bristol/meta_11-1-1-c.md', indicator: '11.1.1.c' },
      { path: 'bristol/meta/1-1-1.md', indicator: '1.1.1', issue: { code: 'invalid_yaml' as const, file: 'meta/1-1-1.md', detail: 'bad indentation' } },
      { path: 'bristol/config_data.yml' },
    ],
    boundaries: ['bristol/wards.geojson'],
    skipped: ['bristol/_prose.yml'],
    described: { indicators: { '11.1.1.c': { title: { en: 'Satisfied' } } } },
  };

  it('lists every file with what it was read as, its observations, errors and warnings, and a note', () => {
    const html = renderToStaticMarkup(<FileSummary results={[data]} paths={['bristol/indicator_11-1-1-c.csv']} folder={folder} />);
    expect(html.match(/<tr data-kind="(\w+)"/g)?.map((m) => m.slice(15, -1))).toEqual(['data', 'metadata', 'metadata', 'metadata', 'boundaries', 'skipped']);
    expect(html).toContain('Indicators described (title, unit, definition): 1.');
    expect(html).toContain('Describes indicator 11.1.1.c.');
    expect(html).toContain('Could not be read: bad indentation');
    expect(html).toContain('Neither data nor metadata: not read.');
    // The data file: 1 observation, the row with "x" an error.
    expect(html).toMatch(/data-label="Observations">1<\/td><td class="num" data-label="Errors">1<\/td>/);
  });

  it('files chosen one by one: the data files only, without the metadata line', () => {
    const html = renderToStaticMarkup(<FileSummary results={[data]} paths={[]} folder={null} />);
    expect(html).toContain('indicator_11-1-1-c.csv');
    expect(html).not.toContain('Indicators described');
  });

  it('in Arabic', () => {
    const html = renderToStaticMarkup(
      <I18nProvider lang="ar" digits="latn">
        <FileSummary results={[data]} paths={['bristol/indicator_11-1-1-c.csv']} folder={folder} />
      </I18nProvider>,
    );
    expect(html).toContain('الملفات المقروءة');
    expect(html).toContain('يصف المؤشر 11.1.1.c.');
  });
});
