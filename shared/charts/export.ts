// A chart's option as it goes out of the dashboard (downloads and the briefing): white background, the
// final frame, and every legend entry visible — a scrolling legend shows one page in a picture, so it
// becomes a plain legend wrapped over as many lines as it needs, with the plot made room for; a
// force-directed graph is laid out before the picture is taken.
import type { EChartsOption } from 'echarts';

const LEGEND_LINE = 22;
const LEGEND_FONT = 12;

/** Approximate width of a legend entry: the symbol, the gap and the text (CJK characters are square). */
function entryWidth(name: string): number {
  let text = 0;
  for (const ch of name) text += /[\u2e80-\uffff]/.test(ch) ? LEGEND_FONT : LEGEND_FONT * 0.6;
  return 25 + 5 + text + 10;
}

/** Lines a plain legend of these names takes at this width. */
export function legendLines(names: string[], width: number): number {
  const usable = width - 20;
  let lines = 1;
  let x = 0;
  for (const n of names) {
    const w = entryWidth(n);
    if (x > 0 && x + w > usable) {
      lines++;
      x = 0;
    }
    x += w;
  }
  return lines;
}

function seriesList(option: EChartsOption) {
  return Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
}

function seriesNames(option: EChartsOption): string[] {
  return seriesList(option).map((s) => (typeof s.name === 'string' ? s.name : '')).filter((n) => n !== '');
}

export interface ExportedChart {
  option: EChartsOption;
  /** The asked height plus the legend's extra lines: the plot keeps its size. */
  height: number;
}

/**
 * A scrolling legend made plain, wrapped over as many lines as its names need at this width, with the
 * plot's bottom moved up by the extra lines (`extra` pixels to add to the chart's height): every name
 * readable without paging, on screen (at 1366 px the activity and theme legends paged as 1/3) and in pictures.
 */
export function wrapLegend(option: EChartsOption, width: number): ExportedChart {
  const legend = option.legend;
  // Nothing to wrap: the option itself, so that a chart is not drawn again (a graph laid out anew) on a resize.
  if (!legend || Array.isArray(legend) || legend.type !== 'scroll') return { option, height: 0 };
  const out: EChartsOption = { ...option, legend: { ...legend, type: 'plain' } };
  let extra = 0;
  const grid = option.grid;
  if (grid && !Array.isArray(grid) && typeof grid.bottom === 'number') {
    extra = (legendLines(seriesNames(option), width) - 1) * LEGEND_LINE;
    out.grid = { ...grid, bottom: grid.bottom + extra };
  }
  return { option: out, height: extra };
}

export function exportOption(option: EChartsOption, size: { width: number; height: number }): ExportedChart {
  const wrapped = wrapLegend(option, size.width);
  const out: EChartsOption = { ...wrapped.option, backgroundColor: '#fff', animation: false };
  const extra = wrapped.height;
  // A force-directed graph settles over animation frames; a picture needs it settled at once.
  const series = seriesList(option);
  if (series.some((s) => s.type === 'graph' && s.layout === 'force')) {
    out.series = series.map((s) => (s.type === 'graph' && s.layout === 'force' ? { ...s, force: { ...s.force, layoutAnimation: false } } : s));
  }
  return { option: out, height: size.height + extra };
}
