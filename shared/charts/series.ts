// Charts over years: grouped bars (activities per category) and lines (theme shares).
import type { EChartsOption } from 'echarts';
import { CHART_FONT, PALETTE } from './theme.js';

export interface SeriesData {
  name: string;
  values: number[];
}

function base(title: string, categories: string[], yName: string, percent: boolean): EChartsOption {
  return {
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT },
    aria: { enabled: true },
    title: { text: title, left: 'center', textStyle: { fontSize: 15 } },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (percent ? `${Number(v).toFixed(1)}%` : String(v)) },
    legend: { bottom: 0, type: 'scroll' },
    // top leaves room for the y axis name below the title.
    grid: { left: 56, right: 24, top: 72, bottom: 56 },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', name: yName, ...(percent ? { axisLabel: { formatter: '{value}%' } } : { minInterval: 1 }) },
  };
}

export function groupedBarChart(title: string, categories: string[], series: SeriesData[], yName: string): EChartsOption {
  return { ...base(title, categories, yName, false), series: series.map((s) => ({ name: s.name, type: 'bar', data: s.values, emphasis: { focus: 'series' } })) };
}

/** Lines of shares (0..1), drawn as percentages. */
export function shareLineChart(title: string, categories: string[], series: SeriesData[], yName: string): EChartsOption {
  return {
    ...base(title, categories, yName, true),
    series: series.map((s) => ({ name: s.name, type: 'line', symbolSize: 7, data: s.values.map((v) => Math.round(v * 1000) / 10) })),
  };
}
