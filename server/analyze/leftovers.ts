// Template-site leftovers: what a page around a model text (范文) leaves in a report copied from it — page
// furniture (titles with .docx, breadcrumbs, 时间:/浏览量 lines, site names), the editor's lead-in, login, VIP
// and download notices, 篇一/【篇二】 collection markers, truncation marks and pinyin glosses inside words. Each
// is a flag with its span; the spans also tell the other analyses what is not the report's own text, and a
// truncation or a "read the rest after logging in" notice says that the text is incomplete.
import type { Flag, Span } from '../../shared/types.js';
import { withoutGlosses, type PreparedText } from './normalize.js';
import { splitLines, type Line } from './text.js';
import { alternation, vocab } from './vocab.js';

export const LEFTOVER_FLAG_KINDS = ['template_marker', 'download_notice', 'site_chrome', 'editor_lead_in', 'collection_marker', 'truncation', 'pinyin_gloss'] as const;
export type LeftoverKind = (typeof LEFTOVER_FLAG_KINDS)[number];

/**
 * The text an analysis's leftover flags mark as a template site's, not the report's: findLeftovers' spans.
 * A pinyin gloss's flag covers report text with glosses inside it, so it marks none.
 */
export const leftoverSpansOf = (flags: readonly Flag[]): Span[] =>
  flags.flatMap((f) =>
    f.kind !== 'pinyin_gloss' && (LEFTOVER_FLAG_KINDS as readonly string[]).includes(f.kind) && f.start !== null && f.end !== null ? [{ start: f.start, end: f.end }] : [],
  );

const T = vocab.traces;
const MARKERS = T.markers.map((p) => new RegExp(p, 'gu'));
/** An HTML tag the page left in the text it gave (</p>, <br/>, a link's a href="…"> that lost its <): its furniture, not the report's. */
const HTML_TAG = /<\/?(?:p|br|div|span|strong|b|i|em|u|h[1-6]|li|ul|ol|table|tbody|tr|td|th|font|a|img|section)\b[^<>\n]{0,200}>|(?<![<\w])a href=["'][^"'<>\n]{0,200}["']>?/giu;
const NOTICES = new RegExp(T.notices.join('|'), 'u');
const NOTICES_G = new RegExp(T.notices.join('|'), 'gu');
const INCOMPLETE = new RegExp(T.incompleteNotices.join('|'), 'u');
const CHROME_LABEL = new RegExp(`^(?:[^\\s:：]{1,6}\\s+){0,2}(?:${alternation(T.chromeLabels)})\\s*[:：]`, 'u');
const CHROME_LINES = T.chromeLines.map((p) => new RegExp(p, 'u'));
const OUTLINE_START = new RegExp(T.outlineStart, 'u');
const RELATED_HEAD = new RegExp(`^(?:[•·\\-]\\s*)?(?:${alternation(T.relatedListHeads)})\\s*[:：]?$`, 'u');
const TOP_HEADING = /^[ \t\u3000]*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)/;
/** A page lists a handful of other pages; a longer run of short lines is the report's own (headings). */
const RELATED_MAX_ITEMS = 15;
const DOTS_LINE = /^[…\.。·]{1,6}$/;
/** A line that is a site's upload, download, login or copyright notice, whole (also what meta.ts passes over). */
export const isNoticeLine = (line: string): boolean => line.length <= T.noticeLineMaxChars && NOTICES.test(line);
/** A cue only a site's editor writes (小编, 为大家整理, 欢迎阅读): also what tells meta.ts a lead-in from the opening. */
export const STRONG_LEAD_IN = new RegExp(T.leadInCues.strong.join('|'), 'u');
const LEAD_IN_LABEL = /^(?:导语|导读|【导读(?:预览)?】)[:：]?/u;
const WEAK_LEAD_IN = new RegExp(T.leadInCues.weak.join('|'), 'gu');
const COLLECTION_MARKERS = T.collectionMarkers.map((p) => new RegExp(p, 'gmu'));
const COLLECTION_TITLES = T.collectionTitles.map((p) => new RegExp(p, 'u'));
const COLLECTION_TITLE_START = new RegExp(T.collectionTitleStart, 'u');
const CHROME_LINE_START = new RegExp(T.chromeLineStart, 'u');
/** A page's word count left in a title run into the text (…工作计划(4050字) XX镇…). */
const WORD_COUNT = /[\[【(（](?:此文|全文|本文)?共?\d{3,6}字[\]】)）]/gu;
/** A site's catalogue code glued to the page title (3-8-20-3真如…小学支部…). */
const CATALOGUE_CODE = /^\d{1,3}(?:-\d{1,3}){2,}(?=[\u4e00-\u9fff])/u;
/** A piece's number glued to its title (…分析研判范文一, 群众文化总结范文1_年已接近尾声): the collection's marker. */
const PIECE_NUMBER = /(?<=[\u4e00-\u9fff])范文(?:[一二三四五六七八九十]{1,2}|\d{1,2})(?![\d一二三四五六七八九十篇份则])/gu;
const TRUNCATIONS = new RegExp(T.truncations.join('|'), 'gu');
const COLLECTION_LINE_MARKER = new RegExp(T.collectionLineMarker, 'u');
const SENTENCE_PUNCTUATION = /[。；;！？!?]/;
const TITLE_PUNCTUATION = /[。，,；;！？!?]/;
const SITE_NAME_LINE = /^[\u3400-\u9fffA-Za-z_\s]{2,12}$/;
/** A line naming a kind of document is a title, not a site name. */
const DOCUMENT_WORDS = /报告|总结|汇报|计划|情况|材料|方案|要点|研判|讲话|体会|综述/;
const SENTENCE = /[^。！？!?]+[。！？!?]*/g;
/** Around a truncation mark on its line: dots, dashes, brackets and what the brackets hold. */
const TRUNCATION_SURROUND = 60;

