import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { INDICATORS_DIR, loadRegistryFromDirs } from '@/cli/load-registry';
import { type ObservationInput, ObservationTableBuilder } from '@/domain/observation-table';
import { buildDashboard } from '@/model/dashboard-model';
import { annexCsv, annexHeader, annexSheet, buildAnnex, EXCEL_CELL_CHARS, type AnnexRow } from '@/model/annex';
import { annexXlsxNode } from '@/model/annex-xlsx-node';
import type { Lang } from '@/i18n/lang';

const { registry } = loadRegistryFromDirs([INDICATORS_DIR]);

const base: ObservationInput = {
  city: 'Wadi Noor', cityCode: 'XD-WNR', indicator: '11.6.2', year: 2015, value: 40, period: '', unit: '', series: '', disaggregation: '', source: '', note: '', line: 2,
};

function rowsFor(lang: Lang): AnnexRow[] {
  const b = new ObservationTableBuilder(8);
  const input: Partial<ObservationInput>[] = [
    { year: 2015, value: 40, source: '=HYPERLINK("http://x.example")' },
    { year: 2020, value: 22.25, source: '=HYPERLINK("http://x.example")' },
    { indicator: '11.1.1', year: 2016, value: -1.5 },
    { indicator: '11.1.1', year: 2021, value: -2 },
    { indicator: 'LOCAL-PARKS-1', year: 2020, value: 7 },
  ];
  input.forEach((r, i) => b.push({ ...base, line: i + 2, ...r }));
  const t = b.finish();
  const dashboard = buildDashboard([t], registry, 'opensdg');
  return buildAnnex({ dashboard, registry, datasets: [], names: { 'XD-WNR': { en: 'Wadi Noor', ar: 'وادي النور' } }, lang, digits: 'arab' }, 'XD-WNR');
}

describe('annexXlsxNode(rows, lang)', () => {
  it('writes a workbook that reads back: header, number cells as numbers, text as text, Arabic intact', async () => {
    const rows = rowsFor('ar');
    const bytes = await annexXlsxNode(rows, 'ar');
    const sheets = await readXlsxFile(Buffer.from(bytes));
    expect(sheets).toHaveLength(1);
    const sheet = sheets[0];
    expect(sheet?.sheet).toBe('الملحق الإحصائي');
    const data = sheet?.data ?? [];
    expect(data[0]).toEqual(annexHeader('ar'));
    expect(data).toHaveLength(rows.length + 1);
    const pm = data.find((r) => r[2] === '11.6.2');
    expect(pm?.[0]).toBe('وادي النور');
    expect(pm?.[3]).toBe(registry.byCode.get('11.6.2')?.title.ar);
    expect(pm?.slice(5, 11)).toEqual([2015, 40, 2020, 22.25, 5, 2030]);
    expect(pm?.[11]).toBe(registry.byCode.get('11.6.2')?.goalTarget?.source.ar);
    expect(typeof pm?.[14]).toBe('number');
    // A formula-looking source is a text cell, never a formula.
    expect(pm?.[15]).toBe('=HYPERLINK("http://x.example")');
    const slum = data.find((r) => r[2] === '11.1.1');
    expect(slum?.slice(5, 9)).toEqual([2016, -1.5, 2021, -2]);
    const local = data.find((r) => r[2] === 'LOCAL-PARKS-1');
    expect(local?.[3]).toBeNull();
    expect(local?.[9]).toBeNull();
  });

  it('marks the sheet right to left in Arabic only, freezes the header row, and writes no formulas', async () => {
    const sheetXml = async (lang: Lang) => {
      const files = unzipSync(new Uint8Array(await annexXlsxNode(rowsFor(lang), lang)));
      const name = Object.keys(files).find((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)) ?? '';
      return strFromU8(files[name] ?? new Uint8Array());
    };
    const ar = await sheetXml('ar');
    expect(ar).toMatch(/rightToLeft="(1|true)"/);
    expect(ar).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(ar).not.toContain('<f>');
    expect(await sheetXml('en')).not.toMatch(/rightToLeft="(1|true)"/);
  });

  it("cells within Excel's 32,767-character limit: a longer source is cut with an ellipsis and the sheet says so; the CSV keeps it whole", async () => {
    const b = new ObservationTableBuilder(4);
    const source = `Municipal survey ${'s'.repeat(100_000)}`;
    b.push({ ...base, source });
    b.push({ ...base, year: 2020, value: 22, line: 3, source });
    const dashboard = buildDashboard([b.finish()], registry, 'opensdg');
    const rows = buildAnnex({ dashboard, registry, datasets: [], names: {}, lang: 'en', digits: 'latn' }, 'XD-WNR');
    expect(rows[0]?.source.length).toBeGreaterThan(EXCEL_CELL_CHARS);
    expect(annexSheet(rows, 'en').truncatedCells).toBe(1);
    const data = (await readXlsxFile(Buffer.from(await annexXlsxNode(rows, 'en'))))[0]?.data ?? [];
    const cell = String(data[1]?.[15]);
    expect(cell).toHaveLength(EXCEL_CELL_CHARS);
    expect(cell.endsWith('s…')).toBe(true);
    expect(data.at(-1)?.[0]).toBe('Cells cut to Excel’s limit of 32,767 characters (ending in “…”): 1. The CSV annex keeps the full text.');
    expect(annexCsv(rows, 'en')).toContain(source);
  });

  it('an empty annex is a header-only workbook', async () => {
    const sheets = await readXlsxFile(Buffer.from(await annexXlsxNode([], 'en')));
    expect(sheets[0]?.data).toEqual([annexHeader('en')]);
  });
});
