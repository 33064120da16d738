// Renders an ECharts option built by shared/charts (the same definition the exports use).
import type { EChartsOption, ECharts } from 'echarts';
import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

export interface ChartProps {
  option: EChartsOption;
  height?: number;
  onClick?: (params: echarts.ECElementEvent) => void;
  testId?: string;
}

export function Chart({ option, height = 360, onClick, testId }: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    // The container's width settles after layout (cards, scrollbars), not only on window resizes.
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  useEffect(() => {
    const c = chart.current;
    if (!c || !onClick) return;
    c.on('click', onClick);
    return () => {
      c.off('click', onClick);
    };
  }, [onClick]);
  return <div ref={el} style={{ width: '100%', height }} data-testid={testId} />;
}
