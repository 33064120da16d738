// Charts of the reuse view: rates by department and year, and the graph of units sharing copied text.
import type { EChartsOption } from 'echarts';
import { tooltipHtml } from './escape.js';
import { CHART_FONT, PALETTE } from './theme.js';

export interface ReuseRateRow {
  department: string;
  year: number | null;
  rates: { stock: number; copied: number; self: number };
}

const KINDS = [
  { key: 'copied', label: '抄袭他单位' },
  { key: 'self', label: '自我重复' },
  { key: 'stock', label: '套话' },
] as const;

/** Stacked bars per department (all years in scope): how much of the text is formula, copied, recycled. */
export function reuseByDepartmentChart(rows: ReuseRateRow[], title = '各部门报告雷同率'): EChartsOption {
  const departments = [...new Set(rows.map((r) => r.department))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  // Average over the department's years, weighted equally per year (each row is already a share).
  const avg = (d: string, k: (typeof KINDS)[number]['key']) => {
    const own = rows.filter((r) => r.department === d);
    return own.length ? (own.reduce((s, r) => s + r.rates[k], 0) / own.length) * 100 : 0;
  };
  return {
    color: ['#fa541c', '#722ed1', '#69b1ff'],
    textStyle: { fontFamily: CHART_FONT },
    aria: { enabled: true },
    title: { text: title, left: 'center', textStyle: { fontSize: 15 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${Number(v).toFixed(1)}%` },
    legend: { bottom: 0 },
    grid: { left: 56, right: 24, top: 48, bottom: 70 },
    xAxis: { type: 'category', data: departments, axisLabel: { interval: 0, rotate: departments.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', name: '占全文比例', max: 100, axisLabel: { formatter: '{value}%' } },
    series: KINDS.map((k) => ({ name: k.label, type: 'bar', stack: 'reuse', data: departments.map((d) => Math.round(avg(d, k.key) * 10) / 10) })),
  };
}

export interface CopyEdge {
  a: string;
  aDepartment: string | null;
  b: string;
  bDepartment: string | null;
  chars: number;
}

/** Who shares copied text with whom: units as nodes (by department), edges weighted by shared characters. */
export function copyGraphChart(edges: CopyEdge[], title = '单位间雷同关系（连线越粗，相同文字越多）'): EChartsOption {
  const departments = [...new Set(edges.flatMap((e) => [e.aDepartment ?? '未分组', e.bDepartment ?? '未分组']))].sort();
  const nodes = new Map<string, { name: string; category: number; value: number }>();
  for (const e of edges) {
    for (const [name, dept] of [
      [e.a, e.aDepartment],
      [e.b, e.bDepartment],
    ] as const) {
      const n = nodes.get(name) ?? { name, category: departments.indexOf(dept ?? '未分组'), value: 0 };
      n.value += e.chars;
      nodes.set(name, n);
    }
  }
  const maxNode = Math.max(1, ...[...nodes.values()].map((n) => n.value));
  const maxEdge = Math.max(1, ...edges.map((e) => e.chars));
  return {
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT },
    aria: { enabled: true },
    title: { text: title, left: 'center', textStyle: { fontSize: 15 } },
    tooltip: {
      formatter: (p: unknown) => {
        const d = (p as { dataType: string; data: { source?: string; target?: string; value: number; name?: string } }).data;
        return d.source ? tooltipHtml`${d.source} — ${d.target}<br/>相同文字 ${d.value} 字` : tooltipHtml`${d.name}<br/>涉及相同文字 ${d.value} 字`;
      },
    },
    legend: { bottom: 0, data: departments },
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        // Kept below the title and inside the frame: gravity holds loosely connected units in.
        top: 50,
        bottom: 40,
        force: { repulsion: 160, gravity: 0.15, edgeLength: [50, 150] },
        categories: departments.map((d) => ({ name: d })),
        label: { show: true, position: 'right', fontSize: 11 },
        data: [...nodes.values()].map((n) => ({ ...n, symbolSize: 10 + 30 * Math.sqrt(n.value / maxNode) })),
        links: edges.map((e) => ({ source: e.a, target: e.b, value: e.chars, lineStyle: { width: 1 + 7 * (e.chars / maxEdge), opacity: 0.6 } })),
        emphasis: { focus: 'adjacency' },
      },
    ],
  };
}
