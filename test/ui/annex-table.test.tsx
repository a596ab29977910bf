import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AnnexRow } from '@/model/annex';
import { AnnexTable } from '@/ui/annex-table';
import { I18nProvider } from '@/i18n/i18n-context';

const row: AnnexRow = {
  city: 'Wadi Noor', cityCode: 'XD-WNR', indicator: '11.6.2', title: '<img src=x onerror=alert(1)>', unit: 'µg/m³',
  baselineYear: 2015, baselineValue: 40, latestYear: 2020, latestValue: 1234.5, target: 5, targetYear: 2030, targetSource: 'WHO Air Quality Guidelines 2021',
  status: 'on_track', trend: 'improving', score: 3.07, source: 'Air network', decimals: 1,
};
const missing: AnnexRow = { ...row, indicator: 'LOCAL-PARKS-1', title: '', baselineYear: null, baselineValue: null, target: null, targetYear: null, targetSource: '', trend: null, score: null, decimals: undefined };

describe('AnnexTable({ rows, caption })', () => {
  it('a captioned table with column headers, formatted numbers, status words and — for missing values', () => {
    const html = renderToStaticMarkup(<AnnexTable rows={[row, missing]} caption="Statistical annex: Wadi Noor" />);
    expect(html).toContain('<caption>Statistical annex: Wadi Noor</caption>');
    expect(html.match(/<th scope="col"/g)).toHaveLength(16);
    expect(html).toContain('Target source');
    expect(html).toContain('WHO Air Quality Guidelines 2021');
    expect(html).toContain('1,234.5');
    expect(html).toContain('>2015<'); // years never grouped
    expect(html).toContain('On track');
    expect(html).toContain('Improving');
    expect(html).toContain('No value');
    expect(html).not.toContain('<img');
  });

  it('Arabic-Indic digits when chosen; a message instead of an empty table', () => {
    const html = renderToStaticMarkup(
      <I18nProvider lang="ar" digits="arab">
        <AnnexTable rows={[row]} />
      </I18nProvider>,
    );
    expect(html).toContain('٢٠١٥');
    expect(html).toContain('الملحق الإحصائي');
    expect(renderToStaticMarkup(<AnnexTable rows={[]} />)).toContain('No indicator has data for this city.');
  });

  it('a number with its unit inside a text keeps its order right to left ("100%" never "%100")', () => {
    const html = renderToStaticMarkup(
      <I18nProvider lang="ar" digits="latn">
        <AnnexTable rows={[{ ...row, targetSource: 'منهجية Open SDG لقياس التقدم (الهدف المقترح: 100%)' }]} />
      </I18nProvider>,
    );
    expect(html).toContain('<td class="annex-targetSource"><bdi>منهجية Open SDG لقياس التقدم (الهدف المقترح: <bdi dir="ltr">100%</bdi>)</bdi></td>');
  });
});
