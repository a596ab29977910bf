/**
 * Periods as statistics offices write them, read from text that parse-year.ts has already cleaned
 * (trimmed, one space between words, ASCII digits). See {@link readPeriod} for the forms.
 *
 * Linear time by construction, whatever the input: trailing notes are stripped by one backward scan of
 * bounded length, the rest is cut into tokens by one forward pass that stops at the first character no
 * period has or after {@link MAX_TOKENS} tokens, and the grammar then tries a bounded number of readings
 * of at most MAX_TOKENS tokens. No recursion, no regular expressions. Pure: Web Worker and Node.
 */

import { MAX_YEAR, MIN_YEAR } from './limits';

export { MAX_YEAR, MIN_YEAR };

/**
 * How long a period is, for drawing it on a time axis:
 * - `year` `2019`; `fiscal_year` `2020/21`, `2020-21`, `FY2020/21`, `FY2019` (twelve months, start unknown);
 * - `range` several years: `2013/16`, `2011-2021`, `1980 to 1990`, `2015/16 to 2017/18`;
 * - `half` `2024-S1`, `H2 2024`; `quarter` `2024 Q1`, `T1 2024`; `month` `1993 01`, `Jan 1993`, `1993M01`;
 *   `week` `2024-W05`; `day` `2023-05-17`, `31/12/2019`;
 * - `span` from one day, month or quarter to another: `17 May to 11 June 2023`, `Jan-Mar 2024`.
 */
export type PeriodGranularity = 'year' | 'fiscal_year' | 'range' | 'half' | 'quarter' | 'month' | 'week' | 'day' | 'span';

export type Period = {
  granularity: PeriodGranularity;
  /** The year the period starts in: the observation's year (1900–2100). */
  year: number;
  /** The last year it reaches: 2021 for `2020/21`, 2018 for `2015/16 to 2017/18`, `year` within a year. */
  endYear: number;
  /** Month it starts in (1–12) when the label says (months, quarters, halves, days, spans); else undefined. */
  month?: number;
  /** Day of the month it starts on, when the label says. */
  day?: number;
  /** Week number (1–53) of a `week`. */
  week?: number;
};

/** A period has few words: `17 de mayo de 2023 hasta 11 de junio de 2023` is 11 tokens. */
const MAX_TOKENS = 16;
/** Longer words are no month name nor connector: they are not kept (nor lower-cased). */
const MAX_WORD = 12;
/** Trailing notes: `[Note 5]`, `(provisional)`, `[r]`; at most this many, each at most this long. */
const MAX_NOTES = 3;
const MAX_NOTE_CHARS = 60;

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

const NUM = 0;
const WORD = 1;
const PUNCT = 2;

type Token = {
  kind: typeof NUM | typeof WORD | typeof PUNCT;
  /** NUM: its value (-1 over 9 digits); PUNCT: the character, dashes folded into `-`. */
  value: number;
  /** NUM: how many digits. */
  len: number;
  /** WORD: lower-cased, Arabic letter variants folded (see normalizeWord); '' when too long. */
  word: string;
  /** Preceded by a space. */
  space: boolean;
};

const DASH = 0x2d;
const SLASH = 0x2f;
const DOT = 0x2e;
const COMMA = 0x2c;

/** `-` and its typographic cousins: hyphen, non-breaking hyphen, figure dash, en and em dash, minus. */
function isDash(c: number): boolean {
  return c === DASH || c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0x2013 || c === 0x2014 || c === 0x2212;
}

/** Latin (with Latin-1 and Extended-A accents) and Arabic letters, Arabic diacritics and tatweel included. */
function isLetter(c: number): boolean {
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  return (c >= 0x0621 && c <= 0x065f) || (c >= 0x0670 && c <= 0x06d3);
}

/**
 * Lower-cases a word and folds Arabic spelling variants: أ إ آ ٱ → ا, ى → ي, ة → ه, tatweel and
 * diacritics dropped (`آذار` and `اذار`, `جويلية` and `جويليه` are one word).
 */
