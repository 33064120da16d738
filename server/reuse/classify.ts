// Which kind of reuse a passage is. A formula that many units share says nothing about copying
// (stock); text that stands in the reports of few other units was copied; text found only in the same
// unit's other reports was recycled (self). "Many" is relative to the corpus: a share of its units.
import fs from 'node:fs';
import { z } from 'zod';
import type { ReuseKind } from '../../shared/types.js';
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

/** A passage aligned with one other report (from the pair's alignment). */
export interface PassageEvidence {
  start: number;
  end: number;
  sourceId: number;
  sourceUnitId: number;
  sourceStart: number;
  sourceEnd: number;
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
  sources: SourceRef[];
}

export interface DerivedReuse {
  spans: DerivedSpan[];
  /** Non-whitespace characters in each kind. */
  chars: Record<ReuseKind, number>;
  /** Non-whitespace characters of copied or self spans shared with each other report. */
  pairs: Map<number, number>;
}

/**
 * The spans of one report from everything known about it. Text aligned with other reports is of the
 * kind the number of distinct units holding it says (the report's own unit included); formula runs
 * count as stock where no alignment covers them, and inside one only when long (a whole formulaic
 * clause): a short formula quoted in a copied paragraph stays part of the copy, since the paragraph was
 * copied as a whole and one span per passage is what a reader compares.
 */
export function deriveSpans(
  text: string,
  ownUnitId: number,
  passages: PassageEvidence[],
  stock: StockEvidence[],
  stockUnits: number,
): DerivedReuse {
  const cuts = new Set<number>();
  for (const p of passages) cuts.add(p.start).add(p.end);
  for (const s of stock) cuts.add(s.start).add(s.end);
  const bounds = [...cuts].sort((x, y) => x - y);

  // longest: the longest aligned passage a piece lies in.
  const pieces: Array<DerivedSpan & { longest: number }> = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const x = bounds[i]!;
    const y = bounds[i + 1]!;
    const covering = passages.filter((p) => p.start <= x && p.end >= y);
    const formulas = stock.filter((s) => s.start <= x && s.end >= y);
    if (covering.length === 0 && formulas.length === 0) continue;
    const units = new Set(covering.map((p) => p.sourceUnitId)).add(ownUnitId);
    const formula = covering.length === 0 || formulas.some((f) => f.end - f.start >= STOCK_OVER_PASSAGE);
    const kind: ReuseKind = formula || units.size >= stockUnits ? 'stock' : units.size > 1 ? 'copied' : 'self';
    const sources: SourceRef[] = covering.map((p) => {
      // The piece's place in the source, by proportion within the aligned passage.
      const scale = (p.sourceEnd - p.sourceStart) / (p.end - p.start);
      return {
        reportId: p.sourceId,
        start: Math.round(p.sourceStart + (x - p.start) * scale),
        end: Math.round(p.sourceStart + (y - p.start) * scale),
      };
    });
    // A formula's example reports name where else the formula stands, not where a copy came from.
    if (kind === 'stock') for (const f of formulas) sources.push(...f.sources);
    pieces.push({ start: x, end: y, kind, sources, longest: Math.max(0, ...covering.map((p) => p.end - p.start)) });
  }
  // Text many units share inside a passage leaves slivers of it on either side: they belong to the formula.
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (p.kind === 'stock' || p.end - p.start >= MIN_PIECE) continue;
    if (nearStock(p, pieces[i - 1]) || nearStock(p, pieces[i + 1])) p.kind = 'stock';
  }
  const spans: DerivedSpan[] = [];
  for (const { longest, ...p } of pieces) {
    if (p.kind !== 'stock' && longest < MIN_REUSED_PASSAGE) continue;
    const last = spans[spans.length - 1];
    if (last && last.kind === p.kind && p.start - last.end <= JOIN_GAP) {
      last.end = p.end;
      last.sources.push(...p.sources);
    } else {
      spans.push(p);
    }
  }

  const chars: Record<ReuseKind, number> = { stock: 0, copied: 0, self: 0 };
  const pairs = new Map<number, number>();
  for (const s of spans) {
    s.sources = mergeSources(s.sources, s.kind === 'stock' ? STOCK_MAX_SOURCES : Infinity);
    const n = countNonWhitespace(text, s.start, s.end);
    chars[s.kind] += n;
    if (s.kind !== 'stock') for (const src of s.sources) pairs.set(src.reportId, (pairs.get(src.reportId) ?? 0) + n);
  }
  return { spans, chars, pairs };
}

function nearStock(p: DerivedSpan, q: DerivedSpan | undefined): boolean {
  return q !== undefined && q.kind === 'stock' && Math.max(q.start - p.end, p.start - q.end) <= JOIN_GAP;
}

/** One source per report: the union of its pieces' ranges. */
function mergeSources(sources: SourceRef[], max: number): SourceRef[] {
  const byReport = new Map<number, SourceRef>();
  for (const s of sources) {
    const seen = byReport.get(s.reportId);
    if (!seen) byReport.set(s.reportId, { ...s });
    else {
      seen.start = Math.min(seen.start, s.start);
      seen.end = Math.max(seen.end, s.end);
    }
  }
  return [...byReport.values()].sort((x, y) => x.reportId - y.reportId).slice(0, max);
}
