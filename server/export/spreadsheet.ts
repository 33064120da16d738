// An export table as an Excel workbook (title and filters above it, frozen header, number formats)
// or as CSV (UTF-8 with BOM, which Excel and WPS need to read Chinese).
import ExcelJS from 'exceljs';
import type { Cell, ColumnFormat, TableData } from './tables.js';

const NUM_FMT: Record<ColumnFormat, string | undefined> = {
  text: undefined,
  int: '#,##0',
  number: 'General',
  percent: '0.0%',
};

/** Width in Excel's character units: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

function shown(v: Cell, format: ColumnFormat): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (format === 'percent') return `${(v * 100).toFixed(1)}%`;
  if (format === 'int') return v.toLocaleString('en-US');
  return String(v);
}

/** Rows 1–3: title, scope, date; the header row after a blank line. */
const HEADER_ROW = 5;
const MAX_WIDTH = 60;

export async function tableToXlsx(t: TableData, scope: string, exportedAt: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '研判';
  wb.created = new Date();
  const ws = wb.addWorksheet(t.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  const last = Math.max(1, t.columns.length);
  ws.getCell(1, 1).value = t.title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = `筛选条件：${scope}`;
  ws.getCell(3, 1).value = `导出时间：${exportedAt}　共 ${t.rows.length} 行`;
  for (const r of [1, 2, 3]) ws.mergeCells(r, 1, r, last);

  const header = ws.getRow(HEADER_ROW);
  t.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } };
    cell.alignment = { vertical: 'middle', horizontal: c.format === 'text' ? 'left' : 'center' };
    cell.border = { bottom: { style: 'thin' } };
  });
  t.rows.forEach((row, r) => {
    const xr = ws.getRow(HEADER_ROW + 1 + r);
    row.forEach((v, i) => {
      xr.getCell(i + 1).value = v;
    });
  });
  t.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    const fmt = NUM_FMT[c.format];
    if (fmt) col.numFmt = fmt;
    // Widest of the header and the values (the first thousand rows are enough to judge).
    const widest = Math.max(displayWidth(c.header), ...t.rows.slice(0, 1000).map((row) => displayWidth(shown(row[i] ?? null, c.format))));
    col.width = Math.min(MAX_WIDTH, Math.max(8, widest + 2));
    if (c.format === 'text' && widest > MAX_WIDTH) col.alignment = { wrapText: true, vertical: 'top' };
  });
  // The title rows sit in column A: keep them on one line whatever that column's width.
  for (const r of [1, 2, 3]) ws.getCell(r, 1).alignment = { wrapText: false };
  if (t.columns.length) ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: t.columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Text that Excel or WPS would take for a formula (=, +, -, @, or a tab or carriage return before one)
 * gets a leading apostrophe, which both show as text: a title or a sentence a submitter wrote must not run
 * as =HYPERLINK(…) or a DDE command on a reviewer's machine. Numbers are written as numbers, never touched.
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function csvCell(v: Cell, format: ColumnFormat | undefined): string {
  if (v === null) return '';
  if (typeof v === 'string') return csvField(neutraliseFormula(v));
  return format === 'percent' ? shown(v, 'percent') : String(v);
}

/** Header row and values only, so that the file stays machine-readable; percentages as 12.3%. */
export function tableToCsv(t: TableData): Buffer {
  const lines = [t.columns.map((c) => csvField(c.header)).join(',')];
  for (const row of t.rows) lines.push(row.map((v, i) => csvCell(v, t.columns[i]?.format)).join(','));
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}
