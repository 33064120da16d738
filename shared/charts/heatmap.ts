// Chart: a heatmap of rows × columns (activity categories by department or year, themes by department).
import type { EChartsOption } from 'echarts';
import { tooltipHtml } from './escape.js';
import { CHART_FONT } from './theme.js';

export interface HeatCell {
  row: string;
  column: string;
  value: number;
}

export function heatmapChart(title: string, cells: HeatCell[], opts: { rows?: string[]; columns?: string[]; valueName: string; percent?: boolean }): EChartsOption {
  const rows = opts.rows ?? [...new Set(cells.map((c) => c.row))];
  const columns = opts.columns ?? [...new Set(cells.map((c) => c.column))];
  const max = Math.max(1e-9, ...cells.map((c) => c.value));
  const fmt = (v: number) => (opts.percent ? `${Math.round(v * 1000) / 10}%` : String(Math.round(v * 10) / 10));
  return {
    textStyle: { fontFamily: CHART_FONT },
    aria: { enabled: true },
    title: { text: title, left: 'center', textStyle: { fontSize: 15 } },
    tooltip: {
      position: 'top',
      formatter: (p: unknown) => {
        const d = (p as { data: [number, number, number] }).data;
        return tooltipHtml`${rows[d[1]]} · ${columns[d[0]]}<br/>${opts.valueName}：${fmt(d[2])}`;
      },
    },
    // Rotated column labels need more room above the colour scale at the bottom.
    grid: { left: 150, right: 24, top: 48, bottom: columns.length > 6 ? 120 : 90 },
    xAxis: { type: 'category', data: columns, splitArea: { show: true }, axisLabel: { interval: 0, rotate: columns.length > 6 ? 30 : 0 } },
    yAxis: { type: 'category', data: rows, splitArea: { show: true } },
    visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#fff7e6', '#ffc069', '#d4380d'] }, formatter: (v: unknown) => fmt(Number(v)) },
    series: [
      {
        name: opts.valueName,
        type: 'heatmap',
        data: cells.map((c) => [columns.indexOf(c.column), rows.indexOf(c.row), c.value]),
        label: { show: rows.length * columns.length <= 120, formatter: (p: unknown) => fmt((p as { data: [number, number, number] }).data[2]) },
        emphasis: { itemStyle: { shadowBlur: 6, shadowColor: 'rgba(0,0,0,0.3)' } },
      },
    ],
  };
}
