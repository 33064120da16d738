// Text as the metadata rules read it: traditional characters folded to simplified (網信辦 → 网信办),
// full-width digits and years in Chinese numerals (二〇二三年) to ASCII, and the pinyin glosses some pages put inside words (鎮(zhèn)) blanked.
// The fold keeps every character in its place, so a span found in the folded text is the same span of
// the stored one.
import { createRequire } from 'node:module';
import { PINYIN_GLOSS_SOURCE } from './normalize.js';

/** Characters only the traditional script writes, frequent in this genre: enough of them and the text is folded. */
const TRADITIONAL = /[們這會於為與黨國學關實義機領導歷場廣東發開經區縣鎮級辦處總結報責識態話頭門術織職]/g;
const PINYIN_GLOSS = new RegExp(PINYIN_GLOSS_SOURCE, 'g');

let toSimplified: ((s: string) => string) | null = null;

function simplifier(): (s: string) => string {
  // Loaded on the first traditional text only: most submissions never need the dictionaries.
  if (!toSimplified) {
    const opencc = createRequire(import.meta.url)('opencc-js/t2cn') as { Converter(o: { from: string; to: string }): (s: string) => string };
    toSimplified = opencc.Converter({ from: 'tw', to: 'cn' });
  }
  return toSimplified;
}

/** Character by character where a phrase conversion would change the length. */
function simplify(text: string): string {
  const convert = simplifier();
  const whole = convert(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const c = convert(ch);
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

const CN_YEAR = /[一二][〇零○九][一二三四五六七八九〇零○]{2}(?=\s*年)/g;
const CN_DIGIT: Record<string, string> = { 〇: '0', 零: '0', '○': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** Anything the fold would change, found in one pass (most texts have none). */
const FOLDABLE = new RegExp(`[０-９]|${PINYIN_GLOSS.source}|${CN_YEAR.source}|${TRADITIONAL.source}`);

export function foldScript(text: string): string {
  if (!FOLDABLE.test(text)) return text;
  let out = text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(CN_YEAR, (y) => y.replace(/./g, (c) => CN_DIGIT[c] ?? c))
    .replace(PINYIN_GLOSS, (m) => ' '.repeat(m.length));
  if ((out.match(TRADITIONAL)?.length ?? 0) >= 3) out = simplify(out);
  return out;
}

/**
 * The folded text with the pinyin glosses' blanks taken out, so that a name a gloss cut in two reads whole
 * (中國石油北京項(xiàng)目管理公司), and where each of its characters stands in the folded text; null when
 * the text has no gloss.
 */
export function closeGlosses(text: string, folded: string): { closed: string; at: number[] } | null {
  const glosses = [...text.matchAll(PINYIN_GLOSS)].filter((m) => folded.slice(m.index, m.index + m[0].length).trim() === '');
  if (glosses.length === 0) return null;
  let closed = '';
  const at: number[] = [];
  let from = 0;
  for (const m of [...glosses, { index: folded.length, 0: '' }]) {
    closed += folded.slice(from, m.index);
    for (let i = from; i < m.index; i++) at.push(i);
    from = m.index + m[0].length;
  }
  at.push(folded.length);
  return { closed, at };
}

/** A name as the simplified script writes it (馬灣鎮 → 马湾镇, 交通運輸局 → 交通运输局). Every name with
 * a Chinese character is converted: TRADITIONAL tells a traditional text by its frequent characters, but a
 * name is too short to hold one of them (運輸, 團). */
export function simplifiedName(name: string): string {
  return /[\u3400-\u9fff]/.test(name) ? simplify(name) : name;
}
