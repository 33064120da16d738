import { describe, expect, it } from 'vitest';
import { activityByDepartmentChart } from './activity.js';
import { heatmapChart } from './heatmap.js';
import { themeTrendChart } from './themes.js';

type Datum = { value: [number, number, number]; cell: { row: string; count?: number } };
type Series = { data: Datum[]; label: { formatter: (p: unknown) => string } };

describe('heatmaps of shares', () => {
  const cells = [
    { row: '理论学习不深入', column: '党群', value: 0.5, count: 10, base: 20 },
    { row: '理论学习不深入', column: '政法', value: 1, count: 2, base: 2 },
    { row: '<img src=x onerror=alert(1)>', column: '经济', value: 0.25, count: 3, base: 12 },
  ];
  const option = heatmapChart('各部门问题主题分布', cells, { valueName: '报告占比', percent: true });
  const [solid, thin] = option.series as Series[];

  it('draws a cell resting on fewer than 5 reports apart, out of the colour scale', () => {
    expect(solid!.data.map((d) => d.cell.count)).toEqual([10, 3]);
    expect(thin!.data.map((d) => d.cell.count)).toEqual([2]);
    expect((option.visualMap as { max: number; seriesIndex: number }).max).toBe(0.5);
    expect((option.visualMap as { seriesIndex: number }).seriesIndex).toBe(0);
  });

  it('shows the counts behind a share in the cell and the tooltip, with names escaped', () => {
    expect(solid!.label.formatter({ data: solid!.data[0] })).toBe('50%\n10/20');
    const tooltip = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(tooltip({ data: thin!.data[0] })).toContain('报告：2 / 2 份');
    expect(tooltip({ data: thin!.data[0] })).toContain('少于 5 份');
    const html = tooltip({ data: solid!.data[1] });
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });

  it('charts activities by the share of a department’s reports that report them', () => {
    const heat = activityByDepartmentChart(
      [
        { group: '党群', category: '专题学习', figures: 40, total: 120, reports: 18, base: 24 },
        { group: '政法', category: '专题学习', figures: 9, total: 30, reports: 3, base: 4 },
      ],
      ['专题学习'],
    );
    const [s, weak] = heat.series as Series[];
    expect(s!.data[0]!.value[2]).toBe(0.75);
    expect(weak!.data).toHaveLength(1);
  });
});

describe('theme trends', () => {
  it('say which reports they compare and show the counts behind each point, names escaped', () => {
    const trends = [{ id: 'a', label: '<b>x</b>', points: [{ share: 0.5, reports: 5, base: 10 }, { share: 0.2, reports: 2, base: 10 }] }];
    const option = themeTrendChart([2023, 2024], trends, trends);
    expect((option.title as { subtext: string }).subtext).toContain('半年、季度报告不计入');
    expect((themeTrendChart([2023], trends, trends, 'H1').title as { subtext: string }).subtext).toBe('按上半年报告统计');
    const tooltip = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = tooltip([{ seriesIndex: 0, dataIndex: 1, marker: '', axisValueLabel: '2024' }]);
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;：20.0%（2/10 份）');
  });
});
