import { buildSeriesIndex, type ObservationTable } from '@/domain/observation-table';
import type { RowPlan } from './detect';
import type { IssueCollector } from './issue-collector';

/** Duplicate observations of one file: same values dropped with a note, different values reported as conflicts. */

export function removeDuplicates(t: ObservationTable, issues: IssueCollector, header: readonly string[], plan: RowPlan | undefined): ObservationTable {
  const n = t.length;
  if (n < 2) return t;
  const index = buildSeriesIndex(t);
  const { rows, offsets } = index;
  let drop: Uint8Array | undefined;
  const valueColumn = plan && plan.values.length === 1 ? (header[plan.values[0]?.col ?? 0] ?? null) : null;
  for (let k = 0; k < index.size; k++) {
    const end = offsets[k + 1] ?? 0;
    let runStart = offsets[k] ?? 0;
    // Rows of a series are ordered by year; look for equal periods inside each run of one year.
    while (runStart < end) {
      const year = t.year[rows[runStart] ?? 0];
      let runEnd = runStart + 1;
      while (runEnd < end && t.year[rows[runEnd] ?? 0] === year) runEnd++;
      if (runEnd - runStart > 1) {
        drop ??= new Uint8Array(n);
        markDuplicates(t, rows.subarray(runStart, runEnd), drop, issues, valueColumn);
      }
      runStart = runEnd;
    }
  }
  if (drop === undefined || !drop.includes(1)) return t;
  return filterTable(t, drop);
}

/**
 * Within rows of one series and year (in file order): report and drop repeated periods. Linear in the
 * run: rows are grouped by period id in one pass (a run of 100k distinct period labels of one year is
 * one pass, not 100k² comparisons).
 */
function markDuplicates(t: ObservationTable, run: Uint32Array, drop: Uint8Array, issues: IssueCollector, valueColumn: string | null): void {
  // Period id → the rows of the run with it, in file order (the first row is the one kept).
  const groups = new Map<number, number[]>();
  for (let a = 0; a < run.length; a++) {
    const r = run[a] ?? 0;
    const period = t.period[r] ?? 0;
    const group = groups.get(period);
    if (group === undefined) groups.set(period, [r]);
    else group.push(r);
  }
  if (groups.size === run.length) return;
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const first = group[0] ?? 0;
    let conflict = false;
    for (let k = 1; k < group.length && !conflict; k++) conflict = !Object.is(t.value[group[k] ?? 0], t.value[first]);
    for (let k = 1; k < group.length; k++) {
      const r = group[k] ?? 0;
      const params = { firstRow: t.line[first] ?? 0, previousValue: t.value[first] ?? 0, year: t.year[r] ?? 0 };
      if (conflict) issues.add('conflicting_duplicate', 'error', { row: t.line[r] ?? 0, column: valueColumn, value: String(t.value[r]) }, params);
      else issues.add('duplicate_observation', 'warning', { row: t.line[r] ?? 0, column: valueColumn, value: String(t.value[r]) }, params);
      drop[r] = 1;
    }
    if (conflict) drop[first] = 1;
  }
}

export function filterTable(t: ObservationTable, drop: Uint8Array): ObservationTable {
  const keep: number[] = [];
  for (let i = 0; i < t.length; i++) if (!drop[i]) keep.push(i);
  const pick = <A extends Uint32Array | Uint16Array | Float64Array>(a: A, make: (n: number) => A): A => {
    const out = make(keep.length);
    for (let j = 0; j < keep.length; j++) out[j] = a[keep[j] ?? 0] ?? 0;
    return out;
  };
  const u32 = (n: number) => new Uint32Array(n);
  return {
    length: keep.length,
    city: pick(t.city, u32),
    cityCode: pick(t.cityCode, u32),
    indicator: pick(t.indicator, u32),
    year: pick(t.year, (n) => new Uint16Array(n)),
    value: pick(t.value, (n) => new Float64Array(n)),
    period: pick(t.period, u32),
    unit: pick(t.unit, u32),
    series: pick(t.series, u32),
    disaggregation: pick(t.disaggregation, u32),
    source: pick(t.source, u32),
    note: pick(t.note, u32),
    placeKind: pick(t.placeKind, u32),
    placeParent: pick(t.placeParent, u32),
    line: pick(t.line, u32),
    dict: t.dict,
  };
}
