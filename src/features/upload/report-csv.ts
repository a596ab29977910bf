import type { Issue } from '@/domain/issue';
import type { I18n } from '@/i18n/i18n-context';
import { issueText } from '@/i18n/issue-text';
import { toCsv } from '@/ingest/write-csv';

/**
 * The validation report as CSV, in the UI language: UTF-8 with BOM (Excel reads Arabic correctly),
 * text cells that a spreadsheet could run as formulas neutralised with a leading apostrophe (see
 * `toCsv`: cells starting with = + - @ TAB CR, also after leading spaces; a plain negative number stays
 * a number), row numbers as numbers.
 */
export function buildReportCsv(issues: readonly Issue[], i18n: Pick<I18n, 't' | 'lang' | 'digits'>): string {
  const { t } = i18n;
  const header = [t('report.file'), t('report.severity'), t('report.code'), t('report.row'), t('report.column'), t('report.value'), t('report.message'), t('report.fix')];
  const rows = issues.map((issue) => {
    const text = issueText(issue, i18n.lang, { digits: i18n.digits });
    return [issue.file, t(`severity.${issue.severity}`), issue.code, issue.row, issue.column, issue.value, text.message, text.fix];
  });
  return toCsv(header, rows);
}

/** Offers text as a file download (a Blob URL, revoked after the click). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
