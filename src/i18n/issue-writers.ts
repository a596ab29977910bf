import type { Writer } from './issue-text-context';
import type { Lang } from './lang';

/**
 * The issue writers in memory, by language. English registers itself with `issue-text.ts`; the others
 * when loaded (`load-lang.ts` in the app, `all-langs.ts` in the CLI and tests). A module of its own so
 * that the language loader does not bring the English writer into the first load.
 */
const WRITERS: Partial<Record<Lang, Writer>> = {};

/** Makes `lang`'s issue writer available to `issueText`. */
export function registerIssueWriter(lang: Lang, writer: Writer): void {
  WRITERS[lang] = writer;
}

/** `lang`'s issue writer, if loaded. */
export function issueWriter(lang: Lang): Writer | undefined {
  return WRITERS[lang];
}
