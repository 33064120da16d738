// Sections: the heading hierarchy (第一部分 / 一、 / （一） / 1. / （1） / ①, or unnumbered heading lines when a
// report has no 一、 level), run-in headings (（一）加强组织领导。正文…), the title line, the preamble and the
// closing block (date, signature, template markers), each section with its kind.
import type { Section, SectionKind, Span } from '../../shared/types.js';
import { alternation, vocab } from './vocab.js';
import { inAnySpan, parseChineseNumber, type Line } from './text.js';
import { outlineLines, splitRunInHeadings } from './layout.js';

type Style = 'part' | 'cn' | 'bare' | 'paren-cn' | 'num' | 'paren-num' | 'circled';

/** Canonical nesting order of numbering styles; a report's levels are the ranks of the styles it uses. */
const STYLE_RANK: Record<Style, number> = { part: 0, cn: 1, bare: 1, 'paren-cn': 2, num: 3, 'paren-num': 4, circled: 5 };

const CN = '[一二三四五六七八九十]{1,3}';
const MARKERS: Array<[Style, RegExp]> = [
  ['part', new RegExp(`^第${CN}部分[、：:，,\\s]*`)],
  ['cn', new RegExp(`^${CN}[、．.](?!是)\\s*`)],
  // ( 二 ): a PDF's text layer spaces out the numeral.
  ['paren-cn', new RegExp(`^[（(] ?${CN} ?[）)]\\s*`)],
  ['num', /^\d{1,2}(?:[.．](?!\d)|、)\s*/],
  // ⑴: the parenthesised digit as one character.
  ['paren-num', /^(?:[（(] ?\d{1,2} ?[）)]|[⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇])\s*/],
  ['circled', /^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]\s*/],
];

