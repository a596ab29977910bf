import { afterEach, describe, expect, it } from 'vitest';
import { buildDistrictOption, DISTRICT_TONE_STYLE, districtBand, type DistrictBar, type DistrictChartInput, districtChartHeight } from '@/charts/build-district-option';
import { echarts } from '@/charts/echarts-core';

const HOSTILE = '<img src=x onerror=alert(1)>';

const bars: DistrictBar[] = [
  { label: 'Harbourside', value: 20, year: 2021, showYear: true, tone: 'better', comparisonText: 'Better than the city' },
  { label: 'Eastgate', value: 22, year: 2022, showYear: false, tone: 'better', comparisonText: 'Better than the city' },
  { label: 'Old Town', value: 25, year: 2022, showYear: false, tone: 'same', comparisonText: 'Same as the city' },
  { label: 'North End', value: 28, year: 2022, showYear: false, tone: 'worse', comparisonText: 'Worse than the city' },
];

const input: DistrictChartInput = {
  lang: 'en',
  dir: 'ltr',
  digits: 'latn',
  title: 'Latest value by district',
  subtitle: '11.6.2 — Port Ruri',
  bars,
  reference: { value: 25, label: 'Port Ruri: 25.0' },
  legend: { better: 'Better than Port Ruri', same: 'Same as Port Ruri', worse: 'Worse than Port Ruri' },
  decimals: 1,
  description: 'Latest values by district.',
  width: 600,
  animate: false,
};

const charts: Array<{ dispose(): void }> = [];
afterEach(() => {
  for (const c of charts.splice(0)) c.dispose();
});

function renderSvg(option: ReturnType<typeof buildDistrictOption>, width = 600, height = 300): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  charts.push(chart);
  chart.setOption(option);
  return chart.renderToSVGString();
}

function allSeries(option: ReturnType<typeof buildDistrictOption>) {
  return Array.isArray(option.series) ? option.series : option.series === undefined ? [] : [option.series];
}

/** The coloured bars: one series per tone (the reference line and the value labels are series of their own). */
function seriesOf(option: ReturnType<typeof buildDistrictOption>) {
  return allSeries(option).filter((s) => s.id === undefined);
}

function seriesById(option: ReturnType<typeof buildDistrictOption>, id: string) {
  return allSeries(option).find((s) => s.id === id);
}

function tooltipFormatter(option: ReturnType<typeof buildDistrictOption>) {
  const tooltip = Array.isArray(option.tooltip) ? option.tooltip[0] : option.tooltip;
  const formatter = tooltip?.formatter;
  if (typeof formatter !== 'function') throw new Error('no formatter');
  return (params: object) => String(formatter(params as never, '', () => undefined));
}

/** Rendered SVG with long decimals rounded (stable across ECharts/float noise). */
function normalized(svg: string): string {
  return svg.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 10) / 10));
}

