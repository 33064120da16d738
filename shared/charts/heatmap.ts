// Chart: a heatmap of rows × columns (activity categories by department, themes by department). A share
// travels with the counts behind it (in the cell and the tooltip), and a cell resting on fewer than
// minBase reports is drawn apart — grey, dashed, left out of the colour scale — so that one report out
// of two does not glow like a finding.
import type { EChartsOption } from 'echarts';
import { escapeHtml } from './escape.js';
import { CHART_FONT } from './theme.js';

export interface HeatCell {
  row: string;
  column: string;
  value: number;
  /** What the value rests on: `count` of `base` reports (for a share). */
  count?: number;
  base?: number;
  /** A further line for the tooltip, plain text. */
  detail?: string;
}

export interface HeatmapOptions {
  rows?: string[];
  columns?: string[];
  valueName: string;
  percent?: boolean;
  /** Cells whose base is below this are marked as resting on too few reports. */
  minBase?: number;
}

export const MIN_BASE = 5;

interface CellDatum {
  value: [number, number, number];
  cell: HeatCell;
}

export function heatmapChart(title: string, cells: HeatCell[], opts: HeatmapOptions): EChartsOption {
  const rows = opts.rows ?? [...new Set(cells.map((c) => c.row))];
  const columns = opts.columns ?? [...new Set(cells.map((c) => c.column))];
  const minBase = opts.minBase ?? MIN_BASE;
  const thin = (c: HeatCell) => c.base !== undefined && c.base < minBase;
  const fmt = (v: number) => (opts.percent ? `${Math.round(v * 1000) / 10}%` : String(Math.round(v * 10) / 10));
  const datum = (c: HeatCell): CellDatum => ({ value: [columns.indexOf(c.column), rows.indexOf(c.row), c.value], cell: c });
  const solid = cells.filter((c) => !thin(c));
  const weak = cells.filter(thin);
  const withCounts = cells.some((c) => c.count !== undefined);
  const max = Math.max(1e-9, ...solid.map((c) => c.value));
  const label = {
    show: rows.length * columns.length <= 120,
    fontSize: withCounts ? 10 : 12,
    lineHeight: 12,
    formatter: (p: unknown) => {
      const c = (p as { data: CellDatum }).data.cell;
      return c.count !== undefined ? `${fmt(c.value)}\n${c.count}/${c.base}` : fmt(c.value);
    },
  };
  return {
    textStyle: { fontFamily: CHART_FONT },
    aria: { enabled: true },
    title: {
      text: title,
      left: 'center',
      textStyle: { fontSize: 15 },
      ...(withCounts ? { subtext: `格内为占比与报告数（提及/总数）；灰色虚线格所据报告少于 ${minBase} 份，仅供参考`, subtextStyle: { fontSize: 11 } } : {}),
    },
    tooltip: {
      position: 'top',
      formatter: (p: unknown) => {
        const c = (p as { data: CellDatum }).data.cell;
        const lines = [`${escapeHtml(c.row)} · ${escapeHtml(c.column)}`, `${escapeHtml(opts.valueName)}：${fmt(c.value)}`];
        if (c.count !== undefined) lines.push(`报告：${c.count} / ${c.base} 份`);
        if (c.detail) lines.push(escapeHtml(c.detail));
        if (thin(c)) lines.push(`所据报告少于 ${minBase} 份，仅供参考`);
        return lines.join('<br/>');
      },
    },
    // Rotated column labels need more room above the colour scale at the bottom.
    grid: { left: 150, right: 24, top: withCounts ? 64 : 48, bottom: columns.length > 6 ? 120 : 90 },
    xAxis: { type: 'category', data: columns, splitArea: { show: true }, axisLabel: { interval: 0, rotate: columns.length > 6 ? 30 : 0 } },
    yAxis: { type: 'category', data: rows, splitArea: { show: true } },
    visualMap: {
      min: 0,
      max,
      seriesIndex: 0,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#fff7e6', '#ffc069', '#d4380d'] },
      formatter: (v: unknown) => fmt(Number(v)),
    },
    series: [
      {
        name: opts.valueName,
        type: 'heatmap',
        data: solid.map(datum),
        label,
        emphasis: { itemStyle: { shadowBlur: 6, shadowColor: 'rgba(0,0,0,0.3)' } },
      },
      {
        name: `${opts.valueName}（样本不足）`,
        type: 'heatmap',
        data: weak.map(datum),
        label: { ...label, color: '#8c8c8c' },
        itemStyle: { color: '#f5f5f5', borderColor: '#bfbfbf', borderWidth: 1, borderType: 'dashed' },
        emphasis: { itemStyle: { shadowBlur: 6, shadowColor: 'rgba(0,0,0,0.3)' } },
      },
    ],
  };
}
