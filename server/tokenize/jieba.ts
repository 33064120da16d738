// The one owner of nodejieba: loaded on first use (it costs ~280 MB), then shared by every stage.
// HMM must be on, or numbers split into single digits (1/2/次).
import { createRequire } from 'node:module';

interface Jieba {
  cut(text: string, hmm?: boolean): string[];
  load(dict?: Record<string, string>): void;
}

let jieba: Jieba | null = null;

function instance(): Jieba {
  if (!jieba) {
    jieba = createRequire(import.meta.url)('nodejieba') as Jieba;
    jieba.load();
  }
  return jieba;
}

/** Words of a text (paragraph-sized input is best), punctuation and whitespace dropped. */
export function cutWords(text: string): string[] {
  return instance()
    .cut(text, true)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}
