import { useEffect, useRef, useState, type RefObject } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { useEcharts } from './use-echarts';

/**
 * The one chart component: an ECharts instance in a `dir="ltr"` box (ECharts has no RTL mode; the
 * option mirrors itself). ECharts' aria support gives the box role="img" and the option's description.
 */
export function ChartView({ option, className }: { option: EChartsCoreOption | null; className?: string }) {
  const { ref } = useEcharts(option);
  return <div ref={ref} dir="ltr" className={className ?? 'chart'} data-testid="chart" />;
}

/** Width of an element in CSS pixels, kept current with a ResizeObserver (0 before layout). */
export function useElementWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (el === null || typeof ResizeObserver === 'undefined') return;
    let frame = 0;
    const observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setWidth(w));
    });
    observer.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, []);
  return [ref, width];
}
