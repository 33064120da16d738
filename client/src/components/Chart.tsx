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
  const [instance, setInstance] = useState<ECharts | null>(null);
  const [width, setWidth] = useState(0);
  // A horizontal legend wraps over lines (the chart grows by them) rather than paging; a vertical one may scroll.
  const vertical = !!option.legend && !Array.isArray(option.legend) && (option.legend as { orient?: string }).orient === 'vertical';
  const wraps = !vertical && width > 0;
  const wrapped = useMemo(() => (wraps ? wrapLegend(option, width) : null), [option, width, wraps]);
  const shown = wrapped ?? { option, height: 0 };
  useEffect(() => {
    let current = true;
    // A graph or heatmap type is fetched the first time one is drawn; a newer option wins. The chart is
    // made once its types are registered (ECharts builds an instance's stages from the types it knows).
    void chartTypesFor(option).then((added) => {
      if (!current || !el.current) return;
      let c = chart.current;
      if (!c || added) {
        c?.dispose();
        c = echarts.init(el.current, undefined, { renderer: 'canvas' });
        chart.current = c;
        setInstance(c);
      }
      c.resize();
      c.setOption(shown.option, true);
    });
    return () => {
      current = false;
    };
  }, [shown.option]);
  useEffect(
    () => () => {
      chart.current?.dispose();
      chart.current = null;
    },
    [],
  );
  useEffect(() => {
    if (!instance || !el.current) return;
    // The container's width settles after layout (cards, scrollbars), not only on window resizes.
    const observer = new ResizeObserver(() => {
      instance.resize();
      setWidth(instance.getWidth());
    });
    observer.observe(el.current);
    return () => observer.disconnect();
  }, [instance]);
  useEffect(() => {
    if (!instance || !onClick) return;
    instance.on('click', onClick);
    return () => {
      instance.off('click', onClick);
    };
  }, [instance, onClick]);
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
