import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { buildIndicatorChartOption, type IndicatorChartInput } from '@/charts/build-indicator-option';
import { type FigureInput, escapeXml, frameTextWidth, renderFigureSvg, wrapText } from '@/charts/figure';

const chart: IndicatorChartInput = {
  lang: 'en',
  dir: 'ltr',
  digits: 'latn',
  title: '',
  unit: 'µg/m³',
  series: [{ name: 'Wadi Noor', highlighted: true, points: [{ year: 2015, value: 20 }, { year: 2020, value: 12.5 }] }],
  description: 'PM2.5 in Wadi Noor',
  width: 600,
  animate: true,
};

function input(over: Partial<FigureInput> = {}): FigureInput {
  return {
    lang: 'en',
    dir: 'ltr',
    width: 600,
    chartHeight: 360,
    option: buildIndicatorChartOption(chart),
    text: { title: '11.6.2 Fine particulate matter', subtitle: 'Wadi Noor · µg/m³', footer: ['Source: test.csv.', 'Method: Open SDG.', 'Computed on 12 March 2026.'] },
    ...over,
  };
}

/** The frame's own <text> elements (not ECharts'), in order. */
function frameTexts(svg: string): string[] {
  const frame = svg.slice(0, svg.indexOf('<svg x='));
  return [...frame.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');
}

describe('renderFigureSvg(input)', () => {
  it('is one SVG document: size in px, white background, xml:lang, the chart nested below the titles, footer last', () => {
    const { svg, width, height } = renderFigureSvg(input());
    expect(width).toBe(600);
    expect(height).toBeGreaterThan(360 + 80);
    expect(svg).toMatch(new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" [^>]*xml:lang="en" width="600" height="${height}" viewBox="0 0 600 ${height}">`));
    expect(svg).toContain(`<rect x="0" y="0" width="600" height="${height}" fill="#ffffff"/>`);
    expect(svg).toMatch(/<svg x="0" y="\d+" width="600" height="360" viewBox="0 0 600 360">/);
    expect(frameTexts(svg)).toEqual(['11.6.2 Fine particulate matter', 'Wadi Noor · µg/m³', 'Source: test.csv.', 'Method: Open SDG.', 'Computed on 12 March 2026.']);
    // Title and subtitle above the chart, the footer below it.
    const chartTop = Number(/<svg x="0" y="(\d+)"/.exec(svg)?.[1]);
    const ys = [...svg.matchAll(/<text x="\d+" y="(\d+)"/g)].map((m) => Number(m[1]));
    expect(ys.slice(0, 2).every((y) => y < chartTop)).toBe(true);
    expect(ys.slice(2).every((y) => y > chartTop + 360)).toBe(true);
    // The chart's own labels are text too (never paths), and the title block is bold.
    expect(svg).toContain('>Wadi Noor</text>');
    expect(svg).toMatch(/font-size="18" font-weight="bold"/);
  });

  it('leaves out animation, scripts, hover styles and ECharts bookkeeping, and parses as SVG', () => {
    const { svg } = renderFigureSvg(input());
    for (const bad of ['<script', '<style', '@keyframes', 'animation', 'ecmeta_', 'class="zr']) expect(svg).not.toContain(bad);
    // Every coordinate of the frame is a whole pixel.
    for (const m of frameTexts(svg)) expect(m).not.toBe('');
    expect(svg.slice(0, svg.indexOf('<svg x='))).not.toMatch(/(?:x|y|x1|y1|x2|y2)="-?\d+\.\d+"/);
    expect(() => new Resvg(svg, { font: { loadSystemFonts: false } })).not.toThrow();
  });

  it('escapes markup in titles and footers: < & " never open a tag or end an attribute', () => {
    const hostile = '<img src=x onerror="alert(1)"> & "quotes" \u0007';
    const { svg } = renderFigureSvg(input({ text: { title: hostile, subtitle: '</text><script>alert(1)</script>', footer: [`Source: ${hostile}`] } }));
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &quot;quotes&quot;');
    expect(svg).not.toContain('\u0007');
    expect(() => new Resvg(svg, { font: { loadSystemFonts: false } })).not.toThrow();
  });

  it('right-to-left: text anchored on the right edge, each line isolated as right-to-left text', () => {
    const { svg } = renderFigureSvg(input({ lang: 'ar', dir: 'rtl', text: { title: '11.6.2 الجسيمات الدقيقة', subtitle: 'وادي النور', footer: ['المصدر: test.csv.'] } }));
    expect(svg).toContain('xml:lang="ar"');
    const lines = [...svg.slice(0, svg.indexOf('<svg x=')).matchAll(/<text x="(\d+)" [^>]*text-anchor="(\w+)"[^>]*>([^<]*)<\/text>/g)];
    expect(lines.map((m) => [m[1], m[2], m[3]])).toEqual([
      // The code inside is isolated left to right (LRI…PDI): `11.a.1` would otherwise read `a.1.11`.
      ['584', 'end', '\u2067\u206611.6.2\u2069 الجسيمات الدقيقة\u2069'],
      ['584', 'end', '\u2067وادي النور\u2069'],
      ['584', 'end', '\u2067المصدر: test.csv.\u2069'],
    ]);
    // `direction` is not used: renderers disagree on what text-anchor means under it.
    expect(svg).not.toContain('direction=');
  });

  it('right-to-left: a number with its unit is isolated left to right inside the line, even when the wrap cuts it', () => {
    const footer = 'كلمة كلمة 100 %.';
    const rendered = (width: number) => {
      const { svg } = renderFigureSvg(input({ lang: 'ar', dir: 'rtl', width, text: { title: 'عنوان', subtitle: '', footer: [footer] } }));
      return [...svg.slice(svg.indexOf('<line '), svg.indexOf('<svg x=')).matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');
    };
    expect(rendered(600)).toEqual(['\u2067كلمة كلمة \u2066100 %\u2069.\u2069']);
    // Narrow: the line breaks between "100" and "%"; the first line closes the run, the next opens it again.
    expect(rendered(115)).toEqual(['\u2067كلمة كلمة \u2066100\u2069\u2069', '\u2067\u2066%\u2069.\u2069']);
  });

  it('wraps a long title to the width, so the chart moves down', () => {
    const long = 'Proportion of urban population living in slums, informal settlements or inadequate housing, by sex and age group';
    const short = renderFigureSvg(input());
    const wrapped = renderFigureSvg(input({ width: 400, text: { title: long, subtitle: '', footer: [] } }));
    const lines = frameTexts(wrapped.svg);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe(long);
    for (const l of lines) expect(frameTextWidth(l, 18) * 1.08).toBeLessThanOrEqual(400 - 32);
    expect(wrapped.height).toBeGreaterThan(short.height - 60);
  });

  it('is deterministic: the same input gives the same bytes, whatever was drawn before', () => {
    const a = renderFigureSvg(input()).svg;
    renderFigureSvg(input({ width: 700 }));
    expect(renderFigureSvg(input()).svg).toBe(a);
  });

  it('throws for a size that is not positive (a programmer error)', () => {
    expect(() => renderFigureSvg(input({ width: 0 }))).toThrow();
    expect(() => renderFigureSvg(input({ chartHeight: Number.NaN }))).toThrow();
  });

  it('escapes markup in the chart part too (the city report inlines the SVG): city names and units stay text', () => {
    const option = buildIndicatorChartOption({
      lang: 'en',
      dir: 'ltr',
      digits: 'latn',
      title: '',
      unit: '<b>unit</b>',
      series: [{ name: '<img src=x onerror=alert(1)>', highlighted: true, points: [{ year: 2015, value: 1 }, { year: 2016, value: 2 }] }],
      description: '<script>alert(1)</script>',
      width: 800,
      animate: false,
    });
    const { svg } = renderFigureSvg(input({ option }));
    expect(svg).not.toMatch(/<img|<script|<b>/);
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('wrapText(text, width, measure)', () => {
  const measure = (s: string) => s.length * 10;
  it.each([
    ['', 100, []],
    ['   ', 100, []],
    ['one', 100, ['one']],
    ['one two three', 80, ['one two', 'three']],
    ['a  b\n c', 100, ['a b c']],
    ['abcdefghijklmnop', 50, ['abcde', 'fghij', 'klmno', 'p']],
  ])('wrapText(%j, %i) is %j', (text, width, lines) => {
    expect(wrapText(text, width, measure)).toEqual(lines);
  });
});

describe('escapeXml(text)', () => {
  it('escapes the five XML specials and drops characters XML 1.0 forbids', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u001fc\ud800d\t')).toBe('abcd\t');
    expect(escapeXml('😀 وادي')).toBe('😀 وادي');
  });
});
