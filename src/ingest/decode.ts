import type { Encoding, LegacyEncoding } from './types';

/**
 * Byte → text for uploaded files. Pure, runs in a Web Worker and in Node (only `TextDecoder`).
 *
 * Why our own: PapaParse decodes a `File` slice by slice and breaks multi-byte characters at slice
 * boundaries and loses the UTF-16 BOM after the first slice; `TextDecoder('utf-8')` does not sniff a
 * UTF-16 BOM (platform-notes §0.4, §0.10, §3.3). So the whole buffer is decoded here, once.
 */

export type DecodeResult = {
  /** The decoded text, without the byte-order mark. */
  text: string;
  encoding: Encoding;
  /** The bytes started with the byte-order mark of `encoding` (stripped from `text`). */
  bom: boolean;
  /**
   * How the encoding was chosen: a BOM; the bytes are valid UTF-8; evidence from the bytes
   * (UTF-16 without BOM, nearly-valid UTF-8, or the Windows-1256/1252 choice); or the caller's choice.
   */
  how: 'bom' | 'utf8-valid' | 'heuristic' | 'forced';
  /** U+FFFD characters in `text` (undecodable bytes, or U+FFFD already in the file). */
  replacementChars: number;
};

export type DecodeOptions = {
  /** A fixed encoding (decoded non-fatally, as is), or 'auto' (default) to detect. */
  encoding?: Encoding | 'auto';
  /** Code page used when the bytes are not UTF-8 and the evidence is unclear. Default windows-1256. */
  legacy?: LegacyEncoding;
};

const decoders = new Map<string, TextDecoder>();

/** Cached non-fatal decoders (decoding a whole buffer in one call is stateless). BOM handled by us. */
function decoderFor(encoding: Encoding): TextDecoder {
  let d = decoders.get(encoding);
  if (d === undefined) {
    try {
      d = new TextDecoder(encoding, { ignoreBOM: true });
    } catch {
      // A runtime without ICU (Node built with small-icu) lacks the Windows code pages: degrade, never throw.
      d = new TextDecoder('utf-8', { ignoreBOM: true });
    }
    decoders.set(encoding, d);
  }
  return d;
}

let fatalUtf8: TextDecoder | undefined;

/** Strict UTF-8 decode, or undefined when the bytes are not valid UTF-8. */
function tryUtf8(bytes: Uint8Array): string | undefined {
  fatalUtf8 ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function countReplacement(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** Length of the byte-order mark of `encoding` at the start of `bytes` (0 when absent). */
function bomLength(bytes: Uint8Array, encoding: Encoding): number {
  const [a, b, c] = bytes;
  if (encoding === 'utf-8') return a === 0xef && b === 0xbb && c === 0xbf ? 3 : 0;
  if (encoding === 'utf-16le') return a === 0xff && b === 0xfe ? 2 : 0;
  if (encoding === 'utf-16be') return a === 0xfe && b === 0xff ? 2 : 0;
  return 0;
}

function sniffBom(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  if (bomLength(bytes, 'utf-8') > 0) return 'utf-8';
  if (bomLength(bytes, 'utf-16le') > 0) return 'utf-16le';
  if (bomLength(bytes, 'utf-16be') > 0) return 'utf-16be';
  return undefined;
}

/** Bytes of the UTF-16 sample examined for the BOM-less UTF-16 pattern. */
const UTF16_SAMPLE = 4096;

/**
 * UTF-16 without a BOM. In UTF-16 text one byte of each pair (the high byte: odd offsets in LE,
 * even in BE) is nearly always 0x00 (ASCII and Latin-1: digits, delimiters, newlines) or 0x06
 * (the Arabic block U+06xx), while the other byte varies. ASCII, UTF-8 and code-page text contain
 * neither NUL nor 0x06 (ACK). So: at least half of the pairs have 0x00/0x06 on one side and at most
 * a tenth on the other. (Pure Arabic UTF-16LE without BOM is even valid UTF-8 — control characters —
 * hence this test runs before the UTF-8 one.)
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, UTF16_SAMPLE) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    const e = bytes[i] ?? 1;
    const o = bytes[i + 1] ?? 1;
    if (e === 0x00 || e === 0x06) even++;
    if (o === 0x00 || o === 0x06) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.5 && even <= pairs * 0.1) return 'utf-16le';
  if (even >= pairs * 0.5 && odd <= pairs * 0.1) return 'utf-16be';
  return undefined;
}

/**
 * Counts well-formed UTF-8 multi-byte sequences and stray non-ASCII bytes. Used when strict decoding
 * failed: a UTF-8 file with one corrupt byte, or cut in the middle of a character, is still UTF-8
 * (Windows-1256 Arabic almost never forms a valid sequence: its letters 0xC1–0xED are lead bytes but
 * are followed by other letters, not by continuation bytes 0x80–0xBF).
 */
function utf8Evidence(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= n;
    for (let k = 1; ok && k < len; k++) {
      const c = bytes[i + k] ?? 0;
      ok = c >= 0x80 && c <= 0xbf;
    }
    if (ok) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
      if (invalid >= 1000 && valid < invalid) break; // clearly not UTF-8: no need to read 50 MB
    }
  }
  return { valid, invalid };
}

