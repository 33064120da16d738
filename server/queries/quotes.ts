// Quotes and excerpts cut at sentence boundaries, so that a reader never meets a passage beginning
// mid-word (年是建国70周年…) or ending mid-clause. Offsets stay offsets into the stored text.
import type { Span } from '../../shared/types.js';
import { splitSentences } from '../analyze/text.js';

/** How far around a span sentences are looked for: a sentence longer than this is cut at a clause. */
const WINDOW = 300;
const CLAUSE_END = /[，、；;：:,]/;
/** A sentence's last mark, with any closing quote or bracket after it. */
const SENTENCE_CLOSE = /[。！？!?][”’"』」）)]*$/;
const CLAUSE_OR_SENTENCE_END = /[，、；;：:,。！？!?\n]/;
/** The longest line read as a heading (加强组织领导↵学院高度重视…; 三、2025年工作打算). */
const HEADING_LINE_MAX = 20;
const CLAUSE_START_CUT = /[，；;：:,。！？!?\n]/;

export interface Quote extends Span {
  /** Whether the quote stops short of its last sentence's end (a sentence longer than the quote may be). */
  cut: boolean;
  /** Whether the quote starts inside a sentence (the copied words of a passage within one sentence). */
  opensMid?: boolean;
}

/** Sentences overlapping start..end, whole (a sentence cut by the window starts at a line or the window). */
function sentencesAround(text: string, start: number, end: number): Span[] {
  let from = Math.max(0, start - WINDOW);
  // Begin the look at a line start, so that the first sentence found is a real one.
  const nl = text.lastIndexOf('\n', start - 1);
  if (nl >= from) from = nl + 1;
  return splitSentences(text, from, Math.min(text.length, end + WINDOW)).filter((s) => s.end > start && s.start < end);
}

/** A sentence that is a line of its own, short and ending on no sentence mark: a heading. */
function isHeadingLine(text: string, s: Span): boolean {
  return s.end - s.start < HEADING_LINE_MAX && !SENTENCE_CLOSE.test(text.slice(s.start, s.end)) && (s.start === 0 || /\n\s*$/.test(text.slice(Math.max(0, s.start - 4), s.start)));
}

/**
 * The clauses wholly inside start..end, for a passage that holds no whole sentence: the copied words and
 * no word of the sentence around them (which may name the copier). A passage starting or ending inside a
 * clause is taken from the next clause or to the last one, unless that would leave under half of it.
 */
function clausesWithin(text: string, start: number, end: number, max: number): Quote {
  let from = start;
  // Not at 、: a list item (及二十届三中、四中全会) is whole words already.
  if (from > 0 && !CLAUSE_OR_SENTENCE_END.test(text[from - 1] ?? '')) {
    const next = text.slice(from, end).search(CLAUSE_START_CUT);
    if (next >= 0) from += next + 1;
  }
  while (from < end && /\s/.test(text[from] ?? '')) from++;
  let to = Math.min(end, from + max);
  // A passage that stops right before its sentence's mark takes the mark.
  if (to < text.length && SENTENCE_CLOSE.test(text.slice(from, to + 1))) to++;
  else if (to < text.length && !CLAUSE_OR_SENTENCE_END.test(text[to - 1] ?? '') && !CLAUSE_OR_SENTENCE_END.test(text[to] ?? '')) {
    let back = to;
    while (back > from && !CLAUSE_OR_SENTENCE_END.test(text[back - 1] ?? '')) back--;
    if (back > from) to = back;
  }
  if ((to - from) * 2 < Math.min(end - start, max)) [from, to] = [start, Math.min(end, start + max)];
  const opensMid = from > 0 && !/(?:[。！？!?][”’"』」）)]*|\n)\s*$/.test(text.slice(Math.max(0, from - 8), from));
  return { start: from, end: to, cut: !SENTENCE_CLOSE.test(text.slice(from, to)), opensMid };
}

/**
 * Whole sentences for a quote of the passage start..end, at most `max` characters unless its first
 * sentence alone is longer (then cut at a clause, `cut`). `inward`: the sentences wholly inside the
 * passage when it holds one (a quote of what was copied, nothing more); else, and for `outward`, the
 * sentences it touches, whole. `within`: as `inward`, but a passage inside one sentence is quoted by its
 * own clauses, never the sentence around it.
 */
export function wholeSentences(text: string, start: number, end: number, max: number, mode: 'inward' | 'outward' | 'within' = 'inward'): Quote {
  const around = sentencesAround(text, start, end);
  if (around.length === 0) return { start, end, cut: false };
  const inside = around.filter((s) => s.start >= start && s.end <= end);
  // A quote does not end on the next section's heading (…发现不够及时。三、2025年工作打算), nor is one.
  while (inside.length > 0 && isHeadingLine(text, inside[inside.length - 1]!)) inside.pop();
  if (mode === 'within' && inside.length === 0) return clausesWithin(text, start, end, max);
  const chosen = mode !== 'outward' && inside.length ? inside : around;
  while (chosen.length > 1 && isHeadingLine(text, chosen[chosen.length - 1]!)) chosen.pop();
  const first = chosen[0]!;
  let last = first.end;
  for (const s of chosen.slice(1)) {
    if (s.end - first.start > max) break;
    last = s.end;
  }
  if (last - first.start <= max * 1.5) return { start: first.start, end: last, cut: last < chosen[chosen.length - 1]!.end };
  // One sentence longer than the quote: up to its last clause within the limit.
  let cutAt = first.start + max;
  while (cutAt > first.start + max / 2 && !CLAUSE_END.test(text[cutAt - 1] ?? '')) cutAt--;
  return { start: first.start, end: cutAt > first.start + max / 2 ? cutAt : first.start + max, cut: true };
}

/**
 * The quote's text, with its line breaks and spaces closed up and ‘……’ where it starts or stops short; a
 * heading's line break (a short line ending on no punctuation) stays as a space, a wrapped line's does not.
 */
export function quoteText(text: string, q: Quote): string {
  const body = text
    .slice(q.start, q.end)
    .replace(/[^\S\n]+/g, '')
    .replace(/\n+/g, (_, at: number, s: string) => {
      const line = s.slice(s.lastIndexOf('\n', at - 1) + 1, at);
      return line.length > 0 && line.length < HEADING_LINE_MAX && !/\p{P}$/u.test(line) ? ' ' : '';
    });
  const tail = q.cut ? `${body.replace(/[，、；;：:,]$/, '')}……` : body;
  return q.opensMid ? `……${tail}` : tail;
}
