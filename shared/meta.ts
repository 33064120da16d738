// Report metadata from a file name or a title line (pure; used by ingest and by the upload page).
// 市统计局2023年上半年意识形态工作总结.txt → unit 市统计局, year 2023, period H1.
import type { Period, ReportMeta } from './types.js';

const CN_DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** 二〇二三 → 2023; Arabic digits pass through. */
export function normalizeYearDigits(s: string): string {
  return s.replace(/[〇零一二三四五六七八九]/g, (c) => CN_DIGITS[c] ?? c).replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

const PERIOD_PATTERNS: Array<[RegExp, Period]> = [
  [/上半年|1[-—–至到]6月|一至六月/, 'H1'],
  [/下半年|7[-—–至到]12月|七至十二月/, 'H2'],
  [/第?[一1]季度/, 'Q1'],
  [/第?[二2]季度/, 'Q2'],
  [/第?[三3]季度/, 'Q3'],
  [/第?[四4]季度/, 'Q4'],
  [/年度|全年|年终|年工作总结|年.*总结/, 'annual'],
];

export function periodFrom(s: string): Period | null {
  for (const [re, p] of PERIOD_PATTERNS) if (re.test(s)) return p;
  return null;
}

const YEAR_RE = /((?:19|20)\d{2}|[二][〇零][一二三四五六七八九〇零]{2})\s*(?:年|度)/;

export function yearFrom(s: string): number | null {
  const m = YEAR_RE.exec(normalizeYearDigits(s));
  if (!m) return null;
  const y = Number(normalizeYearDigits(m[1]!));
  return y >= 1949 && y <= 2100 ? y : null;
}

/** The unit is what stands before the year in a file name; placeholders like XX局 are not a unit. */
export function unitFromFileName(base: string): string | null {
  const m = /^(.*?)(?:关于)?(?:(?:19|20)\d{2}|二[〇零])/.exec(base);
  const unit = m?.[1]?.replace(/^[\d_\-\s.]+/, '').replace(/[_\-\s]+$/, '').trim() ?? '';
  if (unit.length < 2 || /^(?:[xX×*＊某]+|xxx)/.test(unit) || /[xX×*＊]{2}/.test(unit)) return null;
  return unit;
}

export function metaFromFileName(fileName: string): ReportMeta {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const year = yearFrom(base);
  return {
    title: null,
    unit: year !== null ? unitFromFileName(base) : null,
    department: null,
    year,
    period: year !== null ? periodFrom(base) : null,
  };
}

/** Fills the gaps of `first` from the later sources, in order. */
export function mergeMeta(first: Partial<ReportMeta>, ...rest: Array<Partial<ReportMeta>>): ReportMeta {
  const keys = ['title', 'unit', 'department', 'year', 'period'] as const;
  const out: ReportMeta = { title: null, unit: null, department: null, year: null, period: null };
  for (const k of keys) {
    for (const src of [first, ...rest]) {
      const v = src[k];
      if (v !== null && v !== undefined && v !== '') {
        (out as unknown as Record<string, unknown>)[k] = v;
        break;
      }
    }
  }
  return out;
}
