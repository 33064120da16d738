// The word index on PostgreSQL, built to answer as SQLite's FTS5 table report_words does: the text cut by
// jieba, each word split into tokens and folded as FTS5's unicode61 tokenizer does (letters, digits and
// private-use characters; punctuation separates; case folded, diacritics of Latin letters removed), with
// the tokens' positions so that a query's words can be matched as a phrase.
//
// A tsvector keeps positions up to 16,383 and 256 positions per word, and a report has ten thousand
// words and more: so a report is stored in parts of PART_TOKENS tokens, each overlapping the next by
// OVERLAP, and every phrase of up to OVERLAP tokens lies whole inside some part.
import { cutWords } from '../tokenize/jieba.js';

/** Tokens a part starts after the previous one. */
const STRIDE = 2048;
/** Tokens a part shares with the next: the longest phrase always found. */
export const OVERLAP = 256;
const PART_TOKENS = STRIDE + OVERLAP;
/** A token longer than this (a run of letters or digits, never a word) is cut: a tsvector word has at most 2 KB. */
const MAX_TOKEN = 200;

/** A word's tokens as unicode61 makes them (categories L*, N*, Co; everything else separates). */
const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu;
const LATIN_ACCENTED = /[\u00c0-\u024f\u1e00-\u1eff]/;

/** A token folded as unicode61 folds it: lower case, Latin letters without their diacritics. */
export function foldToken(token: string): string {
  let t = token.toLowerCase();
  if (LATIN_ACCENTED.test(t)) t = t.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  return t.slice(0, MAX_TOKEN);
}

/**
 * A text's jieba words, space-separated, its paragraphs on lines of their own: what both search indexes
 * are built from. Pure and the costliest part of indexing a report, so computed off the writer where it can
 * be (server/intake/text-work.ts).
 */
export function searchWordsOf(text: string): string {
  return text
    .split('\n')
    .map((p) => cutWords(p).join(' '))
    .join('\n');
}

/** The tokens of a text in order: each jieba word's runs of token characters, folded. */
export function textTokens(text: string): string[] {
  return wordsTokens(searchWordsOf(text));
}

/** The tokens of words as searchWordsOf gives them. */
export function wordsTokens(words: string): string[] {
  const tokens: string[] = [];
  for (const word of words.split(/[ \n]/)) {
    for (const run of word.match(TOKEN) ?? []) tokens.push(foldToken(run));
  }
  return tokens;
}

/** A word quoted for tsvector and tsquery input (quote and backslash escaped). */
const quoted = (token: string) => `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** The text's tokens as tsvector literals, one per part (at least one, empty for a text without words). */
export function wordVectors(tokens: readonly string[]): string[] {
  const parts: string[] = [];
  for (let from = 0; from === 0 || from + OVERLAP < tokens.length; from += STRIDE) {
    const positions = new Map<string, number[]>();
    tokens.slice(from, from + PART_TOKENS).forEach((t, i) => {
      const list = positions.get(t);
      if (list) list.push(i + 1);
      else positions.set(t, [i + 1]);
    });
    parts.push([...positions].map(([t, ps]) => `${quoted(t)}:${ps.join(',')}`).join(' '));
  }
  return parts;
}

/** A tsquery literal: the tokens as one phrase (each following the one before), or null without tokens. */
export function phraseQuery(tokens: readonly string[]): string | null {
  return tokens.length ? tokens.map(quoted).join(' <-> ') : null;
}

/** A tsquery literal matching all the tokens, anywhere: GIN answers it without reading the vectors. */
export function allWordsQuery(tokens: readonly string[]): string {
  return tokens.map(quoted).join(' & ');
}

/** A tsquery literal matching any of the words. */
export function anyWordQuery(words: readonly string[]): string {
  return words.map(quoted).join(' | ');
}
