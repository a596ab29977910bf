import writeExcelFile from 'write-excel-file/browser';
import type { Lang } from '@/i18n/lang';
import { type AnnexRow, type AnnexSheet, annexSheet } from './annex';

/**
 * The annex as an .xlsx Blob, in the browser (no Node code in the bundle; import this module lazily).
 * The library zips with fflate's `zip`, which compresses a part over 160 KB in a `blob:` worker that the
 * site's `worker-src 'self'` blocks; the build gives it fflate-sync-zip.ts instead (vite.config.ts), so a
 * large annex is zipped on the main thread, in milliseconds.
 */
export async function annexXlsxBlob(rows: readonly AnnexRow[], lang: Lang): Promise<Blob> {
  const { data, options } = annexSheet(rows, lang);
  return writeExcelFile(data, { ...options, columns: [...options.columns] }, { fontFamily: 'Calibri', fontSize: 11 }).toBlob();
}

/** Any sheet (a dataset's, see dataset-export.ts) as an .xlsx Blob, in the browser. */
export async function sheetXlsxBlob(sheet: AnnexSheet): Promise<Blob> {
  const { data, options } = sheet;
  return writeExcelFile(data, { ...options, columns: [...options.columns] }, { fontFamily: 'Calibri', fontSize: 11 }).toBlob();
}
