// Reported figures: counts with their measure word (开展专题学习4次, 召开2次专题会议), Chinese numerals (一百二十场),
// approximations (100余篇, 近200人次), percentages (98%, 百分之九十五), money (3.5万元 → 35000 元) and placeholders in
// the number's place (XX场次). Frequency rules, ordinals, set phrases and names with numbers are not figures.
import type { Figure, Span } from '../../shared/types.js';
import { alternation, vocab } from './vocab.js';
import { parseArabicNumber, parseChineseNumber, spanAt } from './text.js';

const V = vocab.figures;
const NF = V.notFigure;

const AR = '[0-9０-９]+(?:[.．][0-9０-９]+)?';
const CN = '[零〇一二两三四五六七八九十百千万亿]+';
const PH = '(?<![A-Za-z0-9])(?:[XxＸｘ×]{1,3}|[*＊]{1,3})(?![A-Za-z])';
const CN_PCT = '[零〇一二两三四五六七八九十百点]+';

// The number comes first (an optional leading group would be tried at every position); an approximation
// word before it (近200人次) is looked up afterwards.
const FIGURE_RE = new RegExp(
  `(?:百分之(?<cnpct>${CN_PCT})|` +
    `(?:(?<![0-9０-９.．])(?<ar>${AR})|(?<![零〇一二两三四五六七八九十百千万亿])(?<cn>${CN})|(?<ph>${PH}))` +
    `(?<suf1>余|多)?(?<scale>万|亿|千)?` +
    `(?<unit>${alternation([...V.money, ...V.percent, ...V.measures])})` +
    `(?<suf2>${alternation(V.approxSuffixes)})?)`,
  'g',
);

const APPROX_MAX = Math.max(...V.approxPrefixes.map((p) => p.length));
const APPROX_PREFIX = new RegExp(`(?:${alternation(V.approxPrefixes)})$`);
const DELIMS = '，,。；;：:！？!?\\n、';
const DELIM = new RegExp(`[${DELIMS}]`);
const FREQUENCY = new RegExp(alternation(NF.frequencyCues));
const SET_PHRASE = new RegExp(alternation(NF.setPhrases), 'g');
const FOLLOWER = new RegExp(`^(?:${alternation(NF.followers)})`);
const LIGHT_VERB = new RegExp(alternation(V.lightVerbs), 'g');
const LEADING_FILLER = new RegExp(`^(?:(?:19|20)\\d{2}年(?:上半年|下半年|以来|度)?|[一二三四五六七八九十]{1,2}是|${alternation(V.leadingFillers)})`);
const TRAILING_VERB = new RegExp(`(?:${alternation(V.trailingVerbs)})$`);
const FOLLOWING_CUT = new RegExp(`${alternation([...V.followingCuts, ...V.changeVerbs])}|[0-9０-９XxＸｘ×*＊${DELIMS}]`);
const MONEY_CLASS = new RegExp(`^(?:${alternation(NF.moneyClassFollowers)})`);
const EXISTENTIAL = new RegExp(`(?:${alternation(V.existentialVerbs)})$`);
const CHANGE_SUFFIX = new RegExp(`(?:${alternation(V.changeVerbs)})到?$`);
const CONJUNCTION = /^(?:和|及|与|、|或|至|到)$/;
const QUOTES = /[“”"‘’'「」『』《》〈〉【】]/g;
const verbal = new Set(V.verbalMeasures);
const smallNumeral = new Set(V.smallNumeralMeasures);
const wordBefore = new Set(NF.wordBefore);
const ordinal = new Set(NF.ordinalPrefixes);
const changeVerbs = new Set(V.changeVerbs);
const moneyUnits = new Set(V.money);
const percentUnits = new Set(V.percent);

/** 部署, 项目…: words that begin with a measure word's character, keyed by it, without that character. */
const COMPOUNDS_BY_CHAR = new Map<string, string[]>();
for (const c of NF.measureCompounds) {
  const list = COMPOUNDS_BY_CHAR.get(c[0]!) ?? [];
  list.push(c.slice(1));
  COMPOUNDS_BY_CHAR.set(c[0]!, list);
}

const MONEY_SCALE: Array<[string, number]> = [
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
];
const SCALE: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3 };

interface CategoryCue {
  cue: string;
  category: string;
  order: number;
}
const CATEGORY_CUES: CategoryCue[] = vocab.categories.categories
  .flatMap((c, order) => c.cues.map((cue) => ({ cue, category: c.category, order })))
  .sort((a, b) => b.cue.length - a.cue.length || a.order - b.order);

const categoryMemo = new Map<string, string | null>();

