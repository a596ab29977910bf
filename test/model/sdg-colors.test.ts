import { describe, expect, it } from 'vitest';
import { goalOfCode, SDG_COLORS } from '@/model/sdg-colors';

describe('SDG goal colours', () => {
  it('has the 17 official colours (Goal 11 is #FD9D24)', () => {
    expect(Object.keys(SDG_COLORS)).toHaveLength(17);
    expect(SDG_COLORS[11]).toBe('#FD9D24');
  });
  it.each([
    ['11.6', 11],
    ['11.6.2', 11],
    ['1.5.1', 1],
    ['17.17.1', 17],
    ['AMM-1', undefined],
    ['18.1', undefined],
    ['', undefined],
  ])('goalOfCode(%j) → %j', (code, goal) => {
    expect(goalOfCode(code)).toBe(goal);
  });
});
