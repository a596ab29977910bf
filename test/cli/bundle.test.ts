import { execSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPackageRoot, PACKAGE_ROOT } from '@/cli/package-root';
import { staleBundleWarning } from '@/cli/stale-bundle';

/**
 * The shipped CLI: `npm run build:cli` (also run by `npm ci` through `prepare`, and by `npm run build`) bundles
 * src/cli/main.ts into .cli/, one chunk per command. These tests build it as a user's install does and run it
 * as `npm run cli` and `npx marsad` do (`node .cli/main.js …`).
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = join(ROOT, '.cli', 'main.js');
const fixture = (path: string) => join(ROOT, 'test', 'fixtures', path);

type Output = { entryPoint?: string; inputs: Record<string, unknown>; imports: Array<{ path: string; kind: string; external?: boolean }> };
let outputs: Record<string, Output> = {};

beforeAll(() => {
  execSync('npm run -s build:cli', { cwd: ROOT, stdio: 'pipe' });
  outputs = (JSON.parse(readFileSync(join(ROOT, '.cli', 'meta.json'), 'utf8')) as { outputs: Record<string, Output> }).outputs;
}, 120_000);

function run(...argv: string[]) {
  return spawnSync(process.execPath, [ENTRY, ...argv], { cwd: ROOT, encoding: 'utf8' });
}

/** What loading one output file loads: its static imports, transitively (dynamic imports only when asked). */
function closure(file: string, followDynamic: boolean): { files: Set<string>; inputs: Set<string>; externals: Set<string> } {
  const files = new Set<string>();
  const inputs = new Set<string>();
  const externals = new Set<string>();
  const visit = (f: string) => {
    if (files.has(f)) return;
    files.add(f);
    const out = outputs[f];
    if (out === undefined) throw new Error(`${f} is not in the metafile`);
    for (const i of Object.keys(out.inputs)) inputs.add(i);
    for (const imp of out.imports) {
      if (imp.kind === 'dynamic-import' && !followDynamic) continue;
      if (imp.external) externals.add(imp.path);
      else visit(imp.path);
    }
  };
  visit(file);
  return { files, inputs, externals };
}

function outputOf(entryPoint: string): string {
  const found = Object.entries(outputs).find(([, o]) => o.entryPoint === entryPoint);
  if (found === undefined) throw new Error(`no output for ${entryPoint}`);
  return found[0];
}

describe('the CLI bundle (.cli/)', () => {
  it('runs --help and exits 0', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage:');
    expect(r.stderr).toBe('');
  });

  // Runs where the machine has a Node older than the policy's (this project's CI machines have Node 20 in
  // /usr/bin; .ci/run puts Node 24 first in PATH).
  const OLD_NODE = '/usr/bin/node';
  const oldNodeMajor = Number(spawnSync(OLD_NODE, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout || 99);
  it.skipIf(oldNodeMajor >= 22)('on Node older than 22.13 says which Node it needs and exits 1', () => {
    const r = spawnSync(OLD_NODE, [ENTRY, 'validate', fixture('csv/golden-long.csv')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toMatch(/^marsad: this is Node\.js \d+\.\d+\.\d+; Marsad needs Node\.js 22 \(22\.13 or later\) or 24 and later/);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
  });

  it('validates a clean fixture with the project registry: exit 0, no problems', () => {
    const r = run('validate', fixture('csv/golden-long.csv'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('No problems found.');
    expect(r.stdout).toMatch(/1 file checked: 0 errors, 0 warnings, 0 notes → OK/);
  });

  it('writes zod’s messages in English (zod/mini has no default locale): a broken local indicator says what was expected', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-indicators-'));
    try {
      const ind = JSON.parse(readFileSync(join(ROOT, 'indicators', '11-6-2.json'), 'utf8')) as Record<string, unknown>;
      writeFileSync(join(dir, 'AMM-1.json'), JSON.stringify({ ...ind, code: 'AMM-1', goal: null, target: null, aliases: [], decimals: 1.5 }));
      const r = run('validate', '--indicators', dir, fixture('csv/golden-long.csv'));
      expect(r.stderr).toContain('decimals: Invalid input: expected int, received number');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1 on data errors and 2 on usage errors, as the source does', () => {
    expect(run('validate', fixture('cli/with-errors.csv')).status).toBe(1);
    expect(run('validate', fixture('cli/valid-long.csv'), '--no-such-flag').status).toBe(2);
  });

  it('loads a command only when it runs: validate never loads ECharts, resvg, write-excel-file or the figure code', () => {
    const main = closure(outputOf('src/cli/main.ts'), false);
    for (const command of ['validate', 'normalize', 'progress', 'annex', 'figures']) expect(main.inputs).not.toContain(`src/cli/${command}-command.ts`);

    const validate = closure(outputOf('src/cli/validate-command.ts'), true);
    expect(validate.inputs).toContain('src/ingest/ingest-file.ts');
    expect([...validate.externals].filter((e) => /^(echarts|@resvg\/resvg-js|write-excel-file)(\/|$)/.test(e))).toEqual([]);
    expect([...validate.inputs].filter((i) => /^src\/charts\/|figure|rasterize|annex/.test(i))).toEqual([]);
    // …whereas figures does load them (the check above would otherwise prove nothing).
    const figures = closure(outputOf('src/cli/figures-command.ts'), true);
    expect(figures.externals).toContain('echarts/core');
    expect(figures.externals).toContain('@resvg/resvg-js');
  });

  it('has no require() of an external module (a bundled CommonJS package would throw in the ES module bundle)', () => {
    const requires = Object.entries(outputs).flatMap(([file, o]) => o.imports.filter((i) => i.kind === 'require-call').map((i) => `${file}: ${i.path}`));
    // Fix: add the package that requires it as --external:<package> in package.json's build:cli.
    expect(requires).toEqual([]);
  });
});

describe('package root and stale bundle', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'marsad-bundle-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('finds the folder of package.json from the source and from the bundle folder', () => {
    expect(PACKAGE_ROOT).toBe(findPackageRoot(join(ROOT, 'src', 'cli')));
    expect(findPackageRoot(join(ROOT, '.cli'))).toBe(PACKAGE_ROOT);
    expect(join(PACKAGE_ROOT, 'package.json')).toBe(join(ROOT, 'package.json'));
  });

  it('warns when src/ changed after the bundle was built, and not when running from the source', () => {
    mkdirSync(join(tmp, 'src', 'ingest'), { recursive: true });
    mkdirSync(join(tmp, '.cli'));
    const source = join(tmp, 'src', 'ingest', 'parse.ts');
    const entry = join(tmp, '.cli', 'main.js');
    writeFileSync(source, '');
    writeFileSync(entry, '');
    // Folders count too (a file deleted or renamed changes only its folder).
    for (const p of [source, join(tmp, 'src', 'ingest'), join(tmp, 'src')]) utimesSync(p, new Date(2026, 0, 1), new Date(2026, 0, 1));
    utimesSync(entry, new Date(2026, 0, 2), new Date(2026, 0, 2));
    expect(staleBundleWarning(entry, tmp)).toBeNull();
    utimesSync(source, new Date(2026, 0, 3), new Date(2026, 0, 3));
    expect(staleBundleWarning(entry, tmp)).toContain(join('src', 'ingest', 'parse.ts'));
    expect(staleBundleWarning(source, tmp)).toBeNull();
  });
});
