import { CHART_FONT, type MeasureText } from './chart-text';

let context: CanvasRenderingContext2D | null | undefined;
let lastFont = '';

/**
 * A text measurer backed by a canvas, for planning chart layout in the browser (legend rows, title
 * lines) with the widths the browser will really draw, plus 8 % for safety. Undefined outside a
 * browser (server-side rendering falls back to the builders' cautious estimate).
 */
export function canvasMeasureText(): MeasureText | undefined {
  if (typeof document === 'undefined') return undefined;
  if (context === undefined) context = document.createElement('canvas').getContext('2d');
  const ctx = context;
  if (ctx === null) return undefined;
  return (text, fontSize) => {
    // Setting a font parses it, even the same one: only when it changes.
    const font = `${fontSize}px ${CHART_FONT}`;
    if (font !== lastFont) ctx.font = lastFont = font;
    return Math.ceil(ctx.measureText(text).width * 1.08);
  };
}
