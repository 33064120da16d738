// Names for a discovered theme: its key terms (the heaviest terms of its members' sum vector) and a short
// Chinese label — the head clause of a member (一是…的 diagnosis) that best carries those terms, since a
// phrase the units wrote reads better than a list of words; the terms themselves when no head fits.
import { headClause, statementTerms, statementWords } from './terms.js';
import { topTerms } from './tfidf.js';

/** Words a head clause may open with that do not belong in a label (主要是，经济结构调整任务艰巨). */
const LEADING_FILLER = /^(?:(?:主要是|主要有|主要表现在|此外|另外|同时|特别是|尤其是)[，,：:]?|我局|本局|我单位|本单位)/u;
const LABEL_MIN = 4;
const LABEL_MAX = 16;

export interface ThemeNames {
  label: string;
  terms: string[];
}

export function nameTheme(
  texts: readonly string[],
  sum: Float64Array,
  vocab: readonly string[],
  index: ReadonlyMap<string, number>,
  taken: ReadonlySet<string>,
): ThemeNames {
  // Key terms are whole words the members wrote, not the character pairs they are also compared by.
  const words = new Set(texts.flatMap(statementWords));
  const terms = topTerms(sum, vocab, 6, (t) => words.has(t));
  let best: { label: string; score: number } | null = null;
  const seen = new Set<string>();
  for (const text of texts) {
    let head = headClause(text).replace(LEADING_FILLER, '');
    if (head.length > LABEL_MAX) head = head.split(/[，,]/u)[0]!;
    if (head.length < LABEL_MIN || head.length > LABEL_MAX || seen.has(head) || taken.has(head)) continue;
    seen.add(head);
    const ids = [...new Set(statementTerms(head))].map((t) => index.get(t)).filter((id): id is number => id !== undefined);
    if (ids.length === 0) continue;
    const score = ids.reduce((s, id) => s + sum[id]!, 0) / Math.sqrt(ids.length + 1);
    if (!best || score > best.score) best = { label: head, score };
  }
  if (best) return { label: best.label, terms };
  let label = terms.slice(0, 3).join('、');
  for (let k = 2; taken.has(label); k++) label = `${terms.slice(0, 3).join('、')}（${k}）`;
  return { label, terms };
}
