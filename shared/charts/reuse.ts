// Charts of the reuse view: shares by department, and the directed graph of who copied from whom.
import type { EChartsOption } from 'echarts';
import { tooltipHtml } from './escape.js';
import { SHARE_KINDS, SHARE_LABELS, type ReuseShares, type ShareKind } from '../types.js';
import { CHART_FONT, PALETTE } from './theme.js';

/** One colour per kind of reused text, the same in the charts, the report view's highlights and the legends. */
export const SHARE_COLORS: Record<ShareKind, string> = {
  copied: '#fa541c',
  shared: '#faad14',
  model: '#389e0d',
  directive: '#08979c',
  self: '#722ed1',
  stock: '#69b1ff',
};

export interface ReuseRateRow {
  department: string;
  year: number | null;
  rates: ReuseShares;
}

/** Stacked bars per department (all years in scope): how much of the text is copied, shared, from templates, recycled, formula. */
export function reuseByDepartmentChart(rows: ReuseRateRow[], title = '各部门报告雷同率'): EChartsOption {
  const departments = [...new Set(rows.map((r) => r.department))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  // Average over the department's years, weighted equally per year (each row is already a share).
  const avg = (d: string, k: ShareKind) => {
    const own = rows.filter((r) => r.department === d);
    return own.length ? (own.reduce((s, r) => s + r.rates[k], 0) / own.length) * 100 : 0;
  };
  return {
    color: SHARE_KINDS.map((k) => SHARE_COLORS[k]),
    textStyle: { fontFamily: CHART_FONT },
    aria: { enabled: true },
    title: { text: title, left: 'center', textStyle: { fontSize: 15 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${Number(v).toFixed(1)}%` },
    legend: { bottom: 0 },
    grid: { left: 56, right: 24, top: 48, bottom: 80 },
    xAxis: { type: 'category', data: departments, axisLabel: { interval: 0, rotate: departments.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', name: '占全文比例', max: 100, axisLabel: { formatter: '{value}%' } },
    series: SHARE_KINDS.map((k) => ({ name: SHARE_LABELS[k], type: 'bar', stack: 'reuse', data: departments.map((d) => Math.round(avg(d, k) * 10) / 10) })),
  };
}

export interface CopyGraphEdge {
  /** The copying unit (for a shared edge, one of the two). */
  from: string;
  fromDepartment: string | null;
  /** The unit copied from. */
  to: string;
  toDepartment: string | null;
  chars: number;
  kind: 'copied' | 'shared';
  reportPairs: number;
  /** The pair of reports sharing most (copier a, source b): where a click on the edge leads. */
  strongest: { a: number; b: number; chars: number };
}

/** What a click on an edge carries: the strongest pair of reports. */
export interface CopyLinkData {
  source: string;
  target: string;
  value: number;
  strongest: { a: number; b: number };
}

/** Room for the title and subtitle above the graph, and for the legend of departments at its right, in pixels. */
const TITLE_ROOM = 66;
const LEGEND_ROOM = 110;
/** A label runs out from its node along the radius: at most this long (longer names are cut, the tooltip has them whole). */
const LABEL_WIDTH = 84;
const LABEL_ROOM = LABEL_WIDTH + 24;

/**
 * Who copied from whom: units on a circle grouped by department (a circle keeps every node inside the
 * frame, clear of the title and the legend), an arrow from the copier to the unit it copied from, its
 * width the characters taken; text shared within the same period (direction unknown) dashed, without arrow.
 */
export function copyGraphChart(edges: CopyGraphEdge[], title = '单位间抄用关系（箭头由抄用方指向来源单位）', subtitle = ''): EChartsOption {
  const departments = [...new Set(edges.flatMap((e) => [e.fromDepartment ?? '未分组', e.toDepartment ?? '未分组']))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const nodes = new Map<string, { name: string; category: number; value: number; department: string }>();
  for (const e of edges) {
    for (const [name, dept] of [
      [e.from, e.fromDepartment ?? '未分组'],
      [e.to, e.toDepartment ?? '未分组'],
    ] as const) {
      const n = nodes.get(name) ?? { name, category: departments.indexOf(dept), value: 0, department: dept };
      n.value += e.chars;
      nodes.set(name, n);
    }
  }
  // Around the circle department by department, so that copying within a department reads as short chords.
  const ordered = [...nodes.values()].sort((a, b) => a.category - b.category || a.name.localeCompare(b.name, 'zh-CN'));
  const maxNode = Math.max(1, ...ordered.map((n) => n.value));
  const maxEdge = Math.max(1, ...edges.map((e) => e.chars));
  return {
    color: PALETTE,
    textStyle: { fontFamily: CHART_FONT },
    aria: { enabled: true },
    title: { text: title, subtext: subtitle, left: 'center', textStyle: { fontSize: 15 } },
    tooltip: {
      confine: true,
      formatter: (p: unknown) => {
        const { dataType, data } = p as { dataType: string; data: { name?: string; value: number; source?: string; target?: string; kind?: string; pairs?: number } };
        if (dataType === 'edge') {
          return data.kind === 'copied'
            ? tooltipHtml`${data.source} → ${data.target}<br/>抄自 ${data.target} 较早的报告：${data.value} 字（${data.pairs} 对报告）<br/>点击连线查看相同文字最多的一对`
            : tooltipHtml`${data.source} — ${data.target}<br/>同期报告雷同：${data.value} 字（${data.pairs} 对报告，先后不明）<br/>点击连线查看相同文字最多的一对`;
        }
        return tooltipHtml`${data.name}<br/>涉及抄用文字 ${data.value} 字`;
      },
    },
    // At the right, so that the circle can use the height a 1366×768 screen has.
    legend: { orient: 'vertical', right: 0, top: 'middle', data: departments, type: 'scroll' },
    series: [
      {
        type: 'graph',
        layout: 'circular',
        circular: { rotateLabel: true },
        // The circle keeps clear of the title and legend by the length of the labels radiating from it.
        top: TITLE_ROOM + LABEL_ROOM,
        bottom: LABEL_ROOM,
        left: LABEL_ROOM,
        right: LEGEND_ROOM + LABEL_ROOM,
        roam: false,
        categories: departments.map((d) => ({ name: d })),
        label: { show: true, position: 'right', fontSize: 11, color: '#333', width: LABEL_WIDTH, overflow: 'truncate' },
        labelLayout: { hideOverlap: true },
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 9,
        // Nodes shrink as the circle fills, so that neighbours stay apart.
        data: ordered.map(({ department: _d, ...n }) => ({ ...n, symbolSize: 6 + (ordered.length > 24 ? 12 : 22) * Math.sqrt(n.value / maxNode) })),
        links: edges.map((e) => ({
          source: e.from,
          target: e.to,
          value: e.chars,
          kind: e.kind,
          pairs: e.reportPairs,
          strongest: { a: e.strongest.a, b: e.strongest.b },
          ...(e.kind === 'shared' ? { symbol: ['none', 'none'] } : {}),
          lineStyle: { width: 1 + 6 * (e.chars / maxEdge), opacity: 0.7, curveness: 0.2, type: e.kind === 'shared' ? 'dashed' : 'solid', color: e.kind === 'shared' ? '#faad14' : '#fa541c' },
        })),
        emphasis: { focus: 'adjacency', lineStyle: { width: 4 } },
      },
    ],
  };
}
