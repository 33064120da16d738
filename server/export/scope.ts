// The scope of an export in words: written above every exported table and into the briefing.
import type { Filters } from '../../shared/filters.js';
import { PERIOD_LABELS, type Period } from '../../shared/types.js';

/** 全年, 上半年 … for a stored period; '' when there is none. */
export const periodLabel = (p: string | null) => (p ? (PERIOD_LABELS[p as Period] ?? p) : '');

export function describeFilters(f: Filters): string {
  const parts = [
    f.department && `部门：${f.department}`,
    f.unit && `单位：${f.unit}`,
    f.year !== undefined && `年度：${f.year}年`,
    f.period && `期别：${PERIOD_LABELS[f.period]}`,
  ].filter((p): p is string => !!p);
  return parts.length ? parts.join('；') : '全部单位、全部年度';
}

/** 2025年3月7日, in the server's time zone (the committee's). */
export function chineseDate(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/**
 * 2025-03-07 14:05 in the server's time zone (the committee's; TZ=Asia/Shanghai on a machine set to UTC):
 * stored times are UTC (ISO 8601), which a reader would take for local time.
 */
export function localTime(d: Date | string): string {
  const t = typeof d === 'string' ? new Date(d) : d;
  if (Number.isNaN(t.getTime())) return String(d);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

/** A file name for the export that says its scope: 单位对比_宣传部_2023.xlsx */
export function exportFileName(base: string, f: Filters, ext: string): string {
  const parts = [base, f.department, f.unit, f.year, f.period && PERIOD_LABELS[f.period]].filter((p) => p !== undefined && p !== '');
  return `${parts.join('_').replace(/[\\/:*?"<>|\s]+/g, '')}.${ext}`;
}

/**
 * The briefing's file name, by scope, period and date: 研判简报_经济_2024年上半年_20261202.docx
 * (the unit or department filtered on, else 全部单位; the year and period, else 全部年度).
 */
export function briefingFileName(f: Filters, now: Date): string {
  const scope = f.unit ?? f.department ?? '全部单位';
  const period = f.year !== undefined ? `${f.year}年${f.period ? PERIOD_LABELS[f.period] : ''}` : f.period ? `各年${PERIOD_LABELS[f.period]}` : '全部年度';
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  return `${['研判简报', scope, period, date].join('_').replace(/[\\/:*?"<>|\s]+/g, '')}.docx`;
}
