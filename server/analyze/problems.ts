// Problem statements: each single problem a report admits, as its own span — one per （一）… subsection, per
// 一是/二是…, or per sentence where a problems section lists them in prose; and problems admitted inside a
// paragraph (但也要看到… / 我们也清醒地看到…：) outside any problems heading.
import type { ProblemStatement, Section, Span } from '../../shared/types.js';
import { alternation, vocab } from './vocab.js';
import { isSpace, splitSentences, type Line } from './text.js';

const V = vocab.problems;
const ENUMERATOR = new RegExp(V.enumerator, 'g');
const ADMISSION = new RegExp(alternation(V.admission));
const LEAD_IN = new RegExp(alternation(V.leadIn));
const CLOSING = new RegExp(`^(?:${alternation(V.closing)})`);
const CLOSING_ANYWHERE = new RegExp(alternation(V.closing));
/** An admission states that problems exist; 解决了一些困难和问题 reports a success instead. */
const ADMITS = /存在|看到|认识到|面临|表现|还有|仍有|也有|不足/;
const SOLVES = /解决|化解|破解|帮助|克服/;
/** Longer sentences that mention 不少困难 state problems themselves rather than announce them. */
const MAX_LEAD_IN = 60;

function statement(text: string, start: number, end: number): ProblemStatement | null {
  while (start < end && (isSpace(text[start]) || /[：:，,；;]/.test(text[start]!))) start++;
  while (end > start && (isSpace(text[end - 1]) || /[；;，,：:]/.test(text[end - 1]!))) end--;
  if (end - start < 4) return null;
  return { text: text.slice(start, end), theme: null, start, end };
}

/** 一是…二是… items of a span: from after each marker to the next marker (or the span's end); null if fewer than two. */
function enumeratedItems(text: string, span: Span): Span[] | null {
  const starts: Array<{ marker: number; body: number }> = [];
  ENUMERATOR.lastIndex = span.start;
  for (let m = ENUMERATOR.exec(text); m && m.index < span.end; m = ENUMERATOR.exec(text)) {
    starts.push({ marker: m.index, body: m.index + m[0].length });
  }
  if (starts.length < 2) return null;
  return starts.map((s, i) => ({ start: s.body, end: starts[i + 1]?.marker ?? span.end }));
}

/** Cuts a span before the first sentence that turns to remedies (对此，我们将…). */
function cutAtClosing(text: string, span: Span): Span {
  for (const s of splitSentences(text, span.start, span.end)) {
    if (s.start > span.start && CLOSING.test(text.slice(s.start, s.end))) return { start: span.start, end: s.start };
  }
  return span;
}

/** Problems listed in prose or by enumeration inside a span that holds only problems (after any lead-in). */
function itemsOf(text: string, span: Span): Span[] {
  const enumerated = enumeratedItems(text, span);
  if (enumerated) {
    const last = enumerated[enumerated.length - 1]!;
    enumerated[enumerated.length - 1] = cutAtClosing(text, last);
    return enumerated;
  }
  const items: Span[] = [];
  for (const s of splitSentences(text, span.start, span.end)) {
    const sentence = text.slice(s.start, s.end);
    if (CLOSING.test(sentence)) break;
    const colon = sentence.search(/[：:]/);
    if (colon >= 0 && LEAD_IN.test(sentence.slice(0, colon + 1))) {
      // 主要表现在：a；b；c。 — the clauses after the colon are the problems.
      items.push(...clauses(text, { start: s.start + colon + 1, end: s.end }));
      continue;
    }
    if (LEAD_IN.test(sentence) && !/[；;]/.test(sentence) && sentence.length <= MAX_LEAD_IN) continue;
    items.push(...clauses(text, s));
  }
  return items;
}

function clauses(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let start = span.start;
  for (let i = span.start; i < span.end; i++) {
    if (text[i] === '；' || text[i] === ';') {
      out.push({ start, end: i });
      start = i + 1;
    }
  }
  out.push({ start, end: span.end });
  return out;
}

export function findProblems(text: string, lines: readonly Line[], sections: readonly Section[]): ProblemStatement[] {
  const spans: Span[] = [];
  const problemTops = sections.filter((s) => s.kind === 'problems' && !sections.some((p) => p !== s && p.kind === 'problems' && p.level < s.level && p.start <= s.start && p.end >= s.end));
  for (const top of problemTops) {
    const children = sections.filter((c) => c.level === top.level + 1 && c.start >= top.start && c.end <= top.end && c !== top);
    if (children.length > 0) {
      // Each （一）… subsection is one problem; its heading names it and its body explains it.
      for (const c of children) spans.push({ start: c.start + c.marker.length, end: c.end });
      continue;
    }
    spans.push(...itemsOf(text, { start: top.headingEnd, end: top.end }));
  }

  // Problems admitted inside paragraphs of other sections.
  const inProblems = (pos: number): boolean => problemTops.some((s) => pos >= s.start && pos < s.end);
  for (const line of lines) {
    if (inProblems(line.start) || !ADMISSION.test(line.text)) continue;
    for (const s of splitSentences(text, line.start, line.end)) {
      const sentence = text.slice(s.start, s.end);
      const cue = ADMISSION.exec(sentence);
      if (!cue || !ADMITS.test(sentence) || SOLVES.test(sentence.slice(0, cue.index + cue[0].length))) continue;
      if (CLOSING_ANYWHERE.test(sentence.slice(0, cue.index))) continue;
      // 我们也清醒地看到…：a；b。 — the problems follow the colon; without one, they are the sentences
      // from the admission on (a general admission is dropped there as a lead-in).
      const colon = sentence.slice(cue.index).search(/[：:]/);
      const from = colon >= 0 ? s.start + cue.index + colon + 1 : s.start;
      if (from >= line.end) break;
      spans.push(...itemsOf(text, { start: from, end: line.end }));
      break;
    }
  }

  const out: ProblemStatement[] = [];
  for (const span of spans.sort((a, b) => a.start - b.start)) {
    const p = statement(text, span.start, span.end);
    if (p && !out.some((q) => q.start < p.end && p.start < q.end)) out.push(p);
  }
  return out;
}
