// Blanks and masks. Placeholders are blanks left from a template (XX, xxx, **, 某局, 20XX年, X月X日, ［单位名称］,
// ____), each with its kind; their density tells a template submitted without being filled in. Masks are
// something else: a name or a political word hidden on purpose (***总书记, 习***, X委 and X的 for 党, ZZ for
// 政治, AAA), as pages that republish reports do; they are reported apart and never count as unfilled.
import type { Mask, MaskKind, Placeholder, Span } from '../../shared/types.js';
import { vocab } from './vocab.js';
import { overlapsSpan } from './text.js';

const V = vocab.placeholders;
const PATTERNS = V.patterns.map((p) => ({ kind: p.kind, re: new RegExp(p.pattern, 'gu') }));
const MASKS = V.masks.map((p) => ({ kind: p.kind, label: p.label, re: new RegExp(p.pattern, 'gu') }));
const PARTY_AFTER_EVIDENCE = new RegExp(V.partyMaskAfterEvidence, 'gu');
const STAR_AFTER_EVIDENCE = new RegExp(V.starMaskAfterEvidence, 'gu');
const DOT_AFTER_EVIDENCE = new RegExp(V.dotMaskAfterEvidence, 'gu');
const UNDERSCORE_AFTER_EVIDENCE = new RegExp(V.underscoreMaskAfterEvidence, 'gu');
const STARS = /^[*＊]+$/;
const FIELD_AFTER = /^(?:系统|事业|工作|同志|行业|领域|部门|单位)/;
const WORD_MASK = new RegExp(V.wordMask, 'gu');
const LETTER_ALLOWED = new Set(V.letterCodeAllowed);
const LETTER_NOT_BEFORE = new RegExp(`^(?:${V.letterCodeNotBefore.join('|')})`);

function scan(re: RegExp, text: string, each: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    each(m);
  }
}

/** Where `re` matches outside the masks already found: masks of a political word. */
function termMasks(re: RegExp, text: string, found: readonly Mask[]): Mask[] {
  const out: Mask[] = [];
  scan(re, text, (m) => {
    if (!overlapsSpan(found, m.index, m.index + m[0].length)) out.push({ text: m[0], kind: 'term', start: m.index, end: m.index + m[0].length });
  });
  return out;
}

export function findMasks(text: string): Mask[] {
  const found: Mask[] = [];
  let partyEvidence = false;
  for (const { kind, label, re } of MASKS) {
    scan(re, text, (m) => {
      const start = m.index;
      const end = start + m[0].length;
      if (overlapsSpan(found, start, end)) return;
      if ((label === '拼音缩写' || label === '字母代称') && (LETTER_ALLOWED.has(m[0]) || LETTER_NOT_BEFORE.test(text.slice(end, end + 2)))) return;
      if (label === '党') partyEvidence = true;
      found.push({ text: m[0], kind: kind as MaskKind, start, end });
    });
  }
  // X委 is 党委 masked only where the text masks 党 elsewhere beyond doubt; else it is a blank place (X委、X政府).
  if (partyEvidence) found.push(...termMasks(PARTY_AFTER_EVIDENCE, text, found));
  // 区*宣传部, 理论**: a page whose stars hide a political word hides words with its other stars too (在***的正确
  // 领导), where a template's stars elsewhere would be blanks to fill.
  if (found.some((f) => f.kind === 'term' && STARS.test(f.text))) found.push(...termMasks(STAR_AFTER_EVIDENCE, text, found));
  // 认真学习.新时代中国特色.主义思想: a page that cut the leader's name out leaving a dot cut other words so too.
  if (found.some((f) => f.kind === 'name' && /^[.．]$/.test(f.text))) found.push(...termMasks(DOT_AFTER_EVIDENCE, text, found));
  // 紧紧围绕_精神, 认真_了全省…: a page that cut words out leaving a single _ each time, or a single * for one
  // character it will not show (居*群众, 公*道德: 民); many of them are no blanks to fill (those stand before 年,
  // 月, 次…) but the site's masking.
  const cut = termMasks(WORD_MASK, text, found);
  // 树立*系统好典型, 推动*事业发展, 由*同志任组长: a template's blank for the unit's own field or a name, the same
  // blank again and again before a field word, not a word cut out.
  const fieldBlanks = cut.filter((c) => FIELD_AFTER.test(text.slice(c.end, c.end + 2))).length;
  if (cut.length >= V.wordMaskMin && fieldBlanks * 2 < cut.length) found.push(...cut);
  // 西方__凭借其经济…, 进行_,企图_西方所谓…: a page that cut a political word out leaving underscores cut its other
  // words so too, one or two underscores each (a template's blanks to fill stand before 年, 次… or run longer).
  if (found.some((f) => /^[_＿]+$/.test(f.text))) found.push(...termMasks(UNDERSCORE_AFTER_EVIDENCE, text, found));
  // 我的“**”…用“**”凝聚: a masked word in quotes is the same word wherever the text quotes it again.
  for (const quoted of [...new Set(found.filter((f) => STARS.test(f.text) && QUOTES.has(text[f.start - 1] ?? '')).map((f) => f.text))]) {
    const kind = found.find((f) => f.text === quoted)!.kind;
    for (let at = text.indexOf(quoted); at !== -1; at = text.indexOf(quoted, at + quoted.length)) {
      const end = at + quoted.length;
      const whole = QUOTES.has(text[at - 1] ?? '') && CLOSING_QUOTES.has(text[end] ?? '');
      if (whole && !overlapsSpan(found, at, end)) found.push({ text: quoted, kind, start: at, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const QUOTES = new Set('“"「『');
const CLOSING_QUOTES = new Set('”"」』');

/** Placeholders outside the masks and outside the given spans (page furniture such as 老秘网_范文). */
export function findPlaceholders(text: string, masks: readonly Span[] = [], skip: readonly Span[] = []): Placeholder[] {
  const found: Placeholder[] = [];
  for (const { kind, re } of PATTERNS) {
    scan(re, text, (m) => {
      const start = m.index;
      const end = start + m[0].length;
      // Earlier, more specific patterns win (20XX年 is a year, not an XX).
      if (overlapsSpan(found, start, end) || overlapsSpan(masks, start, end) || overlapsSpan(skip, start, end)) return;
      found.push({ text: m[0], kind, start, end });
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Non-whitespace characters: the measure of a report's length for densities. */
export function contentChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x3000 || c === 0xa0)) n++;
  }
  return n;
}

/** Placeholders per 1,000 non-whitespace characters. */
export function placeholderDensity(count: number, text: string): number {
  const chars = contentChars(text);
  return chars === 0 ? 0 : Math.round(((count * 1000) / chars) * 100) / 100;
}
