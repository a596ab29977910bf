import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * `npm run cli` and `npx marsad` run the bundle in `.cli/`, built by `npm ci` / `npm install` (prepare),
 * `npm run build` and `npm run build:cli`. In a checkout whose `src/` changed after that build (an edit,
 * a `git pull` without `npm ci`), the bundle would silently run the old code: this returns a warning then.
 * Nothing when running from the source itself, or from an install without `src/`. About 200 stat calls.
 */
export function staleBundleWarning(entry: string, root: string): string | null {
  const src = join(root, 'src');
  if (entry.startsWith(src + sep) || !existsSync(src)) return null;
  let built: number;
  try {
    built = statSync(entry).mtimeMs;
  } catch {
    return null;
  }
  for (const name of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
    const file = join(src, name);
    let changed: number;
    try {
      changed = statSync(file).mtimeMs;
    } catch {
      continue;
    }
    if (changed > built)
      return `marsad: ${relative(root, file)} changed after the CLI bundle was built; run \`npm run build:cli\` to run the current code\n`;
  }
  return null;
}
