// What the reuse engine indexes of a text (a report or a template): its k-gram fingerprints and the
// curated formulas it holds, each with its span in the stored text.
import { findFormulas, loadStockFormulas } from './classify.js';
import type { ReportPostings } from './corpus.js';
import { GRAM, fingerprints } from './fingerprint.js';
import { type NormalizedText, positionAt } from './normalize.js';

const FORMULAS = loadStockFormulas();

/** A text's index entries: k-gram fingerprints, then its curated formulas. */
export interface TextIndex {
  norm: NormalizedText;
  /** k-gram fingerprints: hash and position in the normalised text. */
  gramHashes: Int32Array;
  gramPositions: Int32Array;
  /** Curated formulas: [position, length, hash]. */
  formulas: Array<[number, number, number]>;
}

export function indexNormalized(norm: NormalizedText): TextIndex {
  const fp = fingerprints(norm);
  return { norm, gramHashes: fp.hashes, gramPositions: fp.positions, formulas: findFormulas(norm, FORMULAS) };
}

/** The postings of a text: every fingerprint with its span in the stored text. */
export function postingsOf(ix: TextIndex): ReportPostings {
  const n = ix.gramHashes.length + ix.formulas.length;
  const hashes = new Int32Array(n);
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  const { offsets } = ix.norm;
  for (let i = 0; i < ix.gramHashes.length; i++) {
    const p = ix.gramPositions[i]!;
    hashes[i] = ix.gramHashes[i]!;
    starts[i] = offsets[p]!;
    ends[i] = offsets[p + GRAM - 1]! + 1;
  }
  ix.formulas.forEach(([p, len, h], j) => {
    const i = ix.gramHashes.length + j;
    hashes[i] = h;
    starts[i] = offsets[p]!;
    ends[i] = offsets[p + len - 1]! + 1;
  });
  return { hashes, starts, ends };
}

/** A fingerprint repeated more often than this within one text is a refrain, not a seed. */
export const MAX_REPEAT = 2;
/** Fewest shared rare fingerprints for a pair of texts to be aligned at all. */
export const MIN_SEEDS = 2;

/** A text's gram fingerprints by hash (positions in its normalised text), refrains left out. */
export function seedPositions(ix: TextIndex, keep: (i: number) => boolean = () => true): Map<number, number[]> {
  const mine = new Map<number, number[]>();
  for (let i = 0; i < ix.gramHashes.length; i++) {
    if (!keep(i)) continue;
    const h = ix.gramHashes[i]!;
    const ps = mine.get(h);
    if (ps) ps.push(ix.gramPositions[i]!);
    else mine.set(h, [ix.gramPositions[i]!]);
  }
  for (const [h, ps] of mine) if (ps.length > MAX_REPEAT) mine.delete(h);
  return mine;
}

/**
 * Fewest shared fingerprints for a report and a template to be aligned: more than for two reports, since
 * every fingerprint seeds here, however common (a slogan both quote is not a passage taken).
 */
export const MIN_TEMPLATE_SEEDS = 4;
/**
 * Seeds per character a passage taken from a template must show (alignPair's minDensity): text taken
 * whole has one every two or three characters, lightly edited text a little fewer; a chain of the
 * common phrases a report and a template happen to share, far fewer.
 */
export const TEMPLATE_SEED_DENSITY = 0.1;

/** Another text's postings of the shared hashes [hash, start, …] by hash; null under `minSeeds` hashes. */
export function hitsByHash(hits: number[], minSeeds = MIN_SEEDS): Map<number, number[]> | null {
  if (hits.length < 2 * minSeeds) return null;
  const theirs = new Map<number, number[]>();
  for (let i = 0; i < hits.length; i += 2) {
    const list = theirs.get(hits[i]!);
    if (list) list.push(hits[i + 1]!);
    else theirs.set(hits[i]!, [hits[i + 1]!]);
  }
  // Only hashes that can seed count (a refrain on the other side cannot), so that the decision is the same
  // whichever side the pair is resolved from.
  let usable = 0;
  for (const starts of theirs.values()) if (starts.length <= MAX_REPEAT) usable++;
  return usable < minSeeds ? null : theirs;
}

/** Seeds (position here, position there) of the hashes both texts hold, refrains on either side left out. */
export function pairSeeds(mine: Map<number, number[]>, theirs: Map<number, number[]>, theirNorm: NormalizedText): Int32Array {
  const seeds: number[] = [];
  for (const [h, starts] of theirs) {
    if (starts.length > MAX_REPEAT) continue;
    for (const a of mine.get(h) ?? []) for (const b of starts) seeds.push(a, positionAt(theirNorm, b));
  }
  return Int32Array.from(seeds);
}