function normalizeWord(w: string): string {
  const lower = w.toLowerCase();
  if (lower.charCodeAt(0) < 0x0600) return lower;
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 0x0640 || (c >= 0x064b && c <= 0x065f) || c === 0x0670) continue;
    out +=
      c === 0x0622 || c === 0x0623 || c === 0x0625 || c === 0x0671
        ? 'ا'
        : c === 0x0649
          ? 'ي'
          : c === 0x0629
            ? 'ه'
            : lower[i];
  }
  return out;
}

/** Cuts text into tokens, or undefined at the first character no period has, or past MAX_TOKENS tokens. */
function tokenize(s: string): Token[] | undefined {
  const out: Token[] = [];
  const n = s.length;
  let space = false;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 0x20) {
      space = true;
      i++;
      continue;
    }
    if (out.length === MAX_TOKENS) return undefined;
    const start = i;
    if (c >= 0x30 && c <= 0x39) {
      let v = 0;
      while (i < n && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) {
        if (i - start < 9) v = v * 10 + s.charCodeAt(i) - 0x30;
        i++;
      }
      out.push({ kind: NUM, value: i - start > 9 ? -1 : v, len: i - start, word: '', space });
    } else if (isLetter(c)) {
      while (i < n && isLetter(s.charCodeAt(i))) i++;
      out.push({ kind: WORD, value: 0, len: i - start, word: i - start > MAX_WORD ? '' : normalizeWord(s.slice(start, i)), space });
    } else if (isDash(c) || c === SLASH || c === DOT || c === COMMA || c === 0x060c) {
      out.push({ kind: PUNCT, value: isDash(c) ? DASH : c === 0x060c ? COMMA : c, len: 1, word: '', space });
      i++;
    } else return undefined;
    space = false;
  }
  return out;
}

/**
 * Strips trailing notes — `2020/21 [Note 5]`, `2020 (provisional)`, `2019 [r] [p]` — and returns what is
 * before them; undefined when a note is unbalanced, nested, too long or holds a year. Reads at most
 * MAX_NOTES × MAX_NOTE_CHARS characters.
 */
function stripNotes(s: string): string | undefined {
  let last = s.length;
  for (let notes = 0; last > 0; notes++) {
    const z = s.charCodeAt(last - 1);
    const open = z === 0x29 ? 0x28 : z === 0x5d ? 0x5b : -1;
    if (open === -1) break;
    if (notes === MAX_NOTES) return undefined;
    const stop = Math.max(0, last - 2 - MAX_NOTE_CHARS);
    let k = last - 2;
    let digits = 0;
    while (k >= stop) {
      const c = s.charCodeAt(k);
      if (c === open) break;
      if (c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d) return undefined;
      // A year in a note contradicts the label (`2015 [YR2016]`): not a note.
      digits = c >= 0x30 && c <= 0x39 ? digits + 1 : 0;
      if (digits === 4) return undefined;
      k--;
    }
    if (k < stop) return undefined;
    last = k;
    while (last > 0 && s.charCodeAt(last - 1) === 0x20) last--;
  }
  return last === s.length ? s : s.slice(0, last);
}

// ---------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------

/**
 * Month names in English, French, Spanish and Arabic (Egyptian/Gulf, Levantine and Maghrebi names), with
 * the usual abbreviations, in the folded spelling of {@link normalizeWord}.
 */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'jan', 'janvier', 'janv', 'enero', 'ene', 'يناير', 'كانون الثاني', 'جانفي'],
  ['february', 'feb', 'février', 'fevrier', 'févr', 'fevr', 'fév', 'fev', 'febrero', 'فبراير', 'شباط', 'فيفري'],
  ['march', 'mar', 'mars', 'marzo', 'مارس', 'اذار'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'ابريل', 'نيسان', 'افريل'],
  ['may', 'mai', 'mayo', 'مايو', 'ايار', 'ماي'],
  ['june', 'jun', 'juin', 'junio', 'يونيو', 'يونيه', 'حزيران', 'جوان'],
  ['july', 'jul', 'juillet', 'juil', 'julio', 'يوليو', 'يوليه', 'تموز', 'جويليه'],
  ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'اغسطس', 'اب', 'اوت'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'سبتمبر', 'ايلول'],
  ['october', 'oct', 'octobre', 'octubre', 'اكتوبر', 'تشرين الاول'],
  ['november', 'nov', 'novembre', 'noviembre', 'نوفمبر', 'تشرين الثاني'],
  ['december', 'dec', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'ديسمبر', 'كانون الاول'],
];
const MONTHS: ReadonlyMap<string, number> = new Map(MONTH_NAMES.flatMap((names, k) => names.map((name): [string, number] => [name, k + 1])));

