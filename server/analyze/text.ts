// Lines and sentences of a report as spans into its text (the units every other analysis works on).
import type { Span } from '../../shared/types.js';

export interface Line extends Span {
  /** The line's content with surrounding whitespace trimmed (start/end point at it). */
  text: string;
}

const SPACE = /[\s\u3000\u00a0\ufeff]/;

export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && SPACE.test(ch);
}

/** Non-blank lines, trimmed, with offsets into the text. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let s = pos;
    let e = nl;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) lines.push({ start: s, end: e, text: text.slice(s, e) });
    pos = nl + 1;
  }
  return lines;
}

const SENTENCE_END = /[。！？!?]+[”’"』」）)]*|\n/g;

/** Sentences (ending at 。！？ or a line break), trimmed, in text order. */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  const push = (s: number, e: number): void => {
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  SENTENCE_END.lastIndex = from;
  let start = from;
  for (let m = SENTENCE_END.exec(text); m && m.index < to; m = SENTENCE_END.exec(text)) {
    const end = Math.min(m.index + m[0].length, to);
    push(start, m[0] === '\n' ? m.index : end);
    start = end;
  }
  push(start, to);
  return out;
}

/** Whether a position lies in one of the spans (few spans: a linear look). */
export function inAnySpan(spans: readonly Span[], pos: number): boolean {
  return spans.some((s) => s.start <= pos && pos < s.end);
}

/** Whether start..end overlaps one of the spans (few spans: a linear look). */
export function overlapsSpan(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => s.start < end && start < s.end);
}

/** The span among sorted, disjoint spans that contains pos (binary search), or null. */
export function spanAt<T extends Span>(spans: readonly T[], pos: number): T | null {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_SCALE: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** 一百二十 → 120, 十二 → 12, 两 → 2, 百 → 100, 三万五千 → 35000, 二〇二三 → 2023; null if not a numeral. */
export function parseChineseNumber(s: string): number | null {
  if (s.length === 0) return null;
  if (!/[十百千万亿]/.test(s)) {
    // Digit by digit (二〇二三).
    let v = 0;
    for (const ch of s) {
      const d = CN_DIGIT[ch];
      if (d === undefined) return null;
      v = v * 10 + d;
    }
    return v;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of s) {
    const d = CN_DIGIT[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const unit = CN_UNIT[ch];
    if (unit !== undefined) {
      section += (digit ?? 1) * unit;
      digit = null;
      continue;
    }
    const scale = CN_SCALE[ch];
    if (scale === undefined) return null;
    total = (total + section + (digit ?? 0)) * scale;
    section = 0;
    digit = null;
  }
  return total + section + (digit ?? 0);
}

/** 3.5, 1,234, 1 300, １２ → number; null if not a number. */
export function parseArabicNumber(s: string): number | null {
  const ascii = s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0))).replace(/[,， ]/g, '');
  const v = Number(ascii);
  return Number.isFinite(v) && ascii.length > 0 ? v : null;
}