export interface LeftoverResult {
  flags: Flag[];
  /** Spans of the stored text that are not the report's own words (everything flagged but the glosses). */
  spans: Span[];
  /** The text says that it is cut: what it lacks may simply not be shown. */
  incomplete: boolean;
}

function lineFlag(kind: LeftoverKind, message: string, span: Span): Flag {
  return { kind, message, start: span.start, end: span.end };
}

const quote = (s: string): string => (s.length > 24 ? `${s.slice(0, 24)}…` : s);

function isChromeLine(t: string): boolean {
  if (t.length > T.chromeLineMaxChars) return false;
  // A label line may close on a full stop (…预计阅读时长11分钟。), never hold one inside.
  if (CHROME_LABEL.test(t) && !/。(?!$)/.test(t)) return true;
  return !/。/.test(t) && CHROME_LINES.some((re) => re.test(t));
}

function isCollectionTitle(t: string): boolean {
  return t.length <= T.collectionTitleMaxChars && !TITLE_PUNCTUATION.test(t) && COLLECTION_TITLES.some((re) => re.test(t));
}

/** How much report text after a lead-in's last cued sentence, on its line, makes the line more than the lead-in. */
const LEAD_IN_TAIL = 120;

/** Where the last sentence with a strong cue ends in a line (null: none has one). */
function leadInEnd(line: string): number | null {
  let end: number | null = null;
  SENTENCE.lastIndex = 0;
  for (let m = SENTENCE.exec(line); m && m[0].length > 0; m = SENTENCE.exec(line)) if (STRONG_LEAD_IN.test(m[0])) end = m.index + m[0].length;
  return end;
}

function isLeadIn(text: string): boolean {
  if (text.length > T.leadInMaxChars) return false;
  if (STRONG_LEAD_IN.test(text)) return true;
  const weak = new Set(text.match(WEAK_LEAD_IN) ?? []);
  return weak.size >= 2;
}

/** A truncation mark with the dots and the bracketed site note around it on the same line: ……(…省略552字…)…… */
function growTruncation(text: string, start: number, end: number): Span {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const open = text.lastIndexOf('(', start) >= Math.max(lineStart, start - TRUNCATION_SURROUND) ? text.lastIndexOf('(', start) : text.lastIndexOf('（', start);
  if (open >= Math.max(lineStart, start - TRUNCATION_SURROUND)) start = open;
  const closeAt = text.slice(end, Math.min(lineEnd, end + TRUNCATION_SURROUND)).search(/[)）]/);
  if (closeAt >= 0) end = end + closeAt + 1;
  while (start > lineStart && /[…\.\-—－\s]/.test(text[start - 1]!)) start--;
  while (end < lineEnd && /[…\.\-—－]/.test(text[end]!)) end++;
  return { start, end };
}

