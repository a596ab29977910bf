import type { Issue } from '@/domain/issue';
import { context, type IssueText } from './issue-text-context';
import { EN } from './issue-text-en';
import { issueWriter, registerIssueWriter } from './issue-writers';
import type { Digits, Lang } from './lang';

/**
 * The issue catalogue: what each validation issue means (`message`) and how to fix it (`fix`), in
 * English, Arabic, French and Spanish (each writer covers every code). Built from the issue's code, location
 * (row, column), raw value and params; any of those may be missing and the wording degrades to a
 * shorter sentence. Pure (no React, no DOM): the CLI uses it for its English report.
 */
export type { IssueText } from './issue-text-context';

export function issueText(issue: Issue, lang: Lang, options: { digits?: Digits } = {}): IssueText {
  const writer = issueWriter(lang);
  // A language not loaded yet is written in English (the app loads a language before showing it).
  if (writer === undefined) return EN[issue.code](context(issue, 'en', 'latn'));
  return writer[issue.code](context(issue, lang, lang === 'ar' ? options.digits : 'latn'));
}

registerIssueWriter('en', EN);

export { ENCODING_NAMES } from './issue-text-context';
