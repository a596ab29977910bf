import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import '@/domain/zod-setup';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Every entry point: the page, the CLI, the registry's build step and every Web Worker (found, not listed). */
const ENTRIES = [
  'main.tsx',
  'cli/main.ts',
  'cli/registry-bundle.ts',
  ...readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.worker.ts')),
].map((f) => relative(SRC, join(SRC, f)));

describe('zod’s configuration (src/domain/zod-setup.ts)', () => {
  it('gives zod/mini English messages', () => {
    const r = z.int().safeParse(1.5);
    expect(r.success ? '' : r.error.issues[0]?.message).toBe('Invalid input: expected int, received number');
  });

  it.each(ENTRIES)('is the first import of %s (zod/mini has no default locale: its messages would read "Invalid input")', (entry) => {
    expect(ENTRIES.length).toBeGreaterThanOrEqual(6);
    const firstImport = /^import\s+[^;]*?['"]([^'"]+)['"]/m.exec(readFileSync(join(SRC, entry), 'utf8'))?.[1];
    expect(firstImport).toBe('@/domain/zod-setup');
  });
});
