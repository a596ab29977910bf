import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectNewline, normalizeNewlines } from '@/ingest/detect';

describe('detectNewline', () => {
  it.each([
    ['', '\n'],
    ['a,b', '\n'],
    ['a,b\nc,d\n', '\n'],
    ['a,b\r\nc,d\r\n', '\r\n'],
    ['a,b\rc,d\r', '\r'],
    ['a,b\r\nc,d\ne,f\r\n', 'mixed'],
    ['a,b\nc,d\r\n', 'mixed'],
    ['a,b\nc,d\re,f\n', 'mixed'],
    ['a,b\rc,d\r\n', 'mixed'],
    ['a,b\nc,d\r', 'mixed'],
    // Line breaks inside quoted cells do not count: Excel writes CRLF rows with LF inside multi-line cells.
    ['a,b\r\n"x\ny",d\r\n', '\r\n'],
    ['a,b\r\n"x\ny\nz",d\r\n"p ""q""\nr",s\r\n', '\r\n'],
    ['a,b\n"x\r\ny",d\n', '\n'],
    ['a,b\n"x\ry",d\n', '\n'],
    ['a,b\r"x\ny",d\r', '\r'],
    ['a,b\r\n"x\ny",d\nc,d\r\n', 'mixed'],
  ])('detectNewline(%j) → %j', (text, newline) => {
    expect(detectNewline(text)).toBe(newline);
  });
});

describe('normalizeNewlines', () => {
  it.each([
    ['a,b\nc,d\n', 'a,b\nc,d\n', '\n'],
    ['a,b\r\nc,d\r\n', 'a,b\r\nc,d\r\n', '\r\n'],
    ['a,b\rc,d\r', 'a,b\rc,d', '\r'],
    ['a,b\nc,d\r', 'a,b\nc,d', '\n'],
    ['a,b\r\nc,d\r\ne,f\r', 'a,b\r\nc,d\r\ne,f', '\r\n'],
    ['a,b\r\nc,d\ne,f\r\n', 'a,b\nc,d\ne,f\n', '\n'],
    ['a,b\r\nc,d\ne,f\rg,h', 'a,b\nc,d\ne,f\ng,h', '\n'],
    ['a,b\r\n"x\r\ny",d\ne,f\r', 'a,b\n"x\ny",d\ne,f', '\n'],
    ['a,b\r\n"x\ny",d\r\n', 'a,b\r\n"x\ny",d\r\n', '\r\n'],
  ])('normalizeNewlines(%j) → %j with newline %j', (text, out, newline) => {
    expect(normalizeNewlines(text)).toEqual({ text: out, newline });
  });

  it('returns a consistent file as it is (no copy)', () => {
    const text = 'a,b\r\nc,d\r\n'.repeat(1000);
    expect(normalizeNewlines(text).text).toBe(text);
  });

  it('leaves no CR behind when it normalises, and keeps every line (blank lines at the end aside)', () => {
    const line = fc.stringMatching(/^[a-z0-9,]{0,6}$/);
    const eol = fc.constantFrom('\n', '\r\n', '\r');
    fc.assert(
      fc.property(fc.array(fc.tuple(line, eol), { minLength: 1, maxLength: 20 }), (lines) => {
        // A CR ending a line before an empty LF line is a CRLF: one line break, whatever was meant.
        fc.pre(lines.every(([, e], k) => e !== '\r' || lines[k + 1]?.[0] !== '' || lines[k + 1]?.[1] === '\r'));
        const text = lines.map(([l, e]) => l + e).join('');
        const { text: out, newline } = normalizeNewlines(text);
        const trimEnd = (xs: string[]) => {
          while (xs.at(-1) === '') xs.pop();
          return xs;
        };
        expect(trimEnd(out.split(newline))).toEqual(trimEnd(lines.map(([l]) => l)));
        if (newline === '\n') expect(out).not.toContain('\r');
      }),
      { numRuns: 500 },
    );
  });
});
