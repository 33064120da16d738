// Which kind of reuse a passage is. A formula that many units share says nothing about copying
// (stock); text taken from the template library is `template`; text that stands in the reports of few
// other units was copied — by the report of the later period (`copied`; the earlier report holds the
// `original`), or in the same period, direction unknown (`shared`); text found only in the same unit's
// earlier reports was recycled (self). "Many" is relative to the corpus: a share of its units.
import fs from 'node:fs';
import { z } from 'zod';
import type { ReuseKind, Span, TemplateKind } from '../../shared/types.js';
import { phraseHash } from './fingerprint.js';
import { type NormalizedText, countNonWhitespace, normalizeText } from './normalize.js';

/** Share of the corpus's units that must hold a passage for it to be a formula rather than a copy. */
export const STOCK_UNIT_SHARE = 0.1;
/** …but never fewer than three units: two units sharing a passage is the very picture of copying. */
export const STOCK_MIN_UNITS = 3;
/** …and never more than ten: text in ten units' reports is circulating, not copied from one another
 * (and aligning every pair of hundreds of reports would cost what the index is there to avoid). */
export const STOCK_MAX_UNITS = 10;
/** Shortest stock formula (normalised characters): shorter shared runs are words, not formulas. */
export const STOCK_MIN_CHARS = 10;
/** A formula run at least this long (stored characters) is stock even inside a copied passage. */
export const STOCK_OVER_PASSAGE = 18;
/** Sources named for a stock span: a few examples, not every report in the corpus. */
export const STOCK_MAX_SOURCES = 5;
/** Spans of one kind closer than this (stored characters: punctuation, a line break) are one span. */
const JOIN_GAP = 3;
/**
 * A template passage at least this long (stored characters) is template text even where many units
 * hold it: a model essay many units copied is still the essay. A shorter one that is mostly a formula
 * many units hold (a central slogan the template also quotes) stays stock.
 */
export const TEMPLATE_OVER_STOCK = 50;
/** A copied or self piece shorter than this (stored characters) next to a formula is part of it. */
const MIN_PIECE = 10;
/**
 * Text two reports share only in an aligned passage shorter than this (stored characters, less than a
 * sentence) is a phrase they happen to have in common, not reuse: it is left unmarked. On the demo corpus
 * most copied spans outside the planted copies were such phrases (median 22 characters). A short piece
 * of a longer passage (cut short by a formula inside it) still counts.
 */
export const MIN_REUSED_PASSAGE = 30;

export function stockUnitThreshold(unitCount: number): number {
  return Math.max(STOCK_MIN_UNITS, Math.min(STOCK_MAX_UNITS, Math.ceil(unitCount * STOCK_UNIT_SHARE)));
}

const FormulaFile = z.object({ description: z.string(), formulas: z.array(z.string().min(2)).min(1) });

export interface StockFormula {
  text: string;
  codes: Uint16Array;
  /** Indexed like a fingerprint, so that reports holding the same formula can be named as sources. */
  hash: number;
}

/** The curated formulas of shared/vocab/stock-formulas.json, normalised as the texts are. */
export function loadStockFormulas(
  file: URL = new URL('../../shared/vocab/stock-formulas.json', import.meta.url),
): StockFormula[] {
  const { formulas } = FormulaFile.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  return formulas.map((text) => {
    const { codes } = normalizeText(text);
    return { text, codes, hash: phraseHash(codes) };
  });
}

/** Where the curated formulas stand in a normalised text: [position, length, hash] triples. */
export function findFormulas(norm: NormalizedText, formulas: StockFormula[]): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  const { codes } = norm;
  for (const f of formulas) {
    const first = f.codes[0]!;
    for (let i = codes.indexOf(first); i >= 0 && i + f.codes.length <= codes.length; i = codes.indexOf(first, i + 1)) {
      let j = 1;
      while (j < f.codes.length && codes[i + j] === f.codes[j]) j++;
      if (j === f.codes.length) out.push([i, f.codes.length, f.hash]);
    }
  }
  return out;
}

