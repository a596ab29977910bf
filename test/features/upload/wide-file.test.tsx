import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { ColumnMappingForm, MAPPING_COLUMNS } from '@/features/upload/column-mapping-form';
import { rolesFromMapping } from '@/features/upload/column-roles';
import { FileResult, PREVIEW_TABLE_COLUMNS } from '@/features/upload/file-result';
import { I18nProvider } from '@/i18n/i18n-context';
import { ingestFile } from '@/ingest/ingest-file';

const { registry } = loadRegistryFromDirs();
const COLUMNS = 524_288;
// A 1 MB file of 524,288 columns (`a,a,…`) and one data row.
const wide = ingestFile({ name: 'wide.csv', bytes: new TextEncoder().encode(`${Array.from({ length: COLUMNS }, () => 'a').join(',')}\nx\n`) }, registry);

describe('a file of 524,288 columns on the Data view', () => {
  it('FileResult: the preview table draws the first 50 columns and says "showing 50 of 524,288 columns" (was every column)', () => {
    const html = renderToStaticMarkup(<FileResult result={wide} />);
    const preview = html.slice(html.indexOf('class="preview"'));
    expect(preview.match(/<th scope="col"/g)).toHaveLength(PREVIEW_TABLE_COLUMNS);
    expect(preview.match(/<td>/g)).toHaveLength(PREVIEW_TABLE_COLUMNS);
    expect(html).toContain('Showing the first 50 of 524,288 columns.');
    expect(html.length).toBeLessThan(300_000);
  });

  it('FileResult in Arabic: the note in Arabic', () => {
    const html = renderToStaticMarkup(
      <I18nProvider lang="ar" digits="latn">
        <FileResult result={wide} />
      </I18nProvider>,
    );
    expect(html).toContain('تُعرض أول 50 من 524,288 عمودًا.');
  });

  it('a file of a few columns: no note, every column drawn', () => {
    const small = ingestFile({ name: 's.csv', bytes: new TextEncoder().encode('city,indicator,year,value\nAmman,11.6.2,2020,4\n') }, registry);
    const html = renderToStaticMarkup(<FileResult result={small} />);
    expect(html.slice(html.indexOf('class="preview"')).match(/<th scope="col"/g)).toHaveLength(4);
    expect(html).not.toContain('Showing the first');
  });

  it('ColumnMappingForm: a role chooser for the first 200 columns only, with a note', () => {
    const initial = { roles: rolesFromMapping(wide.file.header, wide.file.mapping), fixed: { city: '', indicator: '' }, save: false };
    const html = renderToStaticMarkup(
      <ColumnMappingForm result={wide} initial={initial} registry={registry} busy={false} onApply={() => undefined} onCancel={() => undefined} />,
    );
    expect(html.match(/class="mapping-row"/g)).toHaveLength(MAPPING_COLUMNS);
    expect(html).toContain('Showing the first 200 of 524,288 columns');
    expect(html.length).toBeLessThan(2_000_000);
  });
});
