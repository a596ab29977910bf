import { type CliIO, EXIT_DATA_ERRORS, EXIT_OK, EXIT_USAGE, UsageError } from './cli-args';
import { USAGE } from './usage';

/**
 * The command line (`marsad <command>`, `npm run cli -- <command>`), as a function so tests run it in-process.
 * Exit codes: 0 no errors, 1 data errors (error-severity issues, unreadable files, registry problems),
 * 2 usage errors (unknown command or flag, bad flag value, no files) with the usage on stderr.
 * Each command's module is loaded when it runs, so `validate` never loads ECharts or the figure code.
 */

export type { CliIO } from './cli-args';
export type { FileReport } from './cli-files';
export { parseMapping } from './cli-args';

/** Runs one command; never throws for bad input or usage (internal failures are reported as exit 1). */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return await (await import('./validate-command')).runValidateCommand(rest, io);
      case 'normalize':
        return await (await import('./normalize-command')).runNormalizeCommand(rest, io);
      case 'progress':
        return await (await import('./progress-command')).runProgressCommand(rest, io);
      case 'annex':
        return await (await import('./annex-command')).runAnnexCommand(rest, io);
      case 'figures':
        return await (await import('./figures-command')).runFiguresCommand(rest, io);
      case 'publish':
        return await (await import('./publish-command')).runPublishCommand(rest, io);
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return EXIT_OK;
      case undefined:
        io.stderr(`no command given\n\n${USAGE}`);
        return EXIT_USAGE;
      default:
        io.stderr(`unknown command "${command}"\n\n${USAGE}`);
        return EXIT_USAGE;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    io.stderr(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_DATA_ERRORS;
  }
}
