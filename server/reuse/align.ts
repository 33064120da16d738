// Seed extension: the fingerprints two reports share are seeds (a position in each normalised text).
// Seeds that follow one another on both sides with small gaps are chained into one passage, so a
// passage survives light edits — a unit's name swapped in, a number changed, a word replaced, a sentence
// dropped — which only break the seeds near the edit. The chain's ends are then extended character by
// character while both texts agree, and the passage is mapped back to offsets in the stored texts.
import { GRAM } from './fingerprint.js';
import type { NormalizedText } from './normalize.js';

/** Largest gap between consecutive seeds, on either side, in normalised characters: a dropped sentence. */
export const MAX_GAP = 100;
/** Shortest passage (normalised characters) that counts as copied or recycled text. */
export const MIN_PASSAGE = 20;
/** A chain that covers much more text on one side than the other has drifted across repeated phrases. */
const MIN_BALANCE = 0.5;

/** A passage in two reports, as offsets in each stored text. */
export interface AlignedPassage {
  start: number;
  end: number;
  sourceStart: number;
  sourceEnd: number;
}

interface Chain {
  aStart: number;
  bStart: number;
  /** Last seed's k-gram positions. */
  aLast: number;
  bLast: number;
  seeds: number;
}

/**
 * Passages of `a` also found in `b`. `seeds` are pairs (position in a, position in b) of k-grams with
 * the same hash, as a flat array [a0, b0, a1, b1, …]; the order does not matter. A chain with fewer
 * than `minDensity` seeds per character of `a` it spans is dropped: seeded on common words alone (as
 * with a template, where every fingerprint seeds), a chain can string phrases in common across gaps of
 * unrelated text, while text taken whole leaves a fingerprint every few characters (WINDOW).
 */
export function alignPair(a: NormalizedText, b: NormalizedText, seeds: Int32Array, minDensity = 0): AlignedPassage[] {
  const order = Array.from({ length: seeds.length / 2 }, (_, i) => i);
  order.sort((x, y) => seeds[2 * x]! - seeds[2 * y]! || seeds[2 * x + 1]! - seeds[2 * y + 1]!);

  const open: Chain[] = [];
  const done: Chain[] = [];
  for (const i of order) {
    const sa = seeds[2 * i]!;
    const sb = seeds[2 * i + 1]!;
    // Close the chains this seed and every later one are too far from.
    for (let c = open.length - 1; c >= 0; c--) {
      if (sa - open[c]!.aLast > MAX_GAP) done.push(...open.splice(c, 1));
    }
    // Join the chain that keeps closest to its diagonal; a seed never goes backwards on either side.
    let best: Chain | null = null;
    let bestSkew = Infinity;
    for (const c of open) {
      const da = sa - c.aLast;
      const db = sb - c.bLast;
      if (da <= 0 || db <= 0 || db > MAX_GAP) continue;
      const skew = Math.abs(da - db);
      if (skew < bestSkew) {
        best = c;
        bestSkew = skew;
      }
    }
    if (best) {
      best.aLast = sa;
      best.bLast = sb;
      best.seeds++;
    } else if (!open.some((c) => c.aLast === sa && c.bLast === sb)) {
      open.push({ aStart: sa, bStart: sb, aLast: sa, bLast: sb, seeds: 1 });
    }
  }
  done.push(...open);

  const out: Array<{ aStart: number; aEnd: number; bStart: number; bEnd: number }> = [];
  for (const c of done) {
    if (c.seeds < minDensity * (c.aLast - c.aStart + GRAM)) continue;
    let { aStart, bStart } = c;
    let aEnd = c.aLast + GRAM;
    let bEnd = c.bLast + GRAM;
    while (aStart > 0 && bStart > 0 && a.codes[aStart - 1] === b.codes[bStart - 1]) {
      aStart--;
      bStart--;
    }
    while (aEnd < a.codes.length && bEnd < b.codes.length && a.codes[aEnd] === b.codes[bEnd]) {
      aEnd++;
      bEnd++;
    }
    const [short, long] = [aEnd - aStart, bEnd - bStart].sort((x, y) => x - y) as [number, number];
    if (short >= MIN_PASSAGE && short >= long * MIN_BALANCE) out.push({ aStart, aEnd, bStart, bEnd });
  }

  // Chains of one passage that repeats in either text can overlap: keep the longest of overlapping ones.
  out.sort((x, y) => y.aEnd - y.aStart - (x.aEnd - x.aStart));
  const kept: typeof out = [];
  for (const p of out) {
    const clash = kept.some(
      (k) => (p.aStart < k.aEnd && k.aStart < p.aEnd) || (p.bStart < k.bEnd && k.bStart < p.bEnd),
    );
    if (!clash) kept.push(p);
  }
  kept.sort((x, y) => x.aStart - y.aStart);
  return kept.map((p) => ({
    start: a.offsets[p.aStart]!,
    end: a.offsets[p.aEnd - 1]! + 1,
    sourceStart: b.offsets[p.bStart]!,
    sourceEnd: b.offsets[p.bEnd - 1]! + 1,
  }));
}

/** The same passages seen from the other report. */
export function mirror(p: AlignedPassage): AlignedPassage {
  return { start: p.sourceStart, end: p.sourceEnd, sourceStart: p.start, sourceEnd: p.end };
}
