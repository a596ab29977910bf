/**
 * Cell-level normalisation: text cleaning and missing markers (numbers: parse-number.ts, years: parse-year.ts).
 *
 * These run once per cell over files of a million rows, so each function starts with a fast path that
 * only scans char codes (no regex, no allocation) for the common case (`12.5`, `2019`, plain text) and
 * falls back to a careful single-pass parser. Pure: Web Worker and Node.
 */

// ---------------------------------------------------------------------------------------------
// Character classes
// ---------------------------------------------------------------------------------------------

/**
 * Invisible format characters dropped everywhere: LRM/RLM (U+200E/F), ALM (U+061C, which Intl puts
 * before Arabic-locale numbers), embeddings/overrides U+202A–U+202E, isolates U+2066–U+2069, and
 * U+FEFF (a BOM copied into a cell), and the C0 controls that are not whitespace (NUL, U+0001…) and
 * DEL. ZWJ/ZWNJ are kept: they are meaningful in Arabic-script text.
 */
export function isStripped(c: number): boolean {
  // C0 controls other than whitespace (NUL, U+0001…) and DEL: invisible, so "\0Amman" would not be "Amman".
  return c < 0x09 || (c > 0x0d && c < 0x20) || c === 0x7f || c === 0x200e || c === 0x200f || c === 0x061c || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff;
}

/** Whitespace turned into one ordinary space: ASCII tab/LF/VT/FF/CR/space, NEL, NBSP, the U+2000 spaces, NNBSP (U+202F), line/paragraph separators… */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** Value of an ASCII, Arabic-Indic (U+0660–0669) or Extended Arabic-Indic/Persian (U+06F0–06F9) digit, else -1. */
export function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x0660 && c <= 0x0669) return c - 0x0660;
  if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0;
  return -1;
}

// ---------------------------------------------------------------------------------------------
// cleanText
// ---------------------------------------------------------------------------------------------

/**
 * Trims, drops bidi controls, U+FEFF and invisible control characters ({@link isStripped}), turns
 * every kind of whitespace (NBSP, NNBSP, thin space, tab, newline…) into a space and collapses runs of
 * whitespace into one space. Returns `raw` itself when nothing needs doing (the common case; checked
 * on char codes only).
 */
export function cleanText(raw: string): string {
  const n = raw.length;
  if (n === 0) return raw;
  let clean = true;
  let prevSpace = true; // a space at index 0 needs work
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) {
      prevSpace = false;
      continue;
    }
    if (c === 0x20) {
      if (prevSpace) {
        clean = false;
        break;
      }
      prevSpace = true;
      continue;
    }
    if (isSpace(c) || isStripped(c)) {
      clean = false;
      break;
    }
    prevSpace = false;
  }
  if (clean && !prevSpace) return raw;
  return cleanSlow(raw);
}

function cleanSlow(raw: string): string {
  let out = '';
  let pendingSpace = false;
  let segStart = -1; // start of the run of kept characters being copied
  const n = raw.length;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    const space = isSpace(c);
    if (!space && !isStripped(c)) {
      if (segStart === -1) {
        if (pendingSpace && out.length > 0) out += ' ';
        pendingSpace = false;
        segStart = i;
      }
      continue;
    }
    if (segStart !== -1) {
      out += raw.slice(segStart, i);
      segStart = -1;
    }
    if (space) pendingSpace = true;
  }
  if (segStart !== -1) out += segStart === 0 ? raw : raw.slice(segStart);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Missing markers
// ---------------------------------------------------------------------------------------------

/**
 * Explicit "no data" markers, compared after {@link cleanText}; Latin ones case-insensitively.
 * - `..` `...` `…` — UN / OECD / Eurostat "not available" (Excel turns `...` into `…`);
 * - `-` `--` `–` `—` — dash for "nil / not available" in printed tables;
 * - `NA` `N/A` `N.A.` `#N/A` (Excel's NA()) `NaN` `null` `None` (pandas / R / SQL dumps);
 * - `ND` `N.D.` (non disponible / no disponible / no data), `S.O.` (sans objet), `S/D` (sin datos);
 * - Arabic: `غير متوفر(ة)`, `غير متاح(ة)`, `لا يوجد`, `لا توجد`.
 * Not markers: `0`, `x` / `X` (confidential in some statistics offices — must not pass silently as
 * missing), `?`, and empty text (that is "blank", see {@link parseNumberCell}).
 */
const MISSING_MARKERS: ReadonlySet<string> = new Set([
  '..', '...', '…', '-', '--', '–', '—',
  'na', 'n/a', 'n.a.', '#n/a', 'nan', 'null', 'none',
  'nd', 'n.d.', 's.o.', 's/d',
  'غير متوفر', 'غير متوفرة', 'غير متاح', 'غير متاحة', 'لا يوجد', 'لا توجد',
]);

/** True when already-cleaned text is an explicit missing-value marker (list: {@link MISSING_MARKERS}). */
export function isMissingMarker(s: string): boolean {
  if (s.length === 0 || s.length > 10) return false;
  return MISSING_MARKERS.has(s) || MISSING_MARKERS.has(s.toLowerCase());
}
