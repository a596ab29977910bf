import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { parseRegistry, type RawRegistryFile, type Registry, type RegistryProblem } from '@/domain/registry';
import { PACKAGE_ROOT } from './package-root';

/** The project's `indicators/` folder (with a trailing separator), from the source and from the CLI bundle alike. */
export const INDICATORS_DIR = `${join(PACKAGE_ROOT, 'indicators')}${sep}`;

/**
 * Reads every `*.json` in the given folders (the project's registry, plus local indicator folders)
 * and validates them with the registry schema. Unreadable JSON is a problem, not a crash.
 */
export function loadRegistryFromDirs(dirs: readonly string[] = [INDICATORS_DIR]): { registry: Registry; problems: RegistryProblem[] } {
  const files: RawRegistryFile[] = [];
  const problems: RegistryProblem[] = [];
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      const file = join(dir, name);
      try {
        files.push({ file, json: JSON.parse(readFileSync(file, 'utf8')) as unknown });
      } catch (e) {
        problems.push({ file, problems: [`not valid JSON: ${e instanceof Error ? e.message : String(e)}`] });
      }
    }
  }
  const parsed = parseRegistry(files);
  return { registry: parsed.registry, problems: [...problems, ...parsed.problems] };
}
