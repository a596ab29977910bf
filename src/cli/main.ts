import { runCli } from './run-cli';

/**
 * `npm run cli -- <command>`: a thin wrapper around `runCli`. Sets `process.exitCode` instead of calling
 * `process.exit()`, so a large report piped to another program is flushed completely before Node exits.
 * A reader that stops early (`| head`) closes the pipe: the rest of the output is dropped quietly and
 * the exit code is still the command's.
 */
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
});
