// Intake as a committee meets it: a zip of files named 附件1.txt, 2024上半年.txt … without any manifest is
// uploaded; what names a unit is filed under it, what does not waits in 待补充信息 with the ranked
// candidates; a reviewer assigns one, and it appears in 单位对比. The report view shows why a report is
// filed under its unit, the span highlighted.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeZip } from '../fixtures/submissions.js';
import { seedSampleFiles } from '../shared-material.js';
import { apiQuery, RESULTS_DIR, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const utf8 = (s: string) => new TextEncoder().encode(s);
/** A sample as another unit might send it: its text plus a line, so that it is not the demo data's copy. */
const sample = (n: number) => utf8(`${fs.readFileSync(seedSampleFiles()[n]!, 'utf8')}\n（报送稿）`);

describe('intake without metadata', () => {
  it('stores a zip without a manifest, lists the reports naming no unit as pending, and a reviewer assigns one', async () => {
    const zip = makeZip([
      { name: '附件1.txt', data: sample(0) }, // XX局党委: no unit of its own
      { name: '附件2.txt', data: sample(4) }, // 市委老干部局 names itself in its first section
      { name: '2024上半年.txt', data: utf8(['意识形态工作情况报告', '今年以来，我局坚持以习近平新时代中国特色社会主义思想为指导，召开专题会议3次。', '一、工作开展情况', '开展理论学习中心组学习6次。', '', '市信访局党组', '2024年7月5日'].join('\n')) },
    ]);
    const { page, url } = h;
    await page.goto(`${url}/upload`);
    await page.locator('input[type=file]').setInputFiles({ name: '报送材料.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    await page.getByRole('button', { name: /上传并识别/ }).click();
    const rows = page.getByTestId('upload-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(3);
    const signed = rows.filter({ hasText: '2024上半年.txt' });
    expect(await signed.getByRole('combobox').first().inputValue()).toBe('市信访局');
    // 市信访局 is in the demo's unit registry: matched there, from the signature block.
    expect(await signed.innerText()).toContain('依据：单位名录匹配，文末落款“市信访局党组”');
    expect(await rows.filter({ hasText: '附件1.txt' }).innerText()).toContain('不填也可入库');
    await page.getByTestId('commit-button').click();
    const summary = page.getByTestId('commit-summary');
    await summary.waitFor({ timeout: 120_000 });
    expect(await summary.innerText()).toContain('新入库 3 份（其中待确认 1 份）');

    // The overview says reports wait; the queue lists them with why.
    await page.goto(`${url}/`);
    await page.getByTestId('pending-alert').waitFor();
    await page.getByTestId('pending-alert').getByRole('link', { name: '去补充信息' }).click();
    const queue = page.getByTestId('pending-queue');
    await expect.poll(() => queue.locator('tbody tr.ant-table-row').count()).toBe(1);
    const row = queue.locator('tbody tr.ant-table-row').first();
    expect(await row.innerText()).toContain('未能确定报送单位');
    await page.screenshot({ path: path.join(RESULTS_DIR, 'intake-pending.png'), fullPage: true });
    const pending = await apiQuery<{ rows: Array<{ id: number; year: number | null }> }>(h, 'intake.pending', {});
    const id = pending.rows[0]!.id;
    expect(pending.rows[0]!.year).toBe(2022);
    expect((await apiQuery<Array<{ unit: string }>>(h, 'units.comparison', {})).map((u) => u.unit)).not.toContain('市档案局');

    await row.getByTestId(`assign-unit-${id}`).locator('input').fill('市档案局');
    await row.getByTestId(`assign-${id}`).click();
    await expect.poll(() => queue.locator('tbody tr.ant-table-row').count()).toBe(0);

    // Assigned, it joins the unit comparison.
    await page.goto(`${url}/units`);
    await expect.poll(() => page.getByRole('link', { name: '市档案局' }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'intake-units.png'), fullPage: true });
    expect((await apiQuery<Array<{ unit: string; reports: number }>>(h, 'units.comparison', {})).find((u) => u.unit === '市档案局')?.reports).toBe(1);

    // The report view says where the unit was read, the span highlighted in the text.
    // The one from the zip, not the demo's reports of the same unit (whose unit their manifest gives).
    const stored = await apiQuery<{ rows: Array<{ id: number; unit: string; fileName: string | null }> }>(h, 'reports.list', { unit: '市委老干部局', page: 1, pageSize: 100 });
    const uploaded = stored.rows.find((r) => r.fileName?.endsWith('附件2.txt'));
    await page.goto(`${url}/reports/${uploaded!.id}`);
    const grounds = page.getByTestId('meta-grounds');
    await grounds.waitFor();
    expect(await grounds.innerText()).toContain('正文中单位自称“市委老干部局”');
    expect(await page.getByTestId('report-text').locator('.meta-unit').innerText()).toBe('市委老干部局');
    await page.screenshot({ path: path.join(RESULTS_DIR, 'intake-report-grounds.png'), fullPage: true });
  });
});