/** Words between two ends of a period: `1980 to 1990`, `2010 à 2015`, `2010 al 2015`, `2010 إلى 2015`. */
const CONNECTORS: ReadonlySet<string> = new Set(['to', 'until', 'till', 'through', 'thru', 'à', 'au', 'a', 'al', 'hasta', 'bis', 'الي', 'حتي']);
/** Spanish `17 de mayo de 2023`, `enero de 1993`. */
const FILLERS: ReadonlySet<string> = new Set(['de', 'del']);
/** `1st`, `2nd`, `3rd`, `17th`, French `1er`. */
const ORDINALS: ReadonlySet<string> = new Set(['st', 'nd', 'rd', 'th', 'er']);

/** The month named at token i (one word, or two for `كانون الثاني`), with an optional `.` after it. */
function monthAt(t: readonly Token[], i: number): { month: number; next: number } | undefined {
  const a = t[i];
  if (a?.kind !== WORD || a.word === '') return undefined;
  const b = t[i + 1];
  const two = b?.kind === WORD && b.space && b.word !== '' ? MONTHS.get(`${a.word} ${b.word}`) : undefined;
  const month = two ?? MONTHS.get(a.word);
  if (month === undefined) return undefined;
  const next = two === undefined ? i + 1 : i + 2;
  return { month, next: isPunctAt(t, next, DOT) && !t[next]?.space ? next + 1 : next };
}

/** Q/T quarter (T: trimestre), S/H half (semestre), M month, W week, with the largest number each takes. */
const SUB_ANNUAL: ReadonlyMap<string, readonly [PeriodGranularity, number]> = new Map([
  ['q', ['quarter', 4]],
  ['t', ['quarter', 4]],
  ['s', ['half', 2]],
  ['h', ['half', 2]],
  ['m', ['month', 12]],
  ['w', ['week', 53]],
]);

/** A sub-annual letter and its number, written together: `Q1`, `M01`, `W53`. */
function subAnnualAt(t: readonly Token[], i: number): { gran: PeriodGranularity; value: number; next: number } | undefined {
  const a = t[i];
  const b = t[i + 1];
  if (a?.kind !== WORD || a.len !== 1 || b?.kind !== NUM || b.space || b.len > 2 || b.value < 1) return undefined;
  const gran = SUB_ANNUAL.get(a.word);
  return gran !== undefined && b.value <= gran[1] ? { gran: gran[0], value: b.value, next: i + 2 } : undefined;
}