/** Another report's copy of a passage: which report, where. */
export interface SourceRef {
  reportId: number;
  start: number;
  end: number;
}

/** Where in a template a template span's text stands. */
export interface TemplateRef {
  templateId: number;
  start: number;
  end: number;
}

/**
 * How another report holding a passage stands to this one: of another unit and an earlier period, the
 * same period (or a period unknown), a later period; or of the same unit, submitted earlier or later.
 */
export type Relation = 'earlier' | 'same-period' | 'later' | 'own-earlier' | 'own-later';

/** A passage aligned with one other report (from the pair's alignment). */
export interface PassageEvidence {
  start: number;
  end: number;
  sourceId: number;
  sourceUnitId: number;
  sourceStart: number;
  sourceEnd: number;
  relation: Relation;
}

/** A passage aligned with a template of the template library. */
export interface TemplateEvidence {
  start: number;
  end: number;
  templateId: number;
  templateKind: TemplateKind;
  templateStart: number;
  templateEnd: number;
}

/** A run of formula text: fingerprints held by many units, or a curated formula. */
export interface StockEvidence {
  start: number;
  end: number;
  sources: SourceRef[];
}

export interface DerivedSpan {
  start: number;
  end: number;
  kind: ReuseKind;
  /** The other reports (every kind but template). */
  sources: SourceRef[];
  /** The templates (template spans). */
  templates: TemplateRef[];
  /** A template span quoting a superior's document (上级文件) rather than a model essay (范文). */
  directive: boolean;
}

export interface DerivedReuse {
  spans: DerivedSpan[];
  /** Non-whitespace characters in each kind; `directive` of them the template ones from 上级文件. */
  chars: Record<ReuseKind | 'directive', number>;
  /** Non-whitespace characters of copied, shared or self spans naming each other report, with the kind. */
  pairs: Map<number, { chars: number; kind: 'copied' | 'shared' | 'self' }>;
  /** Non-whitespace characters of template spans naming each template. */
  templatePairs: Map<number, number>;
}

/** The kind a report's relation to the other holder makes of a passage, in order of precedence. */
const RELATION_KINDS: Array<[Relation, ReuseKind]> = [
  ['earlier', 'copied'],
  ['same-period', 'shared'],
  ['own-earlier', 'self'],
  ['later', 'original'],
];

interface Piece extends DerivedSpan {
  /** The kind the aligned passages give the piece, were it not stock; with its sources. */
  alt: { kind: ReuseKind; directive: boolean; sources: SourceRef[]; templates: TemplateRef[]; passages: Set<PassageEvidence | TemplateEvidence> } | null;
}

/** A source's range for the piece x..y of a passage, by proportion within the aligned passage. */
function scaled(p: { start: number; end: number }, from: number, to: number, x: number, y: number): { start: number; end: number } {
  const scale = (to - from) / (p.end - p.start);
  return { start: Math.round(from + (x - p.start) * scale), end: Math.round(from + (y - p.start) * scale) };
}

/** What the passages covering x..y make of it, stock aside: template, then by relation. */
function reuseOf(x: number, y: number, covering: PassageEvidence[], templates: TemplateEvidence[]): Piece['alt'] {
  if (templates.length > 0) {
    return {
      kind: 'template',
      directive: templates.some((t) => t.templateKind === 'directive'),
      sources: [],
      templates: templates.map((t) => ({ templateId: t.templateId, ...scaled(t, t.templateStart, t.templateEnd, x, y) })),
      passages: new Set(templates),
    };
  }
  for (const [relation, kind] of RELATION_KINDS) {
    const of = covering.filter((p) => p.relation === relation);
    if (of.length === 0) continue;
    return {
      kind,
      directive: false,
      sources: of.map((p) => ({ reportId: p.sourceId, ...scaled(p, p.sourceStart, p.sourceEnd, x, y) })),
      templates: [],
      passages: new Set(of),
    };
  }
  return null;
}

