// Reported figures: counts with their measure word (开展专题学习4次, 召开2次专题会议), Chinese numerals (一百二十场),
// approximations (100余篇, 近200人次, 7万余人), percentages (98%, 百分之九十五), money (3.5万元 → 35000 元) and
// placeholders in the number's place (XX场次, *条, ____篇, X 元), read whole across page damage (287↵件, 1 300余人,
// 12 次). Not figures: frequency rules, ordinals, ranges (60—80%), set phrases and names with numbers (五人制,
// 二次全会), and background quantities — what exists rather than what the unit did (全市有2个民族乡, 人口29150人).
import type { Figure, Span } from '../../shared/types.js';
import { alternation, vocab } from './vocab.js';
import { parseArabicNumber, parseChineseNumber, spanAt } from './text.js';
import { categoryOf, continuedActivity, followingActivity, precedingActivity, thingsActivity } from './activity.js';

const V = vocab.figures;
const NF = V.notFigure;

// Digits grouped by commas or, in PDF text, by spaces (1 300余人) are one number.
const AR = '[0-9]{1,3}(?:[,，][0-9]{3})+(?:[.．][0-9]+)?|[0-9]{1,3}(?: [0-9]{3})+(?![0-9])|[0-9０-９]+(?:[.．][0-9０-９]+)?';
const CN = '[零〇一二两三四五六七八九十百千万亿]+';
// 7.xxxx元, 5xxxx名: a number whose last digits were blanked is a placeholder too.
const PH = '(?<![0-9.．])[0-9]{1,4}[.．]?[XxＸｘ×]{2,4}(?![A-Za-z])|(?<![A-Za-z0-9])(?:[XxＸｘ×]{1,4}(?:[.．][XxＸｘ×]{1,2})?|[*＊]{1,3}|[_＿]{1,6}|□{1,3}|[Nn])(?![A-Za-z])|[\\[［【][XxＸｘ×]{1,3}[\\]］】]|某某(?![人名位])|某(?=[块米元])';
const CN_PCT = '[零〇一二两三四五六七八九十百点]+';

/** 总阅读量359万, 阅读量28万: a reach counted after its 万 or 亿 with no measure word. */
const READ_COUNT_SCALE = `(?<=(?:${alternation(V.readCounts)})(?:累计|共)?(?:达到|达|为|超过|超|突破|约|近|逾)?[ \u3000]*[0-9０-９.．]+[ \u3000]?[万亿])(?![\u4e00-\u9fff0-9０-９])`;
// The number comes first (an optional leading group would be tried at every position); an approximation
// word before it (近200人次) is looked up afterwards.
const FIGURE_RE = new RegExp(
  `(?:百分之(?<cnpct>${CN_PCT})|` +
    `(?:(?<![0-9０-９.．])(?<ar>${AR})|(?<![零〇一二两三四五六七八九十百千万亿])(?<cn>${CN})|(?<ph>${PH}))` +
    // 3000↵余份: a line wrap may fall before the approximation too.
    // 2.3 万次: a space may stand before the scale word too.
    `(?:[\n \u3000](?=余|多))?(?<suf1>余|多)?(?:[ \u3000](?=[万亿]))?(?<scale>万|亿|千)?(?<suf3>余|多)?` +
    // A space or a line break between the number and its measure word (12 次, 287↵件): PDF and page damage.
    `(?:[ \u3000\u00a0]{1,2}|\n)?` +
    `(?:(?<unit>${alternation([...V.money, ...V.percent, ...V.measures])})|${READ_COUNT_SCALE})` +
    `(?<suf2>${alternation(V.approxSuffixes)})?)`,
  'g',
);