/**
 * A site that splits a text into numbered preview chunks (1、…  2、…  3、…) starts each chunk on a line of its
 * own, often in the middle of a sentence: a run of line-initial 1、2、3、 whose lines before 2、 and later do not
 * end a sentence.
 */
function chunkNumbers(lines: readonly Line[]): Span[] {
  const starts = lines.filter((l) => /^\d{1,2}、/.test(l.text));
  if (starts.length < 2 || !starts[0]!.text.startsWith('1、')) return [];
  const run: Line[] = [];
  for (const l of starts) {
    if (Number(/^\d+/.exec(l.text)![0]) !== run.length + 1) break;
    run.push(l);
  }
  if (run.length < 2) return [];
  const broken = run.slice(1).filter((l) => {
    const i = lines.indexOf(l);
    return i > 0 && !/[。！？：:；;]$/.test(lines[i - 1]!.text);
  });
  // 2、、方法、程序: a chunk that starts with punctuation was cut out of a sentence; one such is proof enough.
  const cutMidSentence = run.some((l) => /^\d{1,2}、[、，,。；;：:]/.test(l.text));
  if (broken.length === 0 || (broken.length < run.length - 1 && !cutMidSentence) || run.slice(0, -1).some((l, i) => run[i + 1]!.start - l.start < 150)) return [];
  return run.map((l) => ({ start: l.start, end: l.start + /^\d+、/.exec(l.text)![0].length }));
}

const CRUMB_SEPARATOR = /[>＞»›]+/;

/** 当前位置:…>> 工作报告>> 工作汇报 / 工作汇报: a breadcrumb's last crumb on its own line under it names the column. */
function repeatedCrumbs(lines: readonly Line[], chrome: readonly Span[]): Span[] {
  const out: Span[] = [];
  lines.forEach((line, i) => {
    if (!CRUMB_SEPARATOR.test(line.text) || !chrome.some((x) => x.start <= line.start && line.end <= x.end)) return;
    const crumb = line.text.split(CRUMB_SEPARATOR).pop()!.trim();
    if (crumb.length < 2 || crumb.length > 12) return;
    const [next, after] = lines.slice(i + 1).filter((l) => l.text.trim() !== '');
    // The page's own title repeats its crumb too (…> 工作报告 > 民族宗教工作报告 / 民族宗教工作报告 / 时间:…): the crumb
    // is the column only where the document's title stands under it.
    const titled = after !== undefined && after.text.length <= 60 && !/[。，,；;：:]/.test(after.text) && !chrome.some((x) => x.start <= after.start && after.end <= x.end);
    if (next && next.text.trim() === crumb && titled) out.push({ start: next.start + next.text.indexOf(crumb), end: next.start + next.text.indexOf(crumb) + crumb.length });
  });
  return out;
}

/** A document site's keyword tags, one a line (街道 / 2020 / 上半年 / 意识形态 / 工作总结). */
const KEYWORD_LINE = /^[ \t\u3000]*[\u4e00-\u9fff0-9]{1,6}[ \t\u3000]*$/;
/** How many tags make a block, and how far below it the title that repeats them may stand. */
const KEYWORD_BLOCK_MIN = 3;
const KEYWORD_TITLE_REACH = 3;

/**
 * A block of keyword tags above a document's title, which repeats two or more of them (宣传工作 / 计划 / 市直机关 /
 * 要点 / 2023年市直机关宣传工作要点): page furniture. A title a PDF broke into short lines is followed by its text,
 * not by a title that repeats it.
 */
function keywordBlocks(lines: readonly Line[]): Span[] {
  return lineRuns(lines, KEYWORD_LINE, KEYWORD_BLOCK_MIN, KEYWORD_TITLE_REACH)
    .filter(({ run, next }) => {
      const tags = run.map((l) => l.text.trim()).filter((t) => t.length >= 2);
      return next.some((l) => l.text.length <= 60 && !/[。，,；;]/.test(l.text) && tags.filter((t) => l.text.includes(t)).length >= 2);
    })
    .map(({ run }) => ({ start: run[0]!.start, end: run[run.length - 1]!.end }));
}