/**
 * The spans of one report from everything known about it. Text aligned with other reports is of the
 * kind the number of distinct units holding it says (the report's own unit included) and, below that,
 * of the kind its relation to the other holders says; text aligned with a template is template text.
 * Formula runs count as stock where no alignment covers them, and inside one only when long (a whole
 * formulaic clause) — unless the passage goes on with the same kind on both sides of it: a paragraph
 * pasted whole is one span, whatever formulas it quotes, since one span per passage is what a reader
 * compares. Aligned passages shorter than MIN_REUSED_PASSAGE are common phrases and mark nothing.
 * `siteText`: a template site's own text around the report (page chrome, lead-ins): never reuse.
 */
export function deriveSpans(
  text: string,
  ownUnitId: number,
  passages: PassageEvidence[],
  stock: StockEvidence[],
  stockUnits: number,
  templatePassages: TemplateEvidence[] = [],
  siteText: readonly Span[] = [],
): DerivedReuse {
  const cuts = new Set<number>();
  for (const p of [...passages, ...stock, ...templatePassages, ...siteText]) cuts.add(p.start).add(p.end);
  const bounds = [...cuts].sort((x, y) => x - y);
  const long = (p: { start: number; end: number }) => p.end - p.start >= MIN_REUSED_PASSAGE;

  const [passagesAt, templatesAt, formulasAt, siteTextAt] = [new Covering(passages), new Covering(templatePassages.filter(long)), new Covering(stock), new Covering(siteText)];
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const x = bounds[i]!;
    const y = bounds[i + 1]!;
    // Nor the line break between two pieces of it.
    if (siteTextAt.at(x).length > 0 || !/\S/.test(text.slice(x, y))) continue;
    const covering = passagesAt.at(x);
    const fromTemplates = templatesAt.at(x);
    const formulas = formulasAt.at(x);
    if (covering.length === 0 && formulas.length === 0 && fromTemplates.length === 0) continue;
    const units = new Set(covering.map((p) => p.sourceUnitId)).add(ownUnitId);
    const alt = reuseOf(x, y, covering.filter(long), fromTemplates);
    const longFormula = formulas.some((f) => f.end - f.start >= STOCK_OVER_PASSAGE);
    const stockish = (covering.length === 0 && fromTemplates.length === 0) || longFormula || units.size >= stockUnits;
    const templateOverStock = fromTemplates.some((t) => t.end - t.start >= TEMPLATE_OVER_STOCK);
    const piece: Piece = { start: x, end: y, kind: 'stock', sources: [], templates: [], directive: false, alt };
    if (alt && (!stockish || (alt.kind === 'template' && templateOverStock))) {
      Object.assign(piece, { kind: alt.kind, sources: alt.sources, templates: alt.templates, directive: alt.directive });
    } else if (stockish) {
      // A formula's example reports name where else the formula stands, not where a copy came from.
      piece.sources = [...alt?.sources ?? [], ...formulas.flatMap((f) => f.sources)];
    } else {
      continue; // only short passages: a phrase in common
    }
    pieces.push(piece);
  }
  // Text many units share inside a passage leaves slivers of it on either side: they belong to the formula.
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (p.kind === 'stock' || p.end - p.start >= MIN_PIECE) continue;
    if (nearStock(p, pieces[i - 1]) || nearStock(p, pieces[i + 1])) {
      p.kind = 'stock';
      p.templates = [];
    }
  }
  bridgeFormulas(pieces);

  const spans: DerivedSpan[] = [];
  for (const { alt: _alt, ...p } of pieces) {
    const last = spans[spans.length - 1];
    if (last && last.kind === p.kind && last.directive === p.directive && p.start - last.end <= JOIN_GAP) {
      last.end = p.end;
      last.sources.push(...p.sources);
      last.templates.push(...p.templates);
    } else {
      spans.push(p);
    }
  }

  const chars: DerivedReuse['chars'] = { stock: 0, copied: 0, shared: 0, self: 0, template: 0, original: 0, directive: 0 };
  const pairs: DerivedReuse['pairs'] = new Map();
  const templatePairs = new Map<number, number>();
  for (const s of spans) {
    s.sources = mergeSources(s.sources, (r) => r.reportId, s.kind === 'stock' ? STOCK_MAX_SOURCES : Infinity);
    s.templates = mergeSources(s.templates, (t) => t.templateId, Infinity);
    const n = countNonWhitespace(text, s.start, s.end);
    chars[s.kind] += n;
    if (s.directive) chars.directive += n;
    if (s.kind === 'copied' || s.kind === 'shared' || s.kind === 'self') {
      for (const src of s.sources) pairs.set(src.reportId, { chars: (pairs.get(src.reportId)?.chars ?? 0) + n, kind: s.kind });
    }
    for (const t of s.templates) templatePairs.set(t.templateId, (templatePairs.get(t.templateId) ?? 0) + n);
  }
  return { spans, chars, pairs, templatePairs };
}

