import type { Issue, IssueCode } from '@/domain/issue';
import type { ObservationTable } from '@/domain/observation-table';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'windows-1252';
export type LegacyEncoding = 'windows-1256' | 'windows-1252';
export type Delimiter = ',' | ';' | '\t' | '|';
export type DecimalSeparator = '.' | ',';
export type Layout = 'long' | 'wide' | 'opensdg' | 'unsd' | 'unhabitat' | 'unknown';

/** Which column (by header text as written in the file) plays which role. */
export type ColumnMapping = {
  city?: string;
  cityCode?: string;
  /** A district of the city (ward, neighbourhood…); rows with a blank district are the city itself. */
  district?: string;
  region?: string;
  country?: string;
  indicator?: string;
  year?: string;
  value?: string;
  unit?: string;
  series?: string;
  source?: string;
  note?: string;
  /** Columns whose values split an indicator (sex, age, district…). */
  disaggregations?: string[];
  /** Columns to leave out. */
  ignore?: string[];
};

export type IngestOptions = {
  encoding?: Encoding | 'auto';
  /** Encoding tried when bytes are not valid UTF-8 and the evidence is unclear (from the UI language). */
  legacyEncoding?: LegacyEncoding;
  delimiter?: Delimiter | 'auto';
  decimal?: DecimalSeparator | 'auto';
  layout?: Layout | 'auto';
  /** Overrides (or completes) the detected column roles. */
  mapping?: ColumnMapping;
  /** City for files without a city column (an Open SDG repository of one city). */
  defaultCity?: string;
  /** Indicator for files without an indicator column or code in the file name. */
  defaultIndicator?: string;
  /** Issues kept in the list (counts per code are always complete). Default 1000. */
  maxIssues?: number;
  /** Called now and then while parsing: done/total in characters of decoded text. */
  onProgress?: (progress: { done: number; total: number }) => void;
};

export type FileInfo = {
  name: string;
  bytes: number;
  encoding: Encoding;
  bom: boolean;
  delimiter: Delimiter;
  decimal: DecimalSeparator;
  layout: Layout;
  /** Header cells as written (trimmed). */
  header: string[];
  /** Data rows read (records after the header, blank rows excluded). */
  rows: number;
  /** The column roles used. */
  mapping: ColumnMapping;
};

export type IngestResult = {
  file: FileInfo;
  table: ObservationTable;
  /** Capped at maxIssues; `issueCounts` has the complete counts. */
  issues: Issue[];
  issueCounts: Partial<Record<IssueCode, number>>;
  /** Data rows not imported because of an error. */
  rowsRejected: number;
  /** First rows of the file as parsed (header + up to 20 rows, the first PREVIEW_COLUMNS columns), for the preview. */
  preview: string[][];
};
