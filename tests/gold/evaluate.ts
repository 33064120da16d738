// Scores an analysis against hand-written gold annotations (tests/gold/<seed>.json). Gold names places by
// text (a unique-enough context string, searched in order), so that a reader can write and check it without
// counting offsets; here it is resolved to spans and compared with what analyzeReport found.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Analysis, Figure, ReportMeta, Span } from '../../shared/types.js';

export const GOLD_DIR = path.dirname(fileURLToPath(import.meta.url));

export interface GoldSection {
  level: number;
  marker: string;
  heading: string;
  kind: string;
  /** For unnumbered sections other than the preamble: the text they start with. */
  from?: string;
}
/** A figure as the gold names it: its fields, and where it stands (`text` inside the context `near`). */
export type GoldFigure = Pick<Figure, 'activity' | 'category' | 'value' | 'unit' | 'approx' | 'placeholder'> & { near: string; text: string };

export interface Gold {
  file: string;
  hints: { unit: string | null; year: number | null };
  meta: Pick<ReportMeta, 'title' | 'year' | 'period'>;
  sections: GoldSection[];
  problems: Array<{ from: string; to: string }>;
  figures: GoldFigure[];
  placeholders: Array<{ near: string; text: string; kind: string }>;
  flags: string[];
}

export function loadGold(): Gold[] {
  return fs
    .readdirSync(GOLD_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(GOLD_DIR, f), 'utf8')) as Gold);
}

export interface Count {
  tp: number;
  fp: number;
  fn: number;
}

export type Scores = Record<string, Count>;

export function add(scores: Scores, field: string, c: Partial<Count>): void {
  const s = (scores[field] ??= { tp: 0, fp: 0, fn: 0 });
  s.tp += c.tp ?? 0;
  s.fp += c.fp ?? 0;
  s.fn += c.fn ?? 0;
}

/** Finds each context string in order, so that repeated contexts (XX局…) resolve to successive places. */
function resolveInOrder<T extends { near: string; text: string }>(text: string, items: readonly T[]): Array<T & Span> {
  let cursor = 0;
  return items.map((item) => {
    const at = text.indexOf(item.near, cursor);
    if (at < 0) throw new Error(`gold context not found: ${item.near}`);
    cursor = at + 1;
    const start = at + item.near.indexOf(item.text);
    return { ...item, start, end: start + item.text.length };
  });
}

function iou(a: Span, b: Span): number {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

/** Pairs gold and found items one to one by `same`; counts the pairs whose `field` agrees too. */
export function pairUp<G, P>(gold: readonly G[], found: readonly P[], same: (g: G, p: P) => boolean): Array<[G, P]> {
  const used = new Set<number>();
  const pairs: Array<[G, P]> = [];
  for (const g of gold) {
    const i = found.findIndex((p, j) => !used.has(j) && same(g, p));
    if (i >= 0) {
      used.add(i);
      pairs.push([g, found[i]!]);
    }
  }
  return pairs;
}

export function score<G, P>(scores: Scores, field: string, gold: readonly G[], found: readonly P[], pairs: Array<[G, P]>, agrees: (g: G, p: P) => boolean = () => true): void {
  const tp = pairs.filter(([g, p]) => agrees(g, p)).length;
  add(scores, field, { tp, fp: found.length - tp, fn: gold.length - tp });
}

const unquote = (s: string): string => s.replace(/[“”"‘’《》]/g, '');

/** Activities agree when one contains the other (撰写心得体 / 心得体): the boundary of a phrase is a matter of taste. */
export function activitiesAgree(gold: string, found: string): boolean {
  const g = unquote(gold);
  const f = unquote(found);
  return f.length > 0 && (g.includes(f) || f.includes(g));
}

export function evaluate(gold: Gold, text: string, a: Analysis, scores: Scores): void {
  // Sections: numbered ones by marker and heading, unnumbered ones by kind and start.
  const sectionPairs = pairUp(gold.sections, a.sections, (g, p) =>
    g.marker === '' ? p.marker === '' && (g.from ? p.start === text.indexOf(g.from) : p.kind === g.kind) : p.marker === g.marker && p.heading === g.heading,
  );
  score(scores, 'sections', gold.sections, a.sections, sectionPairs);
  score(scores, 'section.level', gold.sections, a.sections, sectionPairs, (g, p) => g.level === p.level);
  score(scores, 'section.kind', gold.sections, a.sections, sectionPairs, (g, p) => g.kind === p.kind);

  let cursor = 0;
  const goldProblems = gold.problems.map((p) => {
    const start = text.indexOf(p.from, cursor);
    const end = text.indexOf(p.to, start) + p.to.length;
    if (start < 0 || end < start) throw new Error(`gold problem not found: ${p.from}`);
    cursor = end;
    return { start, end };
  });
  score(scores, 'problems', goldProblems, a.problems, pairUp(goldProblems, a.problems, (g, p) => iou(g, p) >= 0.8));

  const goldFigures = resolveInOrder(text, gold.figures);
  const figurePairs = pairUp(goldFigures, a.figures, (g, p) => g.start === p.start && g.end === p.end);
  score(scores, 'figures', goldFigures, a.figures, figurePairs);
  score(scores, 'figure.value', goldFigures, a.figures, figurePairs, (g, p) => g.value === p.value);
  score(scores, 'figure.unit', goldFigures, a.figures, figurePairs, (g, p) => g.unit === p.unit);
  score(scores, 'figure.approx', goldFigures, a.figures, figurePairs, (g, p) => g.approx === p.approx);
  score(scores, 'figure.placeholder', goldFigures, a.figures, figurePairs, (g, p) => g.placeholder === p.placeholder);
  score(scores, 'figure.activity', goldFigures, a.figures, figurePairs, (g, p) => activitiesAgree(g.activity, p.activity));
  score(scores, 'figure.category', goldFigures, a.figures, figurePairs, (g, p) => g.category === p.category);

  const goldPlaceholders = resolveInOrder(text, gold.placeholders);
  const placeholderPairs = pairUp(goldPlaceholders, a.placeholders, (g, p) => g.start === p.start && g.end === p.end);
  score(scores, 'placeholders', goldPlaceholders, a.placeholders, placeholderPairs);
  score(scores, 'placeholder.kind', goldPlaceholders, a.placeholders, placeholderPairs, (g, p) => g.kind === p.kind);

  const foundKinds = [...new Set(a.flags.map((f) => f.kind))];
  score(scores, 'flag kinds', gold.flags, foundKinds, pairUp(gold.flags, foundKinds, (g, p) => g === p));

  for (const key of ['title', 'year', 'period'] as const) {
    const g = gold.meta[key];
    const p = a.meta[key];
    add(scores, `meta.${key}`, g === p ? { tp: 1 } : { fn: g === null ? 0 : 1, fp: p === null ? 0 : 1 });
  }
}

export function precision(c: Count): number {
  return c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
}
export function recall(c: Count): number {
  return c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
}

export function formatScores(scores: Scores): string {
  const rows = Object.entries(scores).map(
    ([field, c]) => `${field.padEnd(20)} P=${precision(c).toFixed(3)}  R=${recall(c).toFixed(3)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`,
  );
  return rows.join('\n');
}
