import * as z from 'zod/mini';

/**
 * zod's global configuration, imported for its effect by every entry point: the page, its three workers,
 * the CLI and the registry's build step (`src/cli/registry-bundle.ts`).
 * - English messages: zod/mini, which most modules use (it keeps the page's first load small), has no
 *   default locale, and every message would read "Invalid input". The classic API registers English
 *   itself, but only where it is loaded.
 * - No `new Function` probe: the documented Content-Security-Policy has no 'unsafe-eval' (zod's JIT would
 *   report a violation).
 */
z.config({ jitless: true, ...z.locales.en() });
