// Report metadata read from the submission itself, the way committees receive it: the file name
// (市统计局2023年上半年….docx, 附件2.docx), the title and header lines, the opening sentence
// (市委老干部局认真贯彻落实…), “现将……报告如下”, the signature block (市统计局党组 / 2023年12月26日) and
// 报送单位：… lines. Every finding keeps the rule and the span that gave it (MetaEvidence), so that a
// reviewer can see why. Pure.
import { mergeMeta, periodAt, yearAt, type Found } from '../../shared/meta.js';
import type { MetaEvidence, MetaFinding, MetaRule, Period, ReportMeta, Span, UnitMention } from '../../shared/types.js';
import { isOwnLevel, OWN_LEVELS, placesOfLevel } from './gazetteer.js';
import { findLeftovers, isNoticeLine, STRONG_LEAD_IN } from './leftovers.js';
import { closeGlosses, foldScript } from './meta-fold.js';
import { prepareText, withoutGlosses } from './normalize.js';
import { parseChineseNumber, splitLines, type Line } from './text.js';
import { isPlaceName, judgeName, PLACEHOLDER_CLASS, readName, type RegistryMatch, type UnitRegistry, unitKey } from './units.js';
import { alternation, escapeRegex, vocab } from './vocab.js';

export interface MetaHints {
  fileName?: string;
  unit?: string | null;
  year?: number | null;
}

const V = vocab.unitNames;

/** How surely each place names the submitter. */
const WEIGHT: Partial<Record<MetaRule, number>> = {
  'submitted-by': 1,
  title: 0.95,
  // A title a template site branded (…总结范文, …最新大全, …精编): the page's, below the report's own opening.
  'page-title': 0.7,
  signature: 0.9,
  header: 0.9,
  'file-name': 0.9,
  intro: 0.85,
  opening: 0.8,
  'self-reference': 0.6,
  'own-document': 0.55,
  'source-line': 0.5,
  // 双桥区积极加强…, twice: a place the text's clauses speak of as their subject.
  body: 0.45,
  // 我镇…双胜镇: the one place of the level the text calls its own.
  'own-place': 0.45,
  // 带队到前锋区退役军人事务局调研: the unit a news item's opening visits is what the item is about.
  visited: 0.9,
};
/** Places in running text, where a name must start with its level or place (not 围绕中心 or 图书馆). */
const RUNNING_TEXT = new Set<MetaRule>(['opening', 'self-reference']);

const GAP = '[ \\t\\u3000]*';
const SELF_VERB = new RegExp(`${GAP}(?:${alternation(V.selfVerbs)})`, 'y');
const LINE_END_AHEAD = '(?=\\n|$)';
const TITLE_FOLLOWER = new RegExp(`${GAP}(?:${alternation(V.titleFollowers)}|[0-9０-９]|[（(【\\[—\\-_|>《:：、]|${LINE_END_AHEAD})`, 'y');
const LINE_END = new RegExp(`${GAP}(?:[（(]?(?:19|20)\\d{2}\\s*[年.\\-/]|${LINE_END_AHEAD})`, 'y');
const REFERENCE = new RegExp(`^(?:${alternation(V.references)})`);
const AFTER_REFERENCE = new RegExp(`(?:${alternation(V.references)})$`);

/** Whether a reference word ends right before `at` (根据|市委…) or starts before it and runs into it (根|据市委…). */
function afterReference(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 4), at);
  for (let k = 0; k <= 2; k++) {
    const m = AFTER_REFERENCE.exec(before + text.slice(at, at + k));
    if (m && m[0].length > k) return true;
  }
  return false;
}
const SUBMITTED_BY = new RegExp(`^(?:${alternation(V.submittedBy)})${GAP}(?:[（(]盖章[)）])?${GAP}[：:]${GAP}`);
/** What a clause may open with before its subject: an enumerator (一是), a time (2023年以来，今年上半年, a news item's 7月22日下午 or 近日), 我们 before a place. */
const CLAUSE_LEAD = /(?:[一二三四五六七八九十]+是|[（(]?[一二三四五六七八九十\d]+[)）、.．])?[ \t\u3000]*(?:(?:(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日(?:上午|下午|晚上|晚间)?|近日|日前|(?:19|20)(?:\d{2}|\d?[xX×_]{1,2})\s*年度?|今年|本年度|年初|近年|近几年|多年|一年|近期|当前|目前)?(?:以来|(?<=近年|近几年|多年)来|上半年|下半年|前三季度|第[一二三四1-4]季度|[一二三四]季度)?[ \t\u3000]*[，,]?)[ \t\u3000]*(?:我们(?=[\u4e00-\u9fff]{2,}?[省市县区州旗盟镇乡]))?/y;
const DATE_LINE = /^[（(]?((?:19|20)\d{2}|[二][〇零○][一二三四五六七八九〇零○]{2})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)?[)）]?$/;
const TITLE_WORDS = /总结|报告|汇报|材料|研判|情况|计划|述职|综述|要点|体会/;
/** How many first lines may hold the title: a page's outline of the headings (thirty lines) can stand before it. */
const HEAD_LINES = 40;
const BRANDED_TITLE = /范文|例文|范本|样本|精编|模板|大全|精选|篇[一二三四五六七八九十\d]{1,2}$/;
const NOT_IN_NAMES = new RegExp(V.notInNames.map(escapeRegex).join('|'), 'g');
const INTRO = /现(?:将|对|就)/g;
/**
 * 制定了《百春园街道2020年度…计划》: a document the unit made itself opens with its name (after a year); 关于印发《…》
 * is the title of a superior's notice the text cites.
 */
const OWN_DOCUMENT = /(?<!关于)(?:制定|印发|出台|修订|起草)(?:印发|下发|出台|完善)?了?《(?:(?:19|20)[\dxX×]{2}\s*年度?)?/g;
/** How far into the opening sentence its subject may start (after 2024年， or 今年以来，). */
const OPENING_LEAD = 8;
const YEAR_CHARACTERISED = /^\s*是[^。！？]{0,40}?(?:之年|一年)/;
const ADDRESSEE = /^[^：:，,。\s]{2,30}[：:]\s*$/;
/** 在县委、县政协党组的正确领导下, 在X委宣传部的帮助指导下: the bodies that lead the unit, not the unit. */
const LEADER_AFTER = /^(?:党组|党委|党工委|党总支|党支部)?的?(?:正确|坚强|有力|精心|亲切)?(?:帮助|关心|支持)?(?:领导|指导)下/;

function accepts(re: RegExp, text: string): (end: number) => boolean {
  return (end) => {
    re.lastIndex = end;
    return re.test(text);
  };
}

function mention(found: { start: number; end: number; canonical: string }, rule: MetaRule): UnitMention {
  return { name: found.canonical, key: unitKey(found.canonical), rule, span: { start: found.start, end: found.end }, weight: WEIGHT[rule] ?? 0.5 };
}

interface Places {
  /** Short lines among the first ones without sentence punctuation: the title, a name line, page clutter. */
  head: Line[];
  /** The title-like head lines (总结, 报告 …). */
  titles: Line[];
  /** The first sentence of the body. */
  opening: Span | null;
  /** The last lines: signature and date. */
  tail: Line[];
}

