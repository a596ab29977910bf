import { ObservationTableBuilder } from '@/domain/observation-table';
import { IssueCollector } from './issue-collector';
import { MAX_FILE_BYTES } from './limits';
import type { IngestResult } from './types';

/** True when a file of `bytes` bytes is above the limit: check it before reading the file (fs.stat, File.size). */
export function isTooLarge(bytes: number): boolean {
  return bytes > MAX_FILE_BYTES;
}

/**
 * The report of a file above MAX_FILE_BYTES, from its size alone: the CLI and the upload panel check the
 * size before reading, so a 300 MB file is refused without being read whole into memory first.
 */
export function tooLargeResult(name: string, bytes: number, maxIssues = 1000): IngestResult {
  const issues = new IssueCollector(name, maxIssues);
  issues.add('file_too_large', 'error', {}, { bytes, limit: MAX_FILE_BYTES });
  issues.finish();
  return {
    file: { name, bytes, encoding: 'utf-8', bom: false, delimiter: ',', decimal: '.', layout: 'unknown', header: [], rows: 0, mapping: {} },
    table: new ObservationTableBuilder(16).finish(),
    issues: issues.issues,
    issueCounts: issues.counts,
    rowsRejected: 0,
    preview: [],
  };
}
