#!/usr/bin/env node
import '@/domain/zod-setup';
import * as nodeModule from 'node:module';
import { fileURLToPath } from 'node:url';
import '@/i18n/all-langs';
import { unsupportedNodeMessage } from './node-version';
import { PACKAGE_ROOT } from './package-root';
import { runCli } from './run-cli';
import { staleBundleWarning } from './stale-bundle';

/**
 * `npx marsad <command>`, `npm run cli -- <command>`: the entry of the CLI bundle (`.cli/main.js`, built by
 * `npm run build:cli`), a thin wrapper around `runCli`. Each command is a chunk loaded when it runs; Node's
 * compile cache (in the system's temporary folder) spares compiling those chunks again on the next call.
 * Sets `process.exitCode` instead of calling `process.exit()`, so a large report piped to another program
 * is flushed completely before Node exits. A reader that stops early (`| head`) closes the pipe: the rest
 * of the output is dropped quietly and the exit code is still the command's.
 */
// A namespace import: a named one would stop an older Node before the check below could explain why.
const unsupported = unsupportedNodeMessage(process.versions.node);
if (unsupported !== null) {
  process.stderr.write(unsupported);
  process.exitCode = 1; // it cannot run here; 2 stays for usage errors
} else {
  nodeModule.enableCompileCache();

  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });

  const stale = staleBundleWarning(fileURLToPath(import.meta.url), PACKAGE_ROOT);
  if (stale !== null) process.stderr.write(stale);

  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
  });
}
