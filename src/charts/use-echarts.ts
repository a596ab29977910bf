import { type RefObject, useEffect, useRef } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { echarts } from './echarts-core';

/** First drawings waiting for a task of their own. */
const waiting: Array<() => void> = [];
let scheduled = false;

function drawNext(): void {
  scheduled = false;
  const next = waiting.shift();
  try {
    next?.();
  } finally {
    // A chart whose drawing throws does not keep the others waiting.
    if (waiting.length > 0) {
      scheduled = true;
      setTimeout(drawNext, 0);
    }
  }
}

let warmed = false;

/**
 * The page's first chart costs ECharts' first run (its code compiled as it first runs: about two thirds of
 * a 70–100 ms task on this machine, whatever the data). A small chart drawn off the page first, in a task
 * of its own, takes that part out of the task that draws the view's chart.
 */
function warmUp(): void {
  try {
    const instance = echarts.init(document.createElement('div'), null, { renderer: 'svg', width: 160, height: 90 });
    try {
      instance.setOption({
        animation: false,
        grid: { left: 24, right: 8, top: 8, bottom: 20 },
        xAxis: { type: 'value', min: 2015, max: 2016, interval: 1 },
        yAxis: { type: 'value', name: 'x' },
        series: [{ type: 'line', data: [[2015, 1], [2016, 2]] }],
      });
    } finally {
      instance.dispose();
    }
  } catch {
    // Only a head start: the view's own chart draws (and says what went wrong) either way.
  }
}

/**
 * Runs `draw` in a task of its own, after the one that mounted the chart (React runs a view's effects at
 * the end of the task that renders it), one chart per task; returns a cancel.
 */
function drawSoon(draw: () => void): () => void {
  if (!warmed) {
    warmed = true;
    waiting.push(warmUp);
  }
  waiting.push(draw);
  if (!scheduled) {
    scheduled = true;
    setTimeout(drawNext, 0);
  }
  return () => {
    const i = waiting.indexOf(draw);
    if (i !== -1) waiting.splice(i, 1);
  };
}

/**
 * Mounts an ECharts instance on the returned ref's element: init on mount (SVG renderer, first option drawn
 * without animation), setOption whenever `option` changes (not merged: the option is complete), resize with the element, dispose on
 * unmount. Behaves under StrictMode's double mount. Returns the element ref and the instance ref (for
 * export later).
 */
export function useEcharts(option: EChartsCoreOption | null): {
  ref: RefObject<HTMLDivElement | null>;
  chart: RefObject<EChartsType | null>;
} {
  const ref = useRef<HTMLDivElement | null>(null);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef<EChartsCoreOption | null>(option);
  const drawn = useRef(false);

  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const instance = echarts.init(el, null, { renderer: 'svg' });
    chart.current = instance;
    // The first drawing is not animated: the entry animation delayed the first chart by a third of a second
    // at 4x CPU slowdown (issue 14). Later options (another city, another indicator) still animate.
    // Charts draw in tasks of their own, one per task (a view with a trend, a breakdown, districts): no
    // single task both renders the view and lays out its charts.
    const cancelFirst = drawSoon(() => {
      if (chart.current !== instance) return;
      drawn.current = true;
      if (latest.current) instance.setOption({ ...latest.current, animation: false }, { notMerge: true });
    });
    let frame = 0;
    // Resize on the next frame: resizing inside the observer callback can trigger a ResizeObserver loop error.
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => instance.resize());
    });
    observer?.observe(el);
    return () => {
      cancelFirst();
      cancelAnimationFrame(frame);
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
      drawn.current = false;
    };
  }, []);

  useEffect(() => {
    latest.current = option;
    const instance = chart.current;
    // Not drawn yet (waiting for its turn): the first drawing will take this option.
    if (instance === null || !drawn.current) return;
    if (option === null) instance.clear();
    else instance.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option]);

  return { ref, chart };
}
