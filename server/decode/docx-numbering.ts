// Word's automatic numbering rendered as text. In a report the outline (一、 （一） 1.) is usually not
// typed but generated from numbering.xml; without it the sections cannot be found. So we replay what Word
// does: counters per list and level, restarts of deeper levels, start values and overrides, lvlText
// templates like "（%2）" and the number formats Chinese documents use.
import type { Document, Element } from '@xmldom/xmldom';
import { childElements, intOf, isOn, isW, valOf, wAttr, wChild, wChildren } from './ooxml.js';

export interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  /** 1-based level whose use restarts this one; 0 never; null the default (any shallower level). */
  restart: number | null;
  isLgl: boolean;
  suff: 'tab' | 'space' | 'nothing';
  pStyle: string | null;
}

export interface NumDef {
  abstractId: string;
  /** lvlOverride: a start value and/or a replacement level definition. */
  overrides: Map<number, { start: number | null; lvl: LevelDef | null }>;
}

function parseLevel(lvl: Element): LevelDef {
  const suff = valOf(lvl, 'suff');
  const restart = intOf(valOf(lvl, 'lvlRestart'));
  return {
    start: intOf(valOf(lvl, 'start')) ?? 0,
    numFmt: valOf(lvl, 'numFmt') ?? 'decimal',
    lvlText: valOf(lvl, 'lvlText') ?? '',
    restart,
    isLgl: isOn(lvl, 'isLgl'),
    suff: suff === 'space' || suff === 'nothing' ? suff : 'tab',
    pStyle: valOf(lvl, 'pStyle'),
  };
}

// ---- number formats -------------------------------------------------------------------------

const CN_DIGITS = '〇一二三四五六七八九';
const CN_LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as Word renders chineseCounting). */
function chineseCount(n: number, digits: string, units: readonly string[]): string {
  // Inside a counted number zero reads 零 (一百零五); 〇 is a digit only in digit-by-digit formats.
  if (n === 0) return '零';
  const parts: string[] = [];
  const s = String(n);
  let zeroPending = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    const unit = units[s.length - 1 - i] ?? '';
    if (d === 0) {
      zeroPending = parts.length > 0;
      continue;
    }
    if (zeroPending) parts.push('零');
    zeroPending = false;
    parts.push(digits[d]! + unit);
  }
  let out = parts.join('');
  // 一十二 is written 十二 in counting (not in legal numerals, where 壹拾贰 is right).
  if (digits === CN_DIGITS && n >= 10 && n < 20) out = out.slice(1);
  return out;
}

function circled(n: number, fallback: string): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
  return fallback;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** Word repeats the letter past Z: AA, BB, … */
