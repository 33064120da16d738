// How a problem statement is read: normalised (traditional script to simplified, pinyin glosses and masks
// undone), cut into what a reviewer reads — a lead-in naming the field (阵地建设方面，), the diagnosis (the
// first sentence after the enumerator), the body that explains it — and the terms it is compared by (jieba
// words minus the stop-word lists, plus the character pairs of longer words).
import { Converter } from 'opencc-js/t2cn';
import { cutWords } from '../tokenize/jieba.js';
import { codebook, stopwords } from './vocab.js';

const toSimplified = Converter({ from: 't', to: 'cn' });

/** A pinyin gloss a page store left after a character: 網(wǎng)站. */
const PINYIN_GLOSS = /[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]/gu;
const ALIASES = Object.entries(codebook.aliases).sort((a, b) => b[0].length - a[0].length);

/** Normalised texts recently asked for: one assignment reads each statement in several passes. */
const normalized = new Map<string, string>();
const NORMALIZED_KEPT = 50_000;

/** The statement as the themes stage compares it: simplified script, glosses removed, masks undone. */
export function normalizeStatement(text: string): string {
  const known = normalized.get(text);
  if (known !== undefined) return known;
  let s = toSimplified(text.replace(PINYIN_GLOSS, ''));
  for (const [masked, word] of ALIASES) s = s.split(masked).join(word);
  if (normalized.size >= NORMALIZED_KEPT) normalized.clear();
  normalized.set(text, s);
  return s;
}

const ENUMERATOR =
  /^\s*(?:[一二三四五六七八九十]{1,2}是|[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]{1,2}[、.．]|\d{1,2}\s*[.、．)）。]|第[一二三四五六七八九十]{1,2}[，、,]?|[①②③④⑤⑥⑦⑧⑨⑩]|问题[一二三四五六七八九十\d]{1,2}[：:]|(?:首先|其次|再次|最后|此外|另外)[，,]|[○●•·\-–])\s*/u;

export function stripEnumerator(text: string): string {
  let s = text;
  for (let prev = ''; prev !== s; ) [prev, s] = [s, s.replace(ENUMERATOR, '')];
  return s;
}

/** Sentence boundaries. A colon ends a heading-like opening (主要表现在：…). */
const SENTENCE_BREAK = /[。；;！？!?\n：:]+/u;
/** Clause boundaries inside a sentence: a cue's parts must stand between two of these. 、 is not one. */
const CLAUSE_BREAK = /[，,]+/u;

function clausesOf(sentence: string): string[] {
  return sentence
    .split(CLAUSE_BREAK)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/** Every clause of a (normalised) statement, in order. */
export function clauses(text: string): string[] {
  return stripEnumerator(text).split(SENTENCE_BREAK).flatMap(clausesOf);
}

/** A clause that only names the field the problem lies in: 在理论学习深度方面 / 思想认识层面. */
const LEAD_IN = /^(?:在|从|就)?.{2,24}(?:方面|层面)$|^在.{2,24}(?:上|中)$|^就.{2,30}而言$/u;

export interface StatementParts {
  /** The field the statement names before its diagnosis, if it opens with one. */
  leadIn: string | null;
  /** The diagnosis: the clauses of the first sentence (after the enumerator and any lead-in). */
  head: string[];
  /** The rest, sentence by sentence. */
  body: string[][];
}

export function statementParts(normalized: string): StatementParts {
  const sentences = stripEnumerator(normalized)
    .split(SENTENCE_BREAK)
    .map(clausesOf)
    .filter((cs) => cs.length > 0);
  let leadIn: string | null = null;
  if (sentences[0] && LEAD_IN.test(sentences[0][0]!)) {
    leadIn = sentences[0].shift()!;
    if (sentences[0].length === 0) sentences.shift();
  }
  return { leadIn, head: sentences[0] ?? [], body: sentences.slice(1) };
}

/** The statement's diagnosis as one string: its first sentence, or its first clause when that sentence is long. */
export function headClause(text: string): string {
  const { head } = statementParts(normalizeStatement(text));
  const sentence = head.join('，');
  return sentence.length <= 20 ? sentence : (head[0] ?? '');
}

/** A word worth comparing by: two characters or more, not a number or a placeholder, not a stop word. */
export function isContentWord(w: string): boolean {
  return w.length >= 2 && !/^[\p{N}A-Za-z.＊*_]+$/u.test(w) && !stopwords.has(w);
}

/** The content words of a statement. */
export function statementWords(text: string): string[] {
  return cutWords(normalizeStatement(text)).filter(isContentWord);
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
