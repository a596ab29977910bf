import type { Issue } from '@/domain/issue';
import { context, type IssueText, type Writer } from './issue-text-context';
import { AR } from './issue-text-ar';
import { EN } from './issue-text-en';
import { ES } from './issue-text-es';
import { FR } from './issue-text-fr';
import type { Digits, Lang } from './lang';

/**
 * The issue catalogue: what each validation issue means (`message`) and how to fix it (`fix`), in
 * English, Arabic, French and Spanish (each writer covers every code). Built from the issue's code, location
 * (row, column), raw value and params; any of those may be missing and the wording degrades to a
 * shorter sentence. Pure (no React, no DOM): the CLI uses it for its English report.
 */
export type { IssueText } from './issue-text-context';

export function issueText(issue: Issue, lang: Lang, options: { digits?: Digits } = {}): IssueText {
  return WRITERS[lang][issue.code](context(issue, lang, lang === 'ar' ? options.digits : 'latn'));
}

const WRITERS: Readonly<Record<Lang, Writer>> = { en: EN, ar: AR, fr: FR, es: ES };

export { ENCODING_NAMES } from './issue-text-context';
