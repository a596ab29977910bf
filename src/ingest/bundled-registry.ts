import { parseRegistry, type Registry, type RegistryProblem } from '@/domain/registry';

/**
 * The indicator registry bundled with the app: every `indicators/*.json`, read at build time and
 * validated by the domain schema. The only place in the browser code that reads `indicators/`.
 * Invalid files are returned as problems (the UI lists them); they never throw.
 */
const modules: Record<string, unknown> = import.meta.glob('../../indicators/*.json', { eager: true, import: 'default' });

let cached: { registry: Registry; problems: RegistryProblem[] } | undefined;

export function loadBundledRegistry(): { registry: Registry; problems: RegistryProblem[] } {
  cached ??= parseRegistry(
    Object.entries(modules)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([path, json]) => ({ file: `indicators/${path.replace(/^.*\//, '')}`, json })),
  );
  return cached;
}
