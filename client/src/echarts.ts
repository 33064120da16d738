// ECharts for the dashboard: only what shared/charts uses, so the client does not carry the whole
// library (the server's exports import it whole). The bars, lines and components every chart view needs
// come at once; the graph, the heatmap and the SVG renderer (downloads only) are loaded when a chart
// first needs them. A chart definition that needs another type or component adds it here.
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsOption } from 'echarts';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, TitleComponent, TooltipComponent, LegendComponent, GridComponent, AriaComponent, CanvasRenderer]);

const LATER: Record<string, () => Promise<unknown>> = {
  graph: () => import('./echarts-graph.js'),
  heatmap: () => import('./echarts-heatmap.js'),
};

const registered = new Set<string>();

/**
 * Registers the chart types the option uses that are not registered yet; true when it registered one.
 * An instance made before a type was registered lacks that type's visual stages and must be made anew.
 */
export async function chartTypesFor(option: EChartsOption): Promise<boolean> {
  const series = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  const missing = [...new Set(series.flatMap((s) => (s.type && LATER[s.type] && !registered.has(s.type) ? [s.type] : [])))];
  await Promise.all(missing.map((t) => LATER[t]!()));
  for (const t of missing) registered.add(t);
  return missing.length > 0;
}

/** The SVG renderer, for SVG downloads. */
export function svgRenderer(): Promise<unknown> {
  return import('./echarts-svg.js');
}

export { echarts };