/** Runs of `min` or more consecutive lines (blank ones aside) that each match `re`, with the `look` lines after each. */
function lineRuns(lines: readonly Line[], re: RegExp, min: number, look = 0): Array<{ run: Line[]; next: Line[] }> {
  const filled = lines.filter((l) => l.text.trim() !== '');
  const out: Array<{ run: Line[]; next: Line[] }> = [];
  for (let i = 0; i < filled.length; ) {
    let j = i;
    while (j < filled.length && re.test(filled[j]!.text)) j++;
    if (j - i >= min) out.push({ run: filled.slice(i, j), next: filled.slice(j, j + look) });
    i = Math.max(j, i + 1);
  }
  return out;
}

/** A photo's caption: a short bracketed phrase alone on its line, not a numbered heading ((先进集体), not (一)). */
const CAPTION = /^[ \t\u3000]*[(（](?![一二三四五六七八九十\d])[^()（）。，,；;：:]{2,12}[)）][ \t\u3000]*$/;

/** The captions a news page leaves between paragraphs: two or more caption lines in a row, one span. */
function captionRuns(lines: readonly Line[]): Span[] {
  return lineRuns(lines, CAPTION, 2).map(({ run }) => ({ start: run[0]!.start, end: run[run.length - 1]!.end }));
}

const PAGE_COUNTER = /第\s*\d+\s*页\s*共\s*\d+\s*页|[(（]第\s*\d+\s*\/\s*\d+\s*页[)）]/g;
/** A paper's, a journal's or a site's dateline opening a paragraph: 本报讯(记者 陈涛 通讯员 周瑞儒), 湘声报讯, 本刊讯, 灵宝法院网讯, 【本站讯】. */
const DATELINE = /(?<=^|\n)[ \t\u3000]*(?:【(?=[^】\n]{2,8}讯】))?(?:本报|本网|本刊|本站|[\u4e00-\u9fff]{2,4}报|[\u4e00-\u9fff]{2,6}网)讯(?:[(（][^)）\n]{0,40}[)）]|】)?/g;
/**
 * A news page's byline closing a paragraph, (文/陈涛 土木学院 图/史艾嘉), (演集镇:王大庆), (通讯员/… cut at the text's end, or on a
 * line of its own (文 | 记者 李煜 通讯员 王旋; 周口日报·周道客户端记者 彭慧 通讯员 马琳华).
 */
const BYLINE = /[(（](?:文|图|摄影?)[/／][^)）\n]{1,30}[)）](?=\s*(?:\n|$))|[(（](?:通讯员|记者)[/／][^)）\n]{0,30}(?:[)）](?=\s*(?:\n|$))|(?=\s*$))|(?<=[。！？])[(（](?:[\u4e00-\u9fff]{2,6}[:：])?[\u4e00-\u9fff]{2,4}(?:[ 、\u3000][\u4e00-\u9fff]{2,4}){0,2}[)）](?=\s*(?:\n|$))|(?<=^|\n)[ \t\u3000]*(?:文|图|摄影?)[ \t\u3000]*[|｜/／][^。\n]{0,30}?(?:记者|通讯员)[^。\n]{0,20}(?=\n|$)|(?<=^|\n)[ \t\u3000]*[^。，,\n]{0,16}?记者[ \t\u3000]+[\u4e00-\u9fff]{2,4}(?:[ \t\u3000]+(?:通讯员|记者)[ \t\u3000]+[\u4e00-\u9fff]{2,4})*[ \t\u3000]*(?=\n|$)/g;
/** A site's own mark dropped into the text: 【628568.com--述职报告】, 【思想宣传范文】, 原创: before a paragraph it claims, 公务员之家版权所有. */
const SITE_MARK = /【[A-Za-z0-9-]+\.(?:com|cn|net|org)[^】\n]{0,20}】|【[^】\n]{0,10}范文】|原创[:：]|(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,10}版权所有/g;
/** A document site's summary lines under the title: 本文关键词:…, 本文简介:…, 本文内容:. */
const SITE_SUMMARY = /^[^。，,；;：:]{0,40}?\s*本文(?:关键词|简介|内容)[:：]/u;
/**
 * A gambling site's name a hacked page put in place of the school's (半岛在线登录官网,半岛(中国), 163银河网站登录,
 * 569vip威尼斯游戏): a casino brand with its login or site words, or a number+vip brand, so that a report's own
 * 网站登录学习 is never taken for one.
 */