/**
 * Bytes that are Arabic letters, tatweel or harakat in Windows-1256 and something else in
 * Windows-1252 (checked against `TextDecoder` in the tests). French accented letters à â ç è é ê ë
 * î ï ô ù û ü have the same bytes in both code pages and carry no evidence.
 */
const ARABIC_1256 = /* @__PURE__ */ (() => {
  const t = new Uint8Array(256);
  const ranges: ReadonlyArray<readonly [number, number]> = [
    [0x81, 0x81], [0x8a, 0x8a], [0x8d, 0x90], [0x98, 0x98], [0x9a, 0x9a], [0x9f, 0x9f], [0xaa, 0xaa],
    [0xc0, 0xd6], [0xd8, 0xdf], [0xe1, 0xe1], [0xe3, 0xe6], [0xec, 0xed], [0xf0, 0xf3], [0xf5, 0xf6],
    [0xf8, 0xf8], [0xfa, 0xfa], [0xff, 0xff],
  ];
  for (const [from, to] of ranges) for (let b = from; b <= to; b++) t[b] = 1;
  return t;
})();

/** The bytes counted as Arabic letters in Windows-1256 by the legacy heuristic (for tests and docs). */
export function isArabic1256Byte(b: number): boolean {
  return ARABIC_1256[b & 0xff] === 1;
}

function isAsciiLetter(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}

/**
 * Windows-1256 or Windows-1252, from the neighbours of every byte that reads as an Arabic letter in
 * 1256 (and as À–ÿ, Œ, œ… in 1252):
 * - next to an ASCII letter → Latin evidence: Arabic letters glued to Latin letters inside a word do
 *   not occur, accented letters inside Latin words do (`Montr[é]al`, `Bogot[á]`, `Espa[ñ]a`);
 * - next to another non-ASCII byte → Arabic evidence: Arabic words are runs of such bytes
 *   (`عمان` = E5 E3 C7 E4), while runs of two accented letters are rare in Latin text;
 * - isolated between spaces/punctuation/digits → weak Arabic evidence (the word `و`, "and").
 * A side wins with at least twice the other's score; otherwise (including no evidence at all, e.g.
 * only é/è/à, which decode the same in both) the caller's legacy encoding is used.
 * Stops early once one side is overwhelming (large files).
 */
export function guessLegacyEncoding(bytes: Uint8Array, fallback: LegacyEncoding): { encoding: LegacyEncoding; clear: boolean } {
  let arabic = 0;
  let latin = 0;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (ARABIC_1256[b] !== 1) continue;
    const prev = i > 0 ? (bytes[i - 1] ?? 0) : 0x20;
    const next = i + 1 < n ? (bytes[i + 1] ?? 0) : 0x20;
    if (isAsciiLetter(prev) || isAsciiLetter(next)) latin += 1;
    else if (prev >= 0x80 || next >= 0x80) arabic += 1;
    else arabic += 0.5;
    if ((arabic > 2000 && latin * 20 < arabic) || (latin > 2000 && arabic * 20 < latin)) break;
  }
  if (arabic > 0 && arabic >= latin * 2) return { encoding: 'windows-1256', clear: true };
  if (latin > 0 && latin >= arabic * 2) return { encoding: 'windows-1252', clear: true };
  return { encoding: fallback, clear: false };
}

