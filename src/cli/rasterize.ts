import { Resvg } from '@resvg/resvg-js';
import { echarts } from '@/charts/echarts-core';
import { frameTextWidth } from '@/charts/figure';

/**
 * SVG figures as PNG in Node (the CLI's `figures --format png`), with resvg: a maintained Rust
 * rasteriser installed from npm, no browser. The PNG is `scale` × the SVG's size exactly, on white,
 * drawn with the system fonts (Noto Sans, Noto Sans Arabic shape Arabic).
 *
 * Known resvg 2.6 limitation, checked by eye: text with Arabic comes out in a bold face (resvg fills the
 * glyphs the first family lacks from whichever installed font has them, whatever its weight). Loading
 * only Noto Sans and Noto Sans Arabic, or giving Arabic runs their own <tspan>, was worse: some mixed
 * Arabic–Latin lines came out as empty boxes or not at all. The SVG itself is unaffected (browsers and
 * editors pick fonts per character).
 */
export function svgToPngNode(svg: string, scale: 2 | 3): { png: Uint8Array; width: number; height: number } {
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans', sansSerifFamily: 'Noto Sans' },
    shapeRendering: 2,
    textRendering: 1,
  });
  const image = resvg.render();
  return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height };
}

/**
 * Server-side ECharts measures text without a canvas by counting a full em for every non-ASCII letter,
 * so Arabic legends spread out and Arabic axis labels are cut short. In Node (never in the browser, where
 * ECharts measures with the canvas) this gives it the figure frame's estimate instead, which is close
 * to what Noto Sans and Noto Sans Arabic draw.
 */
export function installNodeTextMeasure(): void {
  echarts.setPlatformAPI({
    measureText: (text: string, font?: string) => {
      const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
      const bold = /\b(bold|bolder|[6-9]00)\b/.test(font ?? '');
      return { width: frameTextWidth(text, size) * (bold ? 1.08 : 1) };
    },
  });
}
