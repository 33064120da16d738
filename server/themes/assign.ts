// Statements → themes, the pure core of refreshThemes. Every assignment is made afresh from the corpus, the
// codebook and the reviewers' corrections, so themes follow all three; theme ids stay stable:
//   1. a statement a reviewer moved (pinned) stays where it was put;
//   2. the codebook's cue phrases, weighed where they stand (lexicon.ts);
//   3. the nearest theme by TF-IDF cosine — to its members and its definition — if close enough and
//      clearly closer than the next (a margin); a found theme's earlier members keep it in place;
//   4. only the rest is clustered, and clusters big and spread enough become new themes.
// What fits nowhere stays unassigned rather than forced into the nearest theme, and so does a statement
// that names no shortcoming at all (see statesShortcoming).
import { averageLinkage } from './cluster.js';
import { nameTheme } from './label.js';
import { compileLexicon, type CueLexicon, matchCues, statesShortcoming } from './lexicon.js';
import { normalizeStatement, statementTerms } from './terms.js';
import { buildTfIdf, dotDense, norm, type SparseVector, sumVectors } from './tfidf.js';
import { codebook } from './vocab.js';

/** seed: the codebook's; found: discovered by clustering; reviewer: split off by a reviewer. */
export type ThemeOrigin = 'seed' | 'found' | 'reviewer';

export interface ThemeDef {
  id: string;
  label: string;
  terms: string[];
  origin: ThemeOrigin;
  /** What belongs in the theme (codebook themes): compared with statements that carry no cue. */
  definition?: string;
}

export interface ThemeStatement {
  text: string;
  /** The report the statement comes from: a discovered theme must span several reports. */
  report: number;
  /** The theme it has now (stored), or the one a reviewer put it in when pinned. */
  themeId: string | null;
  /** The sub-heading the statement sits under, when it is not the statement's own heading. */
  heading?: string | null;
  /** Moved by a reviewer: keeps themeId (null: kept unassigned) whatever the rules say. */
  pinned?: boolean;
}

export interface ThemeOptions {
  /** Least cosine between a statement and a theme (its members and definition) for step 3. */
  assignThreshold: number;
  /** How much closer the nearest theme must be than the next one. */
  assignMargin: number;
  /** Weight of a theme's definition against one member in its profile. */
  definitionWeight: number;
  /** Least average pairwise cosine inside a discovered cluster. */
  clusterThreshold: number;
  neighbours: number;
  /** A discovered theme needs this many statements … */
  minMembers: number;
  /** … from this many different reports. */
  minReports: number;
  discover: boolean;
}

export const DEFAULT_THEME_OPTIONS: ThemeOptions = {
  assignThreshold: 0.3,
  assignMargin: 0.05,
  definitionWeight: 2,
  clusterThreshold: 0.15,
  neighbours: 30,
  minMembers: 3,
  minReports: 2,
  discover: true,
};

export interface ThemeResult {
  /** Per statement, in input order. */
  assignments: Array<string | null>;
  /** New themes, in the order their ids were drawn. */
  discovered: ThemeDef[];
}

export const codebookLexicon: CueLexicon = compileLexicon();

export function codebookThemeDefs(): ThemeDef[] {
  return codebook.themes.map((t) => ({ id: t.id, label: t.label, terms: t.terms, origin: 'seed', definition: t.definition }));
}

