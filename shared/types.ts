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

/** Where a report's unit, year or period was taken from (`meta_source` in ../shared/CONTRACT.md). */
export const META_SOURCES = ['option', 'manifest', 'registry', 'file', 'title', 'text'] as const;
export type MetaSource = (typeof META_SOURCES)[number];

/** The place of a submission that named its unit, year or period. */
export const META_RULES = [
  'submitted-by',
  'title',
  'page-title',
  'header',
  'signature',
  'intro',
  'opening',
  'self-reference',
  'own-document',
  'source-line',
  'own-place',
  'visited',
  'body',
  'date-line',
  'date-line-january',
  'title-year',
  'only-year',
  'file-name',
] as const;
export type MetaRule = (typeof META_RULES)[number];

export const META_RULE_LABELS: Record<MetaRule, string> = {
  'submitted-by': '“报送单位”栏',
  title: '标题',
  'page-title': '范文网站的标题（正文另有单位时以正文为准）',
  header: '文首署名行',
  signature: '文末落款',
  intro: '“现将……报告如下”句',
  opening: '正文开头',
  'self-reference': '正文中单位自称',
  'own-document': '正文中本单位制定的文件名',
  'source-line': '网页“来源”栏的本地政府（正文自称“我区”“我县”等）',
  'own-place': '正文自称“我镇”“我县”“我校”等，且只提到一个该级地名或一所学校',
  visited: '新闻导语中被调研、督导的单位',
  body: '正文多处提及',
  'date-line': '成文日期',
  'date-line-january': '成文日期在1月，视为上一年度的报告',
  'title-year': '标题只写年份的总结或工作要点，视为全年',
  'only-year': '全文只提到这一个年份',
  'file-name': '文件名',
};

/** A unit name a submission gives, where it gives it (no span when it stands in the file name). */
export interface UnitMention {
  /** The unit as named: without 中共, a placeholder place (XX市) or its party body (党组). */
  name: string;
  /** Under which spellings of one unit meet (see server/analyze/units.ts). */
  key: string;
  rule: MetaRule;
  span: Span | null;
  /** How surely the place names the submitter (0..1). */
  weight: number;
}

export interface MetaFinding<T> {
  value: T;
  rule: MetaRule;
  span: Span | null;
}

/** What a submission says of its own unit, year and period, and where: the grounds of its metadata. */
export interface MetaEvidence {
  /** Best first. */
  units: UnitMention[];
  year: MetaFinding<number> | null;
  period: MetaFinding<Period> | null;
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
  /** Where the text and the file name name the unit, year and period. */
  metaEvidence: MetaEvidence;
}

/**
 * Kinds of reused text (../shared/CONTRACT.md). Direction: of two units' reports sharing a passage, the one
 * of the earlier reporting period is the original, the later one `copied` it; same period: `shared`.
 * `original` counts in no rate: the unit that wrote it is not the copier.
 */
export const REUSE_KINDS = ['stock', 'copied', 'shared', 'self', 'template', 'original'] as const;
export type ReuseKind = (typeof REUSE_KINDS)[number];
/** The kinds a report's reuse rate is the sum of. */
export const RATE_KINDS = ['stock', 'copied', 'shared', 'self', 'template'] as const;
export type RateKind = (typeof RATE_KINDS)[number];

export const REUSE_KIND_LABELS: Record<ReuseKind, string> = {
  stock: '套话',
  copied: '抄自他单位',
  shared: '同期雷同',
  self: '自我重复',
  template: '套用范文库',
  original: '被他单位抄用',
};

/** A template (范文库 entry) is a model essay from a template site or a superior's document units quote. */
export const TEMPLATE_KINDS = ['model', 'directive'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
export const TEMPLATE_KIND_LABELS: Record<TemplateKind, string> = { model: '范文', directive: '上级文件' };
/** What a template span means to a reader, by the kind of template it came from. */
export const TEMPLATE_USE_LABELS: Record<TemplateKind, string> = { model: '套用范文', directive: '引用上级文件' };

/** Another report holding the passage. */
export interface ReuseSource extends Span {
  id: string;
  unit: string;
  year: number | null;
  period: Period | null;
}

/** The template a `template` span was taken from (`kind` extends the contract's fields). */
export interface TemplateSource extends Span {
  template: string;
  title: string;
  kind: TemplateKind;
}

export type ReuseSpan =
  | (Span & { kind: Exclude<ReuseKind, 'template'>; sources: ReuseSource[] })
  | (Span & { kind: 'template'; sources: TemplateSource[] });

export interface ReuseRates {
  reuse: number;
  stock: number;
  copied: number;
  shared: number;
  self: number;
  template: number;
}

/** The shares the dashboard shows: the contract's rates, with template split into 范文 and 上级文件. */
export interface ReuseShares extends ReuseRates {
  /** Taken from model essays (范文). */
  model: number;
  /** Quoted from superiors' documents (上级文件). */
  directive: number;
}

/** The kinds of reused text the dashboard shows, in the order a committee reads them. */
export const SHARE_KINDS = ['copied', 'shared', 'model', 'directive', 'self', 'stock'] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];
export const SHARE_LABELS: Record<ShareKind, string> = {
  copied: REUSE_KIND_LABELS.copied,
  shared: REUSE_KIND_LABELS.shared,
  model: TEMPLATE_USE_LABELS.model,
  directive: TEMPLATE_USE_LABELS.directive,
  self: REUSE_KIND_LABELS.self,
  stock: REUSE_KIND_LABELS.stock,
};

/** How another report sharing passages stands to a report: its source, a later report that took from it, the same period, the unit's own. */
export type CounterpartRole = 'source' | 'copier' | 'shared' | 'own-earlier' | 'own-later';

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
