import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes, guessLegacyEncoding, isArabic1256Byte, looksBinary, sniffUtf16 } from '@/ingest/decode';

const utf8 = (s: string) => new TextEncoder().encode(s);

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const start = bom ? 2 : 0;
  const out = new Uint8Array(start + text.length * 2);
  if (bom) [out[0], out[1]] = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const [lo, hi] = [c & 0xff, c >> 8];
    out[start + i * 2] = endian === 'le' ? lo : hi;
    out[start + i * 2 + 1] = endian === 'le' ? hi : lo;
  }
  return out;
}

/** Single-byte encoding through the decoder's own table (inverse of TextDecoder). */
function singleByte(text: string, encoding: 'windows-1256' | 'windows-1252'): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
  return Uint8Array.from([...text], (ch) => {
    const b = table.get(ch);
    if (b === undefined) throw new Error(`${ch} not in ${encoding}`);
    return b;
  });
}

const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('decodeBytes: Windows-1256 (Arabic Excel "CSV (Comma delimited)")', () => {
  // 'عمان' by hand from the cp1256 table: ع DA, م E3, ا C7, ن E4.
  const amman = new Uint8Array([0xda, 0xe3, 0xc7, 0xe4]);

  it('the hand-built bytes are عمان in windows-1256 (checked with TextDecoder)', () => {
    expect(new TextDecoder('windows-1256').decode(amman)).toBe('عمان');
  });

  it.each([
    ['a bare Arabic word', amman, 'عمان'],
    ['a CSV line', concat(utf8('city,year\r\n'), amman, utf8(',2019\r\n')), 'city,year\r\nعمان,2019\r\n'],
    ['Arabic headers and names', singleByte('المدينة,السنة,القيمة\nعمّان,2019,41.5\nالزرقاء,2019,39\n', 'windows-1256'), 'المدينة,السنة,القيمة\nعمّان,2019,41.5\nالزرقاء,2019,39\n'],
  ])('decodeBytes detects windows-1256 for %s even when the legacy default is 1252', (_name, bytes, text) => {
    for (const legacy of ['windows-1256', 'windows-1252'] as const) {
      const r = decodeBytes(bytes, { legacy });
      expect(r).toEqual({ text, encoding: 'windows-1256', bom: false, how: 'heuristic', replacementChars: 0 });
    }
  });

  it('decodeBytes detects windows-1252 for Spanish/French accents that differ in 1256', () => {
    const text = 'ciudad;año;valor\nBogotá;2019;12,5\nEspaña;2020;3\nÎle-de-France;2020;4\n';
    const r = decodeBytes(singleByte(text, 'windows-1252'));
    expect(r).toMatchObject({ text, encoding: 'windows-1252', how: 'heuristic', replacementChars: 0 });
  });

  it.each(['windows-1256', 'windows-1252'] as const)(
    'decodeBytes falls back to legacy %s when the bytes carry no evidence, and "Montréal" (é is E9 in both) decodes right',
    (legacy) => {
      const bytes = singleByte('ville;valeur\nMontréal;12\nGenève;3\n', 'windows-1252');
      const r = decodeBytes(bytes, { legacy });
      expect(r).toMatchObject({ text: 'ville;valeur\nMontréal;12\nGenève;3\n', encoding: legacy, how: 'heuristic' });
    },
  );

  it('guessLegacyEncoding says "unclear" without evidence', () => {
    expect(guessLegacyEncoding(utf8('plain ascii'), 'windows-1252')).toEqual({ encoding: 'windows-1252', clear: false });
  });

  it('isArabic1256Byte marks exactly bytes that are Arabic in 1256 and differ in 1252 (checked with TextDecoder)', () => {
    const ar = new TextDecoder('windows-1256');
    const latin = new TextDecoder('windows-1252');
    for (let b = 0x80; b < 0x100; b++) {
      const a = ar.decode(new Uint8Array([b]));
      const cp = a.codePointAt(0) ?? 0;
      const isArabicLetterOrMark = a.length === 1 && ((cp >= 0x0621 && cp <= 0x0652) || (cp >= 0x0679 && cp <= 0x06d2));
      if (isArabic1256Byte(b)) {
        expect(isArabicLetterOrMark, `0x${b.toString(16)} = ${a}`).toBe(true);
        expect(a).not.toBe(latin.decode(new Uint8Array([b])));
      } else expect(isArabicLetterOrMark, `0x${b.toString(16)} = ${a}`).toBe(false);
    }
    for (let b = 0; b < 0x80; b++) expect(isArabic1256Byte(b)).toBe(false);
  });
});