const APPROX_MAX = Math.max(...V.approxPrefixes.map((p) => p.length));
const APPROX_PREFIX = new RegExp(`(?:${alternation(V.approxPrefixes)})[ \u3000]?$`);
const DELIMS = '，,。；;：:！？!?\\n、';
const DELIM = new RegExp(`[${DELIMS}]`);
const FREQUENCY = new RegExp(alternation(NF.frequencyCues));
const SET_PHRASE = new RegExp(alternation(NF.setPhrases), 'g');
const FOLLOWER = new RegExp(`^(?:${alternation(NF.followers)})`);
const FRAMED_AS = /^[^，,。；;]{0,8}?为(?:抓手|重点|主线|载体|突破口|切入点|着力点|核心|目标)/;
const MONEY_CLASS = new RegExp(`^(?:${alternation(NF.moneyClassFollowers)})`);
const PEOPLE = new Set(['人', '名', '人次']);
/** 参加会议, 出席了活动, 参与学习 right after a count of people (…等30余人参加会议). */
const ATTENDED = /^(参加|出席|参会|列席|参与|参训)了?([^，,。；;、\s]{0,6}?)(?=[，,。；;、\s]|$)/;
const ATTENDED_REACH = 12;
const EXISTENTIAL = new RegExp(`(?:${alternation(V.existentialVerbs)})$`);
const CHANGE_SUFFIX = new RegExp(`(?:${alternation(V.changeVerbs)})到?$`);
/** What joins a figure to the one before it (分别增长8.2%和8.4%, 推荐图书12次合60册) or only sums up (共计12项). */
const CONJUNCTION = /^(?:和|及|与|、|或|至|到|合|计|共计|合计|累计|总计)$/;
/** 共计12项15场: an activity that is only the previous count (12项) names nothing; the figure counts what that one did. */
const COUNT_ONLY = /^[\d０-９.一二三四五六七八九十百千万xXＸｘ*＊]+[\u4e00-\u9fff]{0,2}$/;
const verbal = new Set(V.verbalMeasures);
const smallNumeral = new Set(V.smallNumeralMeasures);
const wordBefore = new Set(NF.wordBefore);
const sloganMeasures = new Set(NF.sloganMeasures);
/** The largest Chinese-numeral count of points a report names (十项措施); above it a count is work counted. */
const POINT_COUNT_MAX = 10;
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

const QUOTED = new RegExp(`[“"「『][^”"」』\\n]{1,${NF.quotedMaxChars}}[”"」』]`, 'g');
const QUOTED_SLOGAN = new RegExp(`[“"「『][^”"」』\\n]{1,${NF.quotedSloganMaxChars}}[”"」』]`, 'g');

function ranges(re: RegExp, text: string, out: Span[] = []): Span[] {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out.sort((a, b) => a.start - b.start);
}

/** A quoted slogan spelled out right after it: “一十百千万”(即:一场大会明思路、十次座谈谋发展…). */
const SLOGAN_SPELLED_OUT = /[”"」』][ \u3000]?[(（]即[:：]?[^)）\n]{1,80}[)）]/g;

/** Ranges of text the figure scanner must not read numbers from: set phrases and short quoted names. */
function excludedRanges(text: string): Span[] {
  return ranges(SLOGAN_SPELLED_OUT, text, ranges(QUOTED, text, ranges(SET_PHRASE, text)));
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

function clauseStart(text: string, pos: number, floor: number, delims: ReadonlySet<string> = DELIM_CHARS): number {
  let i = pos;
  while (i > floor && !delims.has(text[i - 1]!)) i--;
  return i;
}

/** The shortest line read as wrapped, not as a heading or list line, when it ends on a figure. */
const WRAPPED_LINE_MIN = 16;
/** A line break inside a word (党委专题会↵议 3 次): the line before ends on a character, not on punctuation. */
const WRAPPED = /[\u3400-\u9fffA-Za-z0-9]/;

const REQUIREMENT_AFTER = /^[^，,。；;]{0,16}的(?:要求|规定|标准)(?!化)/;
const BASELINE_BEFORE = /在[^，,。；;在]{0,14}$/;
const BASELINE_AFTER = /^[^，,。；;]{0,14}的?基础上/;
const SPACE_RUN = /\s+/g;
/** What ends a list of holdings: a sentence end, or a blank line (not a ； between its items, nor a wrapped line's break). */
const HOLDING_BREAK = /[。！？!?]|\n\s*\n/;

/** A numbered heading (一、工作开展情况↵): no wrapped line, and its 一、 no list item of the figure below it. */
const HEADING_LINE = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．](?!\d))[^。；;，,]{0,30}\n$/;