function result(bytes: Uint8Array, encoding: Encoding, skip: number, how: DecodeResult['how']): DecodeResult {
  const text = decoderFor(encoding).decode(skip > 0 ? bytes.subarray(skip) : bytes);
  return { text, encoding, bom: skip > 0, how, replacementChars: countReplacement(text) };
}

/**
 * Decodes a whole file. Order: forced encoding → BOM (EF BB BF, FF FE, FE FF) → UTF-16 without BOM
 * (byte pattern) → strict UTF-8 → nearly-valid UTF-8 (≥ 95 % of non-ASCII sequences well formed:
 * a corrupt byte or a truncated last character; decoded with U+FFFD) → Windows-1256 vs -1252 by
 * evidence ({@link guessLegacyEncoding}), else `opts.legacy` (default windows-1256, Arabic Excel's
 * "CSV (Comma delimited)").
 *
 * A forced encoding is used as is (non-fatal); its own BOM, if present, is stripped. Never throws:
 * undecodable bytes become U+FFFD and are counted in `replacementChars`.
 */
export function decodeBytes(bytes: Uint8Array, opts: DecodeOptions = {}): DecodeResult {
  const forced = opts.encoding;
  if (forced !== undefined && forced !== 'auto') return result(bytes, forced, bomLength(bytes, forced), 'forced');

  const bom = sniffBom(bytes);
  if (bom !== undefined) return result(bytes, bom, bomLength(bytes, bom), 'bom');

  const utf16 = sniffUtf16(bytes);
  if (utf16 !== undefined) return result(bytes, utf16, 0, 'heuristic');

  const text = tryUtf8(bytes);
  if (text !== undefined) return { text, encoding: 'utf-8', bom: false, how: 'utf8-valid', replacementChars: countReplacement(text) };

  const { valid, invalid } = utf8Evidence(bytes);
  if (valid > 0 && invalid * 19 <= valid) return result(bytes, 'utf-8', 0, 'heuristic');

  const { encoding } = guessLegacyEncoding(bytes, opts.legacy ?? 'windows-1256');
  return result(bytes, encoding, 0, 'heuristic');
}

/** Bytes examined by {@link looksBinary}. */
const BINARY_SAMPLE = 8192;

/** File signatures of formats users drop by mistake (spreadsheets, archives, images, documents). */
const SIGNATURES: ReadonlyArray<readonly number[]> = [
  [0x50, 0x4b, 0x03, 0x04], // ZIP: .xlsx .ods .docx .zip
  [0x50, 0x4b, 0x05, 0x06], // empty ZIP
  [0x50, 0x4b, 0x07, 0x08], // spanned ZIP
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // OLE2: legacy .xls .doc
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x1f, 0x8b], // gzip
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
  [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], // Rar!
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74, 0x20, 0x33, 0x00], // SQLite
];

/**
 * True for files that are not text: a known binary signature (ZIP/XLSX, XLS, PDF, PNG, JPEG, GIF,
 * gzip, 7z, RAR, ELF, SQLite), or, in the first 8 KB, NUL bytes (≥ 1 %) or C0 control bytes other
 * than tab, LF, FF, CR (≥ 10 %). Text with a BOM and BOM-less UTF-16 (half its bytes are NUL) are
 * recognised first and are never binary.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  for (const sig of SIGNATURES) {
    if (bytes.length < sig.length) continue;
    let match = true;
    for (let i = 0; match && i < sig.length; i++) match = bytes[i] === sig[i];
    if (match) return true;
  }
  if (sniffBom(bytes) !== undefined || sniffUtf16(bytes) !== undefined) return false;
  const n = Math.min(bytes.length, BINARY_SAMPLE);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) nul++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) control++;
  }
  return nul * 100 >= n || (nul + control) * 10 >= n;
}
