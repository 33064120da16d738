// Charts of problem themes (the theme view's and the briefing's): the main themes' shares over the
// years, and by department.
import type { EChartsOption } from 'echarts';
import { heatmapChart } from './heatmap.js';
import { shareLineChart } from './series.js';

export interface ThemeRef {
  id: string;
  label: string;
}

export interface ThemeTrendData extends ThemeRef {
  /** One point per year of `years`: the share of that year's reports naming the theme. */
  points: Array<{ share: number }>;
}

export interface ThemeDepartmentData {
  theme: string;
  department: string;
  share: number;
}

/** The themes the charts show: the first `n` of the list (most statements first). */
export function mainThemes<T extends ThemeRef>(themes: T[], n = 8): T[] {
  return themes.slice(0, n);
}

export function themeTrendChart(years: number[], trends: ThemeTrendData[], shown: ThemeRef[]): EChartsOption {
  const ids = new Set(shown.map((t) => t.id));
  return shareLineChart(
    '主要问题主题的年度变化（提及该主题的报告占比）',
    years.map(String),
    trends.filter((t) => ids.has(t.id)).map((t) => ({ name: t.label, values: t.points.map((p) => p.share) })),
    '报告占比',
  );
}

export function themeDepartmentChart(cells: ThemeDepartmentData[], shown: ThemeRef[]): EChartsOption {
  const labels = new Map(shown.map((t) => [t.id, t.label]));
  return heatmapChart(
    '各部门问题主题分布（提及该主题的报告占比）',
    cells.filter((c) => labels.has(c.theme)).map((c) => ({ row: labels.get(c.theme)!, column: c.department, value: c.share })),
    { valueName: '报告占比', percent: true, rows: shown.map((t) => t.label) },
  );
}
