// Character n-gram fingerprints with winnowing (Schleimer, Wilkerson & Aiken 2003): hash every k-gram
// of the normalised text and keep, in every window of W consecutive hashes, the smallest one. Any
// passage shared verbatim over at least K + W - 1 normalised characters is then guaranteed to share a
// fingerprint, while only about 2 / (W + 1) of the positions are stored.
import type { NormalizedText } from './normalize.js';

/** k: 6 Chinese characters are about three words — short enough for formulas like 同部署同落实… */
export const GRAM = 6;
/** W: with k = 6 every shared run of 6 + 5 - 1 = 10 characters leaves a fingerprint. */
export const WINDOW = 5;

/** The fingerprints of one text, in text order: hash and k-gram index in the normalised text. */
export interface Fingerprints {
  hashes: Int32Array;
  /** Index of each fingerprint's k-gram in the normalised text. */
  positions: Int32Array;
}

const BASE = 0x01000193;
/** BASE^(GRAM-1) mod 2^32, to drop the leaving character from the rolling hash. */
const BASE_OUT = (() => {
  let p = 1;
  for (let i = 1; i < GRAM; i++) p = Math.imul(p, BASE);
  return p;
})();

/** The rolling polynomial hash is weak in its low bits; the murmur finaliser spreads them. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** The hash of every k-gram of the normalised text (rolling, mod 2^32). */
export function gramHashes(codes: Uint16Array): Int32Array {
  const grams = codes.length - GRAM + 1;
  if (grams <= 0) return new Int32Array(0);
  const out = new Int32Array(grams);
  let h = 0;
  for (let i = 0; i < GRAM - 1; i++) h = (Math.imul(h, BASE) + codes[i]!) | 0;
  for (let i = 0; i < grams; i++) {
    h = (Math.imul(h, BASE) + codes[i + GRAM - 1]!) | 0;
    out[i] = mix(h);
    h = (h - Math.imul(codes[i]!, BASE_OUT)) | 0;
  }
  return out;
}

/** Hash of a whole phrase (the curated formulas), kept apart from the k-gram hashes by its seed. */
export function phraseHash(codes: Uint16Array): number {
  let h = 0x2545f491;
  for (let i = 0; i < codes.length; i++) h = (Math.imul(h, BASE) + codes[i]!) | 0;
  return mix(h ^ 0x5bd1e995);
}

export function fingerprints(norm: NormalizedText): Fingerprints {
  const hashes = gramHashes(norm.codes);
  const grams = hashes.length;
  const outHash = new Int32Array(grams);
  const outPos = new Int32Array(grams);
  let n = 0;
  const push = (pos: number) => {
    outHash[n] = hashes[pos]!;
    outPos[n] = pos;
    n++;
  };
  if (grams > 0 && grams <= WINDOW) {
    let min = 0;
    for (let i = 1; i < grams; i++) if (hashes[i]! <= hashes[min]!) min = i;
    push(min);
  }
  // Robust winnowing: the rightmost minimum of each window, recorded once per change of position.
  let last = -1;
  for (let w = 0; w + WINDOW <= grams; w++) {
    let min: number;
    const j = w + WINDOW - 1;
    if (last >= w) {
      min = hashes[j]! <= hashes[last]! ? j : last;
    } else {
      min = w;
      for (let i = w + 1; i <= j; i++) if (hashes[i]! <= hashes[min]!) min = i;
    }
    if (min !== last) {
      push(min);
      last = min;
    }
  }
  return { hashes: outHash.slice(0, n), positions: outPos.slice(0, n) };
}
