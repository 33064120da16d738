// Renders an ECharts option built by shared/charts (the same definition the exports use).
import type { EChartsOption, ECharts } from 'echarts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { wrapLegend } from '../../../shared/charts/export.js';
import { chartTypesFor, echarts } from '../echarts.js';
import { ChartDownload } from './ChartDownload.js';

export interface ChartProps {
  option: EChartsOption;
  height?: number;
  onClick?: (params: echarts.ECElementEvent) => void;
  testId?: string;
  /** The PNG/SVG download menu in the corner (on unless turned off). */
  download?: boolean;
}

export function Chart({ option, height = 360, onClick, testId, download = true }: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [width, setWidth] = useState(0);
  // A horizontal legend wraps over lines (the chart grows by them) rather than paging; a vertical one may scroll.
  const vertical = !!option.legend && !Array.isArray(option.legend) && (option.legend as { orient?: string }).orient === 'vertical';
  const wraps = !vertical && width > 0;
  const wrapped = useMemo(() => (wraps ? wrapLegend(option, width) : null), [option, width, wraps]);
  const shown = wrapped ?? { option, height: 0 };
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    // The container's width settles after layout (cards, scrollbars), not only on window resizes.
    const observer = new ResizeObserver(() => {
      c.resize();
      setWidth(c.getWidth());
    });
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    let current = true;
    // A graph or heatmap type is fetched the first time one is drawn; a newer option wins.
    void chartTypesFor(option).then(() => {
      if (current) {
        chart.current?.resize();
        chart.current?.setOption(shown.option, true);
      }
    });
    return () => {
      current = false;
    };
  }, [shown.option]);
  useEffect(() => {
    const c = chart.current;
    if (!c || !onClick) return;
    c.on('click', onClick);
    return () => {
      c.off('click', onClick);
    };
  }, [onClick]);
  const size = useCallback(() => ({ width: chart.current?.getWidth() ?? 800, height }), [height]);
  return (
    <div style={{ position: 'relative' }}>
      <div ref={el} style={{ width: '100%', height: height + shown.height }} data-testid={testId} />
      {download && (
        <div style={{ position: 'absolute', top: 0, right: 0, zIndex: 1 }}>
          <ChartDownload option={option} size={size} />
        </div>
      )}
    </div>
  );
}
