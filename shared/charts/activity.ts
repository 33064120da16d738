// Charts of reported activities per category (the activity view's and the briefing's): by department
// as a heatmap of how many of the department's reports report the category (a share, with the counts
// behind it: departments differ in size), by year as grouped bars. Figures no category matched are left
// out of both.
import type { EChartsOption } from 'echarts';
import { heatmapChart } from './heatmap.js';
import { groupedBarChart } from './series.js';

export interface ActivityCellData {
  /** Department or year, as grouped. */
  group: string | number | null;
  category: string | null;
  figures: number;
  total: number;
  /** Reports of the group reporting the category, of all the group's reports in scope. */
  reports?: number;
  base?: number;
}

/** figures: how many figures were reported; total: the reported counts summed. */
export type ActivityMeasure = 'figures' | 'total';
export const ACTIVITY_MEASURE_NAMES: Record<ActivityMeasure, string> = { figures: '填报条数', total: '累计数量' };

/** The categories (in vocabulary order) that have a cell. */
const present = (categories: string[], cells: ActivityCellData[]) => categories.filter((r) => cells.some((c) => c.category === r));

export function activityByDepartmentChart(cells: ActivityCellData[], categories: string[]): EChartsOption {
  return heatmapChart(
    '各部门活动频次（填报该类活动的报告占比）',
    cells
      .filter((c) => c.category !== null)
      .map((c) => ({
        row: c.category!,
        column: String(c.group ?? '未分组'),
        value: c.base ? (c.reports ?? 0) / c.base : 0,
        count: c.reports,
        base: c.base,
        detail: `填报 ${c.figures} 条，累计数量 ${c.total}`,
      })),
    { rows: present(categories, cells), valueName: '报告占比', percent: true },
  );
}

export function activityByYearChart(cells: ActivityCellData[], categories: string[], measure: ActivityMeasure): EChartsOption {
  const name = ACTIVITY_MEASURE_NAMES[measure];
  const years = [...new Set(cells.map((c) => String(c.group ?? '年度不详')))].sort();
  return groupedBarChart(
    `各年度活动频次（${name}）`,
    years,
    present(categories, cells).map((cat) => ({
      name: cat,
      values: years.map((y) => cells.filter((c) => String(c.group ?? '年度不详') === y && c.category === cat).reduce((s, c) => s + c[measure], 0)),
    })),
    name,
  );
}
