import writeExcelFile from 'write-excel-file/node';
import type { Lang } from '@/i18n/lang';
import { type AnnexRow, annexSheet } from './annex';

/** The annex as an .xlsx workbook, in Node (CLI, tests). The browser uses annex-xlsx-browser.ts. */
export async function annexXlsxNode(rows: readonly AnnexRow[], lang: Lang): Promise<Buffer> {
  const { data, options } = annexSheet(rows, lang);
  return writeExcelFile(data, { ...options, columns: [...options.columns] }, { fontFamily: 'Calibri', fontSize: 11 }).toBuffer();
}
