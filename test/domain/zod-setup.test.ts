import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import '@/domain/zod-setup';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Node's programs: the CLI and the parts of `npm run bench`. */
const NODE_PROGRAMS = ['cli/main.ts', 'cli/bench.ts', 'cli/bench-dashboard.ts', 'cli/bench-map.ts'];

/** Every entry point: the page, the Node programs, the registry's build step and every Web Worker (found, not listed). */
const ENTRIES = [
  'main.tsx',
  ...NODE_PROGRAMS,
  'cli/registry-bundle.ts',
  ...readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.worker.ts')),
].map((f) => relative(SRC, join(SRC, f)));

describe('the set-up of every entry point: zod’s configuration (src/domain/zod-setup.ts), the languages', () => {
  it('gives zod/mini English messages', () => {
    const r = z.int().safeParse(1.5);
    expect(r.success ? '' : r.error.issues[0]?.message).toBe('Invalid input: expected int, received number');
  });

  it.each(ENTRIES)('is the first import of %s (zod/mini has no default locale: its messages would read "Invalid input")', (entry) => {
    expect(ENTRIES.length).toBeGreaterThanOrEqual(6);
    const firstImport = /^import\s+[^;]*?['"]([^'"]+)['"]/m.exec(readFileSync(join(SRC, entry), 'utf8'))?.[1];
    expect(firstImport).toBe('@/domain/zod-setup');
  });

  // Not zod, but the same kind of set-up: the map bench drew its figures with message keys for words
  // ("figure.footer.method") when it did not register the languages (their second English part included).
  it.each(NODE_PROGRAMS)('%s registers every language (src/i18n/all-langs.ts)', (entry) => {
    expect(readFileSync(join(SRC, entry), 'utf8')).toMatch(/^import '@\/i18n\/all-langs';$/m);
  });
});
