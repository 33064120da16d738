// The text the analysis reads, and the way back to the stored text. A report in traditional script is read in
// simplified script (same length, server/analyze/script.ts); full-width digits and Latin letters are read as
// ASCII (same length); pinyin glosses that pages put inside words (少數(shù)民族) are left out. Only the glosses
// change lengths, so the map back is the identity for almost every report and an index table otherwise.
import type { Span } from '../../shared/types.js';
import { isTraditional, toSimplified } from './script.js';

export interface PreparedText {
  /** The text as stored: every offset reported points into it. */
  stored: string;
  /** The stored text in simplified script with ASCII digits and letters: the same length, offset for offset. */
  simplified: string;
  /** What the analysis reads: `simplified` without pinyin glosses. */
  text: string;
  /** The pinyin glosses left out, as spans of the stored text. */
  glosses: Span[];
  /** Stored offset of an offset into `text` (a start: the character there; an end: after the character before). */
  toStored(pos: number, isEnd?: boolean): number;
  /** Offset into `text` of a stored offset (a position inside a gloss moves to the character after it). */
  toText(pos: number): number;
}

// A gloss: a parenthesised pinyin syllable with a tone mark right after a Chinese character (some sites put a
// space before the closing parenthesis: 會(huì )), or a particle's toneless one (的(de)).
export const PINYIN_GLOSS_SOURCE =
  '[(（](?<=[\\u3400-\\u9fff][(（])[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]* ?[)）]' +
  // 的(de), 們(men): a particle's neutral tone has no mark.
  '|[(（](?<=[的地得了么麼们們子吗嗎呢着著个個][(（])(?:de|le|me|men|zi|ma|ne|zhe|ge) ?[)）]';
const GLOSS = new RegExp(PINYIN_GLOSS_SOURCE, 'g');

/** A piece of text without its pinyin glosses (a title to show, words to test; offsets do not survive). */
export function withoutGlosses(s: string): string {
  return s.replace(GLOSS, '');
}

/** ０-９ Ａ-Ｚ ａ-ｚ ％ → their ASCII forms (one UTF-16 unit each way). */
function asciiForms(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ％]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function prepareText(stored: string): PreparedText {
  const simplified = asciiForms(isTraditional(stored) ? toSimplified(stored) : stored);
  const glosses: Span[] = [];
  GLOSS.lastIndex = 0;
  for (let m = GLOSS.exec(simplified); m; m = GLOSS.exec(simplified)) glosses.push({ start: m.index, end: m.index + m[0].length });
  if (glosses.length === 0) {
    return { stored, simplified, text: simplified, glosses, toStored: (pos) => pos, toText: (pos) => pos };
  }
  // storedAt[i]: stored offset of text[i]; storedAt[text.length] = stored.length.
  const parts: string[] = [];
  const storedAt = new Int32Array(simplified.length + 1);
  const textAt = new Int32Array(simplified.length + 1);
  let from = 0;
  let n = 0;
  const keep = (start: number, end: number): void => {
    parts.push(simplified.slice(start, end));
    for (let i = start; i < end; i++) {
      textAt[i] = n;
      storedAt[n++] = i;
    }
  };
  for (const g of glosses) {
    keep(from, g.start);
    for (let i = g.start; i < g.end; i++) textAt[i] = n;
    from = g.end;
  }
  keep(from, simplified.length);
  storedAt[n] = simplified.length;
  textAt[simplified.length] = n;
  const text = parts.join('');
  return {
    stored,
    simplified,
    text,
    glosses,
    toStored: (pos, isEnd = false) => (isEnd && pos > 0 ? storedAt[pos - 1]! + 1 : storedAt[pos]!),
    toText: (pos) => textAt[pos]!,
  };
}

/** A figure's span in the stored text, the gloss of its last character with it (1000多個(gè): the measure word as the page wrote it). */
export function storedFigureSpan<T extends Span>(p: PreparedText, s: T): T {
  const stored = storedSpan(p, s);
  const gloss = p.glosses.find((g) => g.start === stored.end);
  return gloss ? { ...stored, end: gloss.end } : stored;
}

/** A span of the analysis text as a span of the stored text. */
export function storedSpan<T extends Span>(p: PreparedText, s: T): T {
  const start = p.toStored(s.start);
  return { ...s, start, end: s.end > s.start ? p.toStored(s.end, true) : start };
}
