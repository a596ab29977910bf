/**
 * The official colours of the 17 Sustainable Development Goals (UN SDG communications guidelines),
 * used only where a colour means a goal (never for a status). Text is never written on them: they mark
 * a goal next to its number and name.
 */
export const SDG_COLORS: Readonly<Record<number, string>> = {
  1: '#E5243B', 2: '#DDA63A', 3: '#4C9F38', 4: '#C5192D', 5: '#FF3A21', 6: '#26BDE2', 7: '#FCC30B', 8: '#A21942', 9: '#FD6925',
  10: '#DD1367', 11: '#FD9D24', 12: '#BF8B2E', 13: '#3F7E44', 14: '#0A97D9', 15: '#56C02B', 16: '#00689D', 17: '#19486A',
};

/** The goal of a target or indicator code (`11.6` → 11), or undefined for local codes. */
export function goalOfCode(code: string): number | undefined {
  const m = /^(\d{1,2})\./.exec(code);
  const goal = m?.[1] === undefined ? NaN : Number(m[1]);
  return goal >= 1 && goal <= 17 ? goal : undefined;
}
