import { type CliIO, COMMON_FLAGS, EXIT_DATA_ERRORS, EXIT_OK, single, UsageError } from './cli-args';
import { type FileReport, hasErrors, humanReport, plural, processFile, registryProblemText, setupFileCommand, SEVERITIES, severityTotals } from './cli-files';
import { USAGE } from './usage';

/** `validate <files…> [--json] [--limit N]`: a report per file, and a summary line. */
export async function runValidateCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const s = await setupFileCommand('validate', argv, { ...COMMON_FLAGS, json: { takesValue: false }, limit: { takesValue: true } });
  if (s === 'help') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const json = s.args.flags.has('json');
  const limitRaw = single(s.args, 'limit');
  const limit = limitRaw === undefined ? 20 : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 0) throw new UsageError(`--limit must be a whole number (got "${limitRaw ?? ''}")`);
  if (s.registryProblems.length > 0) io.stderr(registryProblemText(s.registryProblems));
  let failed = s.registryProblems.length > 0;
  const reports: FileReport[] = [];
  const totals = { error: 0, warning: 0, info: 0 };
  for (const t of s.targets) {
    const p = await processFile(t, s.registry, s.options);
    if (hasErrors(p)) failed = true;
    const fileTotals = severityTotals(p.report);
    for (const sev of SEVERITIES) totals[sev] += fileTotals[sev];
    if (json) reports.push(p.report);
    else io.stdout(`${humanReport(p, limit)}\n`);
  }
  if (json) {
    const doc = {
      files: reports,
      registryProblems: s.registryProblems,
    };
    io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    io.stdout(
      `${plural(s.targets.length, 'file')} checked: ${plural(totals.error, 'error')}, ${plural(totals.warning, 'warning')}, ${plural(totals.info, 'note')}` +
        `${s.registryProblems.length ? `, ${plural(s.registryProblems.length, 'registry problem')}` : ''} → ${failed ? 'FAILED' : 'OK'}\n`,
    );
  }
  return failed ? EXIT_DATA_ERRORS : EXIT_OK;
}