/** Where the words a figure belongs to start: the clause with its list, across line breaks inside words. */
function phraseStart(text: string, pos: number, floor: number): number {
  let i = clauseStart(text, pos, floor, CLAUSE_CHARS);
  while (i > floor && text[i - 1] === '\n' && i >= 2 && WRAPPED.test(text[i - 2]!) && !HEADING_LINE.test(text.slice(text.lastIndexOf('\n', i - 2) + 1, i))) {
    i = clauseStart(text, i - 1, floor, CLAUSE_CHARS);
  }
  return i;
}

/** How far a list, a governing verb or the rest of a clause is looked for around a figure (long sentences). */
const LIST_WINDOW = 60;
/** The most characters between two figures of a list whose second is named by a qualifier alone (，省“一报一台”). */
const LIST_QUALIFIER = 24;
/** The words right before a figure that say it compares or lasts (去年为, 为期). */
const TAIL = 12;

/** A list (报刊、资料、音像制品和设备 X 元) belongs to the clause of its verb. */
const CLAUSE_CHARS = new Set([...DELIM_CHARS].filter((c) => c !== '、'));

function parseValue(g: Record<string, string | undefined>): number | null {
  if (g.cnpct !== undefined) return parseChineseNumber(g.cnpct.split('点')[0] ?? '');
  if (g.ar !== undefined) return parseArabicNumber(g.ar);
  // 万余册: a bare 万 or 亿 is one of it.
  if (g.cn !== undefined) return g.cn in SCALE ? SCALE[g.cn]! : parseChineseNumber(g.cn);
  return null;
}

/** 较去年同期增长27%: the comparison before a change; the change is still the previous figure's subject's. */
const COMPARED_WITH = /^(?:较|比|同比|环比)(?:去年|上年|上一年|往年|(?:19|20)[\dxX*＊]{2}年)?(?:同期)?/;
const CHANGE_START = /(?:由|从)[^，,。；;由从]{0,8}$/;
const CHANGE_TO = new RegExp(`^(?:${alternation(V.changeVerbs)})(?:到|至)`);
const RANGE_BEFORE = /[0-9一二三四五六七八九十百][—\-－~～至到]$/;
const SESSION = new RegExp(NF.sessionFollowers);
const SET_MEMBERSHIP = new RegExp(alternation(NF.setMembership));
const COMPARISON = new RegExp(`(?:${alternation(NF.comparisonCues)})(?:为|是|的|共|仅|只有|有)?[ \u3000]?$`);
const DURATION = new RegExp(`(?:${alternation(NF.durationCues)})$`);
const RATE = /每[0-9０-９一二两三四五六七八九十百千]+[^，,。；;0-9０-９]{0,6}$/;
/**
 * 争取三个村创建文明村, 争取在年底前覆盖80%, 力争…: a target set, not work done; 争取资金1.2亿元 (funds
 * secured) and 争取到 are done.
 */
