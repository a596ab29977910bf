import { disaggregationKey } from '@/domain/observation-table';
import { normalizeIndicatorCode } from '@/domain/registry';
import { headerKey } from '@/ingest/header-aliases';
import { cleanText, isMissingMarker } from '@/ingest/normalize-cell';
import { parseNumberCell } from '@/ingest/parse-number';
import { parseYearCell } from '@/ingest/parse-year';
import type { ColumnMapping, DecimalSeparator } from '@/ingest/types';

/**
 * The column-mapping step, as data: one role per header column, the mapping the ingest takes, the
 * problems that stop a mapping from being applied, and the preview of the first rows as they would be
 * imported. Pure functions; the form (`column-mapping-form.tsx`) renders them.
 */

/** Roles that at most one column may play. */
export const SINGLE_ROLES = ['city', 'cityCode', 'district', 'region', 'country', 'indicator', 'year', 'value', 'unit', 'series', 'source', 'note'] as const;
export type SingleRole = (typeof SINGLE_ROLES)[number];
export type ColumnRole = SingleRole | 'breakdown' | 'ignore';
export const COLUMN_ROLES: readonly ColumnRole[] = [...SINGLE_ROLES, 'breakdown', 'ignore'];

/** Values for rows without a city or indicator column. */
export type FixedValues = { city: string; indicator: string };

/**
 * The names the ingest knows the columns by: as written, but a repeated header gets ` (2)`, ` (3)`…
 * (the ingest renames duplicates the same way, so a mapping can tell them apart).
 */
export function columnNames(header: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((h) => {
    if (h === '') return '';
    const k = headerKey(h);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n > 1 ? `${h} (${n})` : h;
  });
}

/** The role of each column under a mapping (the detected one, or a saved one). Columns it does not name are ignored. */
export function rolesFromMapping(header: readonly string[], mapping: ColumnMapping): ColumnRole[] {
  const names = columnNames(header);
  const roles: ColumnRole[] = names.map(() => 'ignore');
  const taken = new Set<number>();
  const find = (name: string | undefined) => {
    if (name === undefined) return -1;
    const exact = names.findIndex((n, i) => !taken.has(i) && n === name);
    if (exact >= 0) return exact;
    // The ingest reports names as written: the first free column of that name.
    return header.findIndex((h, i) => !taken.has(i) && h !== '' && headerKey(h) === headerKey(name));
  };
  for (const role of SINGLE_ROLES) {
    const i = find(mapping[role]);
    if (i >= 0) {
      roles[i] = role;
      taken.add(i);
    }
  }
  for (const name of mapping.disaggregations ?? []) {
    const i = find(name);
    if (i >= 0) {
      roles[i] = 'breakdown';
      taken.add(i);
    }
  }
  return roles;
}

/** The mapping the ingest takes for these roles: every column named, so nothing is left to guessing. */
export function mappingFromRoles(header: readonly string[], roles: readonly ColumnRole[]): ColumnMapping {
  const names = columnNames(header);
  const mapping: ColumnMapping = { disaggregations: [], ignore: [] };
  names.forEach((name, i) => {
    const role = roles[i] ?? 'ignore';
    if (name === '') return; // a blank header is always left out
    if (role === 'breakdown') mapping.disaggregations?.push(name);
    else if (role === 'ignore') mapping.ignore?.push(name);
    else mapping[role] = name;
  });
  return mapping;
}

export type MappingProblem =
  | { code: 'duplicate_role'; role: SingleRole; columns: string[] }
  | { code: 'missing_role'; role: 'value' | 'year' }
  | { code: 'missing_indicator' };

/** What stops these roles from being applied (empty when they can be). */
export function checkRoles(header: readonly string[], roles: readonly ColumnRole[], fixed: FixedValues): MappingProblem[] {
  const problems: MappingProblem[] = [];
  for (const role of SINGLE_ROLES) {
    const columns = header.filter((_, i) => roles[i] === role);
    if (columns.length > 1) problems.push({ code: 'duplicate_role', role, columns });
  }
  for (const role of ['value', 'year'] as const) if (!roles.includes(role)) problems.push({ code: 'missing_role', role });
  if (!roles.includes('indicator') && fixed.indicator.trim() === '') problems.push({ code: 'missing_indicator' });
  return problems;
}

