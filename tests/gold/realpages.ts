// Scores the analysis against hand annotations of real report excerpts (tests/gold/realpages/rpNNN.json over
// ../shared/corpus/realpages/excerpts.jsonl, and the fresh set tests/gold/realpages-fresh/fpNNN.json over
// ../shared/corpus/realpages-fresh/excerpts.jsonl): sections and their kinds, activity figures and the tempting
// numbers that are not figures, placeholders and masks, template-site leftovers. The gold gives offsets into
// each excerpt and a short key (the text at those offsets), checked here so that a changed excerpt fails loudly.
import fs from 'node:fs';
import path from 'node:path';
import type { Analysis, Span } from '../../shared/types.js';
import { analyzeReport } from '../../server/analyze/index.js';
import { toSimplified } from '../../server/analyze/script.js';
import { SHARED_DIR } from '../shared-material.js';
import { GOLD_DIR, add, pairUp, score, type Count, type Scores } from './evaluate.js';

export const REALPAGES_GOLD_DIR = path.join(GOLD_DIR, 'realpages');
export const EXCERPTS_FILE = path.join(SHARED_DIR, 'corpus', 'realpages', 'excerpts.jsonl');
/** Excerpts collected and annotated after the rules had been tuned on both halves of the first set (README). */
const FRESH_GOLD_DIR = path.join(GOLD_DIR, 'realpages-fresh');
const FRESH_EXCERPTS_FILE = path.join(SHARED_DIR, 'corpus', 'realpages-fresh', 'excerpts.jsonl');
/** unseen: a fresh batch scored blind and not studied yet (the measure for pages of a new kind). */
export const SPLITS = ['development', 'held-out', 'fresh', 'unseen'] as const;
export type Split = (typeof SPLITS)[number];

/** The flag kinds that mark template-site leftovers (FLAGS.md). */
export const LEFTOVER_KINDS = ['site_chrome', 'editor_lead_in', 'download_notice', 'collection_marker', 'truncation', 'pinyin_gloss', 'template_marker'] as const;

interface Keyed extends Span {
  key: string;
}
export interface RealGold {
  id: string;
  script: 'simplified' | 'traditional';
  split: Split;
  document: 'report' | 'plan';
  /** The text itself says it is cut (……略……, 省略N字, 已阅读5页…): no check may call it incomplete in content. */
  incomplete: boolean;
  sections: Array<{ start: number; headingStart: number; headingEnd: number; level: number; marker: string; heading: string; kind: string }>;
  figures: Array<Keyed & { activity: string; value: number | null; unit: string | null; approx: boolean; placeholder: boolean }>;
  nonFigures: Array<Keyed & { why: string }>;
  placeholders: Array<Keyed & { kind: string }>;
  masks: Array<Keyed & { kind: string }>;
  leftovers: Array<Keyed & { kind: string }>;
}

export interface Excerpt {
  id: string;
  script: string;
  text: string;
}

export function realpagesAvailable(): boolean {
  const ok = fs.existsSync(EXCERPTS_FILE);
  if (!ok) console.warn(`[tests] 真实报告摘录不在 ${EXCERPTS_FILE}：依赖它的测试与基准被跳过`);
  return ok;
}

/** The fresh set's texts sit beside the first set's; where they are missing, only the first set is scored. */
function freshAvailable(): boolean {
  const ok = fs.existsSync(FRESH_EXCERPTS_FILE);
  if (!ok) console.warn(`[tests] 新收集的真实报告摘录不在 ${FRESH_EXCERPTS_FILE}：只评第一批摘录`);
  return ok;
}

function readExcerpts(file: string, out: Map<string, Excerpt>): void {
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const e = JSON.parse(line) as Excerpt;
    out.set(e.id, e);
  }
}

/** The realpages excerpts by id (the fresh set's too, where it is present). */
export function loadExcerpts(): Map<string, Excerpt> {
  const out = new Map<string, Excerpt>();
  readExcerpts(EXCERPTS_FILE, out);
  if (fs.existsSync(FRESH_EXCERPTS_FILE)) readExcerpts(FRESH_EXCERPTS_FILE, out);
  return out;
}

function readGold(dir: string, name: RegExp): RealGold[] {
  return fs
    .readdirSync(dir)
    .filter((f) => name.test(f))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as RealGold);
}

/**
 * The fresh gold whose texts are present: the fresh texts are gathered again from the search tool's pages
 * when ../shared is renewed, and a page it no longer holds leaves its gold unscored, named in a warning.
 */
