import writeExcelFile from 'write-excel-file/browser';
import type { Lang } from '@/i18n/lang';
import { type AnnexRow, annexSheet } from './annex';

/**
 * The annex as an .xlsx Blob, in the browser (no Node code in the bundle; import this module lazily).
 * The library zips each part on the main thread when it is under 160 KB (fflate), as a city's annex
 * is; a larger part would be compressed in a blob: worker, which the site's `worker-src 'self'` blocks.
 */
export async function annexXlsxBlob(rows: readonly AnnexRow[], lang: Lang): Promise<Blob> {
  const { data, options } = annexSheet(rows, lang);
  return writeExcelFile(data, { ...options, columns: [...options.columns] }, { fontFamily: 'Calibri', fontSize: 11 }).toBlob();
}