/** The category of an activity: its longest cue (ties: the category listed first), or null. */
export function categoryOf(activity: string): string | null {
  const known = categoryMemo.get(activity);
  if (known !== undefined) return known;
  let found: string | null = null;
  for (const c of CATEGORY_CUES) {
    if (activity.includes(c.cue)) {
      found = c.category;
      break;
    }
  }
  // Activities repeat across reports; the memo is bounded so that a long-running server does not grow it forever.
  if (categoryMemo.size > 50_000) categoryMemo.clear();
  categoryMemo.set(activity, found);
  return found;
}

const QUOTED = new RegExp(`[“"「『][^”"」』\\n]{1,${NF.quotedMaxChars}}[”"」』]`, 'g');
const QUOTED_SLOGAN = new RegExp(`[“"「『][^”"」』\\n]{1,${NF.quotedSloganMaxChars}}[”"」』]`, 'g');

function ranges(re: RegExp, text: string, out: Span[] = []): Span[] {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out.sort((a, b) => a.start - b.start);
}

/** Ranges of text the figure scanner must not read numbers from: set phrases and short quoted names. */
function excludedRanges(text: string): Span[] {
  return ranges(QUOTED, text, ranges(SET_PHRASE, text));
}

function overlapsAny(ranges: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.start < end) lo = mid + 1;
    else hi = mid;
  }
  // Ranges may nest (a set phrase inside quotes): look back over the few that start before `end`.
  for (let i = lo - 1; i >= 0 && i >= lo - 8; i--) if (ranges[i]!.end > start) return true;
  return false;
}

const DELIM_CHARS = new Set('，,。；;：:！？!?\n、');

function clauseStart(text: string, pos: number, floor: number): number {
  let i = pos;
  while (i > floor && !DELIM_CHARS.has(text[i - 1]!)) i--;
  return i;
}

/** The activity a figure counts, from the clause before it: 共组织中心组理论学习 → 中心组理论学习. */
function precedingActivity(clause: string): string {
  let s = clause.replace(QUOTES, '').trim();
  for (let changed = true; changed; ) {
    const m = LEADING_FILLER.exec(s);
    changed = m !== null && m[0].length > 0;
    if (changed) s = s.slice(m![0].length);
  }
  let lastVerbEnd = -1;
  LIGHT_VERB.lastIndex = 0;
  for (let m = LIGHT_VERB.exec(s); m; m = LIGHT_VERB.exec(s)) lastVerbEnd = m.index + m[0].length;
  if (lastVerbEnd > 0 && lastVerbEnd < s.length) s = s.slice(lastVerbEnd);
  s = s.replace(/^了/, '');
  for (let changed = true; changed; ) {
    const m = LEADING_FILLER.exec(s);
    changed = m !== null && m[0].length > 0 && m[0].length < s.length;
    if (changed) s = s.slice(m![0].length);
  }
  for (let m = TRAILING_VERB.exec(s); m && m.index > 0; m = TRAILING_VERB.exec(s)) s = s.slice(0, m.index);
  if (s.length > 2 && s.endsWith('活动')) s = s.slice(0, -2);
  return s.length > V.maxActivityChars ? s.slice(s.length - V.maxActivityChars) : s;
}

/** The activity named after a figure (召开2次专题会议研究… → 专题会议), or '' if none follows. */
function followingActivity(text: string, pos: number): string {
  const rest = text.slice(pos, pos + V.maxActivityChars).replace(QUOTES, '');
  const cut = FOLLOWING_CUT.exec(rest);
  let s = cut ? rest.slice(0, cut.index) : rest;
  s = s.replace(/^的/, '');
  if (s.length > 2 && s.endsWith('活动')) s = s.slice(0, -2);
  return s.length >= 2 ? s : '';
}

function parseValue(g: Record<string, string | undefined>): number | null {
  if (g.cnpct !== undefined) return parseChineseNumber(g.cnpct.split('点')[0] ?? '');
  if (g.ar !== undefined) return parseArabicNumber(g.ar);
  if (g.cn !== undefined) return parseChineseNumber(g.cn);
  return null;
}