const TARGET = /(?:力争[^，,。；;]{0,12}|争取(?:[在使][^，,。；;]{0,8})?)$/;
/** 将于7月16日—17日对15个教学院系和21个职能部门…督查: work announced in the clause, not done. */
const ANNOUNCED = /(?:将于|将在|拟于|拟在|计划于|即将)[^，,。；;]*$/;
/** 彩礼不高于4万元, 用车不超过6辆: a limit a rule sets, not a count of anything. */
const LIMIT = /不得?(?:高于|低于|少于|多于|大于|超过|超出)?$/;
/** 全年安排学习2次: events put on the year's schedule (全年安排省重点项目300项, 安排资金 are allotted, so done). */
const SCHEDULE = /(?:全年|年内|每年)安排[^，,。；;]{0,8}$/;
/** A clause opening on a bare interval (半年总结, 一年, 季度研判), before a Chinese-numeral count of times (not 一季度 or 一月: Q1, January). */
const INTERVAL = /^\s*(?:半年|一年|季度|一个月|两周|一周|双月)(?![来以多内中里间度])[\u4e00-\u9fff]{0,6}$/;
const FOLLOWER_NEAR = /^[^，,。；;、\d]{1,4}的?(?:方面|层面)/;
const DESCRIBED = /^[^，,。；;、\d]{1,4}的/;
/** What follows 分 when it is no score: a word it begins (分钟, 分局, 分之一…), only 以上/以下/左右/的 may follow a score. */
const NOT_A_SCORE = /^(?!以上|以下|左右|的)[\u4e00-\u9fff]/;
/** 在全省40个行业记者站中…排名第一: the set a rank is among, not a count of work. */
const RANKED_AMONG = /^[^，,。；;]{1,12}中[^，,。；;]{0,16}(?:排名|名列|位居|位列|第[一二三四五六七八九十\d])/;
/** 要求园区11个非公党支部将…: those a requirement is addressed to. */
const REQUIRED_OF = /(?<![按照据的])要求[^，,。；;]{0,6}$/;
/** Counts of 项 that stay counts when a measure compound follows an Arabic number (完成12项工作). */
const ARABIC_COUNTED = new Set(['项工作', '项工']);
const WORKS_COUNTED = /^[^，,。；;、\s]{0,6}?(?:电影|影片|片|作品|书|著作|读物|教材|剧)/;
const B = V.background;
// A place or group on its own (2个民族乡, 两个乡的), not the first word of a compound (5个社区书屋).
// 乡镇(街道)实践所: a bracket after the place does not end the noun it modifies.
const STANDING_NOUN = new RegExp(`^(?:${alternation(B.standingNouns)})(?![（(][^)）]{1,6}[)）][\\u3400-\\u9fff])(?![\\u3400-\\u9fff](?<![的都均和及与]))`);
// The quantity itself is the population or the area (人口为29150人, 占总人口的6.6%, 两个乡种植面积的…), not a
// rate of something done for it (人口覆盖率).
const STAFF_BEFORE = new RegExp(`(?:${alternation(B.staffWords)})(?:共|有|为|是)?$`);
/** 44名干部职工中: the headcount a share or a count is taken among. */
const STAFF_AMONG = new RegExp(`^(?:${alternation(B.staffWords)})中`);
const POPULATION_BEFORE = new RegExp(`(?:${alternation(B.populationWords)})(?:总数|总量|数)?(?:为|达到|达|约|有|共|是|的)?$`);
/**
 * 一项研究表明,约有62%的…: a figure a cited study found, not the unit's (a survey the unit ran and reports,
 * 问卷调查显示满意率98%, is its own figure).
 */
const CITED = /(?:研究|研究报告)(?:结果)?(?:表明|显示)[，,：:]?[^。；;！？\n]{0,12}$/;
const STOCK_SHARE = new RegExp(`占(?![^，,。；;占]{0,8}?(?:${alternation(B.stockShareOfDone)}))[^，,。；;占]{0,8}(?:${alternation(B.stockShareWords)})的?$`);
const DURATION_NOUN = new RegExp(`^(?:${alternation(NF.durationNouns)})`);
const POPULATION_AFTER = new RegExp(`^[^，,。；;]{0,6}(?:${alternation(B.populationWords)})`);
// 总分为98.6分, 得分为: a score, not a body divided into parts (分为3个组).
const SUBORDINATE = new RegExp(`(?:${alternation(B.subordinateCues).replace(/(^|\|)分为/, '$1(?<![得总评积均])分为')})$`);
const REACH = new RegExp(alternation(V.reachVerbs));
const DONE_AFTER = new RegExp(alternation(B.doneAfter));
/** The last holding verb of a clause (现有, 共有, 下设) with what follows it. */
const HOLDING = new RegExp(`(?:${alternation(B.holdingVerbs)})(?![${B.holdingNotBefore}])(?<rest>[^${DELIMS}]*)$`);
// 社会组织, 党组织 are nouns, not the verb 组织.
const ACTS = new RegExp(alternation([...V.actionVerbs, ...V.lightVerbs, ...B.doneAfter]).replace(/(^|\|)组织/g, '$1(?<!党|社会)组织'));

function clauseEnd(text: string, pos: number, limit: number, delims: ReadonlySet<string> = DELIM_CHARS): number {
  let i = pos;
  while (i < limit && !delims.has(text[i]!)) i++;
  return i;
}

/** A count equal to the number of items listed right before it (三汇彩亭会、渠江号子、川剧三张品牌). */
function isListSummary(before: string, n: number | null): boolean {
  if (n === null || n < 2 || n > 10) return false;
  const items = before.split('、');
  return items.length === n && items.every((i) => i.length > 0);
}

