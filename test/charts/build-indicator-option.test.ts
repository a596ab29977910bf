import { afterEach, describe, expect, it } from 'vitest';
import { buildIndicatorChartOption, COMPARISON_STYLES, HIGHLIGHT_COLOR, type IndicatorChartInput, indicatorTooltipHtml, readTooltipParams, type SeriesRole, yearInterval } from '@/charts/build-indicator-option';
import { echarts } from '@/charts/echarts-core';

const HOSTILE = '<img src=x onerror=alert(1)>';

const input: IndicatorChartInput = {
  lang: 'en',
  dir: 'ltr',
  digits: 'latn',
  title: '11.6.2 — Wadi Noor',
  subtitle: 'Total',
  unit: 'µg/m³',
  series: [
    {
      name: 'Wadi Noor',
      highlighted: true,
      points: [
        { year: 2015, value: 12.7 },
        { year: 2016, value: 11.9 },
        { year: 2020, value: 8.25 },
        { year: 2022, value: Number.NaN },
        { year: 2024, value: 4.4 },
      ],
    },
    { name: 'Tal Sanawbar', highlighted: false, points: [{ year: 2015, value: 22.8 }, { year: 2024, value: 22.2 }] },
  ],
  target: { value: 5, year: 2030, label: 'Target 2030: 5' },
  baseline: { year: 2015, value: 12.7, label: 'Baseline 2015' },
  projection: { from: { year: 2024, value: 4.4 }, to: { year: 2030, value: 2.17 }, label: 'Projection to 2030' },
  decimals: 1,
  description: 'PM2.5 in Wadi Noor, 2015 to 2024.',
  width: 600,
  animate: false,
};

const charts: Array<{ dispose(): void }> = [];
afterEach(() => {
  for (const c of charts.splice(0)) c.dispose();
});

function renderSvg(option: ReturnType<typeof buildIndicatorChartOption>, width = 600, height = 420): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  charts.push(chart);
  chart.setOption(option);
  return chart.renderToSVGString();
}

function seriesList(option: ReturnType<typeof buildIndicatorChartOption>) {
  return Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
}