function freshGold(): RealGold[] {
  if (!freshAvailable()) return [];
  const present = new Map<string, Excerpt>();
  readExcerpts(FRESH_EXCERPTS_FILE, present);
  const gold = readGold(FRESH_GOLD_DIR, /^fp\d+\.json$/);
  const missing = gold.filter((g) => !present.has(g.id)).map((g) => g.id);
  if (missing.length > 0) console.warn(`[tests] ${FRESH_EXCERPTS_FILE} 缺 ${missing.length} 篇摘录，其标注不计分：${missing.join(' ')}`);
  return gold.filter((g) => present.has(g.id));
}

/** The gold of the realpages excerpts, in id order: the first set, then the fresh one where its texts are present. */
export function loadRealGold(): RealGold[] {
  return [...readGold(REALPAGES_GOLD_DIR, /^rp\d+\.json$/), ...freshGold()];
}

/** Throws when a gold key does not stand at its offsets (the excerpt changed, or the gold is wrong). */
export function checkKeys(gold: RealGold, text: string): void {
  const lists: Array<readonly Keyed[]> = [gold.figures, gold.nonFigures, gold.placeholders, gold.masks, gold.leftovers];
  for (const list of lists) {
    for (const k of list) {
      const key = k.key.replace(/…$/, '');
      if (text.slice(k.start, k.start + key.length) !== key) throw new Error(`${gold.id}: gold key “${k.key}” not at ${k.start}`);
    }
  }
  for (const s of gold.sections) if (!text.startsWith(s.marker, s.start)) throw new Error(`${gold.id}: section marker “${s.marker}” not at ${s.start}`);
}

export type RealScores = Scores;

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const sameSpan = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end;

/** Only the agreement among matched items (a field of a found item, not its detection). */
function agreement<G, P>(scores: RealScores, field: string, pairs: Array<[G, P]>, agrees: (g: G, p: P) => boolean): void {
  const tp = pairs.filter(([g, p]) => agrees(g, p)).length;
  add(scores, field, { tp, fp: pairs.length - tp, fn: pairs.length - tp });
}

/**
 * Activities in either script agree when, simplified and unspaced, the one found contains the gold phrase,
 * or is its head (a Chinese phrase ends on it: 集体学习 of 旗委中心组集体学习), or lies inside it and is at least
 * half of it — never a single character (议 is not 党委专题会议).
 */
