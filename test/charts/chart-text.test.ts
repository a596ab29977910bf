import { describe, expect, it } from 'vitest';
import { estimateTextWidth, wrapLines } from '@/charts/chart-text';

/** 10 px per character: easy widths to reason about. */
const tenPx = (s: string) => s.length * 10;

describe('wrapLines', () => {
  it('keeps a title that fits on one line', () => {
    expect(wrapLines('11.6.2 — Wadi Noor', 400, 15, tenPx)).toEqual(['11.6.2 — Wadi Noor']);
    expect(wrapLines('', 400, 15, tenPx)).toEqual([]);
  });
  it('breaks at spaces so that each line fits with the 12 % margin', () => {
    const lines = wrapLines('Annual mean levels of fine particulate matter in cities', 200, 15, tenPx);
    expect(lines.join(' ')).toBe('Annual mean levels of fine particulate matter in cities');
    for (const l of lines) expect(tenPx(l) * 1.12).toBeLessThanOrEqual(200);
    expect(lines.length).toBeGreaterThan(1);
  });
  it('gives a word wider than the width a line of its own (the chart breaks it)', () => {
    const long = 'x'.repeat(40);
    expect(wrapLines(`see ${long} here`, 100, 15, tenPx)).toEqual(['see', long, 'here']);
  });
  it('wraps right-to-left text at its spaces too', () => {
    const lines = wrapLines('نسبة السكان الذين يعيشون في أحياء فقيرة', 120, 15, tenPx);
    expect(lines.join(' ')).toBe('نسبة السكان الذين يعيشون في أحياء فقيرة');
    expect(lines.length).toBeGreaterThan(2);
  });
  it('cuts a very long title with "…" to at most six lines of the estimate', () => {
    const lines = wrapLines('word '.repeat(2000).trim(), 300, 15, estimateTextWidth);
    expect(lines.length).toBeLessThanOrEqual(6);
    expect(lines.at(-1)?.endsWith('…')).toBe(true);
  });
});
