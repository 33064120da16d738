import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiQuery, RESULTS_DIR, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('dashboard on the seeded demo data', () => {
  it('shows the submissions chart with the numbers the API gives', async () => {
    const rows = await apiQuery<Array<{ department: string; year: number; reports: number }>>(h, 'overview.reportsByDepartmentYear', {});
    const total = rows.reduce((s, r) => s + r.reports, 0);
    expect(total).toBeGreaterThanOrEqual(5);
    await h.page.goto(h.url);
    const chart = h.page.getByTestId('chart-reports-by-department-year');
    await chart.locator('canvas').first().waitFor();
    // ECharts' aria description (on the chart's own element) carries the chart's data as text.
    await expect.poll(async () => (await chart.getAttribute('aria-label')) ?? '').toContain('各部门报送报告数');
    const aria = (await chart.getAttribute('aria-label')) ?? '';
    expect(aria).toContain('各部门报送报告数');
    for (const r of rows) expect(aria).toContain(r.department);
    await expect.poll(() => h.page.getByTestId('headline-报告总数').innerText()).toContain(String(total));
    await h.page.screenshot({ path: path.join(RESULTS_DIR, 'overview.png'), fullPage: true });
  });

  it('lists the stored reports and opens one with its text and outline', async () => {
    const list = await apiQuery<{ total: number; rows: Array<{ id: number; unit: string }> }>(h, 'reports.list', { page: 1, pageSize: 20 });
    await h.page.goto(`${h.url}/reports`);
    const table = h.page.getByTestId('report-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const rowCount = await table.locator('tbody tr.ant-table-row').count();
    expect(rowCount).toBe(Math.min(20, list.total));
    await expect.poll(() => table.innerText()).toContain(list.rows[0]!.unit);
    await h.page.screenshot({ path: path.join(RESULTS_DIR, 'reports.png'), fullPage: true });

    await table.locator('tbody tr.ant-table-row a').first().click();
    const text = h.page.getByTestId('report-text');
    await text.waitFor();
    const detail = await apiQuery<{ text: string; sections: unknown[] }>(h, 'reports.get', { id: list.rows[0]!.id });
    expect((await text.innerText()).replace(/\s/g, '')).toBe(detail.text.replace(/\s/g, ''));
    expect(await h.page.getByTestId('section-outline').locator('.ant-list-item').count()).toBe(detail.sections.length);
    await h.page.screenshot({ path: path.join(RESULTS_DIR, 'report.png'), fullPage: true });
  });
});
