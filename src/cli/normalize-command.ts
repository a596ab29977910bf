import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Severity } from '@/domain/issue';
import type { ObservationTable } from '@/domain/observation-table';
import { normalizedCsv } from '@/ingest/canonical-csv';
import { type CliIO, COMMON_FLAGS, EXIT_DATA_ERRORS, EXIT_OK, single, UsageError } from './cli-args';
import { errorMessage, hasErrors, plural, processFile, registryProblemText, setupFileCommand, severityTotals } from './cli-files';
import { USAGE } from './usage';

/** `normalize <files…> --out <file.csv>`: every file's accepted observations as one canonical long CSV. */
export async function runNormalizeCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const s = await setupFileCommand('normalize', argv, { ...COMMON_FLAGS, out: { takesValue: true } });
  if (s === 'help') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const out = single(s.args, 'out');
  if (out === undefined || out.trim() === '') throw new UsageError('normalize: --out <file.csv> is required');
  if (s.registryProblems.length > 0) io.stderr(registryProblemText(s.registryProblems));
  let failed = s.registryProblems.length > 0;
  const tables: ObservationTable[] = [];
  for (const t of s.targets) {
    const p = await processFile(t, s.registry, s.options);
    const r = p.report;
    if (hasErrors(p)) failed = true;
    const totals = severityTotals(r);
    const count = (sev: Severity) => totals[sev];
    if (p.result === undefined) io.stderr(`${r.file}: ${r.issues[0]?.message ?? 'unreadable'}\n`);
    else {
      tables.push(p.result.table);
      io.stderr(
        `${r.file}: layout ${r.format ?? '?'}, ${plural(r.rows, 'row')}, ${plural(r.observations, 'observation')} accepted, ` +
          `${plural(p.result.rowsRejected, 'row')} rejected, ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}\n`,
      );
    }
  }
  const { csv, observations, dimensions, merge } = normalizedCsv(tables);
  if (merge.duplicatesDropped > 0) io.stderr(`${plural(merge.duplicatesDropped, 'observation')} found in more than one file written once\n`);
  if (merge.conflicts.length > 0) {
    failed = true;
    io.stderr(`${plural(merge.conflicts.length, 'observation')} with different values in different files (all kept; resolve before publishing):\n`);
    for (const c of merge.conflicts.slice(0, 20)) io.stderr(`  ${c.city} · ${c.indicator} · ${c.year}: ${c.values[0]} vs ${c.values[1]}\n`);
    if (merge.conflicts.length > 20) io.stderr(`  … and ${merge.conflicts.length - 20} more\n`);
  }
  try {
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, csv, 'utf8');
  } catch (e) {
    io.stderr(`normalize: cannot write ${out}: ${errorMessage(e)}\n`);
    return EXIT_DATA_ERRORS;
  }
  io.stderr(
    `wrote ${plural(observations, 'observation')} to ${out}${dimensions.length ? ` (disaggregations: ${dimensions.join(', ')})` : ''}` +
      `${failed ? ' — some input had errors; run validate for the details' : ''}\n`,
  );
  return failed ? EXIT_DATA_ERRORS : EXIT_OK;
}
