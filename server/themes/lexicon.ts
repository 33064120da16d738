// Seed themes by their cue phrases (shared/vocab/problem-themes.json): a cue 'A+B' holds when A and B
// stand in one clause. A statement's score for a theme is the number of its clauses holding a cue, the head
// clause counting double, since the head is the diagnosis itself.
import { clauses } from './terms.js';
import type { SeedThemeVocab } from './vocab.js';

export interface CueLexicon {
  themes: Array<{ id: string; cues: string[][] }>;
  minScore: number;
  shortcomings: string[];
}

export function compileLexicon(vocab: SeedThemeVocab): CueLexicon {
  return {
    themes: vocab.themes.map((t) => ({ id: t.id, cues: t.cues.map((c) => c.split('+').filter(Boolean)) })),
    minScore: vocab.minScore,
    shortcomings: vocab.shortcomings,
  };
}

/**
 * Whether a statement names a shortcoming at all. One that does not is a plan or a lead-in the problem
 * extraction took for a problem; it stays unassigned rather than seeding a theme of plans.
 */
export function statesShortcoming(text: string, lex: CueLexicon): boolean {
  return lex.shortcomings.some((w) => text.includes(w));
}

export interface CueMatch {
  theme: string;
  score: number;
}

/** The seed theme whose cues a statement carries most, or null when none reaches minScore. */
export function matchCues(text: string, lex: CueLexicon): CueMatch | null {
  const cs = clauses(text);
  let best: CueMatch | null = null;
  let bestFirst = Infinity;
  for (const t of lex.themes) {
    // A clause counts once however many cues of the theme it holds: one phrase is one piece of evidence.
    let score = 0;
    let first = Infinity;
    cs.forEach((c, at) => {
      if (!t.cues.some((parts) => parts.every((p) => c.includes(p)))) return;
      score += at === 0 ? 2 : 1;
      first = Math.min(first, at);
    });
    // Ties go to the theme matched earliest in the statement.
    if (score >= lex.minScore && (!best || score > best.score || (score === best.score && first < bestFirst))) {
      best = { theme: t.id, score };
      bestFirst = first;
    }
  }
  return best;
}