function activityAgrees(gold: string, found: string): boolean {
  const norm = (s: string): string => toSimplified(s).replace(/\s+/g, '').replace(/[“”"‘’《》]/g, '');
  const g = norm(gold);
  const f = norm(found);
  if (f.includes(g)) return true;
  return f.length >= 2 && (g.endsWith(f) || (g.includes(f) && f.length >= Math.ceil(g.length / 2)));
}

/** Masks as the analysis reports them; an analysis without the field found none. */
function masksOf(a: Analysis): Array<Span & { kind: string }> {
  return 'masks' in a && Array.isArray(a.masks) ? a.masks : [];
}

/** A gold measure word as the analysis writes it: simplified, a percent sign in one form (％, ℅ → %), none as ''. */
function unitOf(unit: string | null): string {
  return unit === null ? '' : toSimplified(unit).replace(/[％℅]/g, '%');
}

export function evaluateReal(gold: RealGold, text: string, a: Analysis, scores: RealScores): void {
  const sectionPairs = pairUp(gold.sections, a.sections.filter((s) => s.kind !== 'preamble'), (g, p) => g.start === p.start);
  score(scores, 'sections', gold.sections, a.sections.filter((s) => s.kind !== 'preamble'), sectionPairs);
  agreement(scores, 'section.kind', sectionPairs, (g, p) => g.kind === p.kind);
  agreement(scores, 'section.level', sectionPairs, (g, p) => g.level === p.level);

  const figurePairs = pairUp(gold.figures, a.figures, sameSpan);
  score(scores, 'figures', gold.figures, a.figures, figurePairs);
  agreement(scores, 'figure.activity', figurePairs, (g, p) => activityAgrees(g.activity, p.activity));
  agreement(scores, 'figure.value', figurePairs, (g, p) => g.value === p.value);
  agreement(scores, 'figure.unit', figurePairs, (g, p) => unitOf(g.unit) === p.unit);
  agreement(scores, 'figure.approx', figurePairs, (g, p) => g.approx === p.approx);
  agreement(scores, 'figure.placeholder', figurePairs, (g, p) => g.placeholder === p.placeholder);
  // A tempting non-figure is taken when any figure found overlaps it; it counts as found (fp) here, and
  // `non-figures taken` is its rate: tp = taken, fn = left alone.
  const taken = gold.nonFigures.filter((n) => a.figures.some((f) => overlaps(f, n))).length;
  add(scores, 'non-figures taken', { tp: taken, fn: gold.nonFigures.length - taken });

  const placeholderPairs = pairUp(gold.placeholders, a.placeholders, sameSpan);
  score(scores, 'placeholders', gold.placeholders, a.placeholders, placeholderPairs);
  agreement(scores, 'placeholder.kind', placeholderPairs, (g, p) => g.kind === p.kind);
  const masks = masksOf(a);
  const maskPairs = pairUp(gold.masks, masks, sameSpan);
  score(scores, 'masks', gold.masks, masks, maskPairs);
  agreement(scores, 'mask.kind', maskPairs, (g, p) => g.kind === p.kind);

  const leftoverKinds: ReadonlySet<string> = new Set(LEFTOVER_KINDS);
  const found = a.flags.filter((f): f is typeof f & Span => leftoverKinds.has(f.kind) && f.start !== null && f.end !== null);
  const hit = gold.leftovers.filter((g) => found.some((f) => overlaps(f, g))).length;
  const relevant = found.filter((f) => gold.leftovers.some((g) => overlaps(f, g))).length;
  add(scores, 'leftovers', { tp: hit, fn: gold.leftovers.length - hit });
  add(scores, 'leftovers (precision)', { tp: relevant, fp: found.length - relevant });
  for (const kind of LEFTOVER_KINDS) {
    const of = gold.leftovers.filter((g) => g.kind === kind);
    const sameKind = of.filter((g) => found.some((f) => f.kind === kind && overlaps(f, g))).length;
    if (of.length > 0) add(scores, `leftover.${kind}`, { tp: sameKind, fn: of.length - sameKind });
  }
  if (gold.incomplete) {
    const says = a.flags.some((f) => f.kind === 'missing_problems');
    add(scores, 'cut text: no missing_problems', says ? { fn: 1 } : { tp: 1 });
  }
}

export function precision(c: Count): number {
  return c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
}
export function recall(c: Count): number {
  return c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
}
export function f1(c: Count): number {
  const p = precision(c);
  const r = recall(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** Recall averaged over the leftover kinds present (each kind weighs the same, however many items it has). */
export function leftoverMacroRecall(scores: RealScores): number {
  const kinds = LEFTOVER_KINDS.map((k) => scores[`leftover.${k}`]).filter((c): c is Count => c !== undefined);
  return kinds.length === 0 ? 1 : kinds.reduce((s, c) => s + recall(c), 0) / kinds.length;
}

export interface RealRun {
  bySplit: Record<Split | 'all', RealScores>;
  /** Per excerpt, for looking at errors. */
  analyses: Map<string, Analysis>;
}

/** Analyses every annotated excerpt and scores it, per split and overall. */
export function runRealpages(): RealRun {
  const excerpts = loadExcerpts();
  const bySplit: RealRun['bySplit'] = { development: {}, 'held-out': {}, fresh: {}, unseen: {}, all: {} };
  const analyses = new Map<string, Analysis>();
  for (const gold of loadRealGold()) {
    const e = excerpts.get(gold.id);
    if (!e) throw new Error(`${gold.id}: no such excerpt in ${EXCERPTS_FILE}`);
    checkKeys(gold, e.text);
    const a = analyzeReport(e.text);
    analyses.set(gold.id, a);
    evaluateReal(gold, e.text, a, bySplit[gold.split]);
    evaluateReal(gold, e.text, a, bySplit.all);
  }
  return { bySplit, analyses };
}

/** A table of the scores, one row per field, the columns per split. */
export function formatRealScores(run: RealRun): string {
  const fields = Object.keys(run.bySplit.all);
  const cell = (c: Count | undefined, field: string): string => {
    if (!c) return '—'.padEnd(30);
    if (field === 'non-figures taken') return `${(recall(c) * 100).toFixed(1)}% (${c.tp}/${c.tp + c.fn})`.padEnd(30);
    if (field.startsWith('leftover') || field.startsWith('cut text')) {
      return field === 'leftovers (precision)' ? `P=${precision(c).toFixed(3)} (${c.tp}/${c.tp + c.fp})`.padEnd(30) : `R=${recall(c).toFixed(3)} (${c.tp}/${c.tp + c.fn})`.padEnd(30);
    }
    return `P=${precision(c).toFixed(2)} R=${recall(c).toFixed(2)} F1=${f1(c).toFixed(3)}`.padEnd(30);
  };
  const head = `${'field'.padEnd(34)}${SPLITS.map((s) => s.padEnd(30)).join('')}all`;
  const rows = fields.map((f) => `${f.padEnd(34)}${SPLITS.map((s) => cell(run.bySplit[s][f], f)).join('')}${cell(run.bySplit.all[f], f)}`);
  const macroOf = (s: RealScores) => (Object.keys(s).length === 0 ? '—' : `R=${leftoverMacroRecall(s).toFixed(3)}`);
  const macro = `${'leftovers (recall, kinds averaged)'.padEnd(34)}${SPLITS.map((s) => macroOf(run.bySplit[s]).padEnd(30)).join('')}${macroOf(run.bySplit.all)}`;
  return [head, ...rows, macro].join('\n');
}

/** What the analysis missed (−) and found wrongly (+), per excerpt of one half, for the fields asked (all if none). */
export function listRealErrors(run: RealRun, split: Split, fields: readonly string[]): string[] {
  const excerpts = loadExcerpts();
  const want = (f: string): boolean => fields.length === 0 || fields.includes(f);
  const out: string[] = [];
  for (const gold of loadRealGold().filter((g) => g.split === split)) {
    const text = excerpts.get(gold.id)!.text;
    const a = run.analyses.get(gold.id)!;
    const show = (s: Span): string => JSON.stringify(text.slice(s.start, s.end).slice(0, 40));
    const ctx = (s: Span): string => JSON.stringify(text.slice(Math.max(0, s.start - 8), s.end + 4));
    const lines: string[] = [];
    if (want('sections')) {
      const found = a.sections.filter((s) => s.kind !== 'preamble');
      for (const g of gold.sections) {
        const p = found.find((s) => s.start === g.start);
        if (!p) lines.push(`  − section ${g.marker}${g.heading} (${g.kind})`);
        else if (p.kind !== g.kind || p.level !== g.level) lines.push(`  ≠ section ${g.marker}${g.heading}: ${p.kind}/L${p.level}, gold ${g.kind}/L${g.level}`);
      }
      for (const p of found) if (!gold.sections.some((g) => g.start === p.start)) lines.push(`  + section ${p.marker}${p.heading.slice(0, 30)} (${p.kind}) ${ctx(p)}`);
    }
    if (want('figures')) {
      for (const g of gold.figures) {
        const p = a.figures.find((f) => sameSpan(f, g));
        if (!p) lines.push(`  − figure ${ctx(g)} ${g.activity}`);
        else if (!activityAgrees(g.activity, p.activity)) lines.push(`  ≠ activity ${show(g)}: “${p.activity}”, gold “${g.activity}”`);
        else if (p.value !== g.value || unitOf(g.unit) !== p.unit || p.approx !== g.approx) lines.push(`  ≠ figure ${show(g)}: ${p.value}${p.unit}${p.approx ? '~' : ''}, gold ${g.value}${g.unit ?? ''}${g.approx ? '~' : ''}`);
      }
      for (const p of a.figures) {
        if (gold.figures.some((g) => sameSpan(g, p))) continue;
        const why = gold.nonFigures.find((n) => overlaps(n, p))?.why ?? 'unannotated';
        lines.push(`  + figure ${ctx(p)} “${p.activity}” (${why})`);
      }
    }
    if (want('placeholders')) {
      for (const g of gold.placeholders) {
        const p = a.placeholders.find((x) => sameSpan(x, g));
        if (!p) lines.push(`  − placeholder ${ctx(g)} ${g.kind}`);
        else if (p.kind !== g.kind) lines.push(`  ≠ placeholder ${ctx(g)} ${p.kind}, gold ${g.kind}`);
      }
      for (const p of a.placeholders) if (!gold.placeholders.some((g) => sameSpan(g, p))) lines.push(`  + placeholder ${ctx(p)} ${p.kind}`);
    }
    if (want('masks')) {
      const masks = masksOf(a);
      for (const g of gold.masks) {
        const p = masks.find((x) => sameSpan(x, g));
        if (!p) lines.push(`  − mask ${ctx(g)} ${g.kind}`);
        else if (p.kind !== g.kind) lines.push(`  ≠ mask ${ctx(g)} ${p.kind}, gold ${g.kind}`);
      }
      for (const p of masks) if (!gold.masks.some((g) => sameSpan(g, p))) lines.push(`  + mask ${ctx(p)} ${p.kind}`);
    }
    if (want('leftovers')) {
      const kinds: ReadonlySet<string> = new Set(LEFTOVER_KINDS);
      const found = a.flags.filter((f): f is typeof f & Span => kinds.has(f.kind) && f.start !== null && f.end !== null);
      for (const g of gold.leftovers) {
        const p = found.filter((f) => overlaps(f, g));
        if (p.length === 0) lines.push(`  − ${g.kind} ${show(g)}`);
        else if (!p.some((f) => f.kind === g.kind)) lines.push(`  ≠ ${g.kind} ${show(g)}: ${p.map((f) => f.kind).join(',')}`);
      }
      for (const f of found) if (!gold.leftovers.some((g) => overlaps(g, f))) lines.push(`  + ${f.kind} ${show(f)}`);
    }
    if (lines.length > 0) out.push(`${gold.id}`, ...lines);
  }
  return out;
}
