// Quotes and excerpts cut at sentence boundaries, so that a reader never meets a passage beginning
// mid-word (年是建国70周年…) or ending mid-clause. Offsets stay offsets into the stored text.
import type { Span } from '../../shared/types.js';
import { splitSentences } from '../analyze/text.js';

/** How far around a span sentences are looked for: a sentence longer than this is cut at a clause. */
const WINDOW = 300;
const CLAUSE_END = /[，、；;：:,]/;

export interface Quote extends Span {
  /** Whether the quote stops short of its last sentence's end (a sentence longer than the quote may be). */
  cut: boolean;
}

/** Sentences overlapping start..end, whole (a sentence cut by the window starts at a line or the window). */
function sentencesAround(text: string, start: number, end: number): Span[] {
  let from = Math.max(0, start - WINDOW);
  // Begin the look at a line start, so that the first sentence found is a real one.
  const nl = text.lastIndexOf('\n', start - 1);
  if (nl >= from) from = nl + 1;
  return splitSentences(text, from, Math.min(text.length, end + WINDOW)).filter((s) => s.end > start && s.start < end);
}

/**
 * Whole sentences for a quote of the passage start..end, at most `max` characters unless its first
 * sentence alone is longer (then cut at a clause, `cut`). `inward`: the sentences wholly inside the
 * passage when it holds one (a quote of what was copied, nothing more); else, and for `outward`, the
 * sentences it touches, whole.
 */
export function wholeSentences(text: string, start: number, end: number, max: number, mode: 'inward' | 'outward' = 'inward'): Quote {
  const around = sentencesAround(text, start, end);
  if (around.length === 0) return { start, end, cut: false };
  const inside = around.filter((s) => s.start >= start && s.end <= end);
  const chosen = mode === 'inward' && inside.length ? inside : around;
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

/** The quote's text, with its line breaks and spaces closed up and ‘……’ where it stops short. */
export function quoteText(text: string, q: Quote): string {
  const body = text.slice(q.start, q.end).replace(/\s+/g, '');
  return q.cut ? `${body.replace(/[，、；;：:,]$/, '')}……` : body;
}