/** One cell of the preview: text to show, and whether the import would refuse it. */
export type PreviewCell = { text: string; problem?: 'not_a_number' | 'not_a_year' | 'unknown_indicator' | 'blank' | 'missing' };
export type PreviewRow = { line: number; city: PreviewCell; indicator: PreviewCell; year: PreviewCell; value: PreviewCell; breakdown: Array<[string, string]> };

/**
 * The first rows of the file as they would be imported with these roles: city (or the fixed city),
 * indicator code (or the fixed one), year, value read with the file's decimal separator, and the
 * breakdown pairs (none = total). `preview` is the ingest's preview (header + first rows).
 */
export function previewRows(
  preview: readonly (readonly string[])[],
  roles: readonly ColumnRole[],
  fixed: FixedValues,
  decimal: DecimalSeparator,
  limit = 8,
): PreviewRow[] {
  const header = preview[0] ?? [];
  const col = (role: SingleRole) => roles.indexOf(role);
  const cityCol = col('city');
  const codeCol = col('cityCode');
  // The place of a row is its narrowest geography: a district, else the city, region, country.
  const narrower = [col('district')].filter((i) => i >= 0);
  const wider = [col('region'), col('country')].filter((i) => i >= 0);
  const indicatorCol = col('indicator');
  const yearCol = col('year');
  const valueCol = col('value');
  const breakdownCols = roles.flatMap((r, i) => (r === 'breakdown' ? [i] : []));
  // Line numbers count from the header (line 1); blank rows are skipped, as the import skips them.
  const rows = preview
    .slice(1)
    .map((row, r) => ({ row, line: r + 2 }))
    .filter(({ row }) => row.some((c) => c.trim() !== ''))
    .slice(0, limit);
  return rows.map(({ row, line }): PreviewRow => {
    const cell = (i: number) => cleanText(row[i] ?? '');
    let city: PreviewCell;
    const district = narrower.map(cell).find((v) => v !== '');
    const outer = wider.map(cell).find((v) => v !== '');
    if (district !== undefined) city = { text: district };
    else if (cityCol >= 0 && cell(cityCol) === '' && outer !== undefined) city = { text: outer };
    else if (cityCol >= 0) city = cell(cityCol) === '' ? (codeCol >= 0 && cell(codeCol) !== '' ? { text: cell(codeCol) } : { text: '', problem: 'blank' }) : { text: cell(cityCol) };
    else if (codeCol >= 0) city = cell(codeCol) === '' ? { text: '', problem: 'blank' } : { text: cell(codeCol) };
    else city = { text: fixed.city.trim() };

    let indicator: PreviewCell;
    if (indicatorCol >= 0) {
      const raw = cell(indicatorCol);
      const code = raw === '' ? undefined : normalizeIndicatorCode(raw);
      indicator = raw === '' ? { text: '', problem: 'blank' } : code === undefined ? { text: raw, problem: 'unknown_indicator' } : { text: code };
    } else indicator = fixed.indicator.trim() === '' ? { text: '', problem: 'blank' } : { text: fixed.indicator.trim() };

    let year: PreviewCell = { text: '', problem: 'blank' };
    if (yearCol >= 0) {
      const raw = cell(yearCol);
      const y = parseYearCell(raw);
      year = y.kind === 'year' ? { text: y.label !== '' ? y.label : String(y.year) } : y.kind === 'blank' ? { text: '', problem: 'blank' } : { text: raw, problem: 'not_a_year' };
    }

    let value: PreviewCell = { text: '', problem: 'blank' };
    if (valueCol >= 0) {
      const raw = row[valueCol] ?? '';
      const v = parseNumberCell(raw, decimal);
      if (v.kind === 'number') value = { text: String(v.value) };
      else if (v.kind === 'missing' || isMissingMarker(cleanText(raw))) value = { text: cleanText(raw), problem: 'missing' };
      else if (v.kind === 'blank') value = { text: '', problem: 'blank' };
      else value = { text: cleanText(raw), problem: 'not_a_number' };
    }

    const pairs = breakdownCols.map((i): [string, string] => [header[i] ?? '', cell(i)]);
    const key = disaggregationKey(pairs);
    return { line, city, indicator, year, value, breakdown: key === '' ? [] : pairs.filter(([, v]) => v !== '') };
  });
}
