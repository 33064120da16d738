// A unit registry as committees keep it: a CSV or an Excel sheet with a header row, in the contract's
// columns (name,department,aliases,level,expected) or in Chinese ones (单位名称, 归口部门, 简称, 曾用名, 级别,
// 应报期别). Aliases are separated by ; ； 、 or ,; periods are codes (annual;H1) or words (全年、上半年).
import ExcelJS from 'exceljs';
import { periodAt } from '../../shared/meta.js';
import { PERIODS, type Period } from '../../shared/types.js';
import { parseCsv } from './manifest.js';
import type { RegistryUnit } from './units.js';

const COLUMNS: Record<keyof RegistryUnit, RegExp> = {
  name: /^(?:name|unit|单位|单位名称|名称|报送单位|单位全称)$/i,
  department: /^(?:department|部门|归口|归口部门|主管部门|系统|分组|片区)$/i,
  aliases: /^(?:aliases?|别名|简称|曾用名|简称\/曾用名|其他名称)$/i,
  level: /^(?:level|级别|层级|单位级别|类别)$/i,
  expected: /^(?:expected|periods?|应报期别|报送期别|报送周期|期别|报送要求)$/i,
};

export class RegistryFileError extends Error {}

/** The rows of the first sheet (.xlsx) or of the CSV, as text. */
export async function readTable(fileName: string, bytes: Uint8Array): Promise<string[][]> {
  if (/\.xlsx$/i.test(fileName)) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    } catch {
      throw new RegistryFileError('Excel 文件无法读取：请另存为 .xlsx 或 .csv 后重试');
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new RegistryFileError('Excel 文件中没有工作表');
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).text.trim());
      rows.push(cells);
    });
    return rows;
  }
  if (/\.csv$/i.test(fileName)) {
    const text = new TextDecoder('utf-8').decode(bytes);
    return parseCsv(text);
  }
  throw new RegistryFileError('单位名录应为 .csv 或 .xlsx 文件');
}

const split = (s: string) => s.split(/[;；、,，/\n]+/).map((x) => x.trim()).filter(Boolean);

/** annual;H1, 全年、上半年, 每季度 → periods; the words it could not read are returned apart. */
function readPeriods(s: string): { periods: Period[]; unread: string[] } {
  const periods = new Set<Period>();
  const unread: string[] = [];
  for (const token of split(s)) {
    if ((PERIODS as readonly string[]).includes(token)) periods.add(token as Period);
    else if (/每季度|按季度|季报/.test(token)) for (const q of ['Q1', 'Q2', 'Q3', 'Q4'] as const) periods.add(q);
    else if (/每半年|半年报/.test(token)) for (const h of ['H1', 'H2'] as const) periods.add(h);
    else {
      const p = periodAt(token)?.value ?? (/年报|每年/.test(token) ? 'annual' : null);
      if (p) periods.add(p);
      else unread.push(token);
    }
  }
  return { periods: [...periods], unread };
}

/** Registry units from a table with a header row; rows that cannot be read are named in `errors` (Chinese). */
export function registryFromTable(table: string[][]): { units: RegistryUnit[]; errors: string[] } {
  const [header, ...rows] = table;
  if (!header) throw new RegistryFileError('单位名录是空的');
  const at = Object.fromEntries(
    (Object.keys(COLUMNS) as Array<keyof RegistryUnit>).map((k) => [k, header.flatMap((h, i) => (COLUMNS[k].test(h.trim()) ? [i] : []))]),
  ) as Record<keyof RegistryUnit, number[]>;
  if (at.name.length === 0) throw new RegistryFileError('单位名录缺少单位名称列（name 或“单位名称”）');
  const units: RegistryUnit[] = [];
  const errors: string[] = [];
  rows.forEach((cells, i) => {
    const get = (k: keyof RegistryUnit) => at[k].map((c) => cells[c]?.trim() ?? '').filter(Boolean);
    const name = get('name')[0];
    if (!name) {
      if (cells.some((c) => c.trim())) errors.push(`第 ${i + 2} 行：缺少单位名称`);
      return;
    }
    const expected = get('expected').join(';');
    const { periods, unread } = readPeriods(expected);
    if (unread.length) errors.push(`第 ${i + 2} 行（${name}）：应报期别“${unread.join('、')}”无法识别，已忽略`);
    units.push({
      name,
      department: get('department')[0] ?? null,
      aliases: get('aliases').flatMap(split),
      level: get('level')[0] ?? null,
      expected: periods.length ? periods : null,
    });
  });
  return { units, errors };
}
