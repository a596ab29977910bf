import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding Marsad's package.json (and `indicators/`), found by walking up from this module, so
 * the same code works from the source (`src/cli/`, run by tsx and Vitest), from the CLI bundle (`.cli/`)
 * and from the benchmark bundles (`.bench/cli/`). A linked install (`npx marsad`) runs the bundle from its
 * real path, so this is the checkout's folder there too.
 */
export function findPackageRoot(from: string): string {
  for (let dir = from; ; ) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
}

export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
