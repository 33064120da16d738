// Years and periods as committees write them (pure): 2023年, 2023 年, 2023度, 二〇二三年, (2026);
// 上半年, 1—6月, 半年, 第三季度, 二季度, 前三季度, 年度, 全年, 年终. Each is found with its span, so that
// the report can say where its year or period was read.
import type { Period, ReportMeta, Span } from './types.js';

const CN_DIGITS: Record<string, string> = { 〇: '0', 零: '0', '○': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** 二〇二三 → 2023; Arabic digits pass through. */
export function normalizeYearDigits(s: string): string {
  return s.replace(/[〇零○一二三四五六七八九]/g, (c) => CN_DIGITS[c] ?? c).replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export interface Found<T> extends Span {
  value: T;
}

const DASH = '[-—–~～至到]';
/** Patterns in order; `weak`: a title that only dates a summary (2023年意识形态工作总结) is an annual one. */
const PERIOD_PATTERNS: Array<{ re: RegExp; period: Period }> = [
  { re: new RegExp(`上半年|(?<![\\d０-９])[1１一]\\s*${DASH}\\s*[6６六]\\s*月|一至六月|(?<![上下大多前后近每个两一\\d])半年(?![度以来])`), period: 'H1' },
  { re: new RegExp(`下半年|(?<![\\d０-９])[7７七]\\s*${DASH}\\s*(?:12|１２|十二)\\s*月|七至十二月`), period: 'H2' },
  { re: /前三季度/, period: 'Q3' },
  { re: /第?[一1１]季度/, period: 'Q1' },
  { re: /第?[二2２]季度/, period: 'Q2' },
  { re: /第?[三3３]季度/, period: 'Q3' },
  { re: /第?[四4４]季度/, period: 'Q4' },
  // 2021年度下半年: the half of the year, not the year.
  { re: /年度(?!上半年|下半年|前三季度|第?[一二三四1-4１-４]季度)|全年|年终|一年来|(?<=(?:19|20)\d{2}\s*)度/, period: 'annual' },
];

/** The first period a stretch of text names (the earliest match; ties: the pattern listed first). */
export function periodAt(text: string, from = 0, to = text.length): Found<Period> | null {
  const s = text.slice(from, to);
  let best: Found<Period> | null = null;
  for (const { re, period } of PERIOD_PATTERNS) {
    const m = re.exec(s);
    if (m && (!best || from + m.index < best.start)) best = { value: period, start: from + m.index, end: from + m.index + m[0].length };
  }
  return best;
}

export function periodFrom(s: string): Period | null {
  return periodAt(s)?.value ?? (yearAt(s) && /总结/.test(s) ? 'annual' : null);
}

const YEAR_RE = /((?:19|20)\d{2})\s*(?:年|度)|[（(]((?:19|20)\d{2})[)）]/g;

/** The first year a stretch of text names (2023年, 2023 年, 2023度, 二〇二三年, (2026)). */
export function yearAt(text: string, from = 0, to = text.length): Found<number> | null {
  const s = normalizeYearDigits(text.slice(from, to));
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(s); m; m = YEAR_RE.exec(s)) {
    // 12023年 is no year; nor is the tail of a longer number.
    if (m.index > 0 && /\d/.test(s[m.index - 1]!)) continue;
    const y = Number(m[1] ?? m[2]);
    if (y >= 1949 && y <= 2100) return { value: y, start: from + m.index, end: from + m.index + m[0].length };
  }
  return null;
}

export function yearFrom(s: string): number | null {
  return yearAt(s)?.value ?? null;
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