export function assignThemes(
  statements: readonly ThemeStatement[],
  themes: readonly ThemeDef[],
  nextId: () => string,
  opts: ThemeOptions = DEFAULT_THEME_OPTIONS,
  lexicon: CueLexicon = codebookLexicon,
): ThemeResult {
  const known = new Set(themes.map((t) => t.id));
  const withDefinition = themes.filter((t) => t.definition);
  const model = buildTfIdf([...statements.map((s) => statementTerms(s.text)), ...withDefinition.map((t) => statementTerms(t.definition!))]);
  const vectors = model.vectors.slice(0, statements.length);
  const definitions = new Map(withDefinition.map((t, k) => [t.id, model.vectors[statements.length + k]!]));
  const dims = model.vocab.length;

  const out: Array<string | null> = statements.map((s) => (s.pinned && (s.themeId === null || known.has(s.themeId)) ? s.themeId : null));
  const open = statements.map(
    (s, i) => !s.pinned && statesShortcoming(normalizeStatement(`${s.heading ?? ''}\n${s.text}`), lexicon) && vectors[i]!.ids.length > 0,
  );
  statements.forEach((s, i) => {
    if (!open[i]) return;
    const m = matchCues(s.text, lexicon, s.heading ?? null);
    if (m && known.has(m.theme)) out[i] = m.theme;
  });

  // A found or reviewer theme is known by its earlier members as long as no cue claims them.
  const earlier = statements.map((s, i) => (out[i] === null && open[i] && s.themeId !== null && known.has(s.themeId) && !definitions.has(s.themeId) ? s.themeId : null));
  const profiles = themeProfiles(out, earlier, vectors, definitions, dims, opts);
  const stored = statements.map((s) => (s.themeId !== null && known.has(s.themeId) ? s.themeId : null));
  attachToNearest(out, open, vectors, profiles, stored, opts);

  const discovered: ThemeDef[] = [];
  if (!opts.discover) return { assignments: out, discovered };
  const rest = out.flatMap((id, i) => (id === null && open[i] ? [i] : []));
  const clusters = averageLinkage(
    rest.map((i) => vectors[i]!),
    dims,
    { threshold: opts.clusterThreshold, neighbours: opts.neighbours },
  );
  const taken = new Set(themes.map((t) => t.label));
  for (const cluster of clusters) {
    const idx = cluster.map((k) => rest[k]!);
    if (idx.length < opts.minMembers) break; // largest first
    if (new Set(idx.map((i) => statements[i]!.report)).size < opts.minReports) continue;
    const sum = sumVectors(
      idx.map((i) => vectors[i]!),
      dims,
    );
    const names = nameTheme(
      idx.map((i) => statements[i]!.text),
      sum,
      model.vocab,
      model.index,
      taken,
    );
    taken.add(names.label);
    const theme: ThemeDef = { id: nextId(), ...names, origin: 'found' };
    discovered.push(theme);
    for (const i of idx) out[i] = theme.id;
  }
  // Statements just short of a new cluster join it if they are as close to it as step 3 asks.
  if (discovered.length > 0) attachToNearest(out, open, vectors, themeProfiles(out, earlier, vectors, definitions, dims, opts), stored, opts);
  return { assignments: out, discovered };
}

interface Profile {
  id: string;
  sum: Float64Array;
  norm: number;
}

/**
 * Each theme's profile: the sum of its members (assigned so far, or for a found theme its earlier members)
 * and of its definition. A theme known from fewer than minMembers statements and no definition takes no
 * part: one stray match would otherwise pull in everything that resembles that one statement.
 */
function themeProfiles(
  out: ReadonlyArray<string | null>,
  earlier: ReadonlyArray<string | null>,
  vectors: readonly SparseVector[],
  definitions: ReadonlyMap<string, SparseVector>,
  dims: number,
  opts: ThemeOptions,
): Profile[] {
  const members = new Map<string, SparseVector[]>();
  out.forEach((id, i) => {
    const theme = id ?? earlier[i];
    if (theme === null || theme === undefined) return;
    const list = members.get(theme);
    if (list) list.push(vectors[i]!);
    else members.set(theme, [vectors[i]!]);
  });
  const ids = new Set([...members.keys(), ...definitions.keys()]);
  return [...ids].flatMap((id) => {
    const vs = members.get(id) ?? [];
    const definition = definitions.get(id);
    if (!definition && vs.length < opts.minMembers) return [];
    const sum = sumVectors(vs, dims);
    if (definition) for (let k = 0; k < definition.ids.length; k++) sum[definition.ids[k]!]! += opts.definitionWeight * definition.w[k]!;
    return [{ id, sum, norm: norm(sum) || 1 }];
  });
}

/**
 * Step 3: unassigned statements join the theme whose profile they are closest to, if close enough and
 * clearly closer than to the next. A statement close enough to the theme it already has keeps it without
 * the margin: assignments made by words do not flip back and forth as the corpus grows.
 */
function attachToNearest(
  out: Array<string | null>,
  open: readonly boolean[],
  vectors: readonly SparseVector[],
  profiles: readonly Profile[],
  stored: ReadonlyArray<string | null>,
  opts: ThemeOptions,
): void {
  out.forEach((id, i) => {
    if (id !== null || !open[i]) return;
    let best: Profile | null = null;
    let bestSim = -1;
    let secondSim = -1;
    let storedSim = -1;
    for (const p of profiles) {
      const sim = dotDense(vectors[i]!, p.sum) / p.norm;
      if (p.id === stored[i]) storedSim = sim;
      if (sim > bestSim) [best, bestSim, secondSim] = [p, sim, bestSim];
      else if (sim > secondSim) secondSim = sim;
    }
    if (storedSim >= opts.assignThreshold) out[i] = stored[i]!;
    else if (best && bestSim >= opts.assignThreshold && bestSim - secondSim >= opts.assignMargin) out[i] = best.id;
  });
}