const LEADING_TAG = /^(?:##[A-Za-z_]+##\s*)+/;
/** Markdown heading or quotation marks a page left before a numbered heading (####（三）…, >一、…). */
const MARKDOWN = /^(?:#{1,6}|[>＞]{1,3})\s*/;
const RUN_IN_END = /[。！？!?：:]/;
const SPACE_BEFORE_ITEM = /\s+(?=[一二三四五六七八九十]{1,2}是|[（(][一二三四五六七八九十\d]{1,2}[）)]|\d{1,2}[、.．])/;
const MAX_HEADING = 60;
const MAX_BARE_HEADING = 30;
const DATE_LINE = /^(?:(?:19|20)\d{2}|二[〇零○Ｏ][一二三四五六七八九〇零○Ｏ]{2})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?$/;
const MARKER_LINE = /^(?:##[A-Za-z_]+##|<!--.*-->)$/;
const TITLE_WORDS = /报告|总结|汇报|计划|情况|材料|讲话|要点|方案|研判/;

interface Heading {
  style: Style;
  marker: string;
  start: number;
  headingStart: number;
  headingEnd: number;
  heading: string;
  line: Line;
}

function numberedHeading(original: Line, next: Line | undefined): Heading | null {
  const hashes = MARKDOWN.exec(original.text)?.[0].length ?? 0;
  const line = hashes === 0 ? original : { start: original.start + hashes, end: original.end, text: original.text.slice(hashes) };
  for (const [style, re] of MARKERS) {
    const m = re.exec(line.text);
    if (!m) continue;
    // Template-site tags glued to a heading (（二）##paidbegin##夯实理论武装) are not part of it.
    const skip = m[0].length + (LEADING_TAG.exec(line.text.slice(m[0].length))?.[0].length ?? 0);
    const rest = line.text.slice(skip);
    if (rest.length === 0) {
      // A marker alone on its line: the heading is the next line when that is a heading, else there is none.
      const marker = m[0].trim();
      const own = next && next.text.length <= MAX_BARE_HEADING && !/[。！？；;]/.test(next.text) && !MARKERS.some(([, r]) => r.test(next.text));
      return own
        ? { style, marker, start: line.start, headingStart: next.start, headingEnd: next.end, heading: next.text.replace(/[：:]$/, ''), line }
        : { style, marker, start: line.start, headingStart: line.end, headingEnd: line.end, heading: '', line };
    }
    const headingStart = line.start + skip;
    let len: number;
    // 二、存在的问题 一是…: on a page that lost its breaks, a space before an enumeration ends the heading.
    const spaced = SPACE_BEFORE_ITEM.exec(rest);
    const stop = spaced && spaced.index > 0 ? { index: spaced.index } : RUN_IN_END.exec(rest);
    if (stop && stop.index > 0 && stop.index <= MAX_HEADING) len = stop.index;
    else if (rest.length <= MAX_HEADING + 20) len = rest.length;
    else {
      const comma = /[；;，,]/.exec(rest);
      len = comma && comma.index > 0 && comma.index <= MAX_HEADING ? comma.index : MAX_HEADING;
    }
    while (len > 0 && /[：:；;，,。\s]/.test(rest[len - 1]!)) len--;
    return { style, marker: m[0].trim(), start: line.start, headingStart, headingEnd: headingStart + len, heading: rest.slice(0, len), line };
  }
  return null;
}

function isProse(line: Line | undefined): boolean {
  return line !== undefined && (line.text.length >= 40 || /[。！？]$/.test(line.text));
}

/** 二是突出重点,打造教育宣传亮点。 alone on its line: a heading whose numeral the writer wrote as an enumeration. */
const ENUMERATED_LINE = /^([一二三四五六七八九十]{1,3})是([^。！？；;：:]{2,30}?)[。.]?$/;

/**
 * 一、… / 二是… / 三、…: a line standing alone in the gap of the top-level numbering (between 一、 and 三、) is its
 * heading, marked 二是.
 */
function fillNumberingGaps(headings: Heading[], lines: readonly Line[]): void {
  const top = headings.filter((h) => h.style === 'cn');
  for (const line of lines) {
    const m = ENUMERATED_LINE.exec(line.text);
    const n = m ? parseChineseNumber(m[1]!) : null;
    if (!m || n === null) continue;
    const before = top.filter((h) => h.start < line.start).at(-1);
    const after = top.find((h) => h.start > line.start);
    if (!before || !after || parseChineseNumber(before.marker.slice(0, -1)) !== n - 1 || parseChineseNumber(after.marker.slice(0, -1)) !== n + 1) continue;
    const marker = `${m[1]}是`;
    const heading = m[2]!;
    headings.push({ style: 'cn', marker, start: line.start, headingStart: line.start + marker.length, headingEnd: line.start + marker.length + heading.length, heading, line });
  }
  headings.sort((a, b) => a.start - b.start);
}

/**
 * 一强化理论武装,凝聚思想共识 alone on its line, with 1. under it: a heading whose 、 a page lost (not 一是, 一年来, 一方面…).
 */
const LOST_MARK_LINE = /^([一二三四五六七八九十]{1,2})(?![是、.．，,个项些年月日次条点方直起批切般定同致体道边样度])([\u4e00-\u9fff][^。！？；;：:]{3,28})$/;
const CHILD_ITEM = /^(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)])/;

/**
 * Headings whose numeral lost its 、, where each has numbered items under it, ranked as （一） is: under the
 * 一、 level where the text has one (the page's own levels otherwise).
 */
function lostMarkHeadings(headings: Heading[], lines: readonly Line[]): void {
  const taken = new Set(headings.map((h) => h.line.start));
  for (const [i, line] of lines.entries()) {
    const m = LOST_MARK_LINE.exec(line.text);
    if (!m || taken.has(line.start) || !CHILD_ITEM.test(lines[i + 1]?.text ?? '')) continue;
    const marker = m[1]!;
    headings.push({ style: 'paren-cn', marker, start: line.start, headingStart: line.start + marker.length, headingEnd: line.end, heading: m[2]!, line });
  }
  headings.sort((a, b) => a.start - b.start);
}

/** 【组织领导】2020年，…: a yearbook's label opening its paragraph. */
const LABEL_LINE = /^【([\u4e00-\u9fff]{2,8})】(?=[^\s】])/;

/** A yearbook entry's labelled paragraphs (【概况】…【组织领导】…), where two or more open so: its headings, marked 【. */
function labelledHeadings(lines: readonly Line[]): Heading[] {
  const found = lines.flatMap((line) => {
    const m = LABEL_LINE.exec(line.text);
    return m ? [{ style: 'bare' as const, marker: '【', start: line.start, headingStart: line.start + 1, headingEnd: line.start + 1 + m[1]!.length, heading: m[1]!, line }] : [];
  });
  return found.length >= 2 ? found : [];
}

/** 注重思想引领,汇聚巾帼新力量: an unnumbered heading of two matched phrases. */
const PAIRED_HEADING = /^[^。！？!?；;：:，,、\s]{3,12}[，,][^。！？!?；;：:，,、\s]{3,12}$/;

/** Whether a text's unnumbered headings may be matched phrases: two or more such lines stand over prose. */
function pairedHeadings(lines: readonly Line[]): boolean {
  return lines.filter((l, i) => PAIRED_HEADING.test(l.text) && isProse(lines[i + 1])).length >= 2;
}

/**
 * An unnumbered heading line: short, no sentence punctuation (but the comma of two matched phrases, where the
 * text has several such headings: `paired`), followed by prose (2023年工作回顾), or naming a
 * kind over numbered subsections (工作成果与亮点 / （一）加强阵地建设).
 */
function bareHeading(line: Line, next: Line | undefined, after: Line | undefined, paired = false): Heading | null {
  const t = line.text;
  const overNumbered = next !== undefined && numberedHeading(next, after) !== null && headingKind(t) !== null;
  if (t.length < 2 || t.length > MAX_BARE_HEADING || !(isProse(next) || overNumbered)) return null;
  if ((/[。！？!?；;：:，,、]/.test(t) && !(paired && PAIRED_HEADING.test(t))) || /^[—\-（(<#*]/.test(t) || DATE_LINE.test(t) || /代表|同志们/.test(t)) return null;
  return { style: 'bare', marker: '', start: line.start, headingStart: line.start, headingEnd: line.end, heading: t, line };
}

function isTitleLine(line: Line | undefined, next: Line | undefined): boolean {
  if (!line) return false;
  const t = line.text;
  if (t.length > 60 || /[。；;：:，,]$/.test(t) || /^[—\-（(<#]/.test(t) || numberedHeading(line, next)) return false;
  return TITLE_WORDS.test(t) || (t.length <= 30 && isProse(next));
}

/** Index of the first line of the closing block: dates, signatures right before a date, template markers. */
function closingStart(lines: readonly Line[]): number {
  let i = lines.length;
  let sawDate = false;
  while (i > 0) {
    const t = lines[i - 1]!.text;
    if (MARKER_LINE.test(t)) i--;
    else if (DATE_LINE.test(t)) {
      sawDate = true;
      i--;
    } else if (sawDate && t.length <= 25 && !/[。；;，,：:]/.test(t)) i--;
    else break;
  }
  return i;
}

const headingCues = Object.entries(vocab.sectionKinds.heading) as Array<[Exclude<SectionKind, 'preamble'>, string[]]>;
/**
 * Cues count only this far into a heading: a page that lost its line breaks runs the heading into its
 * body (一、加强组织领导，落实意识形态工作按照……各项任务), where a 任务 or 措施 names no kind.
 */
const HEADING_CUE_REACH = 24;

const WORLD_SCOPE = new RegExp(alternation(vocab.sectionKinds.worldScope));
const SITUATION = new RegExp(alternation(vocab.sectionKinds.situationWords));
const FIVE_YEAR_PLAN = /“?[一二三四五六七八九十]{1,3}五”?(?:计划|规划)/g;
const REVIEW = /^[^和及与暨]{0,12}回顾/;
const PROBLEMS_HANDLED = /(?:解决|处置|化解|应对|排查)[^，,。；;：:]{0,10}?问题|对[^，,。；;：:]{0,14}?问题(?=[^，,。；;：:]{0,10}?的?(?:处理|处置|解决|化解|应对))/g;
/**
 * 努力完成分管工作任务: a task completed is work done, and its 任务 no cue of plans; nor is a standing duty's
 * 任务 (聚焦首要任务, 作为重要政治任务).
 */
const TASKS_DONE = /完成[^，,。；;：:]{0,10}?任务|(?:首要|政治|中心|根本)任务/g;
const MIXED = /(?:情况|状况|成效|成绩|做法|形势|态势)(?:和|及|与|以及)(?:存在的?|面临的?|主要)?(?:问题|不足|差距)/;
const RESULT = /[\u4e00-\u9fff”]{2,}(?:明显|显著|稳步|逐步|全面|持续|不断|扎实|大幅|日益|更加)(?:改善|提高|增强|壮大|进步|推进|加快|稳定|提升|加强|深化|巩固|完善|扩大|发展|好转|增长)$|步伐加快$|取得[^，,]{0,6}(?:成效|进展|成绩|突破)$/;
/** The longest heading whose last words are read as its head noun beyond HEADING_CUE_REACH. */
const CLOSING_REACH = 40;
/** The least a cue must be to name the kind by closing the heading (情况 or 问题 alone closes too many). */
const HEAD_NOUN_MIN = 4;

/**
 * The kind a heading's wording names: that of a long cue closing it (its head noun), else the cue that occurs
 * earliest (ties: the longest), or null.
 */
export function headingKind(raw: string): SectionKind | null {
  // “八五”计划, 十二五规划 name a five-year plan, not a plans section (“八五”计划的顺利完成…); the name is blanked
  // to its length, so that the other cues keep their places.
  // 对重大问题和重大事件的处理, 解决群众反映的问题: problems handled are work done, and their 问题 no cue; so are
  // tasks completed (完成分管工作任务).
  const blankNoun = (m: string) => `${m.slice(0, -2)}＿＿`;
  const heading = raw.replace(FIVE_YEAR_PLAN, (m) => '＿'.repeat(m.length)).replace(PROBLEMS_HANDLED, blankNoun).replace(TASKS_DONE, blankNoun);
  // 1999年工作回顾和2000年工作的总体要求: a section that opens on the review holds the work done; so does one
  // whose heading closes on a result (…，新农村建设扎实推进; 理论武装持续深化).
  if (REVIEW.test(heading.slice(0, HEADING_CUE_REACH)) || RESULT.test(heading.replace(/[\s：:。，,；;]+$/, ''))) return 'achievements';
  const h = heading.slice(0, HEADING_CUE_REACH).replace(/[\s：:。，,；;]+$/, '');
  if (WORLD_SCOPE.test(h) && SITUATION.test(h)) return 'other';
  // 领域状况和存在问题, 检查情况及存在问题: a heading naming both is no cue; the body says which it holds.
  if (MIXED.test(h)) return null;
  // A long heading that is no run-in body (no sentence in it) closes on its head noun too (…确定任务和“十二五”规划完成情况).
  const whole = heading.length <= CLOSING_REACH && !/[。；;]/.test(heading) ? heading.replace(/[\s：:。，,；;]+$/, '') : h;
  // …与严峻形势不适应, …责任落实不到位: a heading closing on a shortfall states a problem, however short the cue.
  const closes = (kind: SectionKind, c: string) => (c.length >= HEAD_NOUN_MIN || (kind === 'problems' && c.startsWith('不'))) && whole.endsWith(c);
  for (const [kind, cues] of headingCues) if (cues.some((c) => closes(kind, c))) return kind;
  let best: { kind: SectionKind; pos: number; len: number } | null = null;
  for (const [kind, cues] of headingCues) {
    for (const cue of cues) {
      const pos = heading.indexOf(cue);
      if (pos < 0 || pos > HEADING_CUE_REACH) continue;
      if (!best || pos < best.pos || (pos === best.pos && cue.length > best.len)) best = { kind, pos, len: cue.length };
    }
  }
  return best?.kind ?? null;
}

const bodyRes = {
  problems: new RegExp(alternation(vocab.sectionKinds.body.problems), 'g'),
  // 确保了…的有效落实 tells of work done, not of work to come.
  plans: new RegExp(`(?:${alternation(vocab.sectionKinds.body.plans)})(?!了)`, 'g'),
  achievements: new RegExp(alternation(vocab.sectionKinds.body.achievements), 'g'),
};

function count(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

/** 对…开展不力，出现重大失误…的，考核将列为较差: the failings a rule sanctions, which are no problems the unit found. */
const SANCTIONED = /(?:对|凡)[^。！？\n]{0,200}?(?:的|者)[，,]?[^。！？\n]{0,30}?(?:将|予以|追究|问责|通报|列为|一票否决|严肃处理)/g;

/** Kind of a top-level section whose heading names none: by the cues of its body, then by position. */
function bodyKind(body: string, previous: SectionKind | null): SectionKind {
  const problems = count(bodyRes.problems, body.replace(SANCTIONED, ''));
  const plans = count(bodyRes.plans, body);
  const achievements = count(bodyRes.achievements, body);
  if ((problems * 1000) / Math.max(body.length, 1) >= vocab.sectionKinds.minBodyScore && problems > achievements) return 'problems';
  // One 确保 in a section of work done is no plan: plans need their cues twice over.
  // After a plans section, the next is plans too, unless its body tells of work done more than of work to come.
  if ((plans >= 2 && plans > achievements) || (previous === 'plans' && achievements <= Math.max(plans, 2))) return 'plans';
  return 'achievements';
}

const PLAN_TITLE = new RegExp(alternation(vocab.sectionKinds.planDocuments));
const REPORT_TITLE = new RegExp(alternation(vocab.sectionKinds.reportDocuments));
/** Where the document says what it is: its first lines (page titles included). */
const TITLE_LINES = 4;
const MAX_TITLE_LINES = 16;
const TITLE_CHARS = 80;

/**
 * Whether the title says a work plan or work points (工作要点, 工作计划: plans throughout) rather than a report on
 * work done; null when the first lines name neither.
 */
function planTitle(lines: readonly Line[]): boolean | null {
  // The first lines, and past them the short lines before the first paragraph (a page's keywords above its title).
  // (A site's numbered notice lines, 1. 本文档由用户上传…。, are no paragraph of the report.)
  const prose = lines.findIndex((l) => isProse(l) && numberedHeading(l, undefined) === null);
  const head = lines.slice(0, Math.min(Math.max(TITLE_LINES, prose), MAX_TITLE_LINES));
  const numbered = head.map((l) => l.text.length <= MAX_HEADING && numberedHeading(l, undefined) !== null);
  for (const [i, line] of head.entries()) {
    // A site's outline of the headings (二、存在问题 / 三、2026年工作计划) is no title (a page numbered 1、2、 may hold one).
    if (numbered[i] && (numbered[i - 1] || numbered[i + 1])) continue;
    // Up to the first comma (a title a flattened page ran into the text stands before it); a document the
    // text names (根据《…实施方案》) is another one.
    const head = line.text
      .slice(0, TITLE_CHARS)
      .replace(/[，,。；;].*$/, '')
      .replace(/《[^》]*》/g, '');
    if (REPORT_TITLE.test(head)) return false;
    if (PLAN_TITLE.test(head)) return true;
  }
  return null;
}

/**
 * …切实提高风险防控能力，制定本预案。, 特制定如下督查方案, 现将考核事项通知如下, 关于印发《…工作要点》的通知: a
 * document that says near its start that it is a plan, a notice arranging work or one issuing a plan, whatever a
 * page's title calls it.
 */
// 制定本年度工作计划 in a report is a plan it made, not what it is: after 本 the document's own word comes at once.
const OWN_PLAN = /制定本(?:预案|方案|计划|要点|实施方案|工作方案|工作计划|工作要点)|制定(?:如下|以下)[^。，,\n]{0,6}?(?:预案|方案|计划|要点)|现将[^。\n]{0,20}?(?:通知|安排)如下|关于印发《[^》\n]{0,60}(?:要点|计划|方案|规划)》的通知/;
const OWN_PLAN_REACH = 800;
const YEAR_IN_HEADING = /((?:19|20)\d{2})\s*年/;
const closingPlansRe = new RegExp(`^(?:(?:19|20)\\d{2}年)?(?:${alternation(vocab.sectionKinds.closingPlans)})`);
const CLOSING_TURN = new RegExp(`(?<=[。！？!?\\n]\\s*)(?:${alternation(vocab.sectionKinds.closingPlans)})[^。\\n]*(?:将|要)`);

export interface SectionResult {
  sections: Section[];
  /** The title line, when the report opens with one. */
  title: Line | null;
}

/** A line that names a document by its kind (…工作方案, 舆情处置工作总结). */
const DOCUMENT_TITLE = /(?:总结|报告|汇报|方案|计划|要点|材料|意见|思路)$/;

/** Starts of the lines right under one a leftover closes (a collection's marker, a site's heading) that name a document. */
function titlesAfterLeftovers(lines: readonly Line[], skip: readonly Span[]): Set<number> {
  const out = new Set<number>();
  for (let i = 1; i < lines.length; i++) {
    if (inAnySpan(skip, lines[i - 1]!.end - 1) && !inAnySpan(skip, lines[i]!.start) && DOCUMENT_TITLE.test(lines[i]!.text.trim())) out.add(lines[i]!.start);
  }
  return out;
}

/**
 * `skip`: spans that are not the report's own text (template-site leftovers): no heading and no title there;
 * the report starts at the first line outside them.
 */
export function findSections(text: string, allLines: readonly Line[], skip: readonly Span[] = []): SectionResult {
  const kept = skip.length === 0 ? allLines : allLines.filter((l) => !inAnySpan(skip, l.start) || !inAnySpan(skip, l.end - 1));
  const split = splitRunInHeadings(text, kept, skip);
  const outline = outlineLines(split, (l) => numberedHeading(l, undefined) !== null);
  const lines = outline.size === 0 ? split : split.filter((l) => !outline.has(l));
  // The report's own title first: a site's breadcrumb (首页 > 工作计划) files a report under plans. The page's
  // title (…工作要点.docx, a leftover) tells when the text has none.
  const plan = OWN_PLAN.test(text.slice(0, OWN_PLAN_REACH)) || (planTitle(kept) ?? planTitle(allLines) ?? false);
  const title = isTitleLine(lines[0], lines[1]) ? lines[0]! : null;
  const first = title ? 1 : 0;
  const close = closingStart(lines);
  const contentEnd = close < lines.length ? lines[close]!.start : text.length;

  const headings: Heading[] = [];
  for (let i = first; i < close; i++) {
    const h = inAnySpan(skip, lines[i]!.start) ? null : numberedHeading(lines[i]!, lines[i + 1]);
    if (h) headings.push(h);
  }
  fillNumberingGaps(headings, lines.slice(first, close));
  lostMarkHeadings(headings, lines.slice(first, close));
  if (!headings.some((h) => h.style === 'part' || h.style === 'cn')) {
    const taken = new Set(headings.map((h) => h.headingStart));
    const pieceTitles = titlesAfterLeftovers(allLines, skip);
    const paired = pairedHeadings(lines.slice(first, close));
    const labelled = labelledHeadings(lines.slice(first, close).filter((l) => !inAnySpan(skip, l.start)));
    headings.push(...labelled);
    for (const h of labelled) taken.add(h.start);
    for (let i = first; i < close; i++) {
      // The title again under a site's notices (page title, then the document's own): no heading; nor the
      // title of a numbered piece of a collection, under its marker (意识形态工作方案(篇1) / 城镇…工作方案).
      const again = title !== null && lines[i]!.text.trim() === title.text.trim();
      const h = taken.has(lines[i]!.start) || again || pieceTitles.has(lines[i]!.start) ? null : bareHeading(lines[i]!, lines[i + 1], lines[i + 2], paired);
      if (h) headings.push(h);
    }
    headings.sort((a, b) => a.start - b.start);
  }
  const ranks = [...new Set(headings.map((h) => STYLE_RANK[h.style]))].sort((a, b) => a - b);
  const levelOf = (h: Heading): 1 | 2 | 3 => Math.min(ranks.indexOf(STYLE_RANK[h.style]) + 1, 3) as 1 | 2 | 3;

  const trimEnd = (end: number): number => {
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    return end;
  };

  const sections: Section[] = [];
  const firstStart = headings[0]?.start ?? contentEnd;
  const preambleStart = lines[first]?.start ?? contentEnd;
  if (preambleStart < firstStart) {
    sections.push({ level: 1, marker: '', heading: '', kind: 'preamble', start: preambleStart, end: trimEnd(firstStart), headingEnd: preambleStart });
  }

  // Years named in top-level headings: the report reviews the earlier year(s) and plans the latest.
  const topYears = headings
    .filter((h) => levelOf(h) === 1)
    .map((h) => Number(YEAR_IN_HEADING.exec(h.heading)?.[1] ?? NaN))
    .filter((y) => !Number.isNaN(y));
  const latestYear = topYears.length > 1 && new Set(topYears).size > 1 ? Math.max(...topYears) : null;

  const parents: Section[] = [];
  let previousTop: SectionKind | null = null;
  headings.forEach((h, i) => {
    const level = levelOf(h);
    let endIdx = i + 1;
    while (endIdx < headings.length && levelOf(headings[endIdx]!) > level) endIdx++;
    const end = trimEnd(headings[endIdx]?.start ?? contentEnd);
    while (parents.length > 0 && parents[parents.length - 1]!.level >= level) parents.pop();
    const parent = parents[parents.length - 1];
    let kind: SectionKind;
    if (parent) kind = parent.kind;
    else {
      const named = headingKind(h.heading);
      const year = Number(YEAR_IN_HEADING.exec(h.heading)?.[1] ?? NaN);
      if (latestYear !== null && !Number.isNaN(year) && (named === null || named === 'achievements' || named === 'plans')) {
        kind = year === latestYear ? 'plans' : 'achievements';
      } else kind = named ?? bodyKind(beforeClosingPlans(text.slice(h.headingEnd, end)), previousTop);
      // A work plan is plans throughout, whatever a heading looks like (一、指导思想, 一、总体情况).
      if (plan && kind !== 'problems' && kind !== 'suggestions') kind = 'plans';
      previousTop = kind;
    }
    const section: Section = { level, marker: h.marker, heading: h.heading, kind, start: h.start, end, headingEnd: h.headingEnd };
    sections.push(section);
    parents.push(section);
  });

  splitClosingPlans(text, lines, sections, close);
  return { sections, title };
}

/**
 * A body up to where it turns to what comes next (…取得阶段性成效。下一步，我们将…; a closing paragraph, which
 * splitClosingPlans makes a section of its own): those sentences say nothing of the section they close.
 */
function beforeClosingPlans(body: string): string {
  const turn = CLOSING_TURN.exec(body);
  return turn && turn.index > 0 ? body.slice(0, turn.index) : body;
}

/**
 * A report without a plans heading often closes with an unnumbered paragraph (下一步，… / 2024年下半年，…将…):
 * that paragraph becomes a plans section of its own, cut from the end of the sections that held it.
 */
function splitClosingPlans(text: string, lines: readonly Line[], sections: Section[], close: number): void {
  if (sections.some((s) => s.kind === 'plans')) return;
  const lastTop = [...sections].reverse().find((s) => s.level === 1);
  if (!lastTop || lastTop.kind === 'preamble') return;
  for (let i = close - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.start <= lastTop.headingEnd) return;
    if (sections.some((s) => s.start === line.start)) return;
    const clause = line.text.split(/[，,。]/)[0] ?? '';
    if (!closingPlansRe.test(clause) || !/将|要/.test(line.text)) continue;
    const end = lastTop.end;
    for (const s of sections) if (s.end > line.start && s.start < line.start) s.end = trimBefore(text, line.start);
    sections.push({ level: 1, marker: '', heading: '', kind: 'plans', start: line.start, end, headingEnd: line.start });
    return;
  }
}

function trimBefore(text: string, pos: number): number {
  while (pos > 0 && /\s/.test(text[pos - 1]!)) pos--;
  return pos;
}