function letter(n: number): string {
  if (n <= 0) return String(n);
  const ch = String.fromCharCode(65 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

const CYCLES: Record<string, string> = {
  ideographTraditional: '甲乙丙丁戊己庚辛壬癸',
  ideographZodiac: '子丑寅卯辰巳午未申酉戌亥',
};

export function formatNumber(n: number, numFmt: string): string {
  const dec = String(n);
  switch (numFmt) {
    case 'decimal':
      return dec;
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : dec;
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return dec.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCount(n, CN_DIGITS, ['', '十', '百', '千', '万']);
    case 'chineseLegalSimplified':
      return chineseCount(n, CN_LEGAL_DIGITS, ['', '拾', '佰', '仟', '万']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return dec.replace(/\d/g, (d) => CN_DIGITS[Number(d)]!);
    case 'ideographTraditional':
    case 'ideographZodiac': {
      const cycle = CYCLES[numFmt]!;
      return n >= 1 && n <= cycle.length ? cycle[n - 1]! : dec;
    }
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 10 ? String.fromCodePoint(0x3220 + n - 1) : dec;
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return circled(n, dec);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2474 + n - 1) : `(${dec})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2488 + n - 1) : `${dec}.`;
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letter(n);
    case 'lowerLetter':
      return letter(n).toLowerCase();
    case 'none':
      return '';
    default:
      return dec;
  }
}

/** Bullet glyphs come from Symbol/Wingdings as private-use code points; any of them reads as "•". */
function bulletText(lvlText: string): string {
  return lvlText.replace(/[\uE000-\uF8FF]/g, '•');
}

// ---- the numbering part and the counters ---------------------------------------------------------

/** List definitions as Word keeps them: abstract lists (levels) and the lists (nums) that use them. */
export interface NumberingDefs {
  abstracts: Map<string, Map<number, LevelDef>>;
  nums: Map<string, NumDef>;
  /** abstractNum id → numbering style for abstractNums that only point to one (w:numStyleLink). */
  styleLinks: Map<string, string>;
}

/** The definitions of a .docx's numbering.xml. */
export function numberingFromXml(doc: Document | null): NumberingDefs {
  const defs: NumberingDefs = { abstracts: new Map(), nums: new Map(), styleLinks: new Map() };
  if (!doc?.documentElement) return defs;
  for (const el of childElements(doc.documentElement)) {
    if (isW(el, 'abstractNum')) {
      const id = wAttr(el, 'abstractNumId');
      if (id === null) continue;
      const levels = new Map<number, LevelDef>();
      for (const lvl of wChildren(el, 'lvl')) levels.set(intOf(wAttr(lvl, 'ilvl')) ?? 0, parseLevel(lvl));
      defs.abstracts.set(id, levels);
      const link = valOf(el, 'numStyleLink');
      if (link) defs.styleLinks.set(id, link);
    } else if (isW(el, 'num')) {
      const numId = wAttr(el, 'numId');
      const abstractId = valOf(el, 'abstractNumId');
      if (numId === null || abstractId === null) continue;
      const overrides = new Map<number, { start: number | null; lvl: LevelDef | null }>();
      for (const o of wChildren(el, 'lvlOverride')) {
        const lvl = wChild(o, 'lvl');
        overrides.set(intOf(wAttr(o, 'ilvl')) ?? 0, { start: intOf(valOf(o, 'startOverride')), lvl: lvl ? parseLevel(lvl) : null });
      }
      defs.nums.set(numId, { abstractId, overrides });
    }
  }
  return defs;
}

export class Numbering {
  private readonly abstracts: Map<string, Map<number, LevelDef>>;
  private readonly nums: Map<string, NumDef>;
  private readonly styleLinks: Map<string, string>;
  private readonly counters = new Map<string, Array<number | undefined>>();
  private readonly seenNums = new Set<string>();

  /** `styleNumId` resolves a numbering style's id to the numId it carries (for w:numStyleLink). */
  constructor(defs: NumberingDefs, private readonly styleNumId: (styleId: string) => string | null = () => null) {
    this.abstracts = defs.abstracts;
    this.nums = defs.nums;
    this.styleLinks = defs.styleLinks;
  }

  private resolveAbstract(num: NumDef): string {
    let id = num.abstractId;
    // A list whose definition is a numbering style: follow the style to the list it names (once).
    const link = this.styleLinks.get(id);
    const linkedNumId = link ? this.styleNumId(link) : null;
    const linked = linkedNumId ? this.nums.get(linkedNumId) : undefined;
    if (linked && !this.styleLinks.has(linked.abstractId)) id = linked.abstractId;
    return id;
  }

  private level(num: NumDef, abstractId: string, ilvl: number): LevelDef | undefined {
    return num.overrides.get(ilvl)?.lvl ?? this.abstracts.get(abstractId)?.get(ilvl);
  }

  /** The level of a list that a paragraph style is attached to (w:pStyle inside w:lvl). */
  levelForStyle(numId: string, styleId: string): number | null {
    const num = this.nums.get(numId);
    const levels = num ? this.abstracts.get(this.resolveAbstract(num)) : undefined;
    if (!levels) return null;
    for (const [ilvl, def] of levels) if (def.pStyle === styleId) return ilvl;
    return null;
  }

  /**
   * Advances the list of `numId` at level `ilvl` and returns the rendered label with its separator
   * ("一、", "（二）", "1. "), or null when the paragraph is not numbered.
   */
  next(numId: string, ilvl: number): string | null {
    const num = this.nums.get(numId);
    if (!num) return null;
    const abstractId = this.resolveAbstract(num);
    const def = this.level(num, abstractId, ilvl);
    if (!def) return null;
    // Word counts per abstract list: two numIds on one abstractNum continue each other, and a numId
    // with a start override (Word's "restart numbering") restarts its levels when it first appears.
    let counts = this.counters.get(abstractId);
    if (!counts) {
      counts = [];
      this.counters.set(abstractId, counts);
    }
    if (!this.seenNums.has(numId)) {
      this.seenNums.add(numId);
      for (const [lvl, o] of num.overrides) if (o.start !== null) counts[lvl] = undefined;
    }
    const startOf = (lvl: number): number => num.overrides.get(lvl)?.start ?? this.level(num, abstractId, lvl)?.start ?? 0;
    const current = counts[ilvl];
    counts[ilvl] = current === undefined ? startOf(ilvl) : current + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restart = this.level(num, abstractId, deeper)?.restart ?? null;
      // lvlRestart names (1-based) the shallowest level whose use restarts this one; 0 means never.
      const restarts = restart === null ? true : restart !== 0 && ilvl < restart;
      if (restarts) counts[deeper] = undefined;
    }
    if (def.numFmt === 'bullet') return withSuffix(bulletText(def.lvlText), def.suff);
    const label = def.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const lvl = Number(d) - 1;
      const value = counts[lvl] ?? startOf(lvl);
      const fmt = def.isLgl ? 'decimal' : (this.level(num, abstractId, lvl)?.numFmt ?? 'decimal');
      return formatNumber(value, fmt);
    });
    return withSuffix(label, def.suff);
  }
}

/**
 * Word puts a tab (or space) between the label and the text. In the stored text a label that ends in
 * punctuation (一、 （一） 1.) is followed directly by the text, as it is when people type it, so the
 * analysis reads typed and generated outlines alike; a bare label (第一章, 1) keeps one space.
 */
function withSuffix(label: string, suff: LevelDef['suff']): string {
  if (label === '' || suff === 'nothing' || /[、.．)）:：，,]$/.test(label)) return label;
  return `${label} `;
}
