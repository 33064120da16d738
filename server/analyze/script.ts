// Reports in traditional script are analysed in simplified script: OpenCC (opencc-js, Taiwan → mainland, with
// its phrase tables) converts them, line by line, and a conversion is used only where it keeps every UTF-16
// offset (a line whose converted length differs falls back to character-by-character conversion, keeping the
// characters whose simplified form is longer or shorter), so that offsets into the converted text are offsets
// into the stored text. Simplified reports are left untouched: the converter is loaded only when needed.
import { createRequire } from 'node:module';

interface OpenCCModule {
  Converter(options: { from: string; to: string }): (text: string) => string;
  Locale: { to: { cn: ReadonlyArray<ReadonlyArray<string | ReadonlyArray<readonly [string, string]>>> } };
}

const require = createRequire(import.meta.url);
let opencc: OpenCCModule | null = null;
let converter: ((text: string) => string) | null = null;
let charMap: Map<string, string> | null = null;

function load(): OpenCCModule {
  opencc ??= require('opencc-js/t2cn') as OpenCCModule;
  return opencc;
}

/** Traditional character → its simplified form, for the characters whose form differs and keeps its length. */
function traditionalChars(): Map<string, string> {
  if (charMap) return charMap;
  charMap = new Map();
  // OpenCC's TSCharacters table ("傳 传|區 区|…"), the last dictionary of the Taiwan → mainland chain.
  const groups = load().Locale.to.cn;
  const table = groups[groups.length - 1]?.[1];
  if (typeof table !== 'string') throw new Error('opencc-js: TSCharacters 字表格式与预期不符');
  for (const pair of table.split('|')) {
    const [from, to] = pair.split(' ');
    if (from && to && from !== to && from.length === 1 && to.length === 1) charMap.set(from, to);
  }
  return charMap;
}

/** Share of the CJK characters of a text that exist only in traditional script (0 for a simplified report). */
export function traditionalShare(text: string): number {
  const map = traditionalChars();
  let cjk = 0;
  let traditional = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400 || c > 0x9fff) continue;
    cjk++;
    if (map.has(text[i]!)) traditional++;
  }
  return cjk === 0 ? 0 : traditional / cjk;
}

/** A report is in traditional script when this share of its CJK characters is traditional-only. */
const TRADITIONAL_SHARE = 0.05;

export function isTraditional(text: string): boolean {
  return traditionalShare(text) >= TRADITIONAL_SHARE;
}

function convertLine(line: string): string {
  converter ??= load().Converter({ from: 'tw', to: 'cn' });
  const converted = converter(line);
  if (converted.length === line.length) return converted;
  // A phrase or character changed length: convert character by character, keeping the odd ones.
  const map = traditionalChars();
  let out = '';
  for (const ch of line) out += map.get(ch) ?? ch;
  return out;
}

/** The text in simplified script, of exactly the same length (UTF-16) as the text given. */
export function toSimplified(text: string): string {
  if (traditionalShare(text) === 0) return text;
  return text.split('\n').map(convertLine).join('\n');
}
