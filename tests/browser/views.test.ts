// Every view of the dashboard on the demo data: the numbers shown are the API's, filters and drill-downs
// work, a copied passage leads to the side-by-side view, and report text is shown as text, never as HTML.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestSubmission } from '../../server/intake/ingest.js';
import { apiQuery, RESULTS_DIR, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const shot = (name: string) => h.page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`), fullPage: true });
const ariaOf = async (testId: string) => {
  const chart = h.page.getByTestId(testId);
  await chart.locator('canvas').first().waitFor();
  // ECharts' aria description (on the chart's own element) carries its data as text.
  await expect.poll(async () => (await chart.getAttribute('aria-label')) ?? '').not.toBe('');
  return (await chart.getAttribute('aria-label')) ?? '';
};

describe('dashboard views', () => {
  it('overview: headlines, chart and the reports needing a look match the API', async () => {
    const headlines = await apiQuery<{ reports: number }>(h, 'overview.headlines', {});
    const review = await apiQuery<Array<{ unit: string }>>(h, 'overview.needingReview', {});
    await h.page.goto(h.url);
    expect(await ariaOf('chart-reports-by-department-year')).toContain('各部门报送报告数');
    await expect.poll(() => h.page.getByTestId('headline-报告总数').innerText()).toContain(headlines.reports.toLocaleString('zh-CN'));
    expect(review.length).toBeGreaterThan(0);
    await expect.poll(() => h.page.getByTestId('needing-review').innerText()).toContain(review[0]!.unit);
    await shot('view-overview');
  });

  it('unit comparison: one row per unit, the department filter lives in the URL, a unit drills down to its page', async () => {
    const all = await apiQuery<Array<{ unit: string; department: string }>>(h, 'units.comparison', {});
    const department = all.find((u) => u.department !== '样本单位')!.department;
    const inDept = all.filter((u) => u.department === department);
    await h.page.goto(`${h.url}/units?department=${encodeURIComponent(department)}`);
    const table = h.page.getByTestId('unit-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await expect.poll(() => h.page.getByText(/共 \d+ 个单位/).innerText()).toBe(`共 ${inDept.length} 个单位`);
    await shot('view-units');
    await table.locator('tbody tr.ant-table-row a').first().click();
    await h.page.waitForURL(/\/units\/[^?]+/);
    const aria = await ariaOf('chart-unit-trend');
    expect(aria).toContain('历次报告变化');
    await shot('view-unit');
  });

  it('activity: both charts show, units missing a category and the unmatched activities are those of the API', async () => {
    const missing = await apiQuery<Array<{ category: string; units: unknown[] }>>(h, 'activity.missing', {});
    const unmatched = await apiQuery<Array<{ activity: string }>>(h, 'activity.unmatched', {});
    await h.page.goto(`${h.url}/activity`);
    expect(await ariaOf('chart-activity-heatmap')).toContain('各部门活动频次');
    expect(await ariaOf('chart-activity-years')).toContain('各年度活动频次');
    const firstMissing = missing.find((m) => m.units.length > 0)!;
    await expect.poll(() => h.page.getByText(`${firstMissing.units.length} 个单位`).first().isVisible()).toBe(true);
    await expect.poll(() => h.page.getByText(unmatched[0]!.activity, { exact: true }).first().isVisible()).toBe(true);
    await shot('view-activity');
  });

  it('themes: the table lists the API themes, a theme opens to its statements, recurrences are listed', async () => {
    const { themes } = await apiQuery<{ themes: Array<{ id: string; label: string }> }>(h, 'themes.list', {});
    expect(themes.length).toBeGreaterThan(3);
    await h.page.goto(`${h.url}/themes`);
    const table = h.page.getByTestId('theme-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await expect.poll(() => table.locator('tbody tr.ant-table-row').first().innerText()).toContain(themes[0]!.label);
    const { rows: members } = await apiQuery<{ rows: Array<{ text: string }> }>(h, 'themes.members', { theme: themes[0]!.id, page: 1, pageSize: 8 });
    await table.locator('tbody tr.ant-table-row .ant-table-row-expand-icon').first().click();
    await expect.poll(() => table.innerText()).toContain(members[0]!.text.slice(0, 20));
    await ariaOf('chart-theme-trends');
    await expect.poll(() => h.page.getByTestId('recurrences').innerText()).toMatch(/× \d+ 期/);
    await shot('view-themes');
  });

  it('reuse: a widely copied passage leads to the side-by-side view with the passages the API aligned', async () => {
    await h.page.goto(`${h.url}/reuse`);
    await ariaOf('chart-reuse-by-department');
    const list = h.page.getByTestId('top-passages');
    const source = list.locator('.ant-tag a').first();
    await source.waitFor();
    await shot('view-reuse');
    await source.click();
    await h.page.waitForURL(/\/compare\?a=\d+&b=\d+/);
    const params = new URL(h.page.url()).searchParams;
    const pair = await apiQuery<{ passages: unknown[] }>(h, 'compare.pair', { a: Number(params.get('a')), b: Number(params.get('b')) });
    expect(pair.passages.length).toBeGreaterThan(0);
    const rows = h.page.getByTestId('compare-passages').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(pair.passages.length);
    await shot('view-compare');
  });

  it('search: hits in context, as many as the API finds', async () => {
    const result = await apiQuery<{ total: number }>(h, 'search.reports', { q: '网络舆情', page: 1, pageSize: 20 });
    expect(result.total).toBeGreaterThan(0);
    await h.page.goto(`${h.url}/search?q=${encodeURIComponent('网络舆情')}`);
    await expect.poll(() => h.page.getByTestId('search-results').innerText()).toContain(`共 ${result.total.toLocaleString('zh-CN')} 份报告`);
    expect(await h.page.locator('.kwic mark').first().innerText()).toBe('网络舆情');
    await shot('view-search');
  });

  it('report: text with HTML in it is shown as text, never run', async () => {
    const text = '市测试局2024年上半年意识形态工作总结\n一、主要做法\n<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">开展专题学习4次。\n二、存在的问题\n一是学习不够深入。\n';
    const r = await ingestSubmission(h.db, { fileName: '市测试局2024年上半年意识形态工作总结.txt', bytes: new TextEncoder().encode(text), meta: { department: '党群' } });
    expect(r.status).toBe('stored');
    const id = (r as { reportId: number }).reportId;
    await h.page.goto(`${h.url}/reports/${id}`);
    const body = h.page.getByTestId('report-text');
    await body.waitFor();
    await expect.poll(() => body.innerText()).toContain('<script>window.__xss = 1</script>');
    expect(await h.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await shot('view-report-escaped');
  });
});