export function findFigures(text: string, sentences: readonly Span[]): Figure[] {
  const excluded = excludedRanges(text);
  // Chinese-numeral counts inside longer quotes are slogans (“四个坚持、三个支撑、两个走在前”).
  const slogans = ranges(QUOTED_SLOGAN, text);
  const figures: Figure[] = [];
  FIGURE_RE.lastIndex = 0;
  for (let m = FIGURE_RE.exec(text); m; m = FIGURE_RE.exec(text)) {
    const g = m.groups as Record<string, string | undefined>;
    const numStart = m.index;
    const end = numStart + m[0].length;
    const prefix = APPROX_PREFIX.exec(text.slice(Math.max(0, numStart - APPROX_MAX), numStart))?.[0];
    const start = numStart - (prefix?.length ?? 0);
    const before = text[start - 1];
    if (before !== undefined && ordinal.has(before)) continue;
    if (overlapsAny(excluded, start, end)) continue;
    const rawUnit = g.unit ?? '';
    const after = text.slice(end, end + 4);
    if (FOLLOWER.test(after)) continue;
    const compounds = COMPOUNDS_BY_CHAR.get(rawUnit.slice(-1));
    if (compounds && compounds.some((c) => after.startsWith(c))) continue;
    // Size classes, not quantities: 千万美元以上的大项目, 超百亿元企业, 千亿元产业.
    if ((g.suf2 === '以上' || g.suf2 === '以下') && after.startsWith('的') && !percentUnits.has(rawUnit)) continue;
    if (moneyUnits.has(rawUnit) && MONEY_CLASS.test(after)) continue;
    if (g.cn !== undefined) {
      // 万元生产总值, 万家灯火: a bare 万/亿 is a word, not a number.
      if (/^[万亿]+$/.test(g.cn)) continue;
      if (overlapsAny(slogans, start, end)) continue;
      // 十届人大五次会议 names a session.
      if (text.slice(Math.max(0, start - 6), start).includes(NF.sessionMarker)) continue;
      const prev = text[numStart - 1];
      if (prev !== undefined && wordBefore.has(prev)) continue;
      if (g.cn === '一' && !smallNumeral.has(rawUnit)) continue;
    }
    const sentence = spanAt(sentences, start) ?? { start, end };
    const clauseFrom = clauseStart(text, start, sentence.start);
    if (FREQUENCY.test(text.slice(clauseFrom, start))) continue;

    let value = parseValue(g);
    let unit = rawUnit;
    const scale = g.scale !== undefined ? SCALE[g.scale]! : 1;
    if (value !== null) value *= scale;
    if (moneyUnits.has(rawUnit)) {
      for (const [prefix, factor] of MONEY_SCALE) {
        if (rawUnit.startsWith(prefix)) {
          unit = rawUnit.slice(prefix.length);
          if (value !== null) value *= factor;
        }
      }
    } else if (g.cnpct !== undefined || rawUnit === '％') unit = '%';
    else if (!percentUnits.has(rawUnit) && g.scale !== undefined) unit = rawUnit;
    if (unit === '人（次）' || unit === '人(次)') unit = '人次';
    // 8750.95亿 in floating point is 875095000000.0001: keep the digits the report wrote.
    if (value !== null) value = Number(value.toPrecision(12));

    // The counted activity: named after the figure (召开2次专题会议) or in the clause before it.
    const prevFigure = figures[figures.length - 1];
    const floor = prevFigure && prevFigure.end > clauseFrom && prevFigure.end <= start ? prevFigure.end : clauseFrom;
    const next = text[end];
    const following = next !== undefined && !DELIM.test(next) ? followingActivity(text, end) : '';
    const preceding = precedingActivity(text.slice(floor, start));
    // 全局有XX平方米电子显示屏: a clause ending on 有 leaves the counted thing to what follows.
    const precedingEndsOnVerb = EXISTENTIAL.test(text.slice(floor, start));
    let activity = following !== '' && (verbal.has(rawUnit) || preceding === '' || precedingEndsOnVerb) ? following : preceding;
    const samePrevious = prevFigure && prevFigure.sentence.start === sentence.start && prevFigure.activity !== '' ? prevFigure : null;
    // 分别增长8.2%和8.4%: a figure joined by 和 counts what the previous one counted.
    if (samePrevious && (activity === '' || CONJUNCTION.test(activity))) activity = samePrevious.activity;
    else if (changeVerbs.has(activity.replace(/到$/, '')) && samePrevious) {
      // 生产总值完成8750亿元，增长13.7% — the change is the previous figure's subject's; 由55元提高到60元 — the same subject.
      const subject = samePrevious.activity.replace(CHANGE_SUFFIX, '');
      activity = activity.endsWith('到') ? subject : `${subject}${activity}`;
    }

    figures.push({
      activity,
      category: categoryOf(activity),
      value: g.ph !== undefined ? null : value,
      unit,
      approx: prefix !== undefined || g.suf1 !== undefined || g.suf2 !== undefined,
      placeholder: g.ph !== undefined,
      start,
      end,
      sentence: { start: sentence.start, end: sentence.end },
    });
  }
  return figures;
}
