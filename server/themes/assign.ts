// Statements → themes, the pure core of refreshThemes. Order matters for stable ids:
//   1. a statement that already has a (still existing) theme keeps it;
//   2. cue phrases of the seed lexicon;
//   3. the nearest existing theme by TF-IDF cosine to the sum of its members, if close enough;
//   4. only the rest is clustered, and clusters big and spread enough become new themes.
// What fits nowhere stays unassigned rather than forced into the nearest theme, and so does a statement
// that names no shortcoming at all (see statesShortcoming).
import { averageLinkage } from './cluster.js';
import { nameTheme } from './label.js';
import { compileLexicon, type CueLexicon, matchCues, statesShortcoming } from './lexicon.js';
import { statementTerms } from './terms.js';
import { buildTfIdf, dotDense, norm, type SparseVector, sumVectors } from './tfidf.js';
import { seedThemes } from './vocab.js';

export type ThemeOrigin = 'seed' | 'found';

export interface ThemeDef {
  id: string;
  label: string;
  terms: string[];
  origin: ThemeOrigin;
}

export interface ThemeStatement {
  text: string;
  /** The report the statement comes from: a discovered theme must span several reports. */
  report: number;
  themeId: string | null;
}

export interface ThemeOptions {
  /** Least cosine between a statement and a theme's member sum for step 3. */
  assignThreshold: number;
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

export const seedLexicon: CueLexicon = compileLexicon(seedThemes);

export function seedThemeDefs(): ThemeDef[] {
  return seedThemes.themes.map((t) => ({ id: t.id, label: t.label, terms: t.terms, origin: 'seed' }));
}

export function assignThemes(
  statements: readonly ThemeStatement[],
  themes: readonly ThemeDef[],
  nextId: () => string,
  opts: ThemeOptions = DEFAULT_THEME_OPTIONS,
  lexicon: CueLexicon = seedLexicon,
): ThemeResult {
  const known = new Set(themes.map((t) => t.id));
  const model = buildTfIdf(statements.map((s) => statementTerms(s.text)));
  const dims = model.vocab.length;
  const out = statements.map((s) => (s.themeId !== null && known.has(s.themeId) ? s.themeId : null));
  const eligible = statements.map((s, i) => out[i] === null && statesShortcoming(s.text, lexicon));

  statements.forEach((s, i) => {
    if (!eligible[i]) return;
    const m = matchCues(s.text, lexicon);
    if (m && known.has(m.theme)) out[i] = m.theme;
  });

  attachToNearest(out, eligible, model.vectors, dims, opts);

  const discovered: ThemeDef[] = [];
  if (!opts.discover) return { assignments: out, discovered };
  const rest = out.flatMap((id, i) => (id === null && eligible[i] && model.vectors[i]!.ids.length > 0 ? [i] : []));
  const clusters = averageLinkage(
    rest.map((i) => model.vectors[i]!),
    dims,
    { threshold: opts.clusterThreshold, neighbours: opts.neighbours },
  );
  const taken = new Set(themes.map((t) => t.label));
  for (const cluster of clusters) {
    const idx = cluster.map((k) => rest[k]!);
    if (idx.length < opts.minMembers) break; // largest first
    if (new Set(idx.map((i) => statements[i]!.report)).size < opts.minReports) continue;
    const sum = sumVectors(
      idx.map((i) => model.vectors[i]!),
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
  if (discovered.length > 0) attachToNearest(out, eligible, model.vectors, dims, opts);
  return { assignments: out, discovered };
}

/**
 * Step 3: unassigned statements join the theme whose member sum they are closest to (cosine), if close
 * enough. Only themes with minMembers members take part: a theme known from one stray cue match would
 * otherwise pull in everything that resembles that one statement.
 */
function attachToNearest(
  out: Array<string | null>,
  eligible: readonly boolean[],
  vectors: readonly SparseVector[],
  dims: number,
  opts: ThemeOptions,
): void {
  const byTheme = new Map<string, SparseVector[]>();
  out.forEach((id, i) => {
    if (id === null) return;
    const list = byTheme.get(id);
    if (list) list.push(vectors[i]!);
    else byTheme.set(id, [vectors[i]!]);
  });
  const centroids = [...byTheme]
    .filter(([, vs]) => vs.length >= opts.minMembers)
    .map(([id, vs]) => {
      const sum = sumVectors(vs, dims);
      return { id, sum, norm: norm(sum) || 1 };
    });
  out.forEach((id, i) => {
    if (id !== null || !eligible[i]) return;
    const v = vectors[i]!;
    let best: string | null = null;
    let bestSim = opts.assignThreshold;
    for (const c of centroids) {
      const sim = dotDense(v, c.sum) / c.norm;
      if (sim >= bestSim) [best, bestSim] = [c.id, sim];
    }
    out[i] = best;
  });
}