/**
 * What a unit or place holds (现有干部职工56人, 我局共有党员32名, 全县有网站3个): a holding verb governs the number,
 * with no action between them or after it (共有120人参加培训 is done; 开通公众号1个 is done).
 */
function isHolding(clause: string, clauseRest: string): boolean {
  const m = HOLDING.exec(clause);
  return m !== null && !ACTS.test(m.groups!.rest!) && !ACTS.test(clauseRest);
}

/**
 * A background quantity: what exists rather than what the unit did — a population or an area (全市少数民族人口
 * 为29150人), the unit's subdivisions (局属4个), or places and ethnic groups counted with nothing done to them
 * (全市有2个民族乡, 9个民族村; 进一步优化了两个乡的种植结构), unless the clause reaches them (深入全县12个乡镇)
 * or goes on to do something there (在18个村开展…). `listRest`: the clause after the number over a 、 list
 * (12个村、5个社区的实践站已建成: done to every item).
 */
function isBackground(clause: string, unit: string, after: string, clauseRest: string, listRest: string): boolean {
  if (POPULATION_BEFORE.test(clause.trimEnd()) || POPULATION_AFTER.test(clauseRest) || STAFF_AMONG.test(after)) return true;
  if (SUBORDINATE.test(clause.trimEnd())) return true;
  if (percentUnits.has(unit) && STOCK_SHARE.test(clause.trimEnd())) return true;
  return unit === '个' && STANDING_NOUN.test(after) && !DONE_AFTER.test(listRest) && !REACH.test(clause);
}

/** A post filled: 确定, 设立, 配备 … one person; 配备, 配齐 any number. */
const ONE_ASSIGNED = /(?:确定|明确|指定|设立|设置|配备|配齐|安排)了?$/;
const STAFFED = /(?:配备|配齐)了?$/;
const PEOPLE_UNITS = new Set(['名', '人', '位']);

/** A place named with a numeral (三堂镇, 五里村): the measure-like character is the name's, not a count's. */
const NUMERAL_PLACE = /(?<![\u4e00-\u9fff])[零〇一二两三四五六七八九十百千]+(?![个所处座家片批名位下进到大级类轮届次])[\u4e00-\u9fff](?=镇|乡|村|街道|社区|庄|屯|铺)/g;

