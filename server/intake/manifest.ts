// Manifest CSV (file,unit,department,year,period,title + extra columns kept as metadata).
import fs from 'node:fs';
import path from 'node:path';
import { PERIODS, type Period, type ReportMeta } from '../../shared/types.js';

export interface ManifestRow {
  /** Absolute path of the file the row describes. */
  file: string;
  meta: Partial<ReportMeta>;
  extra: Record<string, string>;
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

const KNOWN = new Set(['file', 'unit', 'department', 'year', 'period', 'title']);

export function readManifest(manifestPath: string): ManifestRow[] {
  const rows = parseCsv(fs.readFileSync(manifestPath, 'utf8'));
  const header = rows.shift()?.map((h) => h.trim().toLowerCase());
  if (!header || !header.includes('file')) throw new Error(`清单 ${manifestPath} 缺少表头或 file 列`);
  const dir = path.dirname(manifestPath);
  return rows.map((cells, n) => {
    const get = (k: string) => cells[header.indexOf(k)]?.trim() ?? '';
    const year = get('year');
    const period = get('period');
    if (year && !/^\d{4}$/.test(year)) throw new Error(`清单第 ${n + 2} 行：year 应为四位年份，实为“${year}”`);
    if (period && !PERIODS.includes(period as Period)) {
      throw new Error(`清单第 ${n + 2} 行：period 应为 ${PERIODS.join('/')} 之一，实为“${period}”`);
    }
    const extra: Record<string, string> = {};
    header.forEach((h, i) => {
      if (!KNOWN.has(h) && cells[i]) extra[h] = cells[i]!;
    });
    return {
      file: path.resolve(dir, get('file')),
      meta: {
        unit: get('unit') || null,
        department: get('department') || null,
        year: year ? Number(year) : null,
        period: (period as Period) || null,
        title: get('title') || null,
      },
      extra,
    };
  });
}
