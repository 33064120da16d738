// Domain types shared by server and client. Every finding is a span (start..end, UTF-16 code units)
// into the report's stored text; nothing keeps its own copy of a sentence.

export const PERIODS = ['annual', 'H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4'] as const;
export type Period = (typeof PERIODS)[number];

export const PERIOD_LABELS: Record<Period, string> = {
  annual: '全年',
  H1: '上半年',
  H2: '下半年',
  Q1: '第一季度',
  Q2: '第二季度',
  Q3: '第三季度',
  Q4: '第四季度',
};

export const SECTION_KINDS = ['preamble', 'achievements', 'problems', 'plans', 'suggestions', 'other'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export const SECTION_KIND_LABELS: Record<SectionKind, string> = {
  preamble: '前言',
  achievements: '工作成效',
  problems: '存在问题',
  plans: '下一步打算',
  suggestions: '意见建议',
  other: '其他',
};

export interface Span {
  start: number;
  end: number;
}

export interface ReportMeta {
  title: string | null;
  unit: string | null;
  department: string | null;
  year: number | null;
  period: Period | null;
}

export interface Section extends Span {
  level: 1 | 2 | 3;
  /** The numbering as written: 一、 （一） 1. ① 第一部分 …; '' for the preamble. */
  marker: string;
  heading: string;
  kind: SectionKind;
  /** End of the heading text (the body follows); equals start for the preamble. */
  headingEnd: number;
}

export interface ProblemStatement extends Span {
  text: string;
  theme: string | null;
}

export interface Figure extends Span {
  /** The verb-object phrase the figure counts: 专题学习, 主题党日, 党员大会. */
  activity: string;
  category: string | null;
  value: number | null;
  /** Measure word or unit: 次, 场, 篇, 人次, 条, %, 元 … */
  unit: string;
  approx: boolean;
  placeholder: boolean;
  /** The sentence the figure came from. */
  sentence: Span;
}

export interface Placeholder extends Span {
  text: string;
  kind: string;
}

export const MASK_KINDS = ['name', 'term'] as const;
/** name: a person's name hidden (***总书记, 习***, AAA); term: a political word hidden (X委/X的 for 党, ZZ for 政治). */
export type MaskKind = (typeof MASK_KINDS)[number];

/** A name or political word hidden on purpose by whoever published the text: not a blank left unfilled. */
export interface Mask extends Span {
  text: string;
  kind: MaskKind;
}

export interface Flag {
  kind: string;
  message: string;
  start: number | null;
  end: number | null;
}

export interface Analysis {
  meta: ReportMeta;
  sections: Section[];
  problems: ProblemStatement[];
  figures: Figure[];
  placeholders: Placeholder[];
  /** Placeholders per 1,000 non-whitespace characters. */
  placeholderDensity: number;
  /** Deliberate masking (kept apart from the placeholders: it is not a template left unfilled). */
  masks: Mask[];
  flags: Flag[];
}

export const REUSE_KINDS = ['stock', 'copied', 'self'] as const;
export type ReuseKind = (typeof REUSE_KINDS)[number];

export const REUSE_KIND_LABELS: Record<ReuseKind, string> = {
  stock: '套话',
  copied: '抄袭他单位',
  self: '自我重复',
};

export interface ReuseSource extends Span {
  id: string;
  unit: string;
  year: number | null;
}

export interface ReuseSpan extends Span {
  kind: ReuseKind;
  sources: ReuseSource[];
}

export interface ReuseRates {
  reuse: number;
  stock: number;
  copied: number;
  self: number;
}

/** One line of `yanpan reuse` (../shared/CONTRACT.md): a report's reused passages and their shares. */
export interface ReportReuse {
  /** The report's id, as a string. */
  id: string;
  file: string | null;
  unit: string;
  department: string | null;
  year: number | null;
  period: Period | null;
  /** Non-whitespace characters of the text. */
  chars: number;
  rates: ReuseRates;
  spans: ReuseSpan[];
}
