// Chinese text as the fingerprints see it: only letters and digits, full-width folded to half-width,
// Latin lower-cased; punctuation, symbols and whitespace dropped. Dropping whitespace also joins words
// broken by hard line breaks (宣传重\n点), and dropping punctuation makes 、 vs ， or “” vs "" irrelevant.
// Every kept character remembers its offset in the stored text, so passages map back exactly.

export interface NormalizedText {
  /** The kept characters, folded, as UTF-16 code units. */
  codes: Uint16Array;
  /** For each kept character, its UTF-16 offset in the stored text. */
  offsets: Int32Array;
}

// Which BMP code units are kept: letters and numbers by Unicode category, plus surrogate halves so that
// characters outside the BMP (CJK extension B…) are kept whole. Built once: 64K regex tests at load.
const KEEP = (() => {
  const keep = new Uint8Array(0x10000);
  const letterOrNumber = /[\p{L}\p{N}]/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) keep[c] = 1;
    else if (letterOrNumber.test(String.fromCharCode(c))) keep[c] = 1;
  }
  return keep;
})();

/** Full-width ASCII (！…～) to half-width, then A–Z to a–z. */
function fold(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  if (c >= 0x41 && c <= 0x5a) c += 0x20;
  return c;
}

export function normalizeText(text: string): NormalizedText {
  const offsets = new Int32Array(text.length);
  const codes = new Uint16Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = fold(text.charCodeAt(i));
    if (KEEP[c] === 1) {
      codes[n] = c;
      offsets[n] = i;
      n++;
    }
  }
  return { codes: codes.slice(0, n), offsets: offsets.slice(0, n) };
}

/** Index in the normalised text of the character at a stored offset (or of the next one kept). */
export function positionAt(norm: NormalizedText, offset: number): number {
  let lo = 0;
  let hi = norm.offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (norm.offsets[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const SPACE = (() => {
  const space = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (/\s/.test(String.fromCharCode(c))) space[c] = 1;
  return space;
})();

/** Characters that count for rates: everything but whitespace (/\s/), as reports.chars counts them. */
export function countNonWhitespace(text: string, start = 0, end = text.length): number {
  let n = 0;
  for (let i = start; i < end; i++) if (SPACE[text.charCodeAt(i)] !== 1) n++;
  return n;
}