const INSERTED_SPAM = /\d{2,4}vip[\u4e00-\u9fff]{2,6}?(?:游戏|娱乐|棋牌|彩票|官网)|(?:\d{2,4})?(?:半岛|银河|澳门|葡京|威尼斯人|皇冠|金沙|永利|太阳城|开云|乐鱼|必威|亚博|博彩)[^\s，,。；;：:《》“”()（）]{0,6}(?:登录官网|网址大全|网站登录|官方网站|平台网址\d{0,4})(?:[,，][^\s，,。；;《》“”]{1,6}[(（]中国[)）])?/g;

export function findLeftovers(p: PreparedText): LeftoverResult {
  const text = p.simplified;
  const lines = splitLines(text);
  const flags: Flag[] = [];
  const spans: Span[] = [];
  let incomplete = false;
  const add = (f: Flag): void => {
    flags.push(f);
    spans.push({ start: f.start!, end: f.end! });
  };

  for (const re of MARKERS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      add({ kind: 'template_marker', message: `文中有网页或文档网站留下的标记“${m[0].slice(0, 30)}”，疑为从网上下载的范文`, start: m.index, end: m.index + m[0].length });
    }
  }

  // A page's furniture inside the lines: a stray tag, a PDF's or a page's counter (第1页共6页, (第2/2页)) wherever a
  // flattened page left it, a paper's dateline, a news byline, a hacked page's inserted ad.
  const inline: Array<[RegExp, (found: string) => string]> = [
    [HTML_TAG, (found) => `文中有网页留下的标签“${found.slice(0, 30)}”，疑为从网页复制`],
    [PAGE_COUNTER, (found) => `“${found}”是网页或文档的页码，疑为从网上复制`],
    [DATELINE, (found) => `“${found.trim()}”是报刊的电头，疑为从新闻网页复制`],
    [BYLINE, (found) => `“${found}”是新闻网页的署名，疑为从网页复制`],
    [INSERTED_SPAM, (found) => `“${found}”是网页被植入的广告文字`],
    [SITE_MARK, (found) => `“${found}”是网站加入正文的标记，疑为从网页复制`],
  ];
  for (const [re, message] of inline) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) add({ kind: 'site_chrome', message: message(m[0]), start: m.index, end: m.index + m[0].length });
  }

  let outlineEnd = -1;
  let prose = false;
  lines.forEach((line, i) => {
    if (line.start < outlineEnd) return;
    // Glosses inside words (版權(quán)說明) would hide the words the rules look for.
    const t = p.glosses.length === 0 ? line.text : withoutGlosses(line.text);
    if (OUTLINE_START.test(t)) {
      // The site's outline of the text runs to the next line of dots.
      const close = lines.findIndex((l, j) => j > i && DOTS_LINE.test(l.text));
      const last = close > 0 ? lines[close]! : line;
      outlineEnd = last.end;
      add(lineFlag('site_chrome', '文首有网站生成的“目录/提纲”，疑为从范文网站复制', { start: line.start, end: last.end }));
      return;
    }
    if (RELATED_HEAD.test(t)) {
      // 相关推荐： and the titles of the other pages it lists, up to the first line of prose.
      let last = i;
      // A report's own heading (一、积极参创…) ends the list.
      const isItem = (l: Line): boolean => l.text.length <= T.relatedItemMaxChars && !/。/.test(l.text) && !NOTICES.test(l.text) && !TOP_HEADING.test(l.text);
      while (last + 1 < lines.length && last - i < RELATED_MAX_ITEMS && isItem(lines[last + 1]!)) last++;
      outlineEnd = lines[last]!.end;
      add(lineFlag('site_chrome', `“${quote(t)}”及其下所列是网页推荐的其他文章，疑为从网页复制`, { start: line.start, end: lines[last]!.end }));
      return;
    }
    if (INCOMPLETE.test(t)) incomplete = true;
    // 导语：…一文来源于网友上传…欢迎参考。: the editor's paragraph, whatever notice it holds.
    if (LEAD_IN_LABEL.test(t) && isLeadIn(t)) {
      add(lineFlag('editor_lead_in', `“${quote(t)}”是范文网站编辑的导语，疑为从范文网站复制`, line));
      return;
    }
    if (isNoticeLine(t)) {
      add(lineFlag('download_notice', `文中有上传下载、登录或版权提示“${quote(t)}”，疑为从网上下载的范文`, line));
      return;
    }
    if (isChromeLine(t) || SITE_SUMMARY.test(t)) {
      add(lineFlag('site_chrome', `“${quote(t)}”是网页的标题、栏目或发布信息，疑为从网页复制`, line));
      return;
    }
    if (isCollectionTitle(t)) {
      add(lineFlag('collection_marker', `“${quote(t)}”是范文网站的合集标题，疑为从范文合集复制`, line));
      return;
    }
    // A collection's title that a flattened page ran into the text: the title alone.
    const titled = COLLECTION_TITLE_START.exec(t);
    if (titled) add(lineFlag('collection_marker', `“${quote(titled[0])}”是范文网站的合集标题，疑为从范文合集复制`, { start: line.start, end: line.start + titled[0].length }));
    const paged = CHROME_LINE_START.exec(t);
    if (paged) {
      const at = paged[0].length - paged[0].trimStart().length;
      add(lineFlag('site_chrome', `“${quote(paged[0].trim())}”是网页的标题，疑为从范文网站复制`, { start: line.start + at, end: line.start + paged[0].length }));
    }
    WORD_COUNT.lastIndex = 0;
    for (let m = WORD_COUNT.exec(t); m; m = WORD_COUNT.exec(t)) {
      add({ kind: 'site_chrome', message: `“${m[0]}”是网页标注的字数，疑为从范文网站复制`, start: line.start + m.index, end: line.start + m.index + m[0].length });
    }
    const code = !prose ? CATALOGUE_CODE.exec(t) : null;
    if (code) add({ kind: 'site_chrome', message: `“${code[0]}”是网站的栏目编号，疑为从网页复制`, start: line.start, end: line.start + code[0].length });
    PIECE_NUMBER.lastIndex = 0;
    for (let m = PIECE_NUMBER.exec(t); m; m = PIECE_NUMBER.exec(t)) {
      add({ kind: 'collection_marker', message: `“${m[0]}”是范文合集里一篇的编号，疑为从范文合集复制`, start: line.start + m.index, end: line.start + m.index + m[0].length });
    }
    if (isLeadIn(t)) {
      // 本文具有广泛通用性，欢迎…参考借鉴。 2021年以来，XX镇…: a lead-in run into the report on one line ends
      // with its last cued sentence.
      const cued = leadInEnd(t);
      const span = cued !== null && t.length - cued >= LEAD_IN_TAIL ? { start: line.start, end: line.start + cued } : line;
      add(lineFlag('editor_lead_in', `“${quote(text.slice(span.start, span.end).trim())}”是范文网站编辑的导语，疑为从范文网站复制`, span));
      if (span === line) return;
    }
    // A short site name right before page furniture at the top of the page (博文谷 / 位置:首页 > …).
    const next = lines[i + 1];
    if (!prose && next && SITE_NAME_LINE.test(t) && !DOCUMENT_WORDS.test(t) && isChromeLine(next.text)) {
      add(lineFlag('site_chrome', `“${quote(t)}”疑为网站名称，疑为从网页复制`, line));
      return;
    }
    if (t.length >= 40 && SENTENCE_PUNCTUATION.test(t)) prose = true;
    if (t.length > T.noticeLineMaxChars) {
      // Notices inside a long flattened line: flag the notice itself.
      NOTICES_G.lastIndex = 0;
      for (let m = NOTICES_G.exec(t); m; m = NOTICES_G.exec(t)) {
        add({ kind: 'download_notice', message: `文中有上传下载、登录或版权提示“${m[0]}”，疑为从网上下载的范文`, start: line.start + m.index, end: line.start + m.index + m[0].length });
      }
    }
    if (t.length > T.leadInMaxChars && STRONG_LEAD_IN.test(t)) {
      // A lead-in run into the text of a flattened page: the sentences with a strong cue.
      SENTENCE.lastIndex = 0;
      for (let m = SENTENCE.exec(t); m && m[0].length > 0; m = SENTENCE.exec(t)) {
        if (m[0].length <= T.leadInMaxChars && STRONG_LEAD_IN.test(m[0])) {
          add({ kind: 'editor_lead_in', message: `“${quote(m[0].trim())}”是范文网站编辑的导语，疑为从范文网站复制`, start: line.start + m.index, end: line.start + m.index + m[0].length });
        }
      }
    }
  });

  for (const s of chunkNumbers(lines)) add(lineFlag('site_chrome', `行首的“${text.slice(s.start, s.end)}”是文档网站分段预览的编号，疑为从文档网站复制`, s));
  for (const s of repeatedCrumbs(lines, spans)) add(lineFlag('site_chrome', `“${quote(text.slice(s.start, s.end))}”是网页的栏目名称，疑为从网页复制`, s));
  for (const s of captionRuns(lines)) add(lineFlag('site_chrome', `“${quote(text.slice(s.start, s.end))}”是新闻网页的图片说明，疑为从网页复制`, s));
  for (const s of keywordBlocks(lines)) add(lineFlag('site_chrome', `“${quote(text.slice(s.start, s.end))}”是文档网站的关键词标签，疑为从文档网站复制`, s));

  for (const re of COLLECTION_MARKERS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      // 【篇二】: the bracket before the marker belongs to it.
      const s = { start: text[m.index - 1] === '【' ? m.index - 1 : m.index, end: m.index + m[0].length };
      if (spans.some((x) => x.start <= s.start && s.end <= x.end)) continue;
      add({ kind: 'collection_marker', message: `“${m[0]}”是范文合集中的篇目标记，疑为从范文合集复制`, ...s });
    }
  }

  // 总结一上半年，…: a piece marker at a line start, in a text that is already a collection.
  if (flags.some((f) => f.kind === 'editor_lead_in' || f.kind === 'collection_marker')) {
    for (const line of lines) {
      const m = COLLECTION_LINE_MARKER.exec(line.text);
      const s = m && { start: line.start, end: line.start + m[0].length };
      if (s && !spans.some((x) => x.start < s.end && s.start < x.end)) add({ kind: 'collection_marker', message: `“${m[0]}”是范文合集中的篇目标记，疑为从范文合集复制`, ...s });
    }
  }

  TRUNCATIONS.lastIndex = 0;
  for (let m = TRUNCATIONS.exec(text); m; m = TRUNCATIONS.exec(text)) {
    // A line of dots closing a site's outline is the outline's.
    const at = m.index;
    if (/^[\s…。.]+$/.test(m[0]) && spans.some((x) => x.start <= at && at < x.end)) continue;
    incomplete = true;
    const s = growTruncation(text, m.index, m.index + m[0].length);
    add({ kind: 'truncation', message: `文中有“${m[0]}”，原文在此被网站截断，内容不完整`, ...s });
  }

  // 解决工作中遇到的问题......↵预览结束，免费获取全文…: dots closing a line of the text mid-sentence before a site's
  // notice, or with nothing but page furniture after them, are where the preview was cut (no report ends on dots).
  const furniture = (l: Line) => spans.some((x) => x.start <= l.start && l.end <= x.end);
  for (const [i, line] of lines.entries()) {
    const dots = /(?:\.{3,}|…+)$/.exec(line.text);
    const next = lines[i + 1];
    const beforeNotice = next !== undefined && flags.some((f) => f.kind === 'download_notice' && f.start! >= next.start && f.start! < next.end);
    const midSentence = dots !== null && /[\u4e00-\u9fff，,、]/.test(line.text[dots.index - 1] ?? '');
    if (!dots || !(beforeNotice || (midSentence && !furniture(line) && lines.slice(i + 1).every(furniture)))) continue;
    const at = line.start + dots.index;
    if (spans.some((x) => x.start <= at && line.end <= x.end)) continue;
    incomplete = true;
    const after = beforeNotice ? '其后是网站的提示' : '正文到此为止';
    add({ kind: 'truncation', message: `文中有“${dots[0]}”，${after}，原文在此被网站截断，内容不完整`, start: at, end: line.end });
  }

  // Pinyin glosses, one flag per line that has them.
  let i = 0;
  while (i < p.glosses.length) {
    const first = p.glosses[i]!;
    const lineEnd = text.indexOf('\n', first.start) < 0 ? text.length : text.indexOf('\n', first.start);
    let j = i;
    while (j + 1 < p.glosses.length && p.glosses[j + 1]!.start < lineEnd) j++;
    const last = p.glosses[j]!;
    const n = j - i + 1;
    flags.push({ kind: 'pinyin_gloss', message: `此处词中夹有${n}处拼音注音（如“${text.slice(first.start - 1, first.end)}”），为网页转换字体时留下，疑为从网页复制`, start: first.start, end: last.end });
    i = j + 1;
  }

  return { flags: flags.sort((a, b) => a.start! - b.start!), spans: spans.sort((a, b) => a.start - b.start), incomplete };
}
