import { afterEach, describe, expect, it } from 'vitest';
import { type BreakdownChartInput, breakdownHeight, buildBreakdownOption } from '@/charts/build-breakdown-option';
import { estimateTextWidth, legendRows } from '@/charts/chart-text';
import { valueRangeWithTarget } from '@/charts/build-indicator-option';
import { echarts } from '@/charts/echarts-core';
import { escapeHtml, escapeTemplate } from '@/charts/escape-html';
import { STATUS_STYLE } from '@/model/status-style';

const HOSTILE = '<img src=x onerror=alert(1)>';

const input: BreakdownChartInput = {
  lang: 'en',
  dir: 'ltr',
  digits: 'latn',
  title: 'Latest value by breakdown',
  subtitle: '1.2.1 — Wadi Noor',
  bars: [
    { label: 'Total', value: 4.5, year: 2024, statusText: 'On track', color: STATUS_STYLE.on_track.color, decal: STATUS_STYLE.on_track.decal, selected: true },
    { label: 'sex: Female', value: 4.7, year: 2024, statusText: 'Deterioration', color: STATUS_STYLE.deterioration.color, decal: STATUS_STYLE.deterioration.decal, selected: false },
    { label: 'sex: Male', value: 4.3, year: 2024, statusText: 'Limited progress', color: STATUS_STYLE.limited_progress.color, decal: STATUS_STYLE.limited_progress.decal, selected: false },
  ],
  decimals: 1,
  description: 'Latest values by sex.',
  animate: false,
};

const charts: Array<{ dispose(): void }> = [];
afterEach(() => {
  for (const c of charts.splice(0)) c.dispose();
});

function renderSvg(option: ReturnType<typeof buildBreakdownOption>, width = 600, height = 260): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  charts.push(chart);
  chart.setOption(option);
  return chart.renderToSVGString();
}

function firstSeries(option: ReturnType<typeof buildBreakdownOption>) {
  return Array.isArray(option.series) ? option.series[0] : option.series;
}

describe('buildBreakdownOption(input)', () => {
  it('draws one bar per breakdown in its status colour with its status decal, aria decals on', () => {
    const option = buildBreakdownOption(input);
    expect(option.aria).toEqual({ enabled: true, label: { enabled: true, description: 'Latest values by sex.' }, decal: { show: true } });
    const data = firstSeries(option)?.data;
    expect(Array.isArray(data) ? data.length : 0).toBe(3);
    expect(data?.[1]).toMatchObject({ value: 4.7, itemStyle: { color: STATUS_STYLE.deterioration.color, decal: { symbol: 'triangle' } } });
    expect(data?.[0]).toMatchObject({ itemStyle: { borderWidth: 2 } });
    const svg = renderSvg(option);
    for (const text of ['Total', 'sex: Female', 'sex: Male', '4.7', 'Latest value by breakdown']) expect(svg).toContain(text);
    // The decal patterns are drawn (SVG patterns over the bars).
    expect(svg).toMatch(/<pattern/);
  });

  it('mirrors for right-to-left: bars grow leftwards, labels on the right, Arabic-Indic digits', () => {
    const option = buildBreakdownOption({ ...input, lang: 'ar', dir: 'rtl', digits: 'arab', bars: input.bars.map((b, i) => ({ ...b, label: ['الإجمالي', 'إناث', 'ذكور'][i] ?? '' })) });
    expect(option.xAxis).toMatchObject({ inverse: true });
    expect(option.yAxis).toMatchObject({ position: 'right', inverse: true });
    expect(option.title).toMatchObject({ left: 'right' });
    const svg = renderSvg(option);
    expect(svg).toContain('٤٫٧');
    expect(svg).toContain('إناث');
  });

  it('writes the tooltip from escaped text only', () => {
    const option = buildBreakdownOption({ ...input, bars: [{ ...input.bars[0]!, label: HOSTILE, statusText: `<b>${HOSTILE}</b>` }] });
    const tooltip = Array.isArray(option.tooltip) ? option.tooltip[0] : option.tooltip;
    const formatter = tooltip?.formatter;
    if (typeof formatter !== 'function') throw new Error('no formatter');
    const html = String(formatter({ dataIndex: 0 } as never, '', () => undefined));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(String(formatter({ dataIndex: 7 } as never, '', () => undefined))).toBe('');
    const svg = renderSvg(option);
    expect(svg).not.toContain('<img');
  });

  it('leaves out non-finite values and renders nothing to show without throwing', () => {
    const option = buildBreakdownOption({ ...input, bars: [...input.bars, { ...input.bars[0]!, label: 'x', value: Number.NaN }] });
    const data = firstSeries(option)?.data;
    expect(Array.isArray(data) ? data.length : 0).toBe(3);
    expect(() => renderSvg(buildBreakdownOption({ ...input, bars: [] }))).not.toThrow();
  });

  it('breakdownHeight grows with the number of bars', () => {
    expect(breakdownHeight({ ...input, bars: input.bars.slice(0, 1) })).toBeLessThan(breakdownHeight(input));
    expect(breakdownHeight({ ...input, bars: [...input.bars, ...input.bars] }) - breakdownHeight(input)).toBe(3 * 34);
  });
});

describe('escapeHtml(text) and escapeTemplate(text)', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['"quoted" & \'single\'', '&quot;quoted&quot; &amp; &#39;single&#39;'],
    ['وادي النور', 'وادي النور'],
    ['', ''],
    ['&amp;', '&amp;amp;'],
  ])('escapeHtml(%j) → %j', (text, html) => {
    expect(escapeHtml(text)).toBe(html);
  });

  it('escapeTemplate turns ECharts template braces into parentheses', () => {
    expect(escapeTemplate('{a}{b|x} rest')).toBe('(a)(b|x) rest');
  });
});

describe('layout helpers', () => {
  it('legendRows keeps reading order and starts a row when the next item does not fit', () => {
    expect(legendRows(['a', 'b', 'c'], 1000)).toEqual([['a', 'b', 'c']]);
    const rows = legendRows(['Wadi Noor', 'Tal Sanawbar', 'Qamarayn', 'Baseline 2015', 'Projection to 2030'], 300);
    expect(rows.flat()).toEqual(['Wadi Noor', 'Tal Sanawbar', 'Qamarayn', 'Baseline 2015', 'Projection to 2030']);
    expect(rows.length).toBeGreaterThan(1);
    // A measurer from the browser packs tighter than the cautious estimate.
    expect(legendRows(['وادي النور', 'تل الصنوبر', 'قمرين'], 300, (t) => t.length * 6).length).toBeLessThan(legendRows(['وادي النور', 'تل الصنوبر', 'قمرين'], 300).length);
    expect(legendRows([], 300)).toEqual([]);
  });

  it('estimateTextWidth counts non-ASCII letters as a full em (what server-side ECharts assumes)', () => {
    expect(estimateTextWidth('وادي', 12)).toBe(48);
    expect(estimateTextWidth('abc', 10)).toBeLessThan(30);
  });

  it.each([
    [[22.5, 11.1, 6.9], 5, { min: 0, max: 25, interval: 5 }],
    [[38, 36, 35], 5, { min: 0, max: 40, interval: 10 }],
    [[60, 80], 100, { min: 60, max: 110, interval: 10 }],
    [[-3, 12], -5, { min: -10, max: 15, interval: 5 }],
    [[1, 2], undefined, { min: 1, max: 2, interval: 0.2 }],
  ])('valueRangeWithTarget(%j, %j) → %j', (values, target, expected) => {
    expect(valueRangeWithTarget([...values, ...(target === undefined ? [] : [target])], target)).toEqual(expected);
  });
});