describe('buildDistrictOption(input)', () => {
  it('one bar per district in the order given, one series per tone (legend), two colours and two decals, aria decals on', () => {
    const option = buildDistrictOption(input);
    expect(option.aria).toEqual({ enabled: true, label: { enabled: true, description: 'Latest values by district.' }, decal: { show: true } });
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['Harbourside', 'Eastgate', 'Old Town', 'North End'] });
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(['Better than Port Ruri', 'Same as Port Ruri', 'Worse than Port Ruri']);
    // Each district's bar is in exactly one series; the others hold '-' (no bar) at its place.
    expect(series.map((s) => (s.data ?? []).map((d) => (d === '-' ? '-' : 'bar')))).toEqual([
      ['bar', 'bar', '-', '-'],
      ['-', '-', 'bar', '-'],
      ['-', '-', '-', 'bar'],
    ]);
    expect(series[0]?.itemStyle).toMatchObject({ color: DISTRICT_TONE_STYLE.better.color, decal: { symbol: 'circle' } });
    expect(series[2]?.itemStyle).toMatchObject({ color: DISTRICT_TONE_STYLE.worse.color, decal: { symbol: 'rect' } });
    expect(DISTRICT_TONE_STYLE.better.color).not.toBe(DISTRICT_TONE_STYLE.worse.color);
    const svg = renderSvg(option);
    for (const text of ['Harbourside', 'North End', '28.0', '20.0 (2021)', 'Latest value by district', 'Better than Port Ruri', 'Worse than Port Ruri']) expect(svg).toContain(text);
    // The year is said only where it differs from the city's.
    expect(svg).not.toContain('22.0 (2022)');
    expect(svg).toMatch(/<pattern/);
  });

  it('draws the city as a labelled reference line, and none without a city value', () => {
    const option = buildDistrictOption(input);
    const reference = seriesById(option, 'reference');
    // Above the bars, under the value labels.
    const lineZ = (reference?.markLine as { z?: number } | undefined)?.z ?? 5;
    expect(lineZ).toBeGreaterThan(seriesOf(option)[0]?.z ?? 0);
    expect(lineZ).toBeLessThan(seriesById(option, 'values')?.z ?? 0);
    expect(seriesById(option, 'values')).toMatchObject({ silent: true, label: { show: true } });
    const markLine = reference?.markLine;
    expect(markLine).toMatchObject({ data: [{ xAxis: 25 }], label: { show: true, formatter: 'Port Ruri: 25.0' } });
    expect(renderSvg(option)).toContain('Port Ruri: 25.0');
    const none = buildDistrictOption({ ...input, reference: null, bars: bars.map((b) => ({ ...b, tone: 'neutral' as const })), legend: { neutral: 'Districts' } });
    expect(allSeries(none).some((s) => s.markLine !== undefined)).toBe(false);
    expect(seriesOf(none).map((s) => s.name)).toEqual(['Districts']);
    expect(renderSvg(none)).not.toContain('Port Ruri: 25.0');
  });

  it('mirrors for right-to-left: bars grow leftwards, names on the right, legend and title right-aligned, Arabic-Indic digits', () => {
    const ar: DistrictChartInput = {
      ...input,
      lang: 'ar',
      dir: 'rtl',
      digits: 'arab',
      title: 'أحدث قيمة حسب الحي',
      bars: bars.map((b, i) => ({ ...b, label: ['الميناء', 'البوابة الشرقية', 'المدينة القديمة', 'الحي الشمالي'][i] ?? '' })),
      reference: { value: 25, label: 'بورت روري: ٢٥٫٠' },
      legend: { better: 'أفضل من بورت روري', same: 'مماثل لـبورت روري', worse: 'أسوأ من بورت روري' },
    };
    const option = buildDistrictOption(ar);
    expect(option.xAxis).toMatchObject({ inverse: true });
    expect(option.yAxis).toMatchObject({ position: 'right', inverse: true });
    expect(option.title).toMatchObject({ left: 'right' });
    const legend = Array.isArray(option.legend) ? option.legend : [option.legend];
    expect(legend[0]).toMatchObject({ right: 10, align: 'right' });
    expect(seriesById(option, 'values')?.label).toMatchObject({ position: 'left' });
    const svg = renderSvg(option);
    expect(svg).toContain('٢٠٫٠ (٢٠٢١)');
    expect(svg).toContain('الحي الشمالي');
    expect(svg).toContain('بورت روري: ٢٥٫٠');
  });

  it('keeps hostile names as text: escaped in the tooltip, never markup in the SVG', () => {
    const hostile = buildDistrictOption({
      ...input,
      bars: [{ ...bars[0]!, label: HOSTILE, comparisonText: `<b>${HOSTILE}</b>` }],
      reference: { value: 25, label: `${HOSTILE}: 25.0` },
      legend: { better: `Better than ${HOSTILE}` },
    });
    const format = tooltipFormatter(hostile);
    const html = format({ componentType: 'series', dataIndex: 0 });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(format({ componentType: 'markLine', dataIndex: 0 })).toContain('&lt;img src=x onerror=alert(1)&gt;: 25.0');
    expect(format({ componentType: 'series', dataIndex: 9 })).toBe('');
    const svg = renderSvg(hostile);
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('leaves out non-finite values, and renders no districts without throwing', () => {
    const option = buildDistrictOption({ ...input, bars: [...bars, { ...bars[0]!, label: 'Nowhere', value: Number.NaN }] });
    expect(option.yAxis).toMatchObject({ data: ['Harbourside', 'Eastgate', 'Old Town', 'North End'] });
    expect(() => renderSvg(buildDistrictOption({ ...input, bars: [] }))).not.toThrow();
  });

  it('negative values: the axis goes below zero and the reference still shows', () => {
    const option = buildDistrictOption({ ...input, bars: [{ ...bars[0]!, value: -3 }, bars[1]!], reference: { value: -1, label: 'Port Ruri: −1.0' } });
    expect(option.xAxis).toMatchObject({ min: expect.any(Number) });
    const x = option.xAxis as { min: number };
    expect(x.min).toBeLessThan(-3 + 1e-9);
    expect(renderSvg(option)).toContain('Port Ruri: −1.0');
  });

  it('120 districts: all drawn, every name on the axis, the height grows with a tighter band', () => {
    const many: DistrictBar[] = Array.from({ length: 120 }, (_, i) => ({
      label: `District ${i + 1}`,
      value: i,
      year: 2022,
      showYear: false,
      tone: i < 25 ? 'better' : 'worse',
      comparisonText: '',
    }));
    const big = { ...input, bars: many };
    const option = buildDistrictOption(big);
    expect((option.yAxis as { data: string[]; axisLabel: { interval: number } }).data).toHaveLength(120);
    expect((option.yAxis as { axisLabel: { interval: number } }).axisLabel.interval).toBe(0);
    expect(districtBand(120)).toBeLessThan(districtBand(40));
    expect(districtBand(120)).toBeGreaterThanOrEqual(24);
    const height = districtChartHeight(big);
    expect(height).toBeGreaterThan(120 * 24);
    expect(districtChartHeight(input)).toBeLessThan(height);
    const svg = renderSvg(option, 600, height);
    for (const i of [1, 60, 120]) expect(svg).toContain(`>District ${i}<`);
  });

  it('districtChartHeight: one band per district', () => {
    expect(districtChartHeight({ ...input, bars: bars.slice(0, 1) })).toBeLessThan(districtChartHeight(input));
    expect(districtChartHeight({ ...input, bars: [...bars, ...bars] }) - districtChartHeight(input)).toBe(4 * districtBand(8));
  });

  it('SVG snapshot of a small fixture', async () => {
    const option = buildDistrictOption(input);
    await expect(normalized(renderSvg(option, 600, districtChartHeight(input)))).toMatchFileSnapshot('__snapshots__/build-district-option/port-ruri-districts.svg');
  });
});
