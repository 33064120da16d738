// The upload page as a user works it: drop a zip (GBK entry names, one broken file, one report whose unit
// nobody wrote down), read the detected metadata, fill in the missing unit and year, store the batch and
// follow the links to the stored reports.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gbk, makeZip, reportDocx } from '../fixtures/submissions.js';
import { reportText } from '../fixtures/batch.js';
import { FORMAT_UNITS, formatFixture, ocrReady } from '../fixtures/formats/reports.js';
import { apiQuery, RESULTS_DIR, startHarness, type Harness } from './harness.js';

const OCR = await ocrReady();
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('upload page', () => {
  it('uploads a zip, shows what was found in each file, takes corrections and stores the batch', async () => {
    const whole = reportDocx();
    const zip = makeZip([
      { name: gbk('上半年/市水务局2024年上半年意识形态工作总结.txt'), data: gbk(reportText('市水务局', '2024年上半年', 6)) },
      { name: gbk('意识形态工作总结.txt'), data: gbk(['意识形态工作总结', '一、工作开展情况', '召开专题会议2次，开展档案开放审核专题学习6次。'].join('\n')) },
      { name: gbk('市科技局2024年上半年意识形态工作总结.docx'), data: whole.subarray(0, Math.floor(whole.length * 0.6)) },
    ]);
    const { page, url } = h;
    await page.goto(`${url}/upload`);
    await page.locator('input[type=file]').setInputFiles({ name: '二〇二四年上半年报送.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
    await page.getByRole('button', { name: /上传并识别/ }).click();

    const table = page.getByTestId('upload-table');
    const rows = table.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(3);
    const water = rows.filter({ hasText: '市水务局2024年上半年' });
    const nameless = rows.filter({ hasText: '/意识形态工作总结.txt' });
    const broken = rows.filter({ hasText: '市科技局' });
    await expect.poll(() => water.innerText()).toContain('GBK 文本');
    expect(await water.getByRole('combobox').first().inputValue()).toBe('市水务局');
    expect(await water.locator('.ant-input-number input').inputValue()).toBe('2024');
    expect(await broken.innerText()).toContain('不完整或已损坏');
    expect(await broken.locator('input[type=checkbox]').isDisabled()).toBe(true);
    expect(await nameless.innerText()).toContain('未能识别出报送单位、年度，请填写');

    // The user names the unit and the year of the report that did not say.
    await nameless.getByRole('combobox').first().fill('市档案局');
    await nameless.locator('.ant-input-number input').fill('2024');
    await expect.poll(() => nameless.innerText()).toContain('可入库');
    await page.screenshot({ path: path.join(RESULTS_DIR, 'upload-review.png'), fullPage: true });
    await page.getByTestId('commit-button').click();

    const summary = page.getByTestId('commit-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.innerText()).toContain('新入库 2 份');
    expect(await broken.innerText()).toContain('未入库');
    const links = table.getByRole('link', { name: '查看报告' });
    expect(await links.count()).toBe(2);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'upload.png'), fullPage: true });

    // What was stored is what the page said, with the corrections.
    const ids = await links.evaluateAll((as) => as.map((a) => Number(a.getAttribute('href')!.split('/').pop())));
    const reports = await Promise.all(ids.map((id) => apiQuery<{ unit: string; year: number | null; period: string | null; fileName: string; originalName: string | null }>(h, 'reports.get', { id })));
    expect(reports.map((r) => r.unit).sort()).toEqual(['市档案局', '市水务局']);
    expect(reports.find((r) => r.unit === '市档案局')).toMatchObject({ year: 2024, fileName: '二〇二四年上半年报送.zip/意识形态工作总结.txt', originalName: '意识形态工作总结.txt' });
    expect(reports.find((r) => r.unit === '市水务局')).toMatchObject({ year: 2024, period: 'H1' });

    // The report page offers the file as the unit sent it.
    await links.first().click();
    const download = page.getByTestId('original-download');
    await download.waitFor();
    const res = await page.request.get(`${url}${await download.getAttribute('href')}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-disposition']).toContain("filename*=UTF-8''");
  });

  it.skipIf(!OCR)('reads a stamped scan page by page, shows it was recognised, and marks the stored report 识别自扫描件', async () => {
    const { page, url } = h;
    const name = `${FORMAT_UNITS.scan.unit}2023年度落实意识形态工作责任制情况报告.pdf`;
    await page.goto(`${url}/upload`);
    await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(formatFixture('report-scan.pdf')) });
    await page.getByRole('button', { name: /上传并识别/ }).click();

    // Each page takes seconds: the page says which one is being read.
    const progress = page.getByTestId('ocr-progress');
    await expect.poll(() => progress.innerText().catch(() => ''), { timeout: 120_000, interval: 100 }).toMatch(/正在识别扫描件“.+”：第 [12]\/2 页/);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'upload-ocr-progress.png'), fullPage: true });

    const row = page.getByTestId('upload-table').locator('tbody tr.ant-table-row').filter({ hasText: name });
    await row.waitFor({ timeout: 180_000 });
    expect(await row.innerText()).toContain('扫描件（文字识别）');
    expect(await row.innerText()).toMatch(/识别自扫描件（共 2 页，文字识别平均置信度 \d+%/);
    await page.getByTestId('commit-button').click();
    await page.getByTestId('commit-summary').waitFor({ timeout: 60_000 });
    await row.getByRole('link', { name: '查看报告' }).click();

    const notice = page.getByTestId('ocr-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/识别自扫描件[\s\S]*2 页，平均置信度 \d+%（tesseract [\d.]+ chi_sim）/);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'report-ocr.png'), fullPage: true });
  });
});
