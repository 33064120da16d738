// The codebook's cue phrases, weighed where they stand. A reviewer reads a statement's diagnosis first (its
// first sentence, after the enumerator and a lead-in such as 阵地建设方面，), the sub-heading it sits under
// when that heading is itself a diagnosis, the lead-in naming the field, and only then the body; an example
// in the body (如在某网络热点事件中…) must not outvote the diagnosis, so the body counts up to a cap.
import { clauses, normalizeStatement, statementParts } from './terms.js';
import { type Codebook, codebook } from './vocab.js';

/** Weights of a cue by where it stands. */
export const CUE_WEIGHTS = {
  /** The first clause of the diagnosis. */
  head: 3,
  /** Further clauses of the diagnosis, together at most headExtraCap. */
  headExtra: 1.5,
  headExtraCap: 1.5,
  /** A sub-heading that states a shortcoming itself: below the statement's own diagnosis, above its body. */
  heading: 2.5,
  leadIn: 2,
  /** The first body sentence's clauses, then the later ones; the body together at most bodyCap. */
  body: 1,
  bodyLater: 0.6,
  bodyCap: 2,
} as const;

interface Cue {
  /** All parts must stand in one clause. */
  parts: string[];
  /** Any of these in the clause cancels the cue there. */
  counter: string[];
}

export interface CueLexicon {
  themes: Array<{ id: string; cues: Cue[] }>;
  minScore: number;
  margin: number;
  shortcomings: string[];
}

/** A cue a reviewer added to a theme (theme_cues), and themes merged into others (themes.merged_into). */
export interface LexiconExtras {
  cues?: ReadonlyArray<{ theme: string; cue: string }>;
  /** Absorbed theme → the theme that took it over (already resolved to the last survivor). */
  mergedInto?: ReadonlyMap<string, string>;
}

const parseCue = (cue: string, counter: string[]): Cue => ({ parts: normalizeStatement(cue).split('+').filter(Boolean), counter });

/** The codebook plus reviewers' cues, each cue credited to the theme that now holds it. */
export function compileLexicon(book: Codebook = codebook, extras: LexiconExtras = {}): CueLexicon {
  const holder = (id: string) => extras.mergedInto?.get(id) ?? id;
  const byTheme = new Map<string, Cue[]>();
  const add = (id: string, cue: Cue) => {
    const list = byTheme.get(holder(id));
    if (list) list.push(cue);
    else byTheme.set(holder(id), [cue]);
  };
  for (const t of book.themes) for (const c of t.cues) add(t.id, parseCue(c, t.counterCues));
  const counters = new Map(book.themes.map((t) => [t.id, t.counterCues]));
  for (const { theme, cue } of extras.cues ?? []) add(theme, parseCue(cue, counters.get(holder(theme)) ?? []));
  return {
    themes: [...byTheme].map(([id, cues]) => ({ id, cues })),
    minScore: book.minScore,
    margin: book.margin,
    shortcomings: book.shortcomings,
  };
}

/**
 * Whether a statement names a shortcoming at all. One that does not is a plan or a lead-in the problem
 * extraction took for a problem; it stays unassigned rather than seeding a theme of plans.
 */
export function statesShortcoming(normalized: string, lex: CueLexicon): boolean {
  return lex.shortcomings.some((w) => normalized.includes(w));
}

/** A problems-section title (存在的问题, 面临的主要困难) rather than a diagnosis of its own. */
const SECTION_TITLE = /(?:存在|面临|需要解决|突出)(?:的|着)|^(?:存在|当前|主要|突出)?(?:的)?(?:主要|突出)?(?:问题|不足|困难|原因)|(?:问题|不足|困难|挑战|短板)(?:与|和|及)/u;

/** The sub-heading counts only when it states a shortcoming itself (（二）阵地管理存在薄弱环节). */
export function isDiagnosticHeading(normalized: string, lex: CueLexicon): boolean {
  return statesShortcoming(normalized, lex) && !SECTION_TITLE.test(normalized);
}

function matches(clause: string, cue: Cue): boolean {
  return cue.parts.every((p) => clause.includes(p)) && !cue.counter.some((w) => clause.includes(w));
}

export interface ThemeScore {
  theme: string;
  score: number;
  /** Where the theme was first matched (0: the sub-heading, then lead-in, diagnosis, body): breaks ties. */
  first: number;
}

/** Every theme a statement's cues point to, best first. */
export function scoreThemes(text: string, lex: CueLexicon, heading: string | null = null): ThemeScore[] {
  const parts = statementParts(normalizeStatement(text));
  const headingClauses = heading !== null && isDiagnosticHeading(normalizeStatement(heading), lex) ? clauses(normalizeStatement(heading)) : [];
  const W = CUE_WEIGHTS;
  const out: ThemeScore[] = [];
  for (const t of lex.themes) {
    const hit = (c: string) => t.cues.some((cue) => matches(c, cue));
    let first = Infinity;
    let pos = 0;
    const seen = (c: string) => {
      const h = hit(c);
      if (h) first = Math.min(first, pos);
      pos++;
      return h;
    };
    const headingScore = headingClauses.map(seen).some(Boolean) ? W.heading : 0;
    const leadInScore = parts.leadIn !== null && seen(parts.leadIn) ? W.leadIn : 0;
    let headScore = 0;
    let extra = 0;
    parts.head.forEach((c, i) => {
      if (!seen(c)) return;
      if (i === 0) headScore += W.head;
      else extra += W.headExtra;
    });
    let body = 0;
    parts.body.forEach((sentence, i) => {
      for (const c of sentence) if (seen(c)) body += i === 0 ? W.body : W.bodyLater;
    });
    const score = headingScore + leadInScore + headScore + Math.min(extra, W.headExtraCap) + Math.min(body, W.bodyCap);
    if (score > 0) out.push({ theme: t.id, score, first });
  }
  return out.sort((a, b) => b.score - a.score || a.first - b.first);
}

export interface CueMatch {
  theme: string;
  score: number;
}

/**
 * The theme a statement's cues clearly point to: the best score, if it reaches minScore and leads the
 * runner-up by the margin (a tie within the margin goes to the theme the reader meets first). Null when no
 * cue holds; the comparison by words then decides.
 */
export function matchCues(text: string, lex: CueLexicon, heading: string | null = null): CueMatch | null {
  const [best, second] = scoreThemes(text, lex, heading);
  if (!best || best.score < lex.minScore) return null;
  if (second && best.score - second.score < lex.margin && second.first < best.first) return { theme: second.theme, score: second.score };
  return { theme: best.theme, score: best.score };
}
