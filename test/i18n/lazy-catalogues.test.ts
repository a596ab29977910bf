import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The app's first load carries English only (issue 14 §4): no module the entry imports statically may
 * import another language's catalogue or issue texts; they come through `import()` in load-lang.ts.
 * Checked on the sources (the browser test `first-load.spec.ts` checks the built site).
 */
const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function resolveImport(from: string, spec: string): string | undefined {
  const base = spec.startsWith('@/') ? resolve(SRC, spec.slice(2)) : spec.startsWith('.') ? resolve(dirname(from), spec) : undefined;
  if (base === undefined) return undefined;
  return [base, `${base}.ts`, `${base}.tsx`].find((p) => /\.tsx?$/.test(p) && existsSync(p));
}

/** The modules `file` imports for their values (not `import type`, not `import()`). */
function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  for (const node of source.statements) {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)) {
      if (ts.isImportDeclaration(node)) {
        const clause = node.importClause;
        if (clause?.isTypeOnly) continue;
        const named = clause?.namedBindings;
        if (clause !== undefined && clause.name === undefined && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)) continue;
      } else if (node.isTypeOnly) continue;
      const target = resolveImport(file, node.moduleSpecifier.text);
      if (target !== undefined) out.push(target);
    }
  }
  return out;
}

function firstLoad(entry: string): Set<string> {
  const seen = new Set([entry]);
  const queue = [entry];
  for (let file = queue.shift(); file !== undefined; file = queue.shift())
    for (const next of staticImports(file))
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
  return new Set([...seen].map((f) => relative(SRC, f)));
}

describe('the app entry (src/main.tsx) and what it imports statically', () => {
  const modules = firstLoad(resolve(SRC, 'main.tsx'));

  it('is found (the walk reaches the shell and the English catalogue)', () => {
    expect(modules).toContain('app/app.tsx');
    expect(modules).toContain('i18n/messages-en.ts');
  });

  it.each(['ar', 'fr', 'es'])('holds no %s catalogue and no %s issue texts', (lang) => {
    expect(modules).not.toContain(`i18n/messages-${lang}.ts`);
    expect(modules).not.toContain(`i18n/issue-text-${lang}.ts`);
  });

  it.each(['i18n/all-langs.ts', 'i18n/issue-text-en.ts', 'i18n/messages-en-views.ts', 'app/data-view.tsx', 'features/upload/upload-panel.tsx'])('leaves %s to a later chunk', (file) => {
    expect(modules).not.toContain(file);
  });
});

describe('the overview’s first load (the entry and the overview view)', () => {
  const modules = new Set([...firstLoad(resolve(SRC, 'main.tsx')), ...firstLoad(resolve(SRC, 'features/overview/overview-page.tsx'))]);

  it('validates with zod/mini only: the classic API would add 17 KB gzip (its methods keep every schema type and JSON Schema)', () => {
    expect(modules.size).toBeGreaterThan(50);
    const classic = [...modules].filter((m) => /from 'zod'/.test(readFileSync(resolve(SRC, m), 'utf8')));
    expect(classic).toEqual([]);
  });
});
