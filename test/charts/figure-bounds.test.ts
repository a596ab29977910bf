import { Resvg } from '@resvg/resvg-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildIndicatorChartOption } from '@/charts/build-indicator-option';
import { estimateLines, fitLines, legendRows } from '@/charts/chart-text';
import { type FigureInput, frameTextWidth, renderFigureSvg, wrapText } from '@/charts/figure';

/** A measure of 10 px a character that counts the characters it was asked to measure (the work done). */
function countingMeasure() {
  const counter = { chars: 0, calls: 0 };
  const measure = (s: string) => {
    counter.calls++;
    counter.chars += s.length;
    return s.length * 10;
  };
  return { counter, measure };
}

describe('wrapText(text, width, measure, maxLines)', () => {
  const measure = (s: string) => s.length * 10;
  it.each([
    ['one two three four', 80, 2, ['one two', 'three…']],
    ['one two', 80, 1, ['one two']],
    ['one two three', 80, 1, ['one two…']],
    ['abcdefghijklmnop', 50, 2, ['abcde', 'fghi…']],
    ['abcdefghij', 50, 2, ['abcde', 'fghij']],
    ['abcdefghijk', 50, 2, ['abcde', 'fghi…']],
  ] as const)('wrapText(%j, %i, 10 px a letter, %i lines) is %j', (text, width, maxLines, lines) => {
    expect(wrapText(text, width, measure, maxLines)).toEqual(lines);
  });

  it('cuts a word of 9,000 characters measuring each character about once (was: every prefix, again and again)', () => {
    const { counter, measure: m } = countingMeasure();
    const lines = wrapText('x'.repeat(9000), 500, m);
    expect(lines).toHaveLength(180);
    expect(lines.every((l) => l.length === 50)).toBe(true);
    expect(counter.chars).toBeLessThan(3 * 9000);
  });

  it('stops at maxLines: a 100,000-character text shown in 4 lines costs about 4 lines of measuring', () => {
    const { counter, measure: m } = countingMeasure();
    const lines = wrapText(Array.from({ length: 20_000 }, () => 'word').join(' '), 500, m, 4);
    expect(lines).toHaveLength(4);
    expect(lines[3]?.endsWith('…')).toBe(true);
    expect(counter.chars).toBeLessThan(20_000);
  });

  it('property: work linear in the text, every line within the width, at most maxLines lines', () => {
    const word = fc.oneof(fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom('a', 'W', 'ي', '1') }), fc.string({ minLength: 200, maxLength: 3000, unit: fc.constantFrom('x', 'ع') }));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), fc.integer({ min: 40, max: 800 }), fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }), (words, width, maxLines) => {
        const text = words.join(' ');
        const { counter, measure: m } = countingMeasure();
        const lines = wrapText(text, width, m, maxLines);
        // Each character is measured a bounded number of times: in candidates of its line, once alone, once more at the ellipsis.
        const perLine = Math.ceil(width / 10) + 1;
        expect(counter.chars).toBeLessThanOrEqual(4 * text.length + 4 * perLine * perLine);
        for (const l of lines) expect(m(l)).toBeLessThanOrEqual(width);
        if (maxLines !== undefined) expect(lines.length).toBeLessThanOrEqual(maxLines);
      }),
      { numRuns: 200 },
    );
  });
});

describe('chart text helpers take time linear in the text', () => {
  it('property: estimateLines and legendRows measure each label once', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 5000 }), { maxLength: 40 }), fc.integer({ min: 100, max: 1200 }), (names, width) => {
        const { counter, measure: m } = countingMeasure();
        const rows = legendRows(names, width, (s) => m(s));
        expect(rows.flat()).toEqual(names);
        const lines = estimateLines(names.join(' '), width, 14, (s) => m(s));
        expect(lines).toBeLessThanOrEqual(6);
        const total = names.reduce((n, s) => n + s.length, 0);
        expect(counter.chars).toBeLessThanOrEqual(2 * total + names.length);
      }),
      { numRuns: 100 },
    );
  });
});

describe('fitLines(text, width, fontSize, measure, maxLines): on-screen chart titles', () => {
  it('keeps a title that fits, cuts a longer one with "…" to the lines the layout plans', () => {
    expect(fitLines('11.6.2 Fine particulate matter', 576, 15)).toBe('11.6.2 Fine particulate matter');
    const city = `Amman${'x'.repeat(8995)}`;
    const fitted = fitLines(`11.6.2 — ${city}`, 576, 15);
    expect(fitted.endsWith('…')).toBe(true);
    expect(fitted.length).toBeLessThan(600);
    expect(estimateLines(fitted, 576, 15)).toBeLessThanOrEqual(6);
  });

  it('property: a few measures at most, and the result within maxLines by estimateLines', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30_000 }), fc.integer({ min: 100, max: 1200 }), fc.integer({ min: 1, max: 6 }), (text, width, maxLines) => {
        const { counter, measure: m } = countingMeasure();
        const fitted = fitLines(text, width, 14, (s) => m(s), maxLines);
        expect(counter.calls).toBeLessThanOrEqual(14);
        expect(Math.ceil((fitted.length * 10 * 1.12) / Math.max(60, width))).toBeLessThanOrEqual(maxLines);
      }),
      { numRuns: 200 },
    );
  });

  it('buildIndicatorChartOption draws a 9,000-character title as a few lines, ending in "…"', () => {
    const option = buildIndicatorChartOption({
      lang: 'en', dir: 'ltr', digits: 'latn', title: `11.6.2 — Amman${'x'.repeat(8995)}`, unit: '%',
      series: [{ name: 'City', highlighted: true, points: [{ year: 2015, value: 20 }] }], description: '', width: 600, animate: false,
    });
    const title = (option.title as { text: string }[] | { text: string } | undefined);
    const text = Array.isArray(title) ? (title[0]?.text ?? '') : (title?.text ?? '');
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThan(600);
  });
});

