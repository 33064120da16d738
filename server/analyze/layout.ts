// The layout a page flattened or padded: headings run into one long line when a page dropped the paragraph
// breaks (…工作。二、存在的问题 一是…, 如下一、加强组织领导…), and outlines a page put before the text (a run of
// bare headings that the text repeats). Lines are re-split at run-in headings so that the section finder sees
// each heading at the start of a line; an outline's lines are left out.
import type { Span } from '../../shared/types.js';
import { inAnySpan, type Line } from './text.js';

type MarkerStyle = 'part' | 'cn' | 'paren-cn' | 'num' | 'paren-num';
const RANK: Record<MarkerStyle, number> = { part: 0, cn: 1, 'paren-cn': 2, num: 3, 'paren-num': 4 };

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function cnValue(s: string): number {
  if (s.length === 1) return CN_DIGITS[s] ?? 0;
  if (s.startsWith('十')) return 10 + (CN_DIGITS[s[1]!] ?? 0);
  return (CN_DIGITS[s[0]!] ?? 0) * 10 + (s.length > 2 ? (CN_DIGITS[s[2]!] ?? 0) : 0);
}

// Each alternative starts with a character class (the scan skips most positions quickly); what may stand
// before a marker is checked in code (NOT_BEFORE).
const MARKER = /第(?<part>[一二三四五六七八九十]{1,3})部分|(?<cn>[一二三四五六七八九十]{1,3})、(?![一二三四五六七八九十])|[（(] ?(?<pcn>[一二三四五六七八九十]{1,3}) ?[）)]|(?<num>\d{1,2})(?:、|[.．](?!\d))(?!\d)|[（(] ?(?<pnum>\d{1,2}) ?[）)]/g;
/** The same markers, for looking ahead on a line while MARKER scans it. */
const MARKER_AFTER = new RegExp(MARKER.source, 'g');
/** 第一、二季度, 十一、: no marker after another numeral or 第; 1.5, 2023.1: none after a digit or a point. */
const NOT_BEFORE: Partial<Record<string, RegExp>> = { cn: /[一二三四五六七八九十第]$/, num: /[\d.．]$/ };
const FOLLOWED = /^(?:[\u3400-\u9fff“"《#Xx*]|\d{4}\s?年)/;
// Not ；: items after a semicolon are an enumeration inside one sentence.
const SENTENCE_END = /[。！？!?：:]$/;
/** A heading run into its section's text: a short phrase closed by a full stop, sentences after it. */
const RUN_IN_HEADING = /^[^。！？!?；;，,、：:]{4,30}[。！？!?][^。！？!?]{8,}/;
/** A page that dropped its paragraph breaks: lines this long may hold run-in headings after a full stop. */
const FLATTENED_LINE = 120;
/** …and a document whose lines are this long on average has lost its paragraph breaks altogether. */
const FLATTENED_DOCUMENT = 150;
/** A heading runs into its first subheading within this many characters (体系建设1.完善了设施). */
const RUN_INTO = 40;
const MIN_OUTLINE = 4;
/** An outline on top that the text does not repeat (cut before its body) needs more lines, and a title after it. */
const MIN_TITLED_OUTLINE = 6;
const OUTLINE_TITLE = /^[^。；;，,]{4,40}(?:总结|报告|汇报|要点|计划|方案|意见|规划)$/;

interface Marker {
  style: MarkerStyle;
  n: number;
  at: number;
}

function markerAt(m: RegExpExecArray): Marker {
  const g = m.groups!;
  if (g.part) return { style: 'part', n: cnValue(g.part), at: m.index };
  if (g.cn) return { style: 'cn', n: cnValue(g.cn), at: m.index };
  if (g.pcn) return { style: 'paren-cn', n: cnValue(g.pcn), at: m.index };
  if (g.num) return { style: 'num', n: Number(g.num), at: m.index };
  return { style: 'paren-num', n: Number(g.pnum), at: m.index };
}


/** Numbering state through the document: a marker continues its style's count or restarts it at 1. */
class Numbering {
  private last = new Map<MarkerStyle, number>();
  fits(m: Marker): boolean {
    const last = this.last.get(m.style) ?? 0;
    // A top-level number may be lost to page damage (二、 at the end of a broken line): one gap is allowed.
    return m.n === 1 || m.n === last + 1 || (RANK[m.style] <= RANK.cn && m.n === last + 2);
  }
  take(m: Marker): void {
    // Lower levels may restart at 1 under each heading or run on through the document (1、2、 … 3、).
    this.last.set(m.style, m.n);
  }
}

/** An item's text from `from` up to the next marker of its style on the line (or the line's end). */
function itemText(line: string, from: number, style: MarkerStyle): string {
  MARKER_AFTER.lastIndex = from;
  for (let m = MARKER_AFTER.exec(line); m; m = MARKER_AFTER.exec(line)) {
    if (markerAt(m).style === style) return line.slice(from, m.index);
  }
  return line.slice(from);
}

function lineOf(text: string, start: number, end: number): Line | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end, text: text.slice(start, end) } : null;
}

/**
 * Lines with run-in headings split off: a marker that continues the document's numbering (or starts one) and
 * stands after a full stop or a colon on a flattened line, after spaces, after 如下, or right after a heading
 * it belongs under (一、…体系建设（一）…). Markers inside `skip` (leftovers) are ignored.
 */
