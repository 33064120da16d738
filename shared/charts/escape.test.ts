// Names a submitter or an upload chooses (unit, department, theme, category) reach the charts' HTML
// tooltips: every tooltip our formatters build must show them as text, never as markup.
import type { EChartsOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { activityByDepartmentChart } from './activity.js';
import { escapeHtml, tooltipHtml } from './escape.js';
import { copyGraphChart } from './reuse.js';
import { themeDepartmentChart } from './themes.js';

const HOSTILE = '<img src=x onerror="alert(document.cookie)">';
const QUOTED = `市"宣传'部 & <b>`;

/** Every tooltip of the chart as ECharts would ask for it: the formatter called on each data item. */
function tooltips(option: EChartsOption): string[] {
  const tooltip = option.tooltip;
  const formatter = !Array.isArray(tooltip) ? tooltip?.formatter : undefined;
  if (typeof formatter !== 'function') throw new Error('this chart has no tooltip formatter of its own');
  const series = Array.isArray(option.series) ? option.series : [option.series];
  const out: string[] = [];
  for (const s of series) {
    const items = [...(((s as { data?: unknown[] }).data ?? []) as unknown[]), ...(((s as { links?: unknown[] }).links ?? []) as unknown[])];
    for (const data of items) out.push(String((formatter as (p: unknown) => unknown)({ data, dataType: 'node' })));
  }
  return out;
}

function expectText(html: string[], ...names: string[]): void {
  const all = html.join('\n');
  expect(all).not.toMatch(/<img|<b>/);
  for (const n of names) expect(all).toContain(escapeHtml(n));
}

describe('chart tooltips', () => {
  it('escapes names in the heatmaps (activity by department, themes by department)', () => {
    expectText(tooltips(activityByDepartmentChart([{ group: HOSTILE, category: '专题学习', figures: 3, total: 7, reports: 3, base: 6 }], ['专题学习'])), HOSTILE);
    expectText(
      tooltips(themeDepartmentChart([{ theme: 't1', department: QUOTED, share: 0.5 }], [{ id: 't1', label: HOSTILE }])),
      HOSTILE,
      QUOTED,
    );
  });

  it('escapes unit names in the copy graph, on nodes and on links', () => {
    const html = tooltips(copyGraphChart([{ from: HOSTILE, fromDepartment: '宣传部', to: QUOTED, toDepartment: null, chars: 120, kind: 'copied', reportPairs: 1, strongest: { a: 1, b: 2, chars: 120 } }]));
    expect(html).toHaveLength(3);
    expectText(html, HOSTILE, QUOTED);
  });

  it('escapes each value once and keeps the template’s own markup', () => {
    expect(tooltipHtml`${'a&b'}<br/>${'<i>'}：${3}`).toBe('a&amp;b<br/>&lt;i&gt;：3');
    expect(escapeHtml(null)).toBe('');
  });
});