describe('decodeBytes: BOMs and UTF-16', () => {
  const tsv = 'المدينة\tالسنة\tالقيمة\r\nعمان\t2015\t41.5\r\n';

  it.each([
    ['UTF-16LE with BOM (Excel "Unicode Text")', utf16(tsv, 'le', true), 'utf-16le', true, 'bom'],
    ['UTF-16BE with BOM', utf16(tsv, 'be', true), 'utf-16be', true, 'bom'],
    ['UTF-8 with BOM (Excel "CSV UTF-8")', concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(tsv)), 'utf-8', true, 'bom'],
    ['UTF-8 without BOM', utf8(tsv), 'utf-8', false, 'utf8-valid'],
    ['UTF-16LE without BOM (NUL/0x06 pattern)', utf16(tsv, 'le', false), 'utf-16le', false, 'heuristic'],
    ['UTF-16BE without BOM', utf16(tsv, 'be', false), 'utf-16be', false, 'heuristic'],
    ['Arabic-only UTF-16LE without BOM (valid UTF-8 control chars!)', utf16('عمانالزرقاء', 'le', false), 'utf-16le', false, 'heuristic'],
  ] as const)('decodeBytes reads %s', (_name, bytes, encoding, bom, how) => {
    const r = decodeBytes(bytes);
    const expected = _name.startsWith('Arabic-only') ? 'عمانالزرقاء' : tsv;
    expect(r).toEqual({ text: expected, encoding, bom, how, replacementChars: 0 });
  });

  it('decodeBytes strips only one BOM; a second U+FEFF stays in the text', () => {
    const r = decodeBytes(concat(new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), utf8('a')));
    expect(r.text).toBe('\uFEFFa');
  });

  it('decodeBytes counts the replacement char of an odd-length UTF-16 file', () => {
    const r = decodeBytes(concat(utf16('ab', 'le', true), new Uint8Array([0x41])));
    expect(r).toMatchObject({ text: 'ab\uFFFD', encoding: 'utf-16le', replacementChars: 1 });
  });

  it('sniffUtf16 ignores ASCII, UTF-8 Arabic and cp1256 text', () => {
    expect(sniffUtf16(utf8('city,year\n1,2\n'))).toBeUndefined();
    expect(sniffUtf16(utf8('المدينة,السنة\n'))).toBeUndefined();
    expect(sniffUtf16(singleByte('المدينة,السنة\n', 'windows-1256'))).toBeUndefined();
  });
});