describe('buildIndicatorChartOption(input)', () => {
  it('draws the cities, the projection, the baseline ring and the target, named in the legend', () => {
    const option = buildIndicatorChartOption(input);
    const series = seriesList(option);
    expect(series.map((s) => [s.type, s.name])).toEqual([
      ['line', 'Tal Sanawbar'],
      ['line', 'Wadi Noor'],
      ['line', 'Projection to 2030'],
      ['scatter', 'Baseline 2015'],
      ['line', 'Target 2030: 5'],
    ]);
    const svg = renderSvg(option);
    for (const label of ['11.6.2 — Wadi Noor', 'Wadi Noor', 'Tal Sanawbar', 'Projection to 2030', 'Baseline 2015', 'Target 2030: 5', 'µg/m³'])
      expect(svg).toContain(label);
    for (const year of ['2016', '2020', '2030']) expect(svg).toContain(`>${year}<`);
    // The projection and the target are dashed.
    expect(svg).toMatch(/stroke-dasharray/);
  });

  it('highlights the selected city and gives comparison lines their own colour and symbol', () => {
    const series = seriesList(buildIndicatorChartOption(input));
    const wadi = series.find((s) => s.name === 'Wadi Noor');
    const tal = series.find((s) => s.name === 'Tal Sanawbar');
    expect(wadi).toMatchObject({ lineStyle: { width: 3, color: HIGHLIGHT_COLOR }, symbol: 'circle' });
    expect(tal).toMatchObject({ lineStyle: { color: COMPARISON_STYLES[0]?.color }, symbol: COMPARISON_STYLES[0]?.symbol });
  });

  it('leaves out non-finite values and runs the years on a round step up to the target year', () => {
    const option = buildIndicatorChartOption(input);
    const wadi = seriesList(option).find((s) => s.name === 'Wadi Noor');
    expect(wadi?.data).toEqual([
      [2015, 12.7],
      [2016, 11.9],
      [2020, 8.25],
      [2024, 4.4],
    ]);
    // 600 px: a label every 2 years, from 2014 (the step before 2015) to 2030.
    expect(option.xAxis).toMatchObject({ min: 2014, max: 2030, interval: 2, inverse: false });
    expect(buildIndicatorChartOption({ ...input, width: 1400 }).xAxis).toMatchObject({ min: 2015, max: 2030, interval: 1 });
    expect(buildIndicatorChartOption({ ...input, width: 360 }).xAxis).toMatchObject({ min: 2015, max: 2030, interval: 5 });
  });

  it('draws a monthly series over time (each month within its year), the tooltip headed by the period as written', () => {
    const months = [1, 2, 3, 12].map((m) => ({ year: 2020, value: 10 + m, x: 2020 + (m - 1) / 12, period: `2020 ${String(m).padStart(2, '0')}` }));
    const option = buildIndicatorChartOption({ ...input, series: [{ name: 'Wadi Noor', highlighted: true, points: [...months, { year: 2021, value: 30, x: 2021, period: '2021 01' }] }], baseline: { year: 2020, value: 22, label: 'Base' }, projection: null, target: null });
    const wadi = seriesList(option).find((s) => s.name === 'Wadi Noor');
    expect(wadi?.data).toEqual([
      [2020, 11, '2020 01'],
      [2020 + 1 / 12, 12, '2020 02'],
      [2020 + 2 / 12, 13, '2020 03'],
      [2020 + 11 / 12, 22, '2020 12'],
      [2021, 30, '2021 01'],
    ]);
    // The base point (the year's last value, as progress uses it) is ringed where the line has it: December.
    expect(seriesList(option).find((s) => s.name === 'Base')?.data).toEqual([[2020 + 11 / 12, 22]]);
    const roles = [{ kind: 'city' as const, name: 'Wadi Noor', color: '#0f4c75', highlighted: true }];
    const html = indicatorTooltipHtml([{ seriesIndex: 0, value: [2020 + 2 / 12, 13, '2020 03'], axisValue: 2020 + 2 / 12 }], roles, { lang: 'en', digits: 'latn', dir: 'ltr' });
    expect(html).toContain('<div class="chart-tip-head">2020 03</div>');
    expect(html).toContain('13');
  });

  it('keeps the target, the baseline and the projection inside the value range', () => {
    const option = buildIndicatorChartOption({ ...input, projection: { from: { year: 2024, value: 4.4 }, to: { year: 2030, value: -1.1 }, label: 'p' } });
    expect(option.yAxis).toMatchObject({ min: -5, max: 25 });
  });

  it('has no projection when it does not go forward in time, nor a target or baseline when absent', () => {
    const option = buildIndicatorChartOption({ ...input, target: null, baseline: null, projection: { from: { year: 2024, value: 4.4 }, to: { year: 2024, value: 4.4 }, label: 'p' } });
    expect(seriesList(option).map((s) => s.name)).toEqual(['Tal Sanawbar', 'Wadi Noor']);
    expect(option.xAxis).toMatchObject({ max: 2024 });
    const svg = renderSvg(option);
    expect(svg).not.toContain('Target');
  });

  it('mirrors for right-to-left: years right to left, value axis and legend on the right, labels isolated', () => {
    const option = buildIndicatorChartOption({ ...input, lang: 'ar', dir: 'rtl', title: '11.6.2 — وادي النور', series: [{ name: 'وادي النور', highlighted: true, points: input.series[0]?.points ?? [] }] });
    expect(option.xAxis).toMatchObject({ inverse: true });
    expect(option.yAxis).toMatchObject({ position: 'right' });
    expect(option.title).toMatchObject({ left: 'right', text: '\u206711.6.2 — وادي النور\u2069' });
    const legends = Array.isArray(option.legend) ? option.legend : [];
    expect(legends.length).toBeGreaterThan(0);
    for (const l of legends) expect(l).toMatchObject({ right: 10, align: 'right' });
    // Each legend row lists its items right to left: the city comes last in the row's data.
    const firstRow = legends[0]?.data ?? [];
    expect(firstRow.at(-1)).toBe('\u2067وادي النور\u2069');
    const svg = renderSvg(option);
    expect(svg).toContain('وادي النور');
  });

  it('writes axis numbers and years in Arabic-Indic digits when asked', () => {
    const option = buildIndicatorChartOption({ ...input, lang: 'ar', dir: 'rtl', digits: 'arab' });
    const svg = renderSvg(option);
    expect(svg).toContain('>٢٠١٦<');
    expect(svg).toContain('>٢٠٣٠<');
    expect(svg).toMatch(/>[٠-٩]+</);
    expect(svg).not.toContain('>2016<');
  });

  it('formats French axis values with a decimal comma', () => {
    const svg = renderSvg(buildIndicatorChartOption({ ...input, lang: 'fr', series: [{ name: 'x', highlighted: true, points: [{ year: 2015, value: 0.41 }, { year: 2016, value: 0.47 }] }], target: null, baseline: null, projection: null }));
    expect(svg).toContain('>0,42<');
  });

  it('composes the aria description and enables aria', () => {
    expect(buildIndicatorChartOption(input).aria).toEqual({ enabled: true, label: { enabled: true, description: 'PM2.5 in Wadi Noor, 2015 to 2024.' } });
  });

  it('splits a long legend into several rows at 390 px, each row its own legend', () => {
    const many = Array.from({ length: 8 }, (_, i) => ({ name: `Comparison city ${i + 1}`, highlighted: i === 0, points: [{ year: 2015, value: i }] }));
    const option = buildIndicatorChartOption({ ...input, series: many, width: 390 });
    const legends = Array.isArray(option.legend) ? option.legend : [];
    expect(legends.length).toBeGreaterThan(2);
    const names = legends.flatMap((l) => l.data ?? []);
    expect(names).toHaveLength(11);
    expect(() => renderSvg(option, 390, 520)).not.toThrow();
  });

  it('draws hostile names as text only', () => {
    const svg = renderSvg(buildIndicatorChartOption({ ...input, title: `{a}${HOSTILE}`, subtitle: HOSTILE, unit: HOSTILE, series: [{ name: HOSTILE, highlighted: true, points: [{ year: 2015, value: 1 }] }] }));
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it.each([
    ['no series', []],
    ['an empty series', [{ name: 'x', highlighted: true, points: [] }]],
    ['one point', [{ name: 'x', highlighted: true, points: [{ year: 2020, value: 3 }] }]],
    ['only NaN', [{ name: 'x', highlighted: true, points: [{ year: 2020, value: Number.NaN }] }]],
  ])('renders %s without throwing', (_, series) => {
    expect(() => renderSvg(buildIndicatorChartOption({ ...input, series, baseline: null, projection: null }))).not.toThrow();
  });
});

describe('yearInterval(span, plotWidth)', () => {
  it.each([
    [15, 1300, 1],
    [15, 510, 2],
    [15, 270, 5],
    [20, 270, 5],
    [40, 270, 10],
    [0, 300, 1],
    [15, 0, 20],
  ])('yearInterval(%i, %i) → %i', (span, width, step) => {
    expect(yearInterval(span, width)).toBe(step);
  });
});

describe('the indicator tooltip', () => {
  const roles: SeriesRole[] = [
    { kind: 'city', name: HOSTILE, color: '#1f5f8b' },
    { kind: 'projection', name: 'Projection to 2030', color: '#1f5f8b', skipYear: 2024 },
    { kind: 'baseline', name: 'Baseline <b>2015</b>', color: '#1d2733' },
    { kind: 'target', name: 'Target 2030: 5', color: 'red;background:url(x)', skipYear: 2015 },
  ];
  const opts = { lang: 'en', digits: 'latn', dir: 'ltr', decimals: 1 } as const;

  it('escapes every name: an <img onerror> city name stays text', () => {
    const html = indicatorTooltipHtml([{ seriesIndex: 0, value: [2015, 12.7], axisValue: 2015 }, { seriesIndex: 2, value: [2015, 12.7] }], roles, opts);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Baseline &lt;b&gt;2015&lt;/b&gt;');
    expect(html).toContain('12.7');
    expect(html).toMatch(/^<div class="chart-tip" dir="ltr"><div class="chart-tip-head">2015<\/div>/);
  });

  it('shows only the points of the hovered year and skips helper points', () => {
    const html = indicatorTooltipHtml(
      [
        { seriesIndex: 0, value: [2024, 4.4], axisValue: 2024 },
        { seriesIndex: 1, value: [2024, 4.4] },
        { seriesIndex: 3, value: [2015, 5] },
      ],
      roles,
      opts,
    );
    expect(html).not.toContain('Projection');
    expect(html).not.toContain('Target');
    expect(html.match(/chart-tip-row/g)).toHaveLength(1);
    const end = indicatorTooltipHtml([{ seriesIndex: 1, value: [2030, 2.17], axisValue: 2030 }, { seriesIndex: 3, value: [2030, 5] }], roles, opts);
    expect(end).toContain('Projection to 2030');
    expect(end).toContain('2.2');
    expect(end).toContain('Target 2030: 5');
  });

  it("lists the page's city first", () => {
    const withCities: SeriesRole[] = [{ kind: 'city', name: 'Other', color: '#7b3294' }, { kind: 'city', name: 'Mine', color: '#1f5f8b', highlighted: true }];
    const html = indicatorTooltipHtml([{ seriesIndex: 0, value: [2015, 1], axisValue: 2015 }, { seriesIndex: 1, value: [2015, 2] }], withCities, opts);
    expect(html.indexOf('Mine')).toBeLessThan(html.indexOf('Other'));
  });

  it('never writes a colour that is not one of our hex codes', () => {
    const html = indicatorTooltipHtml([{ seriesIndex: 3, value: [2030, 5], axisValue: 2030 }], roles, opts);
    expect(html).not.toContain('url(');
    expect(html).toContain('background:#4a5563');
  });

  it('writes right-to-left tooltips with dir="rtl" and localised digits', () => {
    const html = indicatorTooltipHtml([{ seriesIndex: 0, value: [2015, 12.7], axisValue: 2015 }], roles, { lang: 'ar', digits: 'arab', dir: 'rtl', decimals: 1 });
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('٢٠١٥');
    expect(html).toContain('١٢٫٧');
  });

  it('is empty for nothing to show', () => {
    expect(indicatorTooltipHtml([], roles, opts)).toBe('');
    expect(indicatorTooltipHtml([{ seriesIndex: 9, value: [2015, 1], axisValue: 2015 }], roles, opts)).toBe('');
  });

  it('reads ECharts parameters defensively', () => {
    expect(readTooltipParams(null)).toEqual([]);
    expect(readTooltipParams({ seriesIndex: 1, value: [1, 2] })).toEqual([{ seriesIndex: 1, value: [1, 2], axisValue: undefined }]);
    expect(readTooltipParams([{ value: 1 }, 'x', { seriesIndex: 0, value: [1, 2], axisValue: 2015 }])).toEqual([{ seriesIndex: 0, value: [1, 2], axisValue: 2015 }]);
  });

  it('is what the option uses (a function formatter built on escaped text)', () => {
    const option = buildIndicatorChartOption({ ...input, series: [{ name: HOSTILE, highlighted: true, points: [{ year: 2015, value: 1 }] }] });
    const tooltip = Array.isArray(option.tooltip) ? option.tooltip[0] : option.tooltip;
    const formatter = tooltip?.formatter;
    expect(typeof formatter).toBe('function');
    if (typeof formatter !== 'function') return;
    const html = formatter([{ seriesIndex: 0, value: [2015, 1], axisValue: 2015 }] as never, '', () => undefined);
    expect(String(html)).toContain('&lt;img');
    expect(String(html)).not.toContain('<img');
  });
});
