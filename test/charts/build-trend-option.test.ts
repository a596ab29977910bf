import { afterEach, describe, expect, it } from 'vitest';
import { buildTrendOption, type TrendInput, valueRange } from '@/charts/build-trend-option';
import { echarts } from '@/charts/echarts-core';

const input: TrendInput = {
  title: 'Annual mean PM2.5 (11.6.2)',
  subtitle: 'Wadi Noor · µg/m³',
  seriesName: 'Wadi Noor',
  points: [
    { year: 2015, value: 38.2 },
    { year: 2016, value: 36.9 },
    { year: 2018, value: 35.1 },
    { year: 2019, value: Number.NaN },
  ],
  target: { value: 5, label: 'Target 2030: 5' },
  unit: 'µg/m³',
  description: 'PM2.5 in Wadi Noor, 2015 to 2018.',
  formatValue: (v) => v.toFixed(1),
  animate: false,
};

const charts: Array<{ dispose(): void }> = [];
afterEach(() => {
  for (const c of charts.splice(0)) c.dispose();
});

function renderSvg(option: ReturnType<typeof buildTrendOption>): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 400 });
  charts.push(chart);
  chart.setOption(option);
  return chart.renderToSVGString();
}

describe('buildTrendOption(input, direction)', () => {
  it('renders the title, the years and the dashed target line', () => {
    const svg = renderSvg(buildTrendOption(input, 'ltr'));
    expect(svg).toContain('Annual mean PM2.5 (11.6.2)');
    for (const year of ['2015', '2016', '2018']) expect(svg).toContain(`>${year}<`);
    expect(svg).toContain('Target 2030: 5');
    expect(svg).toMatch(/stroke-dasharray/);
    expect(buildTrendOption(input, 'ltr').aria).toMatchObject({ enabled: true, label: { description: 'PM2.5 in Wadi Noor, 2015 to 2018.' } });
  });

  it('leaves out non-finite values', () => {
    const option = buildTrendOption(input, 'ltr');
    const series = Array.isArray(option.series) ? option.series[0] : option.series;
    expect(series?.data).toEqual([
      [2015, 38.2],
      [2016, 36.9],
      [2018, 35.1],
    ]);
  });

  it('has no target line without a target', () => {
    const svg = renderSvg(buildTrendOption({ ...input, target: null }, 'ltr'));
    expect(svg).not.toContain('Target 2030');
    expect(svg).not.toMatch(/stroke-dasharray/);
  });

  it('mirrors for right-to-left: years inverted, value axis on the right', () => {
    const option = buildTrendOption(input, 'rtl');
    expect(option.xAxis).toMatchObject({ inverse: true });
    expect(option.yAxis).toMatchObject({ position: 'right' });
    expect(option.title).toMatchObject({ left: 'right' });
    const svg = renderSvg(option);
    expect(svg).toContain('2015');
  });

  it('draws a hostile city name as escaped text only', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const svg = renderSvg(buildTrendOption({ ...input, seriesName: hostile, subtitle: `${hostile} · %`, title: `{a}${hostile}` }, 'ltr'));
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('renders an empty series without throwing', () => {
    expect(() => renderSvg(buildTrendOption({ ...input, points: [] }, 'ltr'))).not.toThrow();
  });

  it('uses no HTML tooltip formatter', () => {
    const option = buildTrendOption(input, 'ltr');
    expect(option.tooltip).not.toHaveProperty('formatter');
  });
});

describe('valueRange(values)', () => {
  it.each([
    [[38.2, 36.9, 35.1, 5], { min: 0, max: 40, interval: 10 }],
    [[4.2, 18.4, 5], { min: 0, max: 20, interval: 5 }],
    [[0.41, 0.47], { min: 0.4, max: 0.48, interval: 0.02 }],
    [[-3, 12], { min: -5, max: 15, interval: 5 }],
    [[50, 50], { min: 44, max: 56, interval: 2 }],
    [[0], { min: 0, max: 1, interval: 0.5 }],
    [[], {}],
    [[NaN], {}],
  ])('valueRange(%j) → %j', (values, expected) => {
    expect(valueRange(values)).toEqual(expected);
  });

  it('always contains the values', () => {
    for (const values of [[1, 2, 3], [1e6, 1.5e6], [0.001, 0.0013], [-50, -10]]) {
      const r = valueRange(values);
      for (const v of values) {
        expect(r.min).toBeLessThanOrEqual(v);
        expect(r.max).toBeGreaterThanOrEqual(v);
      }
    }
  });
});
