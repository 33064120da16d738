// The rough edges of #19, as a reviewer meets them, at the two screens committees use (1366×768 and
// 1920×1080), each with screenshots in test-results/rough-edges/: legends readable without paging,
// report titles readable, no sideways scroll on 单位对比 and colour only for outliers there, 对照 on one
// line, the unit's name in the breadcrumb, a heatmap click that shows (and lets one remove) what it
// filtered, no bare verbs among 未归类的活动, sample units out of the overview's findings unless asked
// for, and a briefing's link opening the report at the passage, highlighted.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vocab } from '../../server/analyze/vocab.js';
import { apiQuery, RESULTS_DIR, startHarness, type Harness } from './harness.js';

const OUT = path.join(RESULTS_DIR, 'rough-edges');
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  fs.mkdirSync(OUT, { recursive: true });
}, 600_000);
afterAll(async () => {
  await h?.close();
});

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

describe.each(SIZES)('at $width×$height', (size) => {
  const shot = (name: string) => h.page.screenshot({ path: path.join(OUT, `${size.width}-${name}.png`), fullPage: true });
  beforeAll(async () => {
    await h.page.setViewportSize(size);
  });

  it('overview: headlines with their baseline, sample units only when asked for, 最近报送 with its period', async () => {
    await h.page.goto(h.url);
    await expect.poll(() => h.page.getByTestId('headline-平均雷同率').innerText()).toMatch(/上年同期|无上年同期/);
    await expect.poll(() => h.page.getByTestId('headline-平均雷同率').innerText()).toContain('各单位中位数');
    const missing = h.page.getByTestId('missing-submissions');
    await expect.poll(() => missing.innerText()).not.toContain('加载');
    // The card counts the units and says what it judged them against.
    expect(await missing.innerText()).toMatch(/未报送 \d+ 个单位（\d{4}年/);
    expect(await missing.innerText()).toMatch(/按报送单位名录的应报期别判断|未导入报送单位名录，按曾报送过的单位判断/);
    const lines = (await missing.innerText()).match(/最近报送 [^\n]*/g) ?? [];
    for (const l of lines) expect(l).toMatch(/最近报送 \d{4}年(全年|上半年|下半年|第.季度)/);
    expect(await h.page.getByTestId('needing-review').innerText()).not.toContain('样本');
    expect(await missing.innerText()).not.toContain('样本');
    await h.page.getByTestId('include-samples').click();
    await expect.poll(() => h.page.getByTestId('needing-review').innerText()).toContain('样本');
    await shot('overview-with-samples');
    await h.page.getByTestId('include-samples').click();
    await shot('overview');
  });

  it('activity: legends wrap instead of paging; a heatmap click shows the department it filtered as a removable tag', async () => {
    await h.page.goto(`${h.url}/activity`);
    const years = h.page.getByTestId('chart-activity-years');
    await years.locator('canvas').first().waitFor();
    const categories = vocab.categories.categories.length;
    // Every category's name on the legend: at this width they take more than one line, and the chart grows by them.
    if (categories * 70 > size.width / 2) await expect.poll(async () => (await years.boundingBox())!.height).toBeGreaterThan(420);
    const heat = h.page.getByTestId('chart-activity-heatmap');
    await heat.locator('canvas').first().waitFor();
    await h.page.waitForTimeout(500);
    const box = (await heat.boundingBox())!;
    await h.page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.45);
    const tag = h.page.getByTestId('drill-filter-department');
    await tag.waitFor();
    expect(h.page.url()).not.toContain('department=');
    await expect.poll(() => h.page.getByTestId('activity-drilldown').innerText()).toMatch(/部门：/);
    await shot('activity-drilldown');
    await tag.locator('.anticon-close').click();
    await expect.poll(() => tag.count()).toBe(0);
    const cells = h.page.getByTestId('unmatched-activities').locator('tbody tr td:first-child');
    await cells.first().waitFor();
    const unmatched = await cells.allInnerTexts();
    expect(unmatched.length).toBeGreaterThan(0);
    for (const a of unmatched) expect(vocab.figures.bareVerbs).not.toContain(a.trim());
  });

  it('unit comparison: no sideways scroll, red only for outliers', async () => {
    await h.page.goto(`${h.url}/units`);
    const table = h.page.getByTestId('unit-table');
    await table.locator('tbody tr').nth(5).waitFor();
    const overflow = await h.page.evaluate(() => {
      const doc = document.scrollingElement!;
      const content = document.querySelector('[data-testid="unit-table"] .ant-table-content, [data-testid="unit-table"] .ant-table-body');
      return { page: doc.scrollWidth - doc.clientWidth, table: content ? content.scrollWidth - content.clientWidth : 0 };
    });
    expect(overflow.page).toBeLessThanOrEqual(0);
    expect(overflow.table).toBeLessThanOrEqual(0);
    const rows = await table.locator('tbody tr').count();
    const red = await table.locator('tbody tr td:nth-child(5) .rate-outlier').count();
    expect(red / rows).toBeLessThan(0.3);
    await shot('units');
  });

  it('a unit’s page names the unit in the breadcrumb', async () => {
    const units = await apiQuery<Array<{ unit: string }>>(h, 'units.comparison', {});
    const name = units[0]!.unit;
    await h.page.goto(`${h.url}/units/${encodeURIComponent(name)}`);
    await expect.poll(() => h.page.locator('.ant-breadcrumb li').last().innerText()).toBe(name);
    await shot('unit-page');
  });

  it('reports: titles have the room (not cut to a few characters)', async () => {
    await h.page.goto(`${h.url}/reports`);
    const header = h.page.locator('th', { hasText: '标题' });
    await header.waitFor();
    expect((await header.boundingBox())!.width).toBeGreaterThan(size.width >= 1920 ? 600 : 300);
    await shot('reports');
  });

  it('reuse: 对照 stays on one line', async () => {
    await h.page.goto(`${h.url}/reuse`);
    const links = h.page.locator('a', { hasText: /^对照$/ });
    await links.first().waitFor();
    const lines = await links.evaluateAll((as) => as.map((a) => a.getClientRects().length));
    expect(lines.every((n) => n === 1)).toBe(true);
    await shot('reuse');
  });

  it('a briefing’s link opens the report at the passage, highlighted', async () => {
    const [passage] = await apiQuery<Array<{ reportId: number; start: number; end: number }>>(h, 'reuse.topPassages', {});
    await h.page.goto(`${h.url}/reports/${passage!.reportId}?from=${passage!.start}&to=${passage!.end}`);
    const mark = h.page.locator('.evidence-passage').first();
    await mark.waitFor();
    await expect.poll(async () => {
      const b = await mark.boundingBox();
      return b !== null && b.y >= 0 && b.y < size.height;
    }).toBe(true);
    const marked = (await h.page.locator('.evidence-passage').allInnerTexts()).join('');
    expect(marked.length).toBeGreaterThan(0);
    await h.page.screenshot({ path: path.join(OUT, `${size.width}-report-evidence.png`) });
  });
});
