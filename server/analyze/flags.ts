// Warning flags for the reviewer, each with offsets (when it points at a place) and a plain Chinese message.
// The kinds are listed with their meanings in FLAGS.md.
import type { Figure, Flag, Placeholder, ProblemStatement, Section, Span } from '../../shared/types.js';
import { alternation, vocab } from './vocab.js';
import { parseChineseNumber, spanAt, type Line } from './text.js';
import { foreignNameFlags } from './places.js';
import { LEFTOVER_FLAG_KINDS } from './leftovers.js';

export const FLAG_KINDS = [
  ...LEFTOVER_FLAG_KINDS,
  'placeholder_bulk',
  'hard_linebreak',
  'stray_punctuation',
  'stale_reference',
  'missing_problems',
  'foreign_name',
  'implausible_figure',
] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

const STALE = vocab.stale.rules.map((r) => ({ ...r, re: new RegExp(r.pattern, 'gu') }));
const STRAY = /[。，；、：][。，；、]|，，/g;
const CJK = /[\u4e00-\u9fff]/;
const HEADING_START = /^(?:[一二三四五六七八九十]{1,2}是|[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]|第[一二三四五六七八九十]+部分|[①-⑳])/;
const RATE_WORDS = vocab.figures.implausible.rateWords;
const MEETING_CATEGORIES = new Set(vocab.figures.implausible.meetingCategories);
const VERBAL = new Set(vocab.figures.verbalMeasures);

function flag(kind: FlagKind, message: string, start: number | null = null, end: number | null = null): Flag {
  return { kind, message, start, end };
}

function scan(res: readonly RegExp[], text: string, make: (m: RegExpExecArray) => Flag): Flag[] {
  const out: Flag[] = [];
  for (const re of res) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) out.push(make(m));
  }
  return out;
}

/** A line broken inside a sentence (宣传重\n点): a long prose line ending on a character, continued on the next line. */
function hardLinebreaks(text: string, lines: readonly Line[]): Flag[] {
  const out: Flag[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1]!;
    if (line.text.length < 40 || !/[，。]/.test(line.text) || !CJK.test(line.text[line.text.length - 1]!)) continue;
    if (text.slice(line.end, next.start).split('\n').length !== 2) continue;
    if (HEADING_START.test(next.text) || !(CJK.test(next.text[0]!) || /^[，。、；]/.test(next.text))) continue;
    const a = line.text.slice(-2);
    const b = next.text.slice(0, 2);
    out.push(flag('hard_linebreak', `“${a}↵${b}”处在词句中间换行，疑为从PDF等处复制后未整理`, line.end - 2, next.start + 2));
  }
  return out;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, k: string) => (values[k] !== undefined ? String(values[k]) : all));
}

const RETROSPECTIVE = new RegExp(alternation(vocab.stale.retrospective));

function staleReferences(text: string, sentences: readonly Span[], year: number | null): Flag[] {
  if (year === null) return [];
  const out: Flag[] = [];
  for (const rule of STALE) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      let from = rule.from;
      let to = rule.to;
      let expected: number | null = null;
      if (rule.anniversaryOf !== undefined) {
        const n = m[1] === undefined ? null : /^\d+$/.test(m[1]) ? Number(m[1]) : parseChineseNumber(m[1]);
        if (n === null) continue;
        expected = rule.anniversaryOf + n;
        from = expected - 1;
        to = expected + 1;
      }
      if ((from === undefined || year >= from) && (to === undefined || year <= to)) continue;
      const sentence = spanAt(sentences, m.index);
      if (sentence && RETROSPECTIVE.test(text.slice(sentence.start, sentence.end))) continue;
      out.push(flag('stale_reference', fill(rule.message, { match: m[0], year, expected: expected ?? '' }), m.index, m.index + m[0].length));
    }
  }
  return out;
}

function implausibleFigures(figures: readonly Figure[]): Flag[] {
  const out: Flag[] = [];
  for (const f of figures) {
    if (f.value === null) continue;
    if (f.unit === '%' && f.value > 100 && RATE_WORDS.some((w) => f.activity.includes(w))) {
      out.push(flag('implausible_figure', `“${f.activity}”为${f.value}%，超过100%`, f.start, f.end));
    } else if (VERBAL.has(f.unit) && f.category !== null && MEETING_CATEGORIES.has(f.category) && f.value >= vocab.figures.implausible.maxMeetingCount) {
      out.push(flag('implausible_figure', `“${f.activity}”${f.value}${f.unit}，对一个单位而言次数过多，请核实`, f.start, f.end));
    }
  }
  return out;
}

export interface FlagInput {
  text: string;
  lines: readonly Line[];
  sentences: readonly Span[];
  sections: readonly Section[];
  problems: readonly ProblemStatement[];
  figures: readonly Figure[];
  placeholders: readonly Placeholder[];
  density: number;
  year: number | null;
  unit: string | null;
  /** The text says it is cut (a truncation mark, a login notice): no flag about what it lacks. */
  incomplete: boolean;
}

export function findFlags(input: FlagInput): Flag[] {
  const { text, placeholders } = input;
  const flags: Flag[] = scan([STRAY], text, (m) => flag('stray_punctuation', `标点“${m[0]}”重叠，疑为删改他人材料后的残留`, m.index, m.index + m[0].length));
  const { bulkCount, bulkDensity } = vocab.placeholders;
  if (placeholders.length >= bulkCount || (placeholders.length >= 2 && input.density >= bulkDensity)) {
    const sample = [...new Set(placeholders.map((p) => p.text))].slice(0, 5).join('、');
    const first = placeholders[0]!;
    flags.push(
      flag(
        'placeholder_bulk',
        `全文有${placeholders.length}处占位符（如${sample}），每千字${input.density}处，疑为未填写完整的模板`,
        first.start,
        first.end,
      ),
    );
  }
  flags.push(...hardLinebreaks(text, input.lines));
  flags.push(...staleReferences(text, input.sentences, input.year));
  if (!input.incomplete && !input.sections.some((s) => s.kind === 'problems')) {
    flags.push(
      flag(
        'missing_problems',
        input.problems.length === 0
          ? '报告没有“存在的问题”部分，也未查摆任何问题，疑为报喜不报忧'
          : `报告没有单列“存在的问题”部分，仅在正文中提到${input.problems.length}处问题`,
      ),
    );
  }
  flags.push(...foreignNameFlags(text, input.unit));
  flags.push(...implausibleFigures(input.figures));
  return flags.sort((a, b) => (a.start ?? -1) - (b.start ?? -1));
}