describe('decodeBytes: edge cases', () => {
  it('decodeBytes on empty input gives empty UTF-8 text', () => {
    expect(decodeBytes(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8', bom: false, how: 'utf8-valid', replacementChars: 0 });
  });

  it('decodeBytes decodes an Arabic character split across a 10-byte boundary (whole-buffer decode)', () => {
    const text = 'abcdefghiعمان'; // 'ع' = D8 B9 at bytes 9 and 10
    const bytes = utf8(text);
    expect([bytes[9], bytes[10]]).toEqual([0xd8, 0xb9]);
    // What chunked decoding (PapaParse File input) would give:
    const chunked = new TextDecoder().decode(bytes.subarray(0, 10)) + new TextDecoder().decode(bytes.subarray(10));
    expect(chunked).toContain('\uFFFD');
    expect(decodeBytes(bytes)).toMatchObject({ text, encoding: 'utf-8', replacementChars: 0 });
  });

  it('decodeBytes keeps UTF-8 for a file cut in the middle of its last character, counting one U+FFFD', () => {
    const bytes = utf8('المدينة,السنة\nعمان,2019\nالزرقاء');
    const r = decodeBytes(bytes.subarray(0, bytes.length - 1));
    expect(r).toMatchObject({ encoding: 'utf-8', how: 'heuristic', replacementChars: 1 });
    expect(r.text.startsWith('المدينة,السنة\nعمان,2019\nالزرق')).toBe(true);
  });

  it('decodeBytes counts U+FFFD already present in valid UTF-8', () => {
    expect(decodeBytes(utf8('a\uFFFDb\uFFFD')).replacementChars).toBe(2);
  });
});

describe('decodeBytes: forced encoding', () => {
  const cp1256 = singleByte('عمان,2019', 'windows-1256');

  it.each([
    ['windows-1256', cp1256, 'عمان,2019', false, 0],
    ['windows-1252', cp1256, 'ÚãÇä,2019', false, 0],
    ['utf-8', cp1256, '\uFFFD\uFFFD\uFFFD\uFFFD,2019', false, 4],
    ['utf-8', concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8('x')), 'x', true, 0],
    ['utf-16le', utf16('x', 'le', true), 'x', true, 0],
    ['utf-16be', utf16('x', 'be', false), 'x', false, 0],
  ] as const)('decodeBytes forced to %s uses it as is', (encoding, bytes, text, bom, replacementChars) => {
    expect(decodeBytes(bytes, { encoding })).toEqual({ text, encoding, bom, how: 'forced', replacementChars });
  });

  it('decodeBytes with encoding "auto" detects', () => {
    expect(decodeBytes(cp1256, { encoding: 'auto' }).how).toBe('heuristic');
  });
});

describe('looksBinary', () => {
  const pad = (head: number[]) => Uint8Array.from([...head, ...utf8('rest of the file, which does not matter')]);
  it.each([
    ['PNG', pad([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), true],
    ['ZIP / XLSX', pad([0x50, 0x4b, 0x03, 0x04]), true],
    ['legacy XLS (OLE2)', pad([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), true],
    ['PDF', utf8('%PDF-1.7\n%âãÏÓ\n'), true],
    ['gzip', pad([0x1f, 0x8b, 0x08]), true],
    ['NUL-heavy bytes', new Uint8Array([1, 0, 0, 0, 7, 0, 0, 0, 3, 0, 0, 0, 9, 0, 0, 0, 0, 0]), true],
    ['control-heavy bytes', Uint8Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)), true],
    ['a UTF-8 CSV', utf8('city,year,value\nعمان,2019,1.5\n'), false],
    ['a cp1256 CSV', singleByte('المدينة,السنة\nعمان,2019\n', 'windows-1256'), false],
    ['UTF-16LE with BOM', utf16('city\tyear\n', 'le', true), false],
    ['UTF-16LE without BOM', utf16('city\tyear\nAmman\t2019\n', 'le', false), false],
    ['UTF-16BE without BOM', utf16('city\tyear\nAmman\t2019\n', 'be', false), false],
    ['empty', new Uint8Array(0), false],
    ['a CSV with tabs, CR LF and a form feed', utf8('a\tb\r\n1\t2\f\n'), false],
  ])('looksBinary(%s) is %s', (_name, bytes, expected) => {
    expect(looksBinary(bytes)).toBe(expected);
  });
});

describe('decode properties', () => {
  it('decodeBytes and looksBinary never throw on arbitrary bytes, and report consistent results', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'windows-1252') , (bytes, encoding) => {
        const r = decodeBytes(bytes, { encoding });
        expect(typeof r.text).toBe('string');
        expect(r.replacementChars).toBe(r.text.split('\uFFFD').length - 1);
        expect(typeof looksBinary(bytes)).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('decodeBytes round-trips any UTF-8 text without NUL/ACK and without a leading U+FEFF', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        fc.pre(!s.includes('\u0000') && !s.includes('\u0006') && !s.startsWith('\uFEFF'));
        expect(decodeBytes(utf8(s))).toEqual({ text: s, encoding: 'utf-8', bom: false, how: 'utf8-valid', replacementChars: (s.match(/\uFFFD/g) ?? []).length });
      }),
    );
  });

  it('decodeBytes round-trips any text as UTF-16LE/BE with BOM', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('le' as const, 'be' as const), (s, endian) => {
        expect(decodeBytes(utf16(s, endian, true)).text).toBe(s);
      }),
    );
  });

  it('decodeBytes recognises any Arabic CSV written in windows-1256', () => {
    const letters = [...'ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيـ'];
    const word = fc.array(fc.constantFrom(...letters), { minLength: 2, maxLength: 8 }).map((a) => a.join(''));
    const line = fc.tuple(word, fc.integer({ min: 1990, max: 2030 }), fc.double({ min: 0, max: 1000, noNaN: true })).map(([w, y, v]) => `${w},${y},${v.toFixed(1)}`);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), fc.constantFrom('windows-1256' as const, 'windows-1252' as const), (lines, legacy) => {
        const text = `city,year,value\n${lines.join('\n')}\n`;
        expect(decodeBytes(singleByte(text, 'windows-1256'), { legacy })).toMatchObject({ text, encoding: 'windows-1256' });
      }),
    );
  });
});
