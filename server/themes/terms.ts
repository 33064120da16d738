// What a problem statement is compared by: its head clause (the short diagnosis an enumerated item opens
// with, e.g. 一是理论武装还不够深入) and its terms (jieba words minus the stop-word lists, plus the
// character pairs of longer words).
import { cutWords } from '../tokenize/jieba.js';
import { stopwords } from './vocab.js';

const ENUMERATOR =
  /^\s*(?:[一二三四五六七八九十]{1,2}是|[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]{1,2}[、.．]|\d{1,2}[.、．)）]|第[一二三四五六七八九十]{1,2}[，、,]?|[①②③④⑤⑥⑦⑧⑨⑩])\s*/u;

/** Clause boundaries: a cue's parts must stand between two of these. 、 is not one (发现、收集、处置). */
const CLAUSE_BREAK = /[。；，：！？;,:!?\n]+/u;

export function stripEnumerator(text: string): string {
  return text.replace(ENUMERATOR, '');
}

export function clauses(text: string): string[] {
  return stripEnumerator(text)
    .split(CLAUSE_BREAK)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/** The statement's diagnosis: its first sentence, or its first clause when that sentence is long. */
export function headClause(text: string): string {
  const body = stripEnumerator(text).trim();
  const sentence = body.split(/[。；;！？!?\n：:]/u)[0] ?? '';
  if (sentence.length <= 20) return sentence.trim();
  return (sentence.split(/[，,]/u)[0] ?? sentence).trim();
}

/** A word worth comparing by: two characters or more, not a number or a placeholder, not a stop word. */
export function isContentWord(w: string): boolean {
  return w.length >= 2 && !/^[\p{N}A-Za-z.＊*]+$/u.test(w) && !stopwords.has(w);
}

/** The content words of a statement. */
export function statementWords(text: string): string[] {
  return cutWords(text).filter(isContentWord);
}

/**
 * What statements are compared by: the content words, and the character pairs inside longer words, since
 * jieba cuts the same idea into different compounds (财政收支 / 财政收入 / 收支平衡; 生态环境 / 环境保护).
 */
export function statementTerms(text: string): string[] {
  const words = statementWords(text);
  const terms = [...words];
  for (const w of words) {
    if (w.length < 3) continue;
    for (let i = 0; i + 2 <= w.length; i++) {
      const pair = w.slice(i, i + 2);
      if (isContentWord(pair)) terms.push(pair);
    }
  }
  return terms;
}