/**
 * The items covering each piece between two bounds, asked for piece by piece from the first: a sweep,
 * where filtering every item for every piece cost the square of a report's passages (a province report
 * matched by dozens of others has hundreds of passages and pieces).
 */
class Covering<T extends Span> {
  private readonly byStart: number[];
  private next = 0;
  private active: number[] = [];

  constructor(private readonly items: readonly T[]) {
    this.byStart = items.map((_, i) => i).sort((a, b) => items[a]!.start - items[b]!.start);
  }

  /**
   * The items covering the piece from `x` to the next bound, in their given order; `x` never decreases.
   * Every item's ends are bounds, so an item covers the piece when it starts at or before `x` and ends after it.
   */
  at(x: number): T[] {
    const before = this.active.length;
    while (this.next < this.byStart.length && this.items[this.byStart[this.next]!]!.start <= x) this.active.push(this.byStart[this.next++]!);
    if (this.active.length > before) this.active.sort((a, b) => a - b);
    this.active = this.active.filter((i) => this.items[i]!.end > x);
    return this.active.map((i) => this.items[i]!);
  }
}

function nearStock(p: DerivedSpan, q: DerivedSpan | undefined): boolean {
  return q !== undefined && q.kind === 'stock' && Math.max(q.start - p.end, p.start - q.end) <= JOIN_GAP;
}

/**
 * Formula text inside a passage that goes on with the same kind on both sides of it becomes part of the
 * passage: a run of stock pieces between two pieces of one kind that a single aligned passage covers.
 */
function bridgeFormulas(pieces: Piece[]): void {
  for (let i = 1; i < pieces.length; i++) {
    const left = pieces[i - 1]!;
    if (left.kind === 'stock' || pieces[i]!.kind !== 'stock') continue;
    let j = i;
    while (j < pieces.length && pieces[j]!.kind === 'stock' && pieces[j]!.start - pieces[j - 1]!.end <= JOIN_GAP) j++;
    const right = pieces[j];
    if (!right || right.kind !== left.kind || right.directive !== left.directive || right.start - pieces[j - 1]!.end > JOIN_GAP) continue;
    const through = [...left.alt!.passages].filter((p) => right.alt!.passages.has(p));
    if (through.length === 0 || !pieces.slice(i, j).every((p) => p.alt?.kind === left.kind && through.some((t) => p.alt!.passages.has(t)))) continue;
    for (const p of pieces.slice(i, j)) Object.assign(p, { kind: p.alt!.kind, sources: p.alt!.sources, templates: p.alt!.templates, directive: p.alt!.directive });
    i = j;
  }
}

/** One source per report (or template): the union of its pieces' ranges. */
function mergeSources<S extends { start: number; end: number }>(sources: S[], key: (s: S) => number, max: number): S[] {
  const byKey = new Map<number, S>();
  for (const s of sources) {
    const seen = byKey.get(key(s));
    if (!seen) byKey.set(key(s), { ...s });
    else {
      seen.start = Math.min(seen.start, s.start);
      seen.end = Math.max(seen.end, s.end);
    }
  }
  return [...byKey.values()].sort((x, y) => key(x) - key(y)).slice(0, max);
}
