import { normalizedRows } from '@/ingest/canonical-csv';
import { toCsv } from '@/ingest/write-csv';
import type { LoadedDataset } from '@/storage/dataset-record';
import { type AnnexSheet, type AnnexSheetCell, EXCEL_CELL_CHARS, excelText, sheetName } from './annex';
import { publishedIdFor } from './publication';

/**
 * A dataset downloaded as a document from the Data view: Marsad's canonical long CSV (what `normalize`
 * writes and every importer reads back) or the same cells as a workbook (numbers as number cells, text
 * as text cells, so nothing is evaluated as a formula), with its source, licence and notes below the table.
 */

/** The file name of a dataset's download (`amman-indicators-2024.csv`), from its name. */
export function datasetFileName(d: Pick<LoadedDataset, 'name'>, extension: 'csv' | 'xlsx'): string {
  return `${publishedIdFor(d.name)}.${extension}`;
}

export function datasetCsv(d: Pick<LoadedDataset, 'table'>): string {
  const { header, rows } = normalizedRows([d.table]);
  return toCsv(header, rows);
}

/** What is said about the dataset, as "label: text" lines (empty fields left out). */
export function datasetInfoLines(d: Pick<LoadedDataset, 'name' | 'info'>, labels: { name: string; source: string; licence: string; notes: string; published: string }): string[] {
  const lines = [`${labels.name}: ${d.name}`];
  if (d.info.source !== undefined) lines.push(`${labels.source}: ${d.info.source}`);
  if (d.info.licence !== undefined) lines.push(`${labels.licence}: ${d.info.licence}`);
  if (d.info.published !== undefined) lines.push(`${labels.published}: ${d.info.published}`);
  if (d.info.notes !== undefined) lines.push(`${labels.notes}: ${d.info.notes}`);
  return lines;
}

export function datasetSheet(d: Pick<LoadedDataset, 'table' | 'name'>, infoLines: readonly string[], sheet: string): AnnexSheet {
  const { header, rows } = normalizedRows([d.table]);
  const widths = header.map((h) => Math.min(Math.max(h.length + 1, 8), 24));
  let truncatedCells = 0;
  const data: AnnexSheetCell[][] = [header.map((h) => ({ type: String, value: h, fontWeight: 'bold', backgroundColor: '#EEEEEE', bottomBorderStyle: 'thin' }))];
  for (const r of rows) {
    data.push(
      r.map((v, i): AnnexSheetCell => {
        if (v === null || v === '') return null;
        if (typeof v === 'number') return Number.isFinite(v) ? { type: Number, value: v, format: i === 3 ? '0' : 'General' } : null;
        widths[i] = Math.min(Math.max(widths[i] ?? 0, [...v].length + 1), 40);
        const text = excelText(v);
        if (text !== v) truncatedCells++;
        return { type: String, value: text };
      }),
    );
  }
  // What the user said about the dataset, below the table (a reader of the file alone still sees it).
  if (infoLines.length > 0) data.push([], ...infoLines.map((l): AnnexSheetCell[] => [{ type: String, value: excelText(l) }]));
  if (truncatedCells > 0) data.push([{ type: String, value: `${truncatedCells} cells cut to ${EXCEL_CELL_CHARS} characters (Excel's limit); the CSV has them whole.` }]);
  return { data, options: { sheet: sheetName(sheet), columns: widths.map((width) => ({ width })), rightToLeft: false, stickyRowsCount: 1 }, truncatedCells };
}