/** `skip`: sorted spans that are not the report's own text (template-site leftovers): no figures there. */
export function findFigures(text: string, sentences: readonly Span[], skip: readonly Span[] = []): Figure[] {
  const excluded = excludedRanges(text);
  // 三堂镇…我站在三堂以及周边演出: a numeral place name the text uses is that name wherever it stands.
  const placeNames = new Set(text.match(NUMERAL_PLACE) ?? []);
  // Chinese-numeral counts inside longer quotes are slogans (“四个坚持、三个支撑、两个走在前”).
  const slogans = ranges(QUOTED_SLOGAN, text);
  const figures: Figure[] = [];
  /** Where the last holding ended: the counts after it that go on listing it (no sentence end between) are held too. */
  let holdingEnd = -1;
  FIGURE_RE.lastIndex = 0;
  for (let m = FIGURE_RE.exec(text); m; m = FIGURE_RE.exec(text)) {
    const g = m.groups as Record<string, string | undefined>;
    const numStart = m.index;
    const end = numStart + m[0].length;
    const prefixMatch = APPROX_PREFIX.exec(text.slice(Math.max(0, numStart - APPROX_MAX - 1), numStart))?.[0];
    const prefix = prefixMatch?.trimEnd();
    const start = numStart - (prefixMatch?.length ?? 0);
    const before = text.slice(Math.max(0, start - 2), start).trimEnd().slice(-1);
    if (before !== '' && ordinal.has(before)) continue;
    if (overlapsAny(excluded, start, end) || overlapsAny(skip, start, end)) continue;
    const rawUnit = g.unit ?? '';
    const approximate = prefix !== undefined || g.suf1 !== undefined || g.suf3 !== undefined || g.suf2 !== undefined;
    const after = text.slice(end, end + 8);
    if (FOLLOWER.test(after) || FOLLOWER_NEAR.test(after)) continue;
    const compounds = COMPOUNDS_BY_CHAR.get(rawUnit.slice(-1));
    // 项工作 after a Chinese numeral is an article (抓好三项工作); 12项工作 are counted.
    if (compounds && compounds.some((c) => after.startsWith(c) && (g.ar === undefined || !ARABIC_COUNTED.has(rawUnit + c)))) continue;
    // Size classes, not quantities: 千万美元以上的大项目, 超百亿元企业, 千亿元产业.
    if ((g.suf2 === '以上' || g.suf2 === '以下') && after.startsWith('的') && !percentUnits.has(rawUnit)) continue;
    if (moneyUnits.has(rawUnit) && MONEY_CLASS.test(after)) continue;
    // ____部 is a department left blank (区委宣传部、____部联合检查) unless films or books follow (观看XX部红色电影).
    if (g.ph !== undefined && rawUnit === '部' && !WORKS_COUNTED.test(after)) continue;
    // 10个工作日内, 3个月: a duration; 均在8小时内发布: a time limit.
    if (rawUnit === '个' && DURATION_NOUN.test(after)) continue;
    // 职工八小时以外: a time limit or the hours outside work, not time spent.
    if ((rawUnit === '小时' || rawUnit === '天') && /^(?:之|以)?[内外]/.test(after)) continue;
    // 98.6分, 积分2600分: a score in digits; not 9时30分, 三分之一, 十分重要, 30分钟, 分局 (a word goes on).
    if (rawUnit === '分' && (g.ar === undefined && g.ph === undefined || /[时点:：]$/.test(text.slice(Math.max(0, numStart - 3), numStart).replace(/[0-9]+$/, '')) || NOT_A_SCORE.test(after))) continue;
    // 从30人扩大到56人: the earlier level a change starts from; the figure is the level it reached.
    if (CHANGE_START.test(text.slice(Math.max(0, start - 10), start)) && CHANGE_TO.test(after)) continue;
    // 60—80%, 1—2次: the second number of a range.
    if (RANGE_BEFORE.test(text.slice(Math.max(0, numStart - 2), numStart))) continue;
    // 中纪委二次全会, 市九次党代会: a session, not a count.
    if (rawUnit === '次' && SESSION.test(text.slice(end, end + 14))) continue;
    // 思想政治工作研究 2024年1期: an issue number.
    if (rawUnit === '期' && text[numStart - 1] === '年') continue;
    // 新一轮, 新1轮: a new round, no count.
    if (rawUnit === '轮' && text[numStart - 1] === '新' && (g.ar === '1' || g.cn === '一')) continue;
    if (g.cn !== undefined) {
      if (placeNames.has(text.slice(numStart, end))) continue;
      // 万元生产总值, 万家灯火: a bare 万/亿 is a word, not a number — unless it is approximated (万余册, 万多人).
      if (/^[万亿]+$/.test(g.cn) && g.suf1 === undefined) continue;
      if (overlapsAny(slogans, start, end)) continue;
      // 十届人大五次会议 names a session.
      if (text.slice(Math.max(0, start - 6), start).includes(NF.sessionMarker)) continue;
      const prev = text[numStart - 1];
      if (prev !== undefined && wordBefore.has(prev)) continue;
      // 三项举措, 四个教育, 七项措施, 抓三个先进典型: a small exact count of 项/个/条… in Chinese numerals names the
      // report's own points or a programme (171 such in the hand-annotated excerpts against no count of work
      // done); an approximate one is counted (近二十个专题, 十余个), and events in Chinese numerals (三次, 两期) are.
      if (sloganMeasures.has(rawUnit) && !approximate && (parseChineseNumber(g.cn) ?? 0) <= POINT_COUNT_MAX) continue;
      if (g.cn === '一' && !smallNumeral.has(rawUnit)) continue;
      // 以三项举措为抓手: the report framing its own points, not a count of work done.
      if (text[numStart - 1] === '以' && FRAMED_AS.test(after)) continue;
      // 一次特殊的体验: an article before an adjective; 召开的一次具有全局意义的会议: after 的, an article too.
      if (g.cn === '一' && (DESCRIBED.test(after) || text[numStart - 1] === '的')) continue;
    }
    // A figure broken across a line (287↵件) belongs to both lines' sentences.
    const first = spanAt(sentences, start) ?? { start, end };
    const sentence = { start: first.start, end: Math.max(first.end, spanAt(sentences, end - 1)?.end ?? end) };
    const clauseFrom = clauseStart(text, start, sentence.start);
    const clause = text.slice(clauseFrom, start);
    // Not bound by the sentence: a line break inside a word (会↵议) does not end the words before a figure.
    const listFrom = phraseStart(text, start, Math.max(0, start - LIST_WINDOW));
    // 每年年初、年终…召开两次: a rule over a list is still a rule.
    if (FREQUENCY.test(text.slice(listFrom, start))) continue;
    // 三汇彩亭会、渠江号子、川剧三张品牌: a small number that sums up the things just listed (events are counted:
    // 省委书记、省人大主任…先后两次听取).
    if (g.cn !== undefined && !verbal.has(rawUnit) && isListSummary(text.slice(listFrom, numStart), parseChineseNumber(g.cn))) continue;
    // 去年为32篇: an earlier period's figure; 为期三个月: a duration; 每1000分考核30元: a rate; 争取…: a target.
    const clauseTail = clause.slice(-TAIL);
    if (COMPARISON.test(clauseTail) || DURATION.test(clauseTail) || RATE.test(clauseTail) || TARGET.test(clauseTail) || ANNOUNCED.test(clause)) continue;
    if ((verbal.has(rawUnit) && SCHEDULE.test(clauseTail)) || LIMIT.test(clauseTail)) continue;
    // 半年总结一次, 一年两次述职: an interval and how often in it, a rule without 每.
    if (verbal.has(rawUnit) && g.cn !== undefined && INTERVAL.test(clause)) continue;
    const clauseRest = text.slice(end, clauseEnd(text, end, Math.min(sentence.end, end + LIST_WINDOW)));
    // 作为全县六项重点工程之一: the set a thing belongs to; 做1次综合分析研判的要求: a requirement cited.
    if (SET_MEMBERSHIP.test(clauseRest) || REQUIREMENT_AFTER.test(clauseRest)) continue;
    // 在去年三个村创建的基础上: the earlier state the year's work builds on.
    if (BASELINE_BEFORE.test(clause) && (BASELINE_AFTER.test(clauseRest) || RANKED_AMONG.test(clauseRest))) continue;
    if (REQUIRED_OF.test(clauseTail)) continue;
    // 确定1名专职工作人员负责…, 各行政村皆设立1名, 配备21名统战信息联络员: people put in posts are how work is staffed,
    // not work done, and so are the posts listed after them (1名宣传委员，2名宣传干事).
    if (PEOPLE_UNITS.has(rawUnit) && (STAFFED.test(clauseTail) || (ONE_ASSIGNED.test(clauseTail) && (g.ar === '1' || g.cn === '一')))) {
      holdingEnd = end;
      continue;
    }
    const listRest = text.slice(end, clauseEnd(text, end, Math.min(sentence.end, end + LIST_WINDOW), CLAUSE_CHARS));
    if (CITED.test(text.slice(Math.max(sentence.start, start - LIST_WINDOW), start))) continue;
    if (isBackground(clause.slice(-LIST_WINDOW), rawUnit, after, clauseRest, listRest)) {
      // 下辖5个自然村，7个党支部，116名党员: the list a unit's subdivisions open goes on counting what it holds.
      if (SUBORDINATE.test(clause.trimEnd())) holdingEnd = end;
      continue;
    }
    // 现有干部职工56人，其中党员32名: a holding, and the counts that go on listing it without a verb.
    if (!verbal.has(rawUnit) && !moneyUnits.has(rawUnit) && !percentUnits.has(rawUnit)) {
      // 学校在职党员5人，教职员工21人: a headcount named with no verb that did anything to it is held as well.
      const headcount = STAFF_BEFORE.test(clause.trimEnd()) && !ACTS.test(clause) && !ACTS.test(clauseRest);
      // A line a PDF wrapped (各办均↵配备了 1名宣传员) is one clause.
      if (headcount || isHolding(clause.slice(-LIST_WINDOW).replace(SPACE_RUN, ''), clauseRest)) {
        holdingEnd = end;
        continue;
      }
      if (holdingEnd >= 0 && !HOLDING_BREAK.test(text.slice(holdingEnd, start)) && !ACTS.test(clause) && !ACTS.test(clauseRest)) continue;
    }

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
    } else if (g.cnpct !== undefined || rawUnit === '％' || rawUnit === '℅') unit = '%';
    else if (!percentUnits.has(rawUnit) && g.scale !== undefined) unit = rawUnit;
    if (unit === '人（次）' || unit === '人(次)') unit = '人次';
    // 8750.95亿 in floating point is 875095000000.0001: keep the digits the report wrote.
    if (value !== null) value = Number(value.toPrecision(12));

    // The counted activity: named after the figure (召开2次专题会议) or in the clause before it.
    const prevFigure = figures[figures.length - 1];
    const floor = prevFigure && prevFigure.end > listFrom && prevFigure.end <= start ? prevFigure.end : listFrom;
    const next = text[end];
    // 新选派 4 名↵年轻干部担任…: a line a page wrapped after the figure goes on with what it counts.
    const lineFrom = text.lastIndexOf('\n', start - 1) + 1;
    const wrapped = next === '\n' && WRAPPED.test(text[end + 1] ?? '') && end - lineFrom >= WRAPPED_LINE_MIN;
    const followsOn = next !== undefined && (!DELIM.test(next) || wrapped);
    const clauseBefore = text.slice(floor, start);
    let activity: string;
    if (verbal.has(rawUnit) || moneyUnits.has(rawUnit) || percentUnits.has(rawUnit) || unit === '%') {
      const following = followsOn ? followingActivity(text, end) : '';
      // Events are named after the number when it is followed (召开2次专题会议); 全局有XX平方米电子显示屏: a
      // clause ending on 有 leaves the counted thing to what follows too.
      if (following !== '' && (verbal.has(rawUnit) || EXISTENTIAL.test(clauseBefore))) activity = following;
      else {
        const preceding = precedingActivity(clauseBefore);
        activity = preceding === '' ? following : preceding;
      }
    } else {
      // Things counted (家, 名, 篇, 个…): the noun after the number with its verb, else the words before it (from
      // where the sentence starts, or before that when a line wrapped inside it: 对全↵区 15 个乡镇).
      // …支部书记代表等30余人参加会议: the people counted are those who attended; attending is what they did.
      const attended = PEOPLE.has(unit ?? '') ? ATTENDED.exec(text.slice(end, end + ATTENDED_REACH)) : null;
      const things = followsOn && !attended ? thingsActivity(text, end, text.slice(Math.max(Math.min(sentence.start, listFrom), start - LIST_WINDOW), start)) : '';
      activity = attended ? `${attended[1]}${attended[2]}` : things !== '' ? things : precedingActivity(clauseBefore);
    }
    const samePrevious = prevFigure && prevFigure.sentence.start === sentence.start && prevFigure.activity !== '' ? prevFigure : null;
    const continued =
      samePrevious && !followsOn && samePrevious.unit === unit && start - samePrevious.end <= LIST_QUALIFIER
        ? continuedActivity(text.slice(samePrevious.end, start), samePrevious.activity)
        : null;
    if (continued !== null) activity = continued;
    // 分别增长8.2%和8.4%: a figure joined by 和 counts what the previous one counted.
    else if (samePrevious && (activity === '' || CONJUNCTION.test(activity) || COUNT_ONLY.test(activity))) activity = samePrevious.activity;
    else if (CONJUNCTION.test(activity)) activity = '';
    else if (changeVerbs.has(activity.replace(COMPARED_WITH, '').replace(/到$/, '')) && samePrevious) {
      activity = activity.replace(COMPARED_WITH, '');
      // 生产总值完成8750亿元，增长13.7% — the change is the previous figure's subject's; 提高到60元 — the same subject.
      const subject = samePrevious.activity.replace(CHANGE_SUFFIX, '');
      activity = activity.endsWith('到') ? subject : `${subject}${activity}`;
    }

    // A number with nothing before or after it that it could count (a fragment a cut left: ……\n2%)，) is no figure.
    if (activity === '') continue;
    figures.push({
      activity,
      category: categoryOf(activity),
      value: g.ph !== undefined ? null : value,
      unit,
      approx: approximate,
      placeholder: g.ph !== undefined,
      start,
      end,
      sentence: { start: sentence.start, end: sentence.end },
    });
  }
  return figures;
}