function isPunctAt(t: readonly Token[], i: number, c: number): boolean {
  const a = t[i];
  return a?.kind === PUNCT && a.value === c;
}
function isWordAt(t: readonly Token[], i: number, words: ReadonlySet<string>): boolean {
  const a = t[i];
  return a?.kind === WORD && words.has(a.word);
}
/** A four-digit year at token i, or -1. */
function yearAt(t: readonly Token[], i: number): number {
  const a = t[i];
  return a?.kind === NUM && a.len === 4 ? a.value : -1;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// ---------------------------------------------------------------------------------------------
// Ends: one side of a period
// ---------------------------------------------------------------------------------------------

/** One reading of the tokens from some index to `next`. `year` 0: no year (`17 May` in `17 May to 11 June 2023`). */
type End = {
  next: number;
  gran: PeriodGranularity;
  year: number;
  endYear: number;
  month: number;
  day: number;
  week: number;
};

function reading(next: number, gran: PeriodGranularity, year: number, month = 0, day = 0, week = 0, endYear = year): End {
  return { next, gran, year, endYear, month, day, week };
}

function isAnnual(g: PeriodGranularity): boolean {
  return g === 'year' || g === 'fiscal_year' || g === 'range';
}

/** A sub-annual part (quarter, half, month, week) as an end of the year `year`. */
function subAnnualEnd(next: number, s: { gran: PeriodGranularity; value: number }, year: number): End {
  if (s.gran === 'week') return reading(next, 'week', year, 0, 0, s.value);
  const month = s.gran === 'quarter' ? 3 * s.value - 2 : s.gran === 'half' ? 6 * s.value - 5 : s.value;
  return reading(next, s.gran, year, month);
}

/**
 * Every reading of an end that starts at token i, longest first (so `2020/21` is read as a fiscal year
 * before `2020` alone). At most a handful; no recursion: an `FY` prefix is one token skipped.
 */
function readEnds(t: readonly Token[], i: number): End[] {
  const out: End[] = [];
  const fiscal = t[i]?.kind === WORD && t[i]?.word === 'fy';
  const j = fiscal ? i + 1 : i;
  const a = t[j];
  if (a === undefined) return out;

  if (a.kind === NUM && a.len === 4) readYearFirst(t, j, a.value, out);
  else if (a.kind === NUM && a.len <= 2) readDayFirst(t, j, a.value, out);
  else if (a.kind === WORD) readWordFirst(t, j, out);

  if (!fiscal) return out;
  // FY2019, FY 2019/20: a fiscal year, whatever the reading of the year after the prefix.
  const kept: End[] = [];
  for (const e of out) if (e.gran === 'year' || e.gran === 'fiscal_year') kept.push({ ...e, gran: 'fiscal_year' });
  return kept;
}

/** `2019`, `2020/21`, `2013/16`, `1993-01`, `1993 01`, `2019-12-31`, `2024 Q1`, `1993M01`, `1993 January`. */
function readYearFirst(t: readonly Token[], j: number, y: number, out: End[]): void {
  const b = t[j + 1];
  const c = t[j + 2];
  if (b?.kind === PUNCT && (b.value === DASH || b.value === SLASH || b.value === DOT) && c !== undefined) {
    // ISO dates: 2019-12-31, 2019/12/31, 2019.12.31 (no spaces, the same separator twice)
    const d = t[j + 4];
    if (c.kind === NUM && c.len <= 2 && isPunctAt(t, j + 3, b.value) && d?.kind === NUM && d.len <= 2 && !b.space && !c.space && !t[j + 3]?.space && !d.space) {
      if (c.value >= 1 && c.value <= 12 && d.value >= 1 && d.value <= daysIn(c.value, y)) out.push(reading(j + 5, 'day', y, c.value, d.value));
    }
    if (c.kind === NUM && c.len === 2 && b.value !== DOT) {
      // Two digits after the year: 2020/21 and 1999-00 are fiscal years; 2019-05 (ISO) and 1993/01 are
      // months; 2013/16 is a range of years. Ambiguous labels (2011-12, 2001/02) are fiscal years and
      // 2010/12 a range, 2010-12 a month: the year is the same either way.
      const e = c.value;
      const yy = y % 100;
      if (e === (yy + 1) % 100) out.push(reading(j + 3, 'fiscal_year', y, 0, 0, 0, y + 1));
      else if (b.value === DASH && e >= 1 && e <= 12) out.push(reading(j + 3, 'month', y, e));
      else if (e > yy) out.push(reading(j + 3, 'range', y, 0, 0, 0, y - yy + e));
      else if (e >= 1 && e <= 12) out.push(reading(j + 3, 'month', y, e));
    }
    // 2024-Q1, 2024-M01, 2024 - W05
    const s = b.value === DOT ? undefined : subAnnualAt(t, j + 2);
    if (s !== undefined) out.push(subAnnualEnd(s.next, s, y));
  } else if (b?.kind === NUM && b.len === 2 && b.space && b.value >= 1 && b.value <= 12) {
    out.push(reading(j + 2, 'month', y, b.value)); // 1993 01
  } else if (b?.kind === WORD) {
    const s = subAnnualAt(t, j + 1); // 2024Q1, 2024 Q1, 1993M01
    if (s !== undefined) out.push(subAnnualEnd(s.next, s, y));
    const m = b.space ? monthAt(t, j + 1) : undefined; // 1993 January
    if (m !== undefined) out.push(reading(m.next, 'month', y, m.month));
  }
  out.push(reading(j + 1, 'year', y));
}

/** `31/12/2019`, `1.1.2019`, `17 May 2023`, `1st April 2022`, `17 de mayo de 2023`, and `17 May` in a span. */
function readDayFirst(t: readonly Token[], j: number, day: number, out: End[]): void {
  if (day < 1 || day > 31) return;
  const b = t[j + 1];
  if (b?.kind === PUNCT && (b.value === SLASH || b.value === DOT || b.value === DASH)) {
    const m = t[j + 2];
    const y = yearAt(t, j + 4);
    if (m?.kind === NUM && m.len <= 2 && isPunctAt(t, j + 3, b.value) && y >= 0 && !b.space && !m.space && !t[j + 3]?.space && !t[j + 4]?.space) {
      if (m.value >= 1 && m.value <= 12 && day <= daysIn(m.value, y)) out.push(reading(j + 5, 'day', y, m.value, day));
    }
    return;
  }
  let k = j + 1;
  if (isWordAt(t, k, ORDINALS) && !t[k]?.space) k++;
  if (isWordAt(t, k, FILLERS)) k++;
  const m = monthAt(t, k);
  if (m === undefined || day > daysIn(m.month, 2000)) return;
  k = m.next;
  if (isPunctAt(t, k, COMMA)) k++;
  if (isWordAt(t, k, FILLERS)) k++;
  const y = yearAt(t, k);
  if (y >= 0 && day <= daysIn(m.month, y)) out.push(reading(k + 1, 'day', y, m.month, day));
  out.push(reading(m.next, 'day', 0, m.month, day));
}

/** `Jan 1993`, `janvier 1993`, `enero de 1993`, `Jan-1993`, `May 17, 2023`, `Q1 2024`, `H2-2024`, and `Jan` in a span. */
function readWordFirst(t: readonly Token[], j: number, out: End[]): void {
  const m = monthAt(t, j);
  if (m !== undefined) {
    let k = m.next;
    const d = t[k];
    // May 17, 2023
    if (d?.kind === NUM && d.len <= 2 && d.space && d.value >= 1) {
      let h = k + 1;
      if (isWordAt(t, h, ORDINALS) && !t[h]?.space) h++;
      if (isPunctAt(t, h, COMMA)) h++;
      const y = yearAt(t, h);
      if (y >= 0 && d.value <= daysIn(m.month, y)) out.push(reading(h + 1, 'day', y, m.month, d.value));
    }
    if (isPunctAt(t, k, DASH) || isPunctAt(t, k, SLASH) || isPunctAt(t, k, COMMA)) k++;
    if (isWordAt(t, k, FILLERS)) k++;
    const y = yearAt(t, k);
    if (y >= 0) out.push(reading(k + 1, 'month', y, m.month));
    out.push(reading(m.next, 'month', 0, m.month));
    return;
  }
  // Q1 2024, Q1-2024, H2 2024, T1 2024
  const s = subAnnualAt(t, j);
  if (s === undefined) return;
  let k = s.next;
  if (isPunctAt(t, k, DASH) || isPunctAt(t, k, SLASH)) k++;
  const y = yearAt(t, k);
  if (y >= 0) out.push(subAnnualEnd(k + 1, s, y));
  out.push(subAnnualEnd(s.next, s, 0));
}

// ---------------------------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------------------------

function isYear(y: number): boolean {
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

function periodOf(e: End, year: number): Period {
  const p: Period = { granularity: e.gran, year, endYear: e.endYear === 0 ? year : e.endYear };
  if (e.month > 0) p.month = e.month;
  if (e.day > 0) p.day = e.day;
  if (e.week > 0) p.week = e.week;
  return p;
}

/** A period of one end: it needs a year, and a range of years (`2013/16`) must end by MAX_YEAR. */
function single(e: End): Period | undefined {
  if (!isYear(e.year) || (e.gran === 'range' && e.endYear > MAX_YEAR)) return undefined;
  return periodOf(e, e.year);
}

/**
 * From `a` to `b`: `b` has a year, `a` takes it when it has none (the year before when its month comes
 * later: `1 Dec to 31 Jan 2023`), `a` starts no later than `b`. Two annual ends make a range, else a span.
 */
function joined(a: End, b: End): Period | undefined {
  if (!isYear(b.year) || b.endYear > MAX_YEAR) return undefined;
  let year = a.year;
  if (year === 0) year = a.month > b.month || (a.month === b.month && a.day > b.day) ? b.year - 1 : b.year;
  if (!isYear(year)) return undefined;
  const order = year - b.year || a.month - b.month || a.day - b.day || a.week - b.week;
  if (order > 0 || (a.year !== 0 && a.endYear > b.endYear)) return undefined;
  const p = periodOf(a, year);
  p.granularity = isAnnual(a.gran) && isAnnual(b.gran) ? 'range' : 'span';
  p.endYear = b.endYear;
  return p;
}

/** A dash or slash, or a word between spaces (`1980 to 1990`: not `1974a`, a footnote mark). */
function isConnector(t: readonly Token[], i: number): boolean {
  const c = t[i];
  if (c === undefined) return false;
  if (c.kind === PUNCT) return c.value === DASH || c.value === SLASH;
  return c.kind === WORD && CONNECTORS.has(c.word) && c.space && t[i + 1]?.space === true;
}

/**
 * Reads a period from cleaned text (trimmed, single spaces, ASCII digits); undefined when it is none.
 * - years `2019`; fiscal and academic years `2020/21`, `2020-21`, `1999-00`, `FY2019`, `FY 2020/21`;
 * - ranges `2013/16`, `2011-2021`, `1990 - 1999`, `1980 to 1990`, `2010 à 2015`, `2010 al 2015`,
 *   `2010 إلى 2015`, `2010 to 15`, `2015/16 to 2017/18`, `2002/03-2007/08`;
 * - quarters, halves, months, weeks `2024 Q1`, `2024-Q1`, `2024Q1`, `Q1 2024`, `T1 2024`, `H2-2024`,
 *   `2024-S1`, `1993 01`, `1993-01`, `1993/01`, `1993M01`, `2024-M01`, `2024-W05`, `Jan 1993`,
 *   `January 1993`, `janvier 1993`, `enero de 1993`, `أيار 1993`, `كانون الثاني 1993`;
 * - days `2023-05-17`, `31/12/2019`, `1.1.2019`, `17 May 2023`, `May 17, 2023`;
 * - spans `17 May to 11 June 2023`, `1 April 2022 to 31 March 2023`, `2023-05-17 to 2023-06-11`, `Jan-Mar 2024`;
 * - any of these followed by notes: `2020/21 [Note 5]`, `2020 (provisional)`, `2019 [r]`.
 * The start year must be 1900–2100, and a range or span must not end before it starts nor after 2100.
 */
export function readPeriod(text: string): Period | undefined {
  const core = stripNotes(text);
  if (core === undefined || core === '') return undefined;
  const t = tokenize(core);
  if (t === undefined) return undefined;
  const n = t.length;
  for (const a of readEnds(t, 0)) {
    if (a.next === n) {
      if (a.year === 0) continue;
      const p = single(a);
      if (p !== undefined) return p;
      continue;
    }
    if (!isConnector(t, a.next)) continue;
    const c = t[a.next];
    const k = a.next + 1;
    for (const b of readEnds(t, k)) {
      if (b.next !== n) continue;
      const p = joined(a, b);
      if (p !== undefined) return p;
    }
    // 2010 to 15: a two-digit end after a word, in the start's century.
    const e = t[k];
    if (a.gran === 'year' && c?.kind === WORD && k === n - 1 && e?.kind === NUM && e.len === 2) {
      const last = a.year - (a.year % 100) + e.value;
      if (last >= a.year && isYear(a.year)) return { granularity: 'range', year: a.year, endYear: last };
    }
  }
  return undefined;
}
