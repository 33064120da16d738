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

let traditionalCodes: Uint8Array | null = null;

/** A table by UTF-16 code of the characters that exist only in traditional script. */
function traditionalTable(): Uint8Array {
  if (traditionalCodes) return traditionalCodes;
  traditionalCodes = new Uint8Array(0x10000);
  for (const ch of traditionalChars().keys()) traditionalCodes[ch.charCodeAt(0)] = 1;
  return traditionalCodes;
}

/** A script is told from the first characters of a text; a report does not change script halfway. */
const SAMPLE_CJK = 4000;

/** Share of the CJK characters of a text (of its first few thousand) that exist only in traditional script. */
export function traditionalShare(text: string): number {
  const table = traditionalTable();
  let cjk = 0;
  let traditional = 0;
  for (let i = 0; i < text.length && cjk < SAMPLE_CJK; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400 || c > 0x9fff) continue;
    cjk++;
    traditional += table[c]!;
  }
  return cjk === 0 ? 0 : traditional / cjk;
}

/** A report is in traditional script when this share of its CJK characters is traditional-only. */
const TRADITIONAL_SHARE = 0.05;

/**
 * Frequent traditional-only characters of this genre (黨, 會, 國, 學習…): a text without any of them is not in
 * traditional script, and OpenCC (a fifth of a second to load) is not needed to tell.
 */
const COMMON_TRADITIONAL = new Uint8Array(0x10000);
for (const ch of '們這來為說對時國會學與個發經動關點過還實現黨員義習區報總結設導體務機問題議識權') COMMON_TRADITIONAL[ch.charCodeAt(0)] = 1;
/** A script shows in a text's first characters. */
const SAMPLE_CHARS = 5000;

function hasCommonTraditional(text: string): boolean {
  const end = Math.min(text.length, SAMPLE_CHARS);
  for (let i = 0; i < end; i++) if (COMMON_TRADITIONAL[text.charCodeAt(i)] === 1) return true;
  return false;
}

export function isTraditional(text: string): boolean {
  return hasCommonTraditional(text) && traditionalShare(text) >= TRADITIONAL_SHARE;
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

/** Variant forms of traditional characters that OpenCC leaves as they are (環境衞生 → 环境卫生). */
const VARIANTS: Readonly<Record<string, string>> = { 衞: '卫', 囘: '回', 竝: '并', 㸃: '点' };
const VARIANT_CHARS = new RegExp(`[${Object.keys(VARIANTS).join('')}]`, 'g');

/** The text in simplified script, of exactly the same length (UTF-16) as the text given. */
export function toSimplified(text: string): string {
  if (!/[\u3400-\u9fff]/.test(text)) return text;
  return text
    .split('\n')
    .map(convertLine)
    .join('\n')
    .replace(VARIANT_CHARS, (c) => VARIANTS[c]!);
}
