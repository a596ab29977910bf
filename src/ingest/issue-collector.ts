import type { Issue, IssueCode, IssueParams, Severity } from '@/domain/issue';

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
      column: at.column ?? null,
      value: at.value === undefined || at.value === null ? null : excerpt(at.value),
      params,
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
function excerpt(s: string): string {
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}
