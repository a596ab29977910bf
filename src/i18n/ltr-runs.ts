/**
 * Numbers with a unit, signed numbers and indicator codes inside right-to-left text. The Unicode bidi
 * algorithm orders them by their neighbours: in an Arabic sentence "100 %" shows as "% 100" (the space
 * leaves "%" a neutral that takes the sentence's direction), "-5" as "5-", "≥ 0.75" as "0.75 ≥" and
 * "11.a.1" as "a.1.11". Isolating each of them as a left-to-right run (LRI…PDI, U+2066/U+2069, or
 * `<bdi dir="ltr">` in HTML) keeps it in the order it was written. Plain numbers ("2030", "1,234.5"),
 * ranges ("2015–2024", read right to left in Arabic) and numbers with an Arabic unit ("5 ميكروغرام/م³")
 * already read correctly and are left alone.
 */

/** A piece of text: `ltr` pieces are to be isolated left to right. */
export type TextRun = { readonly text: string; readonly ltr: boolean };

const LRI = '\u2066';
const PDI = '\u2069';

const DIGIT = '[0-9\\u0660-\\u0669\\u06F0-\\u06F9]';
/** Units written with Latin letters or symbols after a number (a unit in Arabic letters needs no isolate). */
const UNIT = '%|\\u066A|‰|‱|°C|[µμ]g/m³|mg/[lL]|km²|m²|m³|km|kg|ha|kWh|MW|USD|US\\$|\\$|€';
/**
 * Optional comparison, optional sign, the number (Latin or Arabic-Indic digits, with separators), an
 * optional code tail (`11.a.1`, `11.b`), an optional unit; never inside a Latin word (`PM2.5`, `SD_CPA_2`), but
 * after an Arabic letter (the conjunction و is written joined: `و-5`).
 */
const RUN = new RegExp(
  `(?<![\\p{Script=Latin}\\p{N}_.,])(?<op>[<>≤≥±][ \\u00A0\\u202F]?)?(?<sign>[-−+])?(?<num>${DIGIT}+(?:[.,\\u066B\\u066C]${DIGIT}+)*)` +
    `(?<code>\\.[a-z](?:\\.\\d{1,2})?(?:\\.[a-z0-9]{1,3})?)?(?<unit>[ \\u00A0\\u202F]?(?:${UNIT}))?(?![\\p{L}\\p{N}_])`,
  'gu',
);
/** Text already isolated (by its author or an earlier pass) is kept as it is. */
const ISOLATED = /[\u2066-\u2068][^\u2066-\u2069]*\u2069/gu;

function runsOf(text: string, into: TextRun[]): void {
  let from = 0;
  for (const m of text.matchAll(RUN)) {
    const g = m.groups ?? {};
    const num = g.num ?? '';
    // A code has a letter part or at least two dots (11.6.2); a decimal number (11.6) is a plain number.
    const isCode = g.code !== undefined || (num.match(/\./g)?.length ?? 0) >= 2;
    if (g.op === undefined && g.sign === undefined && g.unit === undefined && !isCode) continue;
    if (m.index > from) into.push({ text: text.slice(from, m.index), ltr: false });
    into.push({ text: m[0], ltr: true });
    from = m.index + m[0].length;
  }
  if (from < text.length) into.push({ text: text.slice(from), ltr: false });
}

/**
 * Splits `text` into the runs to isolate left to right (numbers with a Latin unit or "%", signed or
 * compared numbers, indicator codes) and the rest. Concatenating the runs gives `text` back.
 */
export function ltrRuns(text: string): TextRun[] {
  const out: TextRun[] = [];
  let from = 0;
  for (const m of text.matchAll(ISOLATED)) {
    runsOf(text.slice(from, m.index), out);
    out.push({ text: m[0], ltr: false });
    from = m.index + m[0].length;
  }
  runsOf(text.slice(from), out);
  // Neighbouring plain pieces (around an isolated span) are merged back.
  return out.reduce<TextRun[]>((acc, r) => {
    const last = acc[acc.length - 1];
    if (last !== undefined && !last.ltr && !r.ltr) acc[acc.length - 1] = { text: last.text + r.text, ltr: false };
    else if (r.text !== '') acc.push(r);
    return acc;
  }, []);
}

/** `text` with each run of `ltrRuns` wrapped in LRI…PDI, for right-to-left plain text (SVG figures, CSV). */
export function isolateLtrRuns(text: string): string {
  return ltrRuns(text)
    .map((r) => (r.ltr ? `${LRI}${r.text}${PDI}` : r.text))
    .join('');
}

/**
 * Wrapped lines of a text with isolates: a line that ends inside an isolate closes it (PDI) and the next
 * line opens it again, so every line is balanced on its own (each is drawn as its own `<text>`).
 */
export function balanceIsolates(lines: readonly string[]): string[] {
  let open: string[] = [];
  return lines.map((line) => {
    const prefix = open.join('');
    const stack = [...open];
    for (const ch of line) {
      if (ch === '\u2066' || ch === '\u2067' || ch === '\u2068') stack.push(ch);
      else if (ch === PDI) stack.pop();
    }
    open = stack;
    return prefix + line + PDI.repeat(stack.length);
  });
}
