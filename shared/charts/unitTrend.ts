// Chart: one unit's reports over time — reuse rates (lines, left axis) and reported activity counts (bars).
import type { EChartsOption } from 'echarts';
import { yearPeriodLabel } from '../periods.js';
import type { Period, ReuseShares } from '../types.js';
import { CHART_FONT, PALETTE } from './theme.js';

export interface UnitTrendPoint {
  year: number | null;
  period: Period | null;
  rates: Pick<ReuseShares, 'stock' | 'copied' | 'model' | 'self'>;
  activityCount: number;
  placeholders: number;
}

export function unitTrendChart(unit: string, points: UnitTrendPoint[]): EChartsOption {
  const labels = points.map((p) => yearPeriodLabel(p.year, p.period));
  const pct = (x: number) => Math.round(x * 1000) / 10;
  return {
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT },
    aria: { enabled: true },
    title: { text: `${unit}：历次报告变化`, left: 'center', textStyle: { fontSize: 15 } },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 56, right: 56, top: 48, bottom: 56 },
    xAxis: { type: 'category', data: labels },
    yAxis: [
      { type: 'value', name: '占全文比例（%）', max: 100 },
      { type: 'value', name: '次数', minInterval: 1 },
    ],
    series: [
      { name: '填报活动次数', type: 'bar', yAxisIndex: 1, data: points.map((p) => p.activityCount), itemStyle: { opacity: 0.5 } },
      { name: '占位符个数', type: 'bar', yAxisIndex: 1, data: points.map((p) => p.placeholders), itemStyle: { opacity: 0.5 } },
      { name: '套话率', type: 'line', data: points.map((p) => pct(p.rates.stock)) },
      { name: '抄自他单位率', type: 'line', data: points.map((p) => pct(p.rates.copied)) },
      { name: '套用范文率', type: 'line', data: points.map((p) => pct(p.rates.model)) },
      { name: '自我重复率', type: 'line', data: points.map((p) => pct(p.rates.self)) },
    ],
  };
}
