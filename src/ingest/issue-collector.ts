import type { Issue, IssueCode, IssueParams, Severity } from '@/domain/issue';
import { MAX_ISSUE_TEXT_CHARS } from './limits';

/**
 * Collects issues with complete counts per code but a capped list: at most `max` issues in all and
 * at most a fifth of them per code, so one repeated problem does not hide the others.
 */
export class IssueCollector {
  readonly issues: Issue[] = [];
  readonly counts: Partial<Record<IssueCode, number>> = {};
  private readonly perCodeMax: number;
  dropped = 0;

  constructor(
    private readonly file: string,
    private readonly max = 1000,
  ) {
    this.perCodeMax = Math.max(10, Math.floor(max / 5));
  }

  add(
    code: IssueCode,
    severity: Severity,
    at: { row?: number | null; column?: string | null; value?: string | null } = {},
    params: IssueParams = {},
  ): void {
    const n = (this.counts[code] ?? 0) + 1;
    this.counts[code] = n;
    if (n > this.perCodeMax || this.issues.length >= this.max) {
      this.dropped++;
      return;
    }
    this.issues.push({
      code,
      severity,
      file: this.file,
      row: at.row ?? null,
      column: at.column === undefined || at.column === null ? null : excerpt(at.column, MAX_ISSUE_TEXT_CHARS),
      value: at.value === undefined || at.value === null ? null : excerpt(at.value),
      params: cappedParams(params),
    });
  }

  count(code: IssueCode): number {
    return this.counts[code] ?? 0;
  }

  hasErrors(): boolean {
    return this.issues.some((i) => i.severity === 'error');
  }

  /** Adds the `truncated_issues` note when the list was capped. Call once, at the end. */
  finish(): void {
    if (this.dropped > 0) {
      this.counts.truncated_issues = 1;
      this.issues.push({
        code: 'truncated_issues',
        severity: 'info',
        file: this.file,
        row: null,
        column: null,
        value: null,
        params: { count: this.dropped, shown: this.issues.length },
      });
    }
  }
}

/** Cells are kept raw in issues, but a 20 MB cell is cut to an excerpt. */
function excerpt(s: string, max = 200): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** Text parameters (the header of `missing_column`…) cut like cells: a message never repeats a whole huge header. */
function cappedParams(params: IssueParams): IssueParams {
  let out: Record<string, string | number> | undefined;
  for (const key in params) {
    const v = params[key];
    if (typeof v === 'string' && v.length > MAX_ISSUE_TEXT_CHARS) (out ??= { ...params })[key] = excerpt(v, MAX_ISSUE_TEXT_CHARS);
  }
  return out ?? params;
}
