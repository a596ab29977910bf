import { parseDocument } from 'yaml';

/**
 * YAML reading and problem reporting shared by the Open SDG repository modules.
 *
 * Open SDG reads YAML with PyYAML, which implements YAML 1.1: `yes`/`no`/`on`/`off` are booleans, a
 * later duplicate key silently replaces an earlier one, and a byte-order mark at the start is skipped.
 * The `yaml` package reproduces that with `version: '1.1'` and `uniqueKeys: false`, so a config reads
 * here as it reads in Open SDG.
 */

/** Problems found while reading an Open SDG repository: data, never thrown (wording belongs to the caller). */
export const OPENSDG_ISSUE_CODES = [
  'invalid_yaml',
  'invalid_config_data',
  'invalid_indicator_config',
  'invalid_progress_options',
  'invalid_series_spec',
  'invalid_translation_file',
  'missing_year_or_value_column',
  'empty_data_file',
  'no_data_file',
  'unreadable_years',
  'non_numeric_values',
] as const;
export type OpenSdgIssueCode = (typeof OPENSDG_ISSUE_CODES)[number];

export type OpenSdgIssue = {
  readonly code: OpenSdgIssueCode;
  /** Repository-relative path of the file, e.g. `indicator-config/1-2-1.yml`. */
  readonly file: string;
  /** Parameters: the offending key, count or parser message. */
  readonly detail?: string;
};

export type YamlRead = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** The YAML front matter of a Markdown file (between a first `---` line and the next), or undefined. */
export function readFrontMatter(text: string): string | undefined {
  const body = text.replace(/^\ufeff/, '');
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(body);
  return m?.[1];
}

/** Parses YAML text as PyYAML would (YAML 1.1, last duplicate key wins). An empty document is null. */
export function readOpenSdgYaml(text: string): YamlRead {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = parseAsPyYaml(source);
  if (first.ok) return first;
  // PyYAML reads a quoted value continued on lines that are not indented (translation files do this, often
  // with non-breaking spaces at the start of the line); the `yaml` package requires the indentation. The
  // same text with those lines indented reads as PyYAML reads it: a quoted scalar's line breaks fold and
  // the spaces that start a continuation line are dropped either way.
  const indented = indentQuotedContinuations(source);
  if (indented === source) return first;
  const second = parseAsPyYaml(indented);
  return second.ok ? second : first;
}

function parseAsPyYaml(source: string): YamlRead {
  try {
    const doc = parseDocument(source, { version: '1.1', uniqueKeys: false, prettyErrors: false });
    const first = doc.errors[0];
    if (first !== undefined) return { ok: false, message: first.message };
    return { ok: true, value: doc.toJS({ maxAliasCount: 1000 }) as unknown };
  } catch (e) {
    // toJS throws on alias bombs and unresolvable aliases; that is bad input, not a programmer error.
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The text with every continuation line of a multi-line quoted scalar indented past the line that opened
 * it. A quote opens a scalar only where a value or key starts (after `: `, `- `, `[`, `{`, `,` or at the
 * start of a line), so the apostrophe in `title: It's fine` is text; `#` outside quotes starts a comment.
 * Hand-written: it is a repair of the one PyYAML leniency the `yaml` package does not offer.
 */
export function indentQuotedContinuations(text: string): string {
  const lines = text.split(/(?<=\n)/);
  let open: '"' | "'" | null = null;
  let pad = '';
  let changed = false;
  const out: string[] = [];
  for (const raw of lines) {
    let line = raw;
    if (open !== null) {
      const content = line.replace(/^[ \t]*/, '');
      if (!line.startsWith(pad) || line.trim() === '') {
        line = content.trim() === '' ? line : pad + content;
        changed ||= line !== raw;
      }
    } else {
      pad = ' '.repeat((/^ */.exec(line)?.[0].length ?? 0) + 2);
    }
    let prev = '\n';
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (open === '"') {
        if (c === '\\') i++;
        else if (c === '"') open = null;
      } else if (open === "'") {
        if (c === "'") {
          if (line[i + 1] === "'") i++;
          else open = null;
        }
      } else if (c === '#' && (prev === ' ' || prev === '\t' || prev === '\n')) {
        break;
      } else if ((c === '"' || c === "'") && /[\n:\-[{,\s]/.test(prev) && (prev !== ' ' || /(^|[:\-[{,])\s*$/.test(line.slice(0, i)) || line.slice(0, i).trim() === '')) {
        open = c;
      }
      prev = c ?? '';
    }
    out.push(line);
  }
  return changed ? out.join('') : text;
}
