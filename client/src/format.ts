// Numbers and dates the Chinese way.
import { PERIOD_LABELS, type Period } from '../../shared/types.js';

const integer = new Intl.NumberFormat('zh-CN');
export const formatInt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : integer.format(n));
export const formatPercent = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(digits)}%`);
export const formatPeriod = (p: Period | null | undefined) => (p ? PERIOD_LABELS[p] : '—');
export const formatYearPeriod = (year: number | null, period: Period | null) => `${year ? `${year}年` : '年度不详'}${period ? PERIOD_LABELS[period] : ''}`;
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