export function splitRunInHeadings(text: string, lines: readonly Line[], skip: readonly Span[]): Line[] {
  const numbering = new Numbering();
  const chars = lines.reduce((n, l) => n + l.text.length, 0);
  const flattenedDocument = lines.length > 0 && chars / lines.length >= FLATTENED_DOCUMENT;
  const out: Line[] = [];
  for (const line of lines) {
    const cuts: number[] = [];
    let lastCut = -1;
    // A top-level heading (一、) on this line, at its start or split off: the line is a page without breaks.
    let topOnLine = false;
    MARKER.lastIndex = 0;
    for (let m = MARKER.exec(line.text); m; m = MARKER.exec(line.text)) {
      const marker = markerAt(m);
      if (NOT_BEFORE[marker.style]?.test(line.text.slice(Math.max(0, m.index - 1), m.index))) continue;
      const pos = line.start + m.index;
      if (!FOLLOWED.test(line.text.slice(m.index + m[0].length)) || inAnySpan(skip, pos)) continue;
      if (m.index === 0) {
        if (numbering.fits(marker) || marker.style === 'cn' || marker.style === 'part') numbering.take(marker);
        lastCut = 0;
        topOnLine = marker.style === 'cn' || marker.style === 'part';
        continue;
      }
      if (!numbering.fits(marker)) continue;
      const before = line.text.slice(0, m.index);
      // …情况;(二)上级领导视察…情况;(三)…: items of a list inside a sentence, each closed by a semicolon. Not an
      // item that opens on a short heading closed by a full stop ((一)层层落实意识形态责任。狠抓…;(二)…).
      const item = itemText(line.text, m.index + m[0].length, marker.style);
      const listItem = !RUN_IN_HEADING.test(item) && (/[；;，,、]$/.test(before) || /[；;]\s*$/.test(item));
      if (listItem && marker.style !== 'cn' && marker.style !== 'part') continue;
      const flattened = flattenedDocument || line.text.length >= FLATTENED_LINE;
      // After spaces, or right after a leftover (…篇1一、民族工作): a new paragraph on a page that lost its breaks.
      const afterSpace = /\s$/.test(before) || inAnySpan(skip, pos - 1);
      const stop = SENTENCE_END.test(before);
      // …汇报如下一、… / …工作总结报告一、…: a title or lead-in run into the first heading.
      const afterLeadIn = /(?:如下|报告|总结|汇报|材料)$/.test(before);
      let fits: boolean;
      if (marker.style === 'cn' || marker.style === 'part') fits = afterSpace || afterLeadIn || (stop && (flattened || marker.n === 1));
      // （一）（二）… on a page that lost its breaks: parenthesised numerals that continue the numbering.
      else if (marker.style === 'paren-cn' || marker.style === 'paren-num') {
        const longLine = line.text.length >= FLATTENED_LINE;
        // …or on a long line that a top-level heading ran into.
        fits = afterSpace || afterLeadIn || (flattenedDocument && (stop || longLine)) || (topOnLine && longLine);
      }
      // 一、…体系建设1.完善了设施: a subheading run into the heading it belongs under.
      else fits = afterSpace || (stop && flattenedDocument) || (lastCut >= 0 && m.index - lastCut <= RUN_INTO && !/[。！？!?]/.test(line.text.slice(lastCut, m.index)));
      if (!fits) continue;
      numbering.take(marker);
      cuts.push(m.index);
      lastCut = m.index;
      topOnLine ||= marker.style === 'cn' || marker.style === 'part';
    }
    if (cuts.length === 0) {
      out.push(line);
      continue;
    }
    let from = 0;
    for (const cut of [...cuts, line.text.length]) {
      const piece = lineOf(text, line.start + from, line.start + cut);
      if (piece) out.push(piece);
      from = cut;
    }
  }
  return out;
}

/**
 * Lines that form an outline of the text put before it by a page (or a table of contents): at least four
 * consecutive short heading lines with no text between them, most of which the text repeats as headings.
 */
export function outlineLines(lines: readonly Line[], isHeading: (l: Line) => boolean): Set<Line> {
  const out = new Set<Line>();
  const bare = (l: Line): boolean => l.text.length <= 40 && !/[。！？]/.test(l.text) && isHeading(l);
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && bare(lines[j]!)) j++;
    if (j - i >= MIN_OUTLINE) {
      const run = lines.slice(i, j);
      const later = lines.slice(j).filter(isHeading).map((l) => l.text.replace(/\s/g, ''));
      const repeats = (l: Line): boolean => later.some((t) => t.startsWith(l.text.replace(/\s/g, '')));
      // The text starts where the outline does, and repeats more of it (an excerpt may stop early); or the
      // outline opens the page with the document's title right after it (a text cut before its body).
      const titled = i === 0 && j - i >= MIN_TITLED_OUTLINE && j < lines.length && OUTLINE_TITLE.test(lines[j]!.text.trim());
      if (titled || (repeats(run[0]!) && run.filter(repeats).length >= 2)) for (const l of run) out.add(l);
    }
    i = Math.max(j, i + 1);
  }
  return out;
}