describe('renderFigureSvg: long texts never make a tall figure', () => {
  const option = buildIndicatorChartOption({
    lang: 'en',
    dir: 'ltr',
    digits: 'latn',
    title: '',
    unit: '%',
    series: [{ name: 'City', highlighted: true, points: [{ year: 2015, value: 20 }, { year: 2020, value: 12.5 }] }],
    description: '',
    width: 600,
    animate: false,
  });
  const figure = (text: FigureInput['text']) => renderFigureSvg({ lang: 'en', dir: 'ltr', width: 600, chartHeight: 300, option, text });
  const frameTexts = (svg: string) => [...svg.slice(0, svg.indexOf('<svg x=')).matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');

  it('a city name of 9,000 characters: title at most 5 lines, subtitle 3, each ending in "…" (was 3,523 px tall)', () => {
    const city = `Amman${'x'.repeat(8995)}`;
    const { svg, height } = figure({ title: `11.6.2 ${city}`, subtitle: `${city} · %`, footer: ['Method: Open SDG.'] });
    const texts = frameTexts(svg);
    expect(texts).toHaveLength(5 + 3 + 1);
    expect(texts[4]?.endsWith('…')).toBe(true);
    expect(texts[7]?.endsWith('…')).toBe(true);
    expect(height).toBeLessThan(650);
  });

  it('a footer listing sources of 100,000 characters: 4 lines for it (was 28,806 px tall), the other footer lines kept', () => {
    const sources = Array.from({ length: 1000 }, (_, i) => `Survey ${i} of the municipality, table ${i}`).join('; ');
    const { svg, height } = figure({ title: 'T', subtitle: '', footer: [`Data: ${sources}.`, 'Method: Open SDG.', 'Computed on 1 January 2026.'] });
    const texts = frameTexts(svg);
    expect(texts.slice(1, 5).every((t) => frameTextWidth(t, 11) <= 600 - 32)).toBe(true);
    expect(texts[4]?.endsWith('…')).toBe(true);
    expect(texts.slice(5)).toEqual(['Method: Open SDG.', 'Computed on 1 January 2026.']);
    expect(height).toBeLessThan(560);
  });

  it('at most 8 footer entries', () => {
    const { svg } = figure({ title: 'T', subtitle: '', footer: Array.from({ length: 50 }, (_, i) => `Line ${i}.`) });
    expect(frameTexts(svg)).toHaveLength(1 + 8);
  });
});

describe('renderFigureSvg on hostile text (property)', () => {
  const option = buildIndicatorChartOption({
    lang: 'ar',
    dir: 'rtl',
    digits: 'arab',
    title: '',
    unit: '%',
    series: [{ name: 'مدينة', highlighted: true, points: [{ year: 2015, value: 20 }, { year: 2020, value: 12.5 }] }],
    description: '',
    width: 800,
    animate: false,
  });
  const longText = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.tuple(fc.constantFrom('x', 'ع', 'word ', 'الحي ', '\u202e', '<&>'), fc.integer({ min: 1000, max: 20_000 })).map(([s, n]) => s.repeat(Math.ceil(n / s.length))),
  );
  it('the figure stays within a bounded height whatever the title, subtitle and footer', () => {
    fc.assert(
      fc.property(longText, longText, fc.array(longText, { maxLength: 20 }), fc.constantFrom<'ltr' | 'rtl'>('ltr', 'rtl'), (title, subtitle, footer, dir) => {
        const { height, svg } = renderFigureSvg({ lang: 'ar', dir, width: 800, chartHeight: 400, option, text: { title, subtitle, footer } });
        // Title 5 lines of 24 px, subtitle 3 of 18, footer 8 entries of 4 lines of 15, margins.
        expect(height).toBeLessThanOrEqual(400 + 5 * 24 + 3 * 18 + 8 * 4 * 15 + 60);
        expect(svg.length).toBeLessThan(200_000);
      }),
      { numRuns: 25, seed: 16 },
    );
  });
});

describe('a city name of 9,000 characters in the legend', () => {
  it.each(['ltr', 'rtl'] as const)('%s: cut with "…" inside the figure, and the PNG renders (resvg panicked on an item laid out 61,579 px away)', (dir) => {
    const name = `Amman${'x'.repeat(8995)}`;
    const option = buildIndicatorChartOption({
      lang: dir === 'rtl' ? 'ar' : 'en', dir, digits: 'latn', title: '', unit: '%',
      series: [{ name, highlighted: true, points: [{ year: 2015, value: 20 }, { year: 2020, value: 12.5 }] }], description: '', width: 800, animate: false,
    });
    const { svg } = renderFigureSvg({ lang: 'en', dir, width: 800, chartHeight: 400, option, text: { title: 'T', subtitle: '', footer: [] } });
    const xs = [...svg.matchAll(/translate\((-?[\d.]+)[ ,]/g)].map((m) => Number(m[1]));
    expect(Math.max(...xs)).toBeLessThan(900);
    expect(svg).not.toContain('x'.repeat(2000));
    const png = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 } }).render();
    expect(png.width).toBe(1600);
  });
});
