import { describe, expect, it } from 'vitest';
import { formatBytes, formatNumber, stripBidiMarks } from '@/i18n/format-number';

const MARKS = /[\u061c\u200e\u200f\u2066-\u2069]/;

describe('formatNumber(value, lang, options)', () => {
  it.each([
    [1234.5, 'en', {}, '1,234.5'],
    [1234.5, 'ar', {}, '1,234.5'],
    [-1234.5, 'ar', {}, '-1,234.5'],
    [12.345678, 'en', {}, '12.346'],
    [12, 'en', { decimals: 1 }, '12.0'],
    [2030, 'en', { grouping: false }, '2030'],
    [-0, 'en', {}, '0'],
  ] as const)('formatNumber(%d, %s, %j) → %s', (value, lang, options, expected) => {
    expect(formatNumber(value, lang, options)).toBe(expected);
  });

  it('writes Arabic-Indic digits for Arabic when asked, without bidi marks', () => {
    const s = formatNumber(-1234.5, 'ar', { digits: 'arab' });
    expect(s).toMatch(/^[-\u2212]?١٬٢٣٤٫٥$/);
    expect(s).not.toMatch(MARKS);
  });

  it('keeps Latin digits outside Arabic', () => {
    expect(formatNumber(5, 'fr', { digits: 'arab' })).toBe('5');
  });

  it.each([NaN, Infinity, -Infinity])('returns "" for %d', (v) => {
    expect(formatNumber(v, 'en')).toBe('');
  });

  it('never leaves bidi marks', () => {
    for (const lang of ['en', 'ar', 'fr', 'es'] as const) for (const v of [-1, 0.5, 1e6]) expect(formatNumber(v, lang)).not.toMatch(MARKS);
  });
});

describe('stripBidiMarks', () => {
  it('removes LRM, RLM, ALM and isolates', () => {
    expect(stripBidiMarks('\u200e-1\u061c\u2066x\u2069\u200f')).toBe('-1x');
  });
});

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1536, '1.5 KB'],
    [256 * 1024 * 1024, '256 MB'],
  ])('%i → %s', (bytes, expected) => {
    expect(formatBytes(bytes, 'en')).toBe(expected);
  });
});