/** Lines of a page around the report that are no title (来源：, 浏览量, 当前位置 …). */
const CLUTTER = /^(?:关键词|来源|作者|责编|编辑|发布|更新|时间|浏览|阅读|字数|分享|小编|下载|温馨提示|网站|本站|版权)/;
/** A breadcrumb (当前位置：首页 > 范文大全 > 振兴乡镇 > 题目): only its last step, when there is one, is the page's title. */
const BREADCRUMB = /[>＞»›][^>＞»›]*[>＞»›]/;
const RUN_IN_TITLE = /^[^，。,；;：:！？\n]{4,40}?(?:总结|报告|汇报|要点|计划)(?=[ \t\u3000])/;
/** That title with a collection's marker before it and the spaces after it: where the report's own words start. */
const RUN_IN_HEAD = new RegExp(`^(?:【?篇[一二三四五六七八九十\\d]{1,2}】?\\s*)?${RUN_IN_TITLE.source.slice(1)}[ \\t\\u3000]+`);
const NUMBERED = /^(?:[一二三四五六七八九十]+、|[（(](?:[一二三四五六七八九十]+|\d{1,2})[)）]|\d{1,2}[.、．](?!\d))/;

/** A site editor's lead-in (前言:…为大家整理…，欢迎阅读): prose, but not the report's opening. */
const isEditorLeadIn = (line: string): boolean => STRONG_LEAD_IN.test(line) || /^(?:前言|导语|导读)[:：]/.test(line);

const NEWS_HEADLINE = /^[^。；;！？!?]{2,30}——[^。；;，,！？!?]{4,50}$/;

/** `leftover`: indexes of the lines a template site put around the report (a notice, a page's summary): no opening there. */
function places(text: string, lines: readonly Line[], title: Line | null, leftover: ReadonlySet<number>): Places {
  const head: Line[] = [];
  let opening: Span | null = null;
  let inBody = false;
  for (let i = 0; i < lines.length && i < HEAD_LINES && lines[i]!.start < 1500; i++) {
    const l = lines[i]!;
    // 凝心聚力,共筑宣传新高地——北京小汤山医院召开…会议: a news headline, its comma in the main title, is no prose.
    const prose = !NEWS_HEADLINE.test(l.text) && (l.text.length > 60 || /[。；;，,！？!?]/.test(l.text));
    // Before the body, or a title among the page's clutter further down.
    if (!prose && !CLUTTER.test(l.text) && !NUMBERED.test(l.text) && (!inBody || TITLE_WORDS.test(l.text) || /^(?:19|20)\d{2}$/.test(l.text))) head.push(l);
    if (prose && !CLUTTER.test(l.text)) {
      inBody = true;
      // A download notice between the title and the text (- 1、下载文档前请自行甄别…) opens nothing.
      if (!opening && l.text.length >= 12 && !leftover.has(i) && !isEditorLeadIn(l.text) && !isNoticeLine(l.text)) {
        const stop = l.text.search(/[。！？]/);
        // 【篇一】2020 年社区宣传部工作总结 2020 年,新光社区…: a flattened page ran the title into the text.
        const head = RUN_IN_HEAD.exec(l.text)?.[0].length ?? 0;
        opening = { start: l.start + (head < (stop < 0 ? l.text.length : stop) ? head : 0), end: stop < 0 ? l.end : l.start + stop + 1 };
      }
    }
  }
  // The report's own title first, a page's title or breadcrumb (当前位置:…>2022年度xx镇…总结(范文推荐)) last: the
  // year and period are read from the first title that gives them.
  const rank = (l: Line): number => (l === title ? 0 : leftover.has(lines.indexOf(l)) ? 2 : 1);
  const titles = head.filter((l) => l === title || TITLE_WORDS.test(l.text)).sort((a, b) => rank(a) - rank(b));
  // A page that flattened its paragraphs runs the title into the text (2023年意识形态工作报告 2023年…，…).
  const first = lines[0];
  const runIn = first && titles.length === 0 ? RUN_IN_TITLE.exec(first.text) : null;
  if (first && runIn) titles.push({ start: first.start, end: first.start + runIn[0].length, text: runIn[0] });
  const last = head.length ? head[head.length - 1]!.end : 0;
  const tail = lines.slice(-8).filter((l) => l.start >= last && l.text.length <= 60 && !/^#+/.test(l.text));
  return { head, titles, opening, tail };
}

/** 中共XX市XX委温泉街道工作委员会: the bodies above the unit, their places left blank; the unit's name follows. */
const MASKED_BODY = new RegExp(`${PLACEHOLDER_CLASS}+[委省市县区州旗盟]`, 'g');
/** Where a name may start in a head line: its start, after a separator, a date, a leading year, a word no name holds or a blanked body. */
function nameStarts(text: string, line: Line): number[] {
  const s = text.slice(line.start, line.end);
  if (BREADCRUMB.test(s)) {
    const last = line.start + Math.max(...['>', '＞', '»', '›'].map((c) => s.lastIndexOf(c))) + 1;
    const title = text.slice(last, line.end).search(/\S/);
    return title < 0 ? [] : [last + title];
  }
  const out = new Set<number>([line.start]);
  for (const m of s.matchAll(/——|—|>|[:：]|[ \t\u3000]+|】|\]|[)）]|^[\d\-/.: ]+/g)) out.add(line.start + m.index + m[0].length);
  for (const m of s.matchAll(NOT_IN_NAMES)) out.add(line.start + m.index + m[0].length);
  for (const m of s.matchAll(MASKED_BODY)) out.add(line.start + m.index + m[0].length);
  const lead = /^(?:[（(]?(?:19|20)\d{2}[)）]?\s*年?度?|20[xX_]{1,2}年度?)(?:上半年|下半年|前三季度|第[一二三四1-4x]季度)?/.exec(s);
  if (lead) out.add(line.start + lead[0].length);
  return [...out].filter((p) => p < line.end).sort((a, b) => a - b);
}

