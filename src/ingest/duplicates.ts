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

/** Within rows of one series and year (in file order): report and drop repeated periods. */
function markDuplicates(t: ObservationTable, run: Uint32Array, drop: Uint8Array, issues: IssueCollector, valueColumn: string | null): void {
  const seen = new Uint8Array(run.length);
  for (let a = 0; a < run.length; a++) {
    if (seen[a]) continue;
    const first = run[a] ?? 0;
    const same: number[] = [];
    for (let b = a + 1; b < run.length; b++) {
      if (!seen[b] && t.period[run[b] ?? 0] === t.period[first]) {
        seen[b] = 1;
        same.push(run[b] ?? 0);
      }
    }
    if (same.length === 0) continue;
    const conflict = same.some((r) => !Object.is(t.value[r], t.value[first]));
    for (const r of same) {
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
