// The one owner of nodejieba: loaded on first use (it costs ~280 MB), then shared by every stage.
// HMM must be on, or numbers split into single digits (1/2/次).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

interface Jieba {
  cut(text: string, hmm?: boolean): string[];
  load(dict?: Record<string, string>): void;
}

let jieba: Jieba | null = null;

/**
 * Only cut is used, never keyword extraction: its IDF table (6 MB, a third of the load time, paid again by
 * every worker thread) and its stop words are given as one-line stand-ins; the cut dictionaries are the default.
 */
const UNUSED_KEYWORD_TABLES = {
  idfDict: fileURLToPath(new URL('./keyword-idf-unused.utf8', import.meta.url)),
  stopWordDict: fileURLToPath(new URL('./stop-words-unused.utf8', import.meta.url)),
};

function instance(): Jieba {
  if (!jieba) {
    jieba = createRequire(import.meta.url)('nodejieba') as Jieba;
    jieba.load(UNUSED_KEYWORD_TABLES);
  }
  return jieba;
}

/** Words of a text (paragraph-sized input is best), punctuation and whitespace dropped. */
export function cutWords(text: string): string[] {
  return instance()
    .cut(text, true)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}
