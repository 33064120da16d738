// Downloads from the dashboard as a user makes them: a chart as PNG and SVG from its menu, a table as
// Excel, the Word briefing from the overview; each file opened and checked.
import fs from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { Download, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePng } from '../png.js';
import { apiQuery, RESULTS_DIR, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function download(trigger: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([h.page.waitForEvent('download') as Promise<Download>, trigger()]);
  const file = path.join(RESULTS_DIR, d.suggestedFilename());
  await d.saveAs(file);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(file) };
}

async function menuItem(button: Locator, item: RegExp) {
  await button.click();
  await h.page.getByRole('menuitem', { name: item }).click();
}

describe('exports from the dashboard', () => {
  it('downloads a chart as a 2× PNG on white and as SVG, with its Chinese title', async () => {
    await h.page.goto(h.url);
    const chart = h.page.getByTestId('chart-reports-by-department-year');
    await chart.locator('canvas').first().waitFor();
    const width = await chart.evaluate((el) => el.clientWidth);
    const button = chart.locator('..').getByTestId('chart-download');

    const png = await download(() => menuItem(button, /PNG/));
    expect(png.name).toBe('各部门报送报告数（按年度）.png');
    const pixels = decodePng(png.bytes);
    expect(pixels.width).toBe(width * 2);
    expect([...pixels.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);

    const svg = await download(() => menuItem(button, /SVG/));
    const text = svg.bytes.toString('utf8');
    expect(text).toContain('各部门报送报告数');
    const departments = await apiQuery<Array<{ department: string }>>(h, 'overview.reportsByDepartmentYear', {});
    for (const d of departments) expect(text).toContain(d.department);
    const errors: string[] = [];
    new DOMParser({ onError: (_level, message) => void errors.push(message) }).parseFromString(text, 'image/svg+xml');
    expect(errors).toEqual([]);
  });

  it('exports the unit table as Excel with the filters of the page', async () => {
    const units = await apiQuery<Array<{ unit: string; department: string | null }>>(h, 'units.comparison', {});
    const department = units[0]!.department!;
    await h.page.goto(`${h.url}/units?department=${encodeURIComponent(department)}`);
    await h.page.getByTestId('unit-table').locator('tbody tr.ant-table-row').first().waitFor();
    const file = await download(() => menuItem(h.page.getByTestId('export-units'), /Excel/));
    expect(file.name).toBe(`单位对比_${department}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A2').value).toBe(`筛选条件：部门：${department}`);
    expect(ws.rowCount - 5).toBe(units.filter((u) => u.department === department).length);
  });

  it('makes the Word briefing from the overview', async () => {
    await h.page.goto(h.url);
    const file = await download(async () => {
      await h.page.getByTestId('briefing-button').click();
      await h.page.locator('#briefing-generate').click();
    });
    expect(file.name).toMatch(/^研判简报_全部单位_全部年度_\d{8}\.docx$/);
    const zip = unzipSync(new Uint8Array(file.bytes));
    expect(strFromU8(zip['word/document.xml']!)).toContain('意识形态工作报告研判简报');
    expect(Object.keys(zip).filter((f) => f.startsWith('word/media/')).length).toBeGreaterThanOrEqual(3);
  });
});
