// Chart: reports received per department and year (stacked bars). One definition, used by the
// browser and by the server-side export.
import type { EChartsOption } from 'echarts';
import { CHART_FONT, PALETTE } from './theme.js';

export interface ReportsByDepartmentYearRow {
  department: string;
  year: number | null;
  reports: number;
}

export function reportsByDepartmentYearChart(rows: ReportsByDepartmentYearRow[], title = '各部门报送报告数（按年度）'): EChartsOption {
  const years = [...new Set(rows.map((r) => (r.year === null ? '未注明' : String(r.year))))].sort();
  const departments = [...new Set(rows.map((r) => r.department))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const count = new Map(rows.map((r) => [`${r.department}|${r.year === null ? '未注明' : r.year}`, r.reports]));
  return {
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT },
    aria: { enabled: true },
    title: { text: title, left: 'center', textStyle: { fontSize: 15 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 48, right: 24, top: 48, bottom: 56 },
    xAxis: { type: 'category', data: years, name: '年度' },
    yAxis: { type: 'value', name: '报告数', minInterval: 1 },
    series: departments.map((d) => ({
      name: d,
      type: 'bar',
      stack: 'reports',
      emphasis: { focus: 'series' },
      data: years.map((y) => count.get(`${d}|${y}`) ?? 0),
    })),
  };
}
