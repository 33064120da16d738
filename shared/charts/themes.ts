// Charts of problem themes (the theme view's and the briefing's): the main themes' shares over the
// years, and by department — shares with the counts of reports behind them.
import type { EChartsOption } from 'echarts';
import { PERIOD_LABELS, type Period } from '../types.js';
import { escapeHtml } from './escape.js';
import { heatmapChart } from './heatmap.js';
import { shareLineChart } from './series.js';

export interface ThemeRef {
  id: string;
  label: string;
}

export interface ThemeTrendData extends ThemeRef {
  /** One point per year of `years`: the share of that year's reports naming the theme, and its counts. */
  points: Array<{ share: number; reports?: number; base?: number }>;
}

export interface ThemeDepartmentData {
  theme: string;
  department: string;
  share: number;
  /** Reports of the department naming the theme, of all its reports in scope. */
  reports?: number;
  base?: number;
}

/** The themes the charts show: the first `n` of the list (most statements first). */
export function mainThemes<T extends ThemeRef>(themes: T[], n = 8): T[] {
  return themes.slice(0, n);
}

/** Which reports a trend compares, year with year (server/queries/themes.ts trendPeriod). */
export function trendBasis(period: Period): string {
  return period === 'annual' ? '按全年报告统计，半年、季度报告不计入' : `按${PERIOD_LABELS[period]}报告统计`;
}

export function themeTrendChart(years: number[], trends: ThemeTrendData[], shown: ThemeRef[], period: Period = 'annual'): EChartsOption {
  const ids = new Set(shown.map((t) => t.id));
  const lines = trends.filter((t) => ids.has(t.id));
  const option = shareLineChart(
    '主要问题主题的年度变化（提及该主题的报告占比）',
    years.map(String),
    lines.map((t) => ({ name: t.label, values: t.points.map((p) => p.share) })),
    '报告占比',
  );
  return {
    ...option,
    title: { ...(option.title as object), subtext: trendBasis(period), subtextStyle: { fontSize: 11 } },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const items = params as Array<{ seriesIndex: number; dataIndex: number; marker: string; axisValueLabel: string }>;
        const rows = items.map((it) => {
          const t = lines[it.seriesIndex]!;
          const p = t.points[it.dataIndex]!;
          const counts = p.reports !== undefined ? `（${p.reports}/${p.base} 份）` : '';
          return `${it.marker}${escapeHtml(t.label)}：${(Math.round(p.share * 1000) / 10).toFixed(1)}%${counts}`;
        });
        return [escapeHtml(items[0]?.axisValueLabel ?? ''), ...rows].join('<br/>');
      },
    },
  };
}

export function themeDepartmentChart(cells: ThemeDepartmentData[], shown: ThemeRef[]): EChartsOption {
  const labels = new Map(shown.map((t) => [t.id, t.label]));
  return heatmapChart(
    '各部门问题主题分布（提及该主题的报告占比）',
    cells.filter((c) => labels.has(c.theme)).map((c) => ({ row: labels.get(c.theme)!, column: c.department, value: c.share, count: c.reports, base: c.base })),
    { valueName: '报告占比', percent: true, rows: shown.map((t) => t.label) },
  );
}
