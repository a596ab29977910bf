import { readdirSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering (README "Project layout") is enforced by lint. These probes lint a few lines as if they
 * were files in the tree, so a config change that silently stops enforcing a rule fails here.
 */
const eslint = new ESLint({ cwd: process.cwd() });
const features = readdirSync('src/features', { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer rules', () => {
  it.each(features.flatMap((from) => features.filter((to) => to !== from).slice(0, 2).map((to) => [from, to] as const)))(
    'a file in features/%s may not import features/%s',
    async (from, to) => {
      const target = readdirSync(`src/features/${to}`).find((f) => /\.tsx?$/.test(f))!.replace(/\.tsx?$/, '');
      const ids = await ruleIdsFor(`src/features/${from}/probe.ts`, `import * as other from '@/features/${to}/${target}';\nexport const probe = other;\n`);
      expect(ids).toContain('import-x/no-restricted-paths');
    },
  );

  it.each([
    ['src/cli/probe.ts', '@/features/upload/upload-panel'],
    ['src/cli/probe.ts', '@/ui/status-badge'],
    ['src/cli/probe.ts', '@/app/app'],
    ['src/model/probe.ts', '@/ui/status-badge'],
    ['src/model/probe.ts', '@/features/overview/overview-page'],
    ['src/ui/probe.ts', '@/features/overview/overview-page'],
    ['src/domain/probe.ts', '@/ingest/ingest-file'],
    ['src/ingest/probe.ts', '@/model/dashboard-model'],
    ['src/charts/probe.ts', '@/model/dashboard-model'],
  ])('%s may not import %s', async (file, spec) => {
    const ids = await ruleIdsFor(file, `import * as other from '${spec}';\nexport const probe = other;\n`);
    expect(ids).toContain('import-x/no-restricted-paths');
  });

  it.each([
    ['src/features/overview/probe.ts', '@/model/overview-model'],
    ['src/features/overview/probe.ts', '@/ui/status-badge'],
    ['src/cli/probe.ts', '@/model/annex'],
    ['src/ui/probe.ts', '@/model/dashboard-model'],
  ])('%s may import %s', async (file, spec) => {
    const ids = await ruleIdsFor(file, `import * as other from '${spec}';\nexport const probe = other;\n`);
    expect(ids).toEqual([]);
  });

  it('model and cli may not import React', async () => {
    expect(await ruleIdsFor('src/model/probe.ts', `import { useMemo } from 'react';\nexport const probe = useMemo;\n`)).toContain('no-restricted-imports');
  });

  it('an import cycle is reported', async () => {
    // run-cli loads every command; a command importing run-cli back closes a cycle.
    const ids = await ruleIdsFor('src/cli/validate-command.ts', `import { runCli } from './run-cli';\nexport const probe = runCli;\n`);
    expect(ids).toContain('import-x/no-cycle');
  });
});
