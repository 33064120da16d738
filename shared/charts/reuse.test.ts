// The copy graph as ECharts lays it out (server-side, the same option the browser draws) at the size the
// reuse view gives it on a 1366×768 screen: every node and label below the title and clear of the legend,
// arrows on copied edges only, and labels that do not pile up.
import * as echarts from 'echarts';
import { describe, expect, it } from 'vitest';
import { UNIT_TYPES } from '../../seed/generator/units.js';
import { type CopyGraphEdge, copyGraphChart } from './reuse.js';

/** The graph card's inner width at 1366 px (side menu 200, margins 2×16, card padding 2×24). */
const WIDTH = 1366 - 200 - 32 - 48;
const HEIGHT = 560;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Bounding boxes of what the chart drew for a component or a series (zrender elements, transformed). */
function boxes(chart: echarts.ECharts, mainType: string, filter: (el: { type?: string }) => boolean = () => true): Box[] {
  const out: Box[] = [];
  // biome-ignore lint: internal API of ECharts, used in this test only
  const api = chart as unknown as { _componentsViews: Array<{ __model?: { mainType: string }; group: any }>; _chartsViews: Array<{ __model?: { mainType: string }; group: any }> };
  for (const view of [...api._componentsViews, ...api._chartsViews]) {
    if (view.__model?.mainType !== mainType) continue;
    const measure = (el: any) => {
      if (!filter(el) || el.ignore || el.invisible || !el.getBoundingRect || el.isGroup) return;
      const r = el.getBoundingRect().clone();
      el.updateTransform?.();
      r.applyTransform(el.getComputedTransform());
      if (r.width > 0 && r.height > 0) out.push({ x: r.x, y: r.y, width: r.width, height: r.height });
    };
    view.group.traverse((el: any) => {
      measure(el);
      // A node's label is its text content, not a child of the group.
      const label = el.getTextContent?.();
      if (label) measure(label);
    });
  }
  return out;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function render(edges: CopyGraphEdge[]) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  chart.setOption(copyGraphChart(edges, undefined, '显示相同文字最多的 30 条（共 120 条）'));
  // Painting places the arrows and hides the labels that would overlap.
  chart.renderToSVGString();
  return chart;
}

/** Every unit of the demo copying from the next two: the densest graph the view shows by default and more. */
function edges(n: number): CopyGraphEdge[] {
  const units = UNIT_TYPES.slice(0, n);
  return units.flatMap((u, i) =>
    [1, 2].map((d, k) => {
      const v = units[(i + d) % units.length]!;
      return { from: u.name, fromDepartment: u.department, to: v.name, toDepartment: v.department, chars: 200 + ((i * 37 + k * 11) % 900), kind: k === 1 && i % 5 === 0 ? 'shared' : 'copied', reportPairs: 1, strongest: { a: i + 1, b: i + 2, chars: 200 } } as const;
    }),
  );
}

describe('the copy graph at 1366×768', () => {
  for (const n of [12, 40]) {
    it(`keeps ${n} units' nodes and labels clear of the title and the legend`, () => {
      const chart = render(edges(n));
      try {
        const title = boxes(chart, 'title');
        const legend = boxes(chart, 'legend');
        const series = boxes(chart, 'series');
        expect(title.length).toBeGreaterThan(0);
        expect(legend.length).toBeGreaterThan(0);
        expect(series.length).toBeGreaterThan(n);
        const titleBottom = Math.max(...title.map((b) => b.y + b.height));
        const legendLeft = Math.min(...legend.map((b) => b.x));
        for (const b of series) {
          expect(b.y, 'below the title').toBeGreaterThanOrEqual(titleBottom);
          expect(b.x + b.width, 'left of the legend').toBeLessThanOrEqual(legendLeft);
          expect(b.x).toBeGreaterThanOrEqual(0);
          expect(b.y + b.height, 'inside the frame').toBeLessThanOrEqual(HEIGHT);
        }
        for (const t of [...title, ...legend]) for (const b of series) expect(overlaps(t, b)).toBe(false);
      } finally {
        chart.dispose();
      }
    });
  }

  it('draws copied edges with an arrow towards the source, shared ones dashed without', () => {
    const option = copyGraphChart(edges(12));
    const series = (option.series as Array<{ edgeSymbol: string[]; links: Array<{ kind: string; symbol?: string[]; lineStyle: { type: string } }> }>)[0]!;
    expect(series.edgeSymbol).toEqual(['none', 'arrow']);
    for (const l of series.links) {
      if (l.kind === 'copied') expect([l.symbol, l.lineStyle.type]).toEqual([undefined, 'solid']);
      else expect([l.symbol, l.lineStyle.type]).toEqual([['none', 'none'], 'dashed']);
    }
  });

  it('escapes unit names in its tooltips', () => {
    const option = copyGraphChart([{ from: '<img src=x onerror=alert(1)>', fromDepartment: null, to: '市乙局', toDepartment: null, chars: 300, kind: 'copied', reportPairs: 1, strongest: { a: 1, b: 2, chars: 300 } }]);
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = formatter({ dataType: 'edge', data: { source: '<img src=x onerror=alert(1)>', target: '市乙局', value: 300, kind: 'copied', pairs: 1 } });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
  });
});
