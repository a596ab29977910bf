import { type RefObject, useEffect, useRef } from 'react';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { echarts } from './echarts-core';

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

  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const instance = echarts.init(el, null, { renderer: 'svg' });
    chart.current = instance;
    // The first drawing is not animated: the entry animation delayed the first chart by a third of a second
    // at 4x CPU slowdown (issue 14). Later options (another city, another indicator) still animate.
    if (latest.current) instance.setOption({ ...latest.current, animation: false }, { notMerge: true });
    let frame = 0;
    // Resize on the next frame: resizing inside the observer callback can trigger a ResizeObserver loop error.
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => instance.resize());
    });
    observer?.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    latest.current = option;
    const instance = chart.current;
    if (instance === null) return;
    if (option === null) instance.clear();
    else instance.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option]);

  return { ref, chart };
}