/** Every place where the submission names a unit, strongest first, spellings of one unit merged. */
function unitMentions(text: string, lines: readonly Line[], p: Places): UnitMention[] {
  const found: UnitMention[] = [];
  const add = (m: UnitMention) => found.push(m);
  // 报送单位：… anywhere among the first and last lines.
  for (const l of [...lines.slice(0, 15), ...lines.slice(-15)]) {
    const m = SUBMITTED_BY.exec(text.slice(l.start, l.end));
    if (m) {
      const at = l.start + m[0].length;
      const r = readName(text, at, accepts(LINE_END, text)) ?? readName(text, at, accepts(TITLE_FOLLOWER, text));
      if (r) add(mention(r, 'submitted-by'));
    }
  }
  for (const l of p.head) {
    // 队党委： alone on its line is whom the report is addressed to (主送机关), not who wrote it.
    if (ADDRESSEE.test(l.text)) continue;
    const rule: MetaRule = !p.titles.includes(l) ? 'header' : BRANDED_TITLE.test(l.text) ? 'page-title' : 'title';
    for (const at of nameStarts(text, l)) {
      // 根据区委办《关于开展…的通知》: a body after a reference word is the one that asked for the report.
      if (afterReference(text, at)) continue;
      const r = readName(text, at, accepts(TITLE_FOLLOWER, text));
      if (r) {
        add(mention(r, rule));
        break;
      }
    }
  }
  // 《绍兴文理学院报》 heading a news page: the paper of the school the item is about.
  for (const l of p.head) {
    const m = MASTHEAD.exec(l.text);
    const r = m ? readName(text, l.start + 1, (end) => end === l.start + 1 + m[1]!.length) : null;
    if (r) add(mention(r, 'header'));
  }
  for (const l of p.tail) {
    const r = readName(text, l.start, accepts(LINE_END, text));
    if (r) add(mention(r, 'signature'));
  }
  for (const m of text.slice(0, 2500).matchAll(INTRO)) {
    const r = readName(text, m.index + m[0].length, accepts(TITLE_FOLLOWER, text));
    if (r) add(mention(r, 'intro'));
  }
  for (const m of text.slice(0, 2500).matchAll(OWN_DOCUMENT)) {
    const r = readName(text, m.index + m[0].length, accepts(TITLE_FOLLOWER, text));
    if (r) add(mention(r, 'own-document'));
  }
  const local = localSource(text);
  if (local) add(local);
  if (p.opening) {
    const lead = text.slice(p.opening.start, p.opening.end);
    for (const m of lead.matchAll(VISIT)) {
      const at = p.opening.start + m.index + m[0].length;
      const r = readName(text, at, accepts(VISIT_AIM, text), { anchored: true, town: true });
      if (r) add(mention(r, 'visited'));
    }
  }
  // 胜帮科技股份有限公司（以下简称胜帮科技）: the unit giving its own short name.
  for (const m of text.slice(0, 2500).matchAll(/[（(]以下(?:简称|簡稱)/g)) {
    const r = nameEndingAt(text, m.index);
    if (r) add(mention(r, 'intro'));
  }
  // 市委宣传部关于……的报告 inside running text (a title quoted by the page, a lead-in).
  // 关于印发《…》 is a notice the text cites, not its own title.
  for (const m of text.slice(0, 2500).matchAll(/关于(?!印发|转发|下发)[^。\n]{2,40}?(?:报告|总结|汇报)/g)) {
    const r = nameEndingAt(text, m.index);
    if (r) add(mention(r, 'title'));
  }
  // Clauses that open with a unit doing something: the opening sentence, then the first pages and the end.
  const from = p.opening?.start ?? 0;
  for (const [start, end] of [
    [from, Math.min(text.length, from + 2000)],
    [Math.max(from + 2000, text.length - 800), text.length],
  ] as const) {
    const clause = /(?:^|[\n。！？；;，,：:])/g;
    // From the delimiter before `start`, so that a clause opening right there (the line after a title) is read too.
    clause.lastIndex = Math.max(0, start - 1);
    for (let m = clause.exec(text); m && m.index < end; m = clause.exec(text)) {
      if (m[0].length === 0) clause.lastIndex++;
      CLAUSE_LEAD.lastIndex = m.index + m[0].length;
      CLAUSE_LEAD.exec(text);
      const at = CLAUSE_LEAD.lastIndex;
      if (REFERENCE.test(text.slice(at, at + 4))) continue;
      const inOpening = p.opening !== null && at < p.opening.end;
      const r = readName(text, at, accepts(SELF_VERB, text), {
        anchored: true,
        town: m[0] === '\n' || m.index === 0,
        enterprise: inOpening && at - p.opening!.start <= OPENING_LEAD,
        selfNamed: text.startsWith('我们', at - 2),
      });
      if (r && !LEADER_AFTER.test(text.slice(r.end, r.end + 16))) add(mention(r, inOpening ? 'opening' : 'self-reference'));
    }
  }
  // The levels the text calls its own (我镇, 我省), read once for both rules that weigh them.
  const ownLevels = new Set(text.match(OWN_LEVEL) ?? []);
  const subject = placeSubject(text, p.opening, ownLevels);
  if (subject) add(subject);
  const own = ownPlace(text, ownLevels) ?? ownUnit(text);
  if (own) add(own);
  const quoted = quotedFileUnit(text);
  if (quoted) add(quoted);
  return mergeMentions(found.map((m) => withPlace(text, withLeagueName(text, m))));
}

/** 增强全镇, 成立由乡, 会上镇, 中心镇: words before a level, no place's name (全镇 is the whole town, 由 and 上 are no name's end). */
const NOT_A_PLACE = /[全各本该由上然在对](?:[省市县区州旗盟镇乡]|苏木)|中心[镇乡]/;
/** A place's level, and how far from a clause's delimiter it may close the place's name: a lead (7月22日下午,
 * 2023年以来,) and a name of up to eight characters (阿力得尔苏木, …自治县). */
const LEVEL_AHEAD = /[省市县区州旗盟镇乡]|苏木/g;
const PLACE_REACH = 32;
/** 我镇, 我街道, 我省: the levels a text calls its own (我县长, 我县委 are other words). */
const OWN_LEVEL = new RegExp(`(?<=我)(?:${[...OWN_LEVELS, '省', '州', '盟'].join('|')})(?![长委])`, 'g');

/**
 * 我镇…调整充实了双胜镇意识形态工作领导小组: a text that calls itself by one level only (我镇) and names one place of
 * that level only, anywhere, is that place's — a town, county or street reporting on itself.
 */
function ownPlace(text: string, levels: ReadonlySet<string>): UnitMention | null {
  const level = [...levels][0];
  if (levels.size !== 1 || level === undefined || !isOwnLevel(level)) return null;
  const found = placesOfLevel(text, level).filter((f) => !NOT_A_PLACE.test(f.name));
  if (found.length === 0 || found.some((f) => f.name !== found[0]!.name)) return null;
  return mention({ ...found[0]!, canonical: found[0]!.name }, 'own-place');
}

/**
 * What a text calls itself by its kind (我校, 我院, 我站…) and the endings of the names of that kind. 我院 is a
 * hospital, a court, a procuratorate or an academy; 我行 a bank or its branch.
 */
const OWN_KINDS = (
  [
    ['校', '大学|学院|学校|中学|小学|幼儿园'],
    ['院', '医院|法院|检察院|学院|研究院|设计院'],
    ['站', '站'],
    ['局', '局'],
    ['馆', '馆'],
    ['所', '所'],
    ['厂', '厂'],
    ['公司', '公司'],
    ['行', '银行|分行|支行'],
    ['中心', '中心'],
  ] as const
).map(([self, endings]) => ({
  self: new RegExp(`我${self}(?![长们])`),
  /** A name of the kind, read from a sure start (sticky): not a post in it (三堂镇文化站站长). */
  name: new RegExp(`[\\u4e00-\\u9fff]{2,18}?(?:${endings})(?![\\u4e00-\\u9fff]{0,2}长)`, 'y'),
}));
/** 中小学校, 各学校, 该局: units of a kind or a place, no one unit. */
const UNITS_OF_A_KIND = /中小学|[各全本该]|高校/;

/**
 * 我校…“商洛学院新闻奖”, 我站…三堂镇综合文化站被评定为: a text that calls itself by its kind and names one unit of
 * that kind only, that unit. A name is read where its start is sure: opening a quoted title, or at a place's
 * name. Forms of one name under one place (三堂镇文化站, 三堂镇综合文化站) are the one unit, by its longest form.
 */
function ownUnit(text: string): UnitMention | null {
  const kinds = OWN_KINDS.filter((k) => k.self.test(text));
  if (kinds.length !== 1) return null;
  const named = kinds[0]!.name;
  const starts = [
    ...[...text.matchAll(/(?<=[《“"])/g)].map((m) => m.index),
    ...OWN_LEVELS.flatMap((l) => placesOfLevel(text, l).map((p) => p.start)),
  ];
  const found: Array<{ start: number; end: number; canonical: string; place: string | null }> = [];
  for (const start of new Set(starts)) {
    named.lastIndex = start;
    const m = named.exec(text);
    const verdict = m ? judgeName(m[0]) : null;
    if (!m || !verdict?.ok || UNITS_OF_A_KIND.test(m[0])) continue;
    const place = OWN_LEVELS.flatMap((l) => placesOfLevel(m[0], l)).find((p) => p.start === 0)?.name ?? null;
    found.push({ start, end: start + m[0].length, canonical: verdict.canonical, place });
  }
  const longest = found.reduce<(typeof found)[number] | null>((a, f) => (a && a.canonical.length >= f.canonical.length ? a : f), null);
  if (!longest) return null;
  const sameUnit = (f: (typeof found)[number]) => f.canonical === longest.canonical || (f.place !== null && f.place === longest.place);
  return found.every(sameUnit) ? mention(longest, 'own-place') : null;
}

/**
 * 近年来，双桥区积极加强…；…，双桥区进一步完善…: a place that is the subject of the text's clauses twice, or in
 * the opening sentence of a text that calls it 我区, is the unit: a district or town reporting on itself names
 * itself by its place. Only where no other place is a subject and the text calls no other level its own (a
 * city's report may cite a district's work as an example).
 */
function placeSubject(text: string, opening: Span | null, own: ReadonlySet<string>): UnitMention | null {
  const names = new Map<string, Array<{ start: number; end: number; canonical: string }>>();
  const clause = /(?:^|[\n。！？；;，,：:])/g;
  clause.lastIndex = Math.max(0, (opening?.start ?? 0) - 1);
  // Most clauses hold no place's level near their start (past a lead such as 2023年以来,): no name to read there.
  const levels = [...text.matchAll(LEVEL_AHEAD)].map((l) => l.index);
  let next = 0;
  for (let m = clause.exec(text); m; m = clause.exec(text)) {
    if (m[0].length === 0) clause.lastIndex++;
    while (next < levels.length && levels[next]! < m.index) next++;
    if (next === levels.length) break;
    if (levels[next]! >= m.index + PLACE_REACH) continue;
    CLAUSE_LEAD.lastIndex = m.index + m[0].length;
    CLAUSE_LEAD.exec(text);
    const at = CLAUSE_LEAD.lastIndex;
    if (REFERENCE.test(text.slice(at, at + 4))) continue;
    const r = readName(text, at, accepts(SELF_VERB, text), { anchored: true, selfNamed: true });
    if (!r || !isPlaceName(r.canonical) || NOT_A_PLACE.test(r.canonical) || LEADER_AFTER.test(text.slice(r.end, r.end + 16))) continue;
    names.set(r.canonical, [...(names.get(r.canonical) ?? []), r]);
  }
  if (names.size !== 1) return null;
  const [name, found] = [...names][0]!;
  const level = name.endsWith('苏木') ? '苏木' : name.slice(-1);
  if ([...own].some((l) => l !== level)) return null;
  const inOpening = opening !== null && found[0]!.start < opening.end;
  return found.length >= 2 || (own.has(level) && inOpening) ? mention(found[0]!, 'body') : null;
}

/** Where a fuller name may start: the text's start, after punctuation or a word that governs a body. */
const BEFORE_PLACE = /[\s，,。；;：:、“”《》（）()【】]|[向在对由和与据]$/;

/**
 * 教育局 named with its place elsewhere in the text (…,西区教育局始终坚持…; 《成华区教育局关于…》; 国家税务总局): the
 * name with its place — a district's or county's name closed by its level, or 国家 before a national body. A name
 * that starts with its level (市委老干部局) keeps it: the place before it could be any word.
 */
function withPlace(text: string, m: UnitMention): UnitMention {
  const short = m.name;
  // 洪泽区 is a place itself: 淮安市洪泽区 names the same one.
  if (short.length < 3 || PLACE_END.test(short)) return m;
  if (LEVEL_START.test(short)) return withPlaceOfLevel(text, m);
  for (let at = text.indexOf(short); at >= 0; at = text.indexOf(short, at + 1)) {
    for (let len = 4; len >= 2; len--) {
      const from = at - len;
      if (from < 0 || !BEFORE_PLACE.test(text.slice(Math.max(0, from - 1), from) || '，')) continue;
      const place = text.slice(from, at);
      if (!/^[\u4e00-\u9fff]+$/.test(place) || !(PLACE_END.test(place) || place === '国家')) continue;
      const name = place + short;
      const judged = judgeName(name);
      if (judged.ok && judged.canonical === name) return { ...m, name, key: unitKey(name) };
    }
  }
  return m;
}

/**
 * 县委宣传部 named with its place elsewhere (…交叉巡察组向通渭县委宣传部反馈): a name that starts with its level
 * takes the place only where the gazetteer knows it, for any word may stand before a level (巡察县委宣传部), and not
 * from a document's title.
 */
function withPlaceOfLevel(text: string, m: UnitMention): UnitMention {
  const level = m.name[0]!;
  if (!isOwnLevel(level)) return m;
  for (const place of placesOfLevel(text, level)) {
    // 制定《朔州市委老干部局…办法》 in a report of 市委老干部局: a document's title may be another unit's, copied.
    if (!text.startsWith(m.name, place.end - 1) || text[place.start - 1] === '《') continue;
    const name = place.name + m.name.slice(1);
    const judged = judgeName(name);
    if (judged.ok && judged.canonical === name) return { ...m, name, key: unitKey(name) };
  }
  return m;
}
const LEVEL_START = /^[省市县区州旗盟]/;
const PLACE_END = /[省市县区州旗盟]$/;

const LEAGUE_SHORT = /^团([区县市])委$/;

/** 团区委, which the text names in full elsewhere (共青团罗湖区委员会): the full name, which says where. */
function withLeagueName(text: string, m: UnitMention): UnitMention {
  const level = LEAGUE_SHORT.exec(m.name)?.[1];
  const full = level ? new RegExp(`共青团[\\u4e00-\\u9fff]{2,8}?${level}委员会`).exec(text) : null;
  return full ? { ...m, name: full[0], key: unitKey(full[0]) } : m;
}

/** A delegation going to a unit (…带队到, 一行赴): what follows is the unit visited, when an inspection follows it. */
const VISIT = /(?:带队|一行)(?:深入|前往|到|赴)/g;
const VISIT_AIM = /(?:调研|督导|督查|检查|指导|考察|宣讲)/y;
/** A campus or hospital paper's masthead alone on its line. */
const MASTHEAD = /^《([\u4e00-\u9fff]{2,20}?(?:大学|学院|学校|医院))报》$/;
/** A news page's source line naming a local government (来源:淮安市洪泽区人民政府), the place its last level closes. */
const SOURCE_LINE = /(?<=^|\n|[ \t\u3000])(?:来源|來源|信息来源|发布机构)[ \t\u3000]*[:：][ \t\u3000]*(?<place>[\u4e00-\u9fff]{2,16}?)(?:人民政府|政府)/;
/** How far into a page its source line and the text's 我区/我县 are looked for. */
const SOURCE_REACH = 600;

/**
 * 我区召开意识形态领域情况分析研判联席会议 under 来源:淮安市洪泽区人民政府: a news item on a local government's
 * site that calls its place 我区 is about that place; the place the pronoun's level names is the unit.
 */
function localSource(text: string): UnitMention | null {
  const head = text.slice(0, SOURCE_REACH);
  const m = SOURCE_LINE.exec(head);
  if (!m) return null;
  const place = m.groups!.place!;
  for (const level of new Set(head.match(/(?<=我)[省市县区旗镇乡](?![长委])/g) ?? [])) {
    const end = place.lastIndexOf(level);
    if (end < 1) continue;
    // The place the level closes: from after the level before it (淮安市|洪泽区).
    const from = Math.max(0, ...[...V.levels].map((l) => place.lastIndexOf(l, end - 1) + 1));
    if (end + 1 - from < 2) continue;
    const start = m.index + m[0].lastIndexOf(place) + from;
    return mention({ start, end: start + end + 1 - from, canonical: place.slice(from, end + 1) }, 'source-line');
  }
  return null;
}

/** 治部宣传处 out of 政治部宣传处: a name opening on one character and a body's suffix is cut from a longer word. */
const CUT_WORD = /^(?:[部局处科厅办委]|[^省市县区州旗盟镇乡村][部局处科厅办])/;

/** A name joined to a word before it (纪委和医务科: 和 before it or opening it after a word; 和平区 opens a clause). */
const JOINED = /^(?:[和与及]|[\u4e00-\u9fff][和与及])/;

/** The longest name that ends right at `end` (before 关于), starting after the clause's last punctuation. */
function nameEndingAt(text: string, end: number): { start: number; end: number; canonical: string } | null {
  for (let start = Math.max(0, end - 30); start <= end - 2; start++) {
    if (/[\s，。；：,;:、！？]/.test(text.slice(start, end))) continue;
    if (CUT_WORD.test(text.slice(start, start + 2))) continue;
    const r = readName(text, start, (e) => e === end);
    if (!r) continue;
    // 根据市委宣传部关于…: the body after a reference word is another one (and 据市委宣传部 no name at all); 听取的纪委和
    // 医务科关于…: two bodies joined, neither the one reporting.
    if (afterReference(text, r.start) || JOINED.test(text.slice(Math.max(0, r.start - 1), r.start + 1))) return null;
    return r;
  }
  return null;
}

/**
 * One mention per unit: its strongest place, a little stronger for each further place that names it. A name
 * without its level (教育局) is the same unit as the one with it (XX县教育局 → 县教育局) when the text has both,
 * and goes under the fuller one; so does a court's or a government's without 人民 (宿松县检察院).
 */
function mergeMentions(found: UnitMention[]): UnitMention[] {
  const keys = new Set(found.map((m) => m.key));
  const fuller = (key: string): string => {
    // 宿松县检察院 is 宿松县人民检察院 named short.
    const full = key.replace(/(?<!人民)(检察院|法院|政府)$/, '人民$1');
    return [...V.levels].map((l) => l + key).find((k) => keys.has(k)) ?? (keys.has(full) ? full : key);
  };
  const byKey = new Map<string, { best: UnitMention; count: number }>();
  for (const mention of found) {
    const key = fuller(mention.key);
    const m = key === mention.key ? mention : { ...mention, key, name: found.find((f) => f.key === key)!.name };
    const e = byKey.get(m.key);
    if (!e) byKey.set(m.key, { best: m, count: 1 });
    else {
      e.count++;
      if (m.weight > e.best.weight) e.best = m;
    }
  }
  return [...byKey.values()]
    .map(({ best, count }) => ({ ...best, weight: Math.min(1, best.weight + Math.min(0.15, 0.05 * (count - 1))) }))
    .sort((a, b) => b.weight - a.weight || (a.span?.start ?? 0) - (b.span?.start ?? 0));
}

/** The date a report is dated (its last date line, else a date line at its head), with the month. */
function dateLine(text: string, p: Places): { year: number; month: number; span: Span } | null {
  for (const l of [...[...p.tail].reverse(), ...p.head]) {
    const m = DATE_LINE.exec(l.text.replace(/\s+/g, ''));
    if (!m) continue;
    const year = Number(m[1]!.replace(/[〇零○一二三四五六七八九]/g, (c) => String(parseChineseNumber(c) ?? 0)));
    const month = /^\d+$/.test(m[2]!) ? Number(m[2]) : (parseChineseNumber(m[2]!) ?? 0);
    if (year >= 1949 && year <= 2100 && month >= 1 && month <= 12) return { year, month, span: { start: l.start, end: l.end } };
  }
  return null;
}

const finding = <T>(f: Found<T> | null, rule: MetaRule): MetaFinding<T> | null => (f ? { value: f.value, rule, span: { start: f.start, end: f.end } } : null);

function firstOf<T>(candidates: Array<() => MetaFinding<T> | null>): MetaFinding<T> | null {
  for (const c of candidates) {
    const f = c();
    if (f) return f;
  }
  return null;
}

/** A title's year: 2023年, 2023度, and in a title also a bare 2020 (2020意识形态总结及计划), but not a date or time. */
function titleYear(text: string, l: Line): Found<number> | null {
  const y = yearAt(text, l.start, l.end);
  if (y) return y;
  // Not a page's word count either (…汇报材料(全文2068字)).
  const m = /(?<![\d\-/.:])((?:19|20)\d{2})(?![\d\-/.:]|\s*[字页篇])/.exec(text.slice(l.start, l.end));
  return m ? { value: Number(m[1]), start: l.start + m.index, end: l.start + m.index + 4 } : null;
}

/** The sentence of “现将……报告如下” (or 现对/现就) near the start. */
function introSentence(text: string): Span | null {
  const m = /现(?:将|对|就)/.exec(text.slice(0, 2500));
  if (!m) return null;
  const stop = text.slice(m.index, m.index + 200).search(/[。：:！\n]/);
  return { start: m.index, end: stop < 0 ? m.index + 200 : m.index + stop };
}

/** A report that speaks of its own year's 上半年 (2022年上半年全局开展…) and never of the whole year covers H1. */
function halfYearFromBody(text: string, year: number | null): MetaFinding<Period> | null {
  if (year === null) return null;
  const h1 = new RegExp(`${year}年?上半年`).exec(text);
  const h2 = new RegExp(`${year}年?下半年`).exec(text);
  if (!!h1 === !!h2 || new RegExp(`${year}年(?:度|全年)|全年`).test(text)) return null;
  const m = (h1 ?? h2)!;
  return { value: h1 ? 'H1' : 'H2', rule: 'body', span: { start: m.index, end: m.index + m[0].length } };
}

function yearAndPeriod(text: string, p: Places): { year: MetaFinding<number> | null; period: MetaFinding<Period> | null } {
  const intro = introSentence(text);
  const opening = p.opening;
  const dated = dateLine(text, p);
  const reviewed = REVIEW_HEADING.exec(text.slice(0, REVIEW_HEADING_REACH));
  const reviewedYear = reviewed ? yearAt(text, reviewed.index, reviewed.index + reviewed[0].length) : null;
  const year = firstOf<number>([
    ...p.titles.map((l) => () => finding(titleYear(text, l), 'title')),
    // 一、2021年宣传工作基本情况 under a speech dated (2022年3月): the year whose work the report reviews.
    () => finding(reviewedYear, 'body'),
    () => (p.head.length ? finding(yearAt(text, p.head[0]!.start, p.head[p.head.length - 1]!.end), 'header') : null),
    // A title broken into lines by a PDF or a page (2023 / 宣传部 / 关于 / 年度 …): a line that is only a year.
    () => {
      const l = p.head.find((h) => /^(?:19|20)\d{2}$/.test(h.text));
      return l ? { value: Number(l.text), rule: 'header', span: { start: l.start, end: l.end } } : null;
    },
    () => (intro ? finding(yearAt(text, intro.start, intro.end), 'intro') : null),
    // The year the opening sets its time by (2023年以来，2022年上半年，2023年，…), not one it speaks about (2024年是…).
    () => {
      const y = opening ? yearAt(text, opening.start, Math.min(opening.end, opening.start + 60)) : null;
      // 2014年是我县…的关键之年: the year the report opens by characterising is its own.
      const own = y && (/^\s*(?:以来|[，,]|上半年|下半年|前三季度|第[一二三四]季度|全年|年初|初|我|本)/.test(text.slice(y.end, y.end + 5)) || YEAR_CHARACTERISED.test(text.slice(y.end, y.end + 48)));
      return own ? finding(y, 'opening') : null;
    },
    // A report dated in January is the previous year's (2024年1月8日 under a 2023 summary).
    () => (dated ? { value: dated.month === 1 ? dated.year - 1 : dated.year, rule: dated.month === 1 ? 'date-line-january' : 'date-line', span: dated.span } : null),
    // 总结回顾了我院2021年意识形态工作 (a news item on the meeting): the year whose work was reviewed.
    () => {
      const m = REVIEWED_YEAR.exec(text);
      return m ? finding(yearAt(text, m.index, m.index + m[0].length), 'body') : null;
    },
    () => onlyYear(text),
  ]);
  // A title (or “现将……报告如下”) that dates the report or its plan by a year alone, its year written or masked (202X年), covers the year.
  const MASKED_YEAR = /20[\dXx×_]{2}\s*年/;
  const titled = [...p.titles, ...(intro ? [{ ...intro, text: text.slice(intro.start, intro.end) }] : [])].find(
    (l) => (titleYear(text, l) || MASKED_YEAR.test(l.text)) && /总结|综述|述职|报告|汇报|材料|情况|要点|计划|方案|思路/.test(l.text) && !MONTH_AFTER_YEAR.test(l.text),
  );
  /** The period the opening's words (matched by `re`) name, with where they stand. */
  const openingSays = (re: RegExp, value: Period): MetaFinding<Period> | null => {
    const m = opening ? re.exec(text.slice(opening.start, opening.end)) : null;
    return m ? { value, rule: 'opening', span: { start: opening!.start + m.index, end: opening!.start + m.index + m[0].length } } : null;
  };
  const period = firstOf<Period>([
    ...p.titles.map((l) => () => finding(periodAt(text, l.start, l.end), 'title')),
    () => (intro ? finding(periodAt(text, intro.start, intro.end), 'intro') : null),
    () => {
      const f = opening ? periodAt(text, opening.start, opening.end) : null;
      return f && f.value !== 'annual' ? finding(f, 'opening') : null;
    },
    // 半年来，建始县人民法院…: the half year the report looks back on.
    () => openingSays(HALF_YEAR_OPENING, 'H1'),
    () => halfYearFromBody(text, year?.value ?? null),
    () => halfYearHeading(text),
    () => (titled ? { value: 'annual', rule: 'title-year', span: { start: titled.start, end: titled.end } } : null),
    // 全镇意识形态工作计划 over “2020年，我镇将…”: a year's plan, whose year stands in its text only.
    () => {
      const plan = year ? p.titles.find((l) => PLAN_TITLE.test(l.text) && !periodAt(text, l.start, l.end)) : undefined;
      return plan ? { value: 'annual', rule: 'title', span: { start: plan.start, end: plan.end } } : null;
    },
    // 2025年，本局党组…: an opening that sets its time by the year alone, written or blanked (20__年，), reviews the year.
    () => {
      const y = opening ? (yearAt(text, opening.start, Math.min(opening.end, opening.start + 8)) ?? blankedYearAt(text, opening.start)) : null;
      return y && /^\s*[，,]/.test(text.slice(y.end, y.end + 2)) ? { value: 'annual', rule: 'opening', span: { start: y.start, end: y.end } } : null;
    },
    // 今年，我乡的宣传思想工作…/今年以来 under a 总结 that names no period: the year's summary.
    () => (p.titles.some((l) => /总结|述职/.test(l.text)) ? openingSays(YEAR_OPENING, 'annual') : null),
    // 一、2021年宣传工作基本情况: the first heading reviews a year's work.
    () => (reviewed ? { value: 'annual', rule: 'body', span: { start: reviewed.index, end: reviewed.index + reviewed[0].length } } : null),
    // 回顾总结2022年意识形态工作: a news item on a meeting that reviews a year.
    () => {
      const m = REVIEWED_YEAR.exec(text);
      return m ? { value: 'annual', rule: 'body', span: { start: m.index, end: m.index + m[0].length } } : null;
    },
    () => {
      if (!dated) return null;
      const value: Period | null = dated.month >= 5 && dated.month <= 8 ? 'H1' : dated.month >= 11 || dated.month === 1 ? 'annual' : null;
      return value ? { value, rule: 'date-line', span: dated.span } : null;
    },
  ]);
  return { year, period };
}

/** A plan by its title (…工作计划, …工作要点), as sections read a document's kind. */
const PLAN_TITLE = new RegExp(`(?:${alternation(vocab.sectionKinds.planDocuments)})$`);
const HALF_YEAR_OPENING = /^\s*(?:半年来|上半年以来)/;
/** 现将2022年9月份意识形态领域安全形势报告如下: a month's report, which covers no year. */
const MONTH_AFTER_YEAR = /(?:19|20)\d{2}\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月/;
/** A year written whole (2022年, 2022年度), not one of its parts (2022年上半年, 2022年第三季度). */
const WHOLE_YEAR = '(?:19|20)\\d{2}\\s*年度?(?!上半年|下半年|前三季度|第?[一二三四1-4]季度)';
/** 回顾总结2022年…工作, 总结回顾了我院2021年…工作, 对公司2018年宣传…等工作进行了回顾和总结, 对我县2018年…情况进行专项督查: a year's work reviewed. */
const REVIEWED_YEAR = new RegExp(
  `(?:回顾|总结)(?:总结|回顾)?了?(?:[我本全][院局校县区市镇乡委部]|[\\u4e00-\\u9fff]{2,8}?(?:院|局|校|公司|集团))?${WHOLE_YEAR}[^。，,\\n]{0,20}?工作|对[^。，,\\n]{0,8}?${WHOLE_YEAR}[^。\\n]{0,40}?(?:工作|情况)进行了?(?:专项)?(?:回顾|总结|督查|检查|考核)`,
);
/** 一、上半年工作总结: a heading that reviews the first half (the report may plan the second after it). */
const HALF_YEAR_HEADING = /(?<=^|\n)[ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])?[ \t\u3000]*(?:今年)?上半年(?:工作|主要工作)?(?:总结|回顾|开展情况|完成情况)/;

function halfYearHeading(text: string): MetaFinding<Period> | null {
  const m = HALF_YEAR_HEADING.exec(text);
  if (!m || /全年|年度工作/.test(text.slice(0, m.index))) return null;
  const start = m.index + m[0].indexOf('上半年');
  return { value: 'H1', rule: 'body', span: { start, end: m.index + m[0].length } };
}

/** A text that names one year only (a news item's 自2020年10月下旬开始, a plan's 编纂2019年年鉴) is of that year. */
function onlyYear(text: string): MetaFinding<number> | null {
  let first: Found<number> | null = null;
  for (let y = yearAt(text); y; y = yearAt(text, y.end)) {
    if (first && y.value !== first.value) return null;
    // (2022-2025年): a range names its first year too.
    if (RANGE_START.test(text.slice(Math.max(0, y.start - 8), y.start))) return null;
    first ??= y;
  }
  return finding(first, 'only-year');
}
/** The first top-level heading naming a year's work done (一、2021年宣传工作基本情况), not its half or plans. */
const REVIEW_HEADING = new RegExp(
  `(?<=^|\\n)[ \\t\\u3000]*一[、.．][ \\t\\u3000]*${WHOLE_YEAR}[^\\n。，,]{0,16}?(?:基本情况|开展情况|完成情况|工作情况|工作总结|工作回顾|主要工作)`,
);
const REVIEW_HEADING_REACH = 3000;
const RANGE_START = /(?:19|20)\d{2}\s*[-—–~～至到]\s*$/;
const YEAR_OPENING = /^\s*(?:今年以来|今年|一年来|在?过去的?一年(?:来|中|里)?)(?=[，,])/;
const BLANKED_YEAR = /\s*(?:19|20)?[xX×_＿]{1,4}\s*年/y;

/** A blanked year (20__年, 20xx年, XX年) opening a template's text at `at`. */
function blankedYearAt(text: string, at: number): Span | null {
  BLANKED_YEAR.lastIndex = at;
  return BLANKED_YEAR.exec(text) ? { start: at, end: BLANKED_YEAR.lastIndex } : null;
}

/** The text as the rules read it, with the places they look at. */
function read(text: string, title: Line | null, lines: readonly Line[], notReport: readonly Span[]): { folded: string; lines: readonly Line[]; p: Places; leftover: ReadonlySet<number> } {
  // Only the head and the end are read for names and dates; the middle stays as it is (the fold keeps offsets).
  const folded = text.length <= 6000 ? foldScript(text) : foldScript(text.slice(0, 4500)) + text.slice(4500, -1500) + foldScript(text.slice(-1500));
  // The lines as folded (網信辦 → 网信办): the same spans, read in the folded text.
  const foldedLines = folded === text ? lines : lines.map((l) => ({ ...l, text: folded.slice(l.start, l.end) }));
  const foldedTitle = title ? (foldedLines.find((l) => l.start === title.start) ?? null) : null;
  const leftover = leftoverLines(lines, notReport);
  return { folded, lines: foldedLines, p: places(folded, foldedLines, foldedTitle, leftover), leftover };
}

/** The lines that lie wholly inside the spans of a site's leftovers. */
function leftoverLines(lines: readonly Line[], notReport: readonly Span[]): Set<number> {
  const out = new Set<number>();
  lines.forEach((l, i) => {
    if (l.end > l.start && notReport.some((s) => s.start <= l.start && l.end <= s.end)) out.add(i);
  });
  return out;
}

/** Spans of a stored text that are a template site's, not the report's (simplified offsets are stored ones). */
export const leftoverSpans = (text: string): Span[] => findLeftovers(prepareText(text)).spans;

/**
 * The unit mentions of a text with pinyin glosses, read with the glosses taken out (a gloss inside a name
 * cuts it: 北京項(xiàng)目管理公司), their spans those of the text; null when it has none.
 */
function unitMentionsAcrossGlosses(text: string, folded: string, lines: readonly Line[], title: Line | null, leftover: ReadonlySet<number>): UnitMention[] | null {
  const glossless = closeGlosses(text, folded);
  if (!glossless) return null;
  const { closed, at } = glossless;
  // Where each position of the folded text falls in the closed one (a gloss's positions: just after it).
  const into = new Array<number>(folded.length + 1);
  for (let i = at.length - 1, j = folded.length; i >= 0; i--) for (; j >= at[i]!; j--) into[j] = i;
  const closedLines = lines.map((l) => ({ ...l, start: into[l.start]!, end: into[l.end]!, text: closed.slice(into[l.start]!, into[l.end]!) }));
  const closedTitle = title ? (closedLines.find((l) => l.start === into[title.start]) ?? null) : null;
  return unitMentions(closed, closedLines, places(closed, closedLines, closedTitle, leftover)).map((m) =>
    m.span ? { ...m, span: { start: at[m.span.start]!, end: at[m.span.end - 1]! + 1 } } : m,
  );
}

/**
 * What the submission says of its unit, year and period, and where. `notReport`: the spans of the site's
 * leftovers around the report, when the analysis has found them already.
 */
export function findMetaEvidence(text: string, title: Line | null, lines: readonly Line[], fileName?: string, notReport: readonly Span[] = leftoverSpans(text)): MetaEvidence {
  const { folded, lines: foldedLines, p, leftover } = read(text, title, lines, notReport);
  const file = fileName ? fileNameMeta(fileName) : null;
  const units = unitMentionsAcrossGlosses(text, folded, foldedLines, title, leftover) ?? unitMentions(folded, foldedLines, p);
  if (file?.unit) units.unshift(file.unit);
  const inText = yearAndPeriod(folded, p);
  const fromFile = <T>(v: T | null | undefined): MetaFinding<T> | null => (v === null || v === undefined ? null : { value: v, rule: 'file-name', span: null });
  return { units, year: fromFile(file?.year) ?? inText.year, period: fromFile(file?.period) ?? inText.period };
}

/** The place a name right after it belongs to (州委, 常州市, 县): the level character closes it, 委 may follow. */
const PLACE_BEFORE = /[\u4e00-\u9fff]{0,4}?[省市县区州旗盟镇乡]委?$/;

/**
 * The registry's spellings (names, aliases) where a report names its author — title and header lines, the
 * opening sentence, the last lines — also where no rule reads a name (区宣传舆情组, a name within a sentence).
 * `notReport`: the spans of the site's leftovers, when found already.
 */
export function registryMentions(text: string, registry: UnitRegistry, notReport: readonly Span[] = leftoverSpans(text)): UnitMention[] {
  if (registry.size === 0) return [];
  const { folded, p } = read(text, null, splitLines(text), notReport);
  const regions: Array<[Span, MetaRule]> = [
    ...p.head.map((l): [Span, MetaRule] => [l, p.titles.includes(l) ? 'title' : 'header']),
    ...(p.opening ? [[p.opening, 'opening'] as [Span, MetaRule]] : []),
    ...p.tail.map((l): [Span, MetaRule] => [l, 'signature']),
  ];
  const found: UnitMention[] = [];
  for (const [region, rule] of regions) {
    const s = folded.slice(region.start, region.end);
    const taken: Span[] = [];
    // Longest spellings first; a shorter one inside a longer one already found is the same mention.
    for (const { id, text: spelling } of registry.spellings) {
      for (let at = s.indexOf(spelling); at >= 0; at = s.indexOf(spelling, at + 1)) {
        const span = { start: region.start + at, end: region.start + at + spelling.length };
        if (taken.some((t) => span.start < t.end && t.start < span.end)) continue;
        taken.push(span);
        // 根据州委宣传部要求, 县教育局: a short name (宣传部, 教育局) that is the end of another place's body.
        const place = PLACE_BEFORE.exec(folded.slice(Math.max(0, span.start - 7), span.start))?.[0];
        if (place && registry.match(place + spelling)?.unitId !== id) continue;
        // 按照市直机关工委有关工作安排: a body the unit reports to or follows, not the unit.
        if (afterReference(folded, span.start)) continue;
        // 在市委宣传部的帮助指导下: the body that guides the unit, not the unit.
        if (LEADER_AFTER.test(folded.slice(span.end, span.end + 16))) continue;
        found.push({ name: spelling, key: unitKey(spelling), rule, span, weight: WEIGHT[rule] ?? 0.5 });
      }
    }
  }
  return mergeMentions(found);
}

/**
 * The unit of a submission: the registry's unit named most surely (in the file name or the text), else
 * the name the file name gives, else the one the text gives most surely.
 */
export function chooseUnit(units: readonly UnitMention[], registry?: UnitRegistry): { mention: UnitMention; match: RegistryMatch | null } | null {
  if (registry && registry.size > 0) {
    let best: { mention: UnitMention; match: RegistryMatch } | null = null;
    for (const m of units) {
      const match = registry.match(m.name);
      if (match && (!best || m.weight > best.mention.weight)) best = { mention: m, match };
    }
    if (best) return best;
  }
  const fromFile = units.find((m) => m.rule === 'file-name');
  const best = fromFile ?? [...units].sort((a, b) => b.weight - a.weight)[0];
  return best ? { mention: best, match: null } : null;
}

export function findMeta(text: string, title: Line | null, lines: readonly Line[], hints: MetaHints, notReport?: readonly Span[]): { meta: ReportMeta; evidence: MetaEvidence } {
  const evidence = findMetaEvidence(text, title, lines, hints.fileName, notReport);
  const unit = chooseUnit(evidence.units)?.mention.name ?? null;
  const meta = mergeMeta({ unit: hints.unit ?? null, year: hints.year ?? null }, { title: title ? withoutGlosses(title.text) : null, unit, year: evidence.year?.value ?? null, period: evidence.period?.value ?? null });
  return { meta, evidence };
}

// --- the file name -------------------------------------------------------------------------------

/** Numbering and drafting marks that are no part of what a file name says: 附件2-, 01_, （定稿）. */
const FILE_LEAD = /^(?:附件\s*\d*|\d{1,3}(?![\d年]))[\s._\-、：:）)]*/;
const FILE_TRAIL = /[\s_\-]*[（(【[]?(?:定稿|终稿|修改稿|修订稿|最终版|正式版|草稿|送审稿|最新版?|(?<!\d)\d{1,2})[）)】\]]?$/;
const FILE_UNIT_END = new RegExp(`${GAP}(?:${alternation(V.titleFollowers)}|[0-9０-９]|[（(【\\[—\\-_|.\\s]|$)`, 'y');

interface FileNameMeta {
  unit: UnitMention | null;
  /** Where the unit's name stands in the file name without its folder (offsets into it). */
  unitAt: Span | null;
  year: number | null;
  period: Period | null;
}

function fileNameMeta(fileName: string): FileNameMeta {
  const raw = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const lead = FILE_LEAD.exec(raw)?.[0].length ?? 0;
  const base = foldScript(raw.slice(lead).replace(FILE_TRAIL, ''));
  // A bare year counts in a file name (云南省-2003.txt, 2024上半年.txt), not in a text.
  const bare = /(?<![\dA-Za-z])((?:19|20)\d{2})(?![\dA-Za-z])/.exec(base);
  const year = yearAt(base)?.value ?? (bare ? Number(bare[1]) : null);
  const period = periodAt(base)?.value ?? (year !== null && /总结/.test(base) ? 'annual' : null);
  const accept = accepts(FILE_UNIT_END, base);
  const starts = [0, ...[...base.matchAll(/(?:(?:19|20)\d{2}\s*年?度?(?:上半年|下半年|第[一二三四1-4]季度)?|[\s_\-—、])/g)].map((m) => m.index + m[0].length)];
  let unit: UnitMention | null = null;
  let unitAt: Span | null = null;
  for (const at of starts) {
    const r = readName(base, at, accept);
    if (r) {
      unit = { name: r.canonical, key: unitKey(r.canonical), rule: 'file-name', span: null, weight: WEIGHT['file-name']! };
      unitAt = { start: lead + r.start, end: lead + r.end };
      break;
    }
  }
  return { unit, unitAt, year, period };
}

/** A document site's notice quoting the file it serves (《XX县发展和改革局2022信息宣传工作方案.docx》由会员分享). */
const QUOTED_FILE = /《([^《》\n]{4,80}?\.(?:docx?|pdf|wps|txt|pptx?))》/g;
/** How far into a page its notices are looked for. */
const QUOTED_FILE_REACH = 800;

/** The unit the file name a site's notice quotes gives, where it stands in the text: the page's, below the report's own. */
function quotedFileUnit(text: string): UnitMention | null {
  for (const m of text.slice(0, QUOTED_FILE_REACH).matchAll(QUOTED_FILE)) {
    const f = fileNameMeta(m[1]!);
    if (!f.unit || !f.unitAt) continue;
    const start = m.index + 1 + f.unitAt.start;
    return { ...f.unit, rule: 'page-title', weight: WEIGHT['page-title']!, span: { start, end: m.index + 1 + f.unitAt.end } };
  }
  return null;
}

/** Unit, year and period as a file name gives them: 市统计局2023年上半年意识形态工作总结.txt → 市统计局, 2023, H1. */
export function metaFromFileName(fileName: string): ReportMeta {
  const f = fileNameMeta(fileName);
  return { title: null, unit: f.unit?.name ?? null, department: null, year: f.year, period: f.period };
}
