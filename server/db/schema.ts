// The database schema as Kysely sees it. Types flow from here through tRPC to the client.
// Offsets are stored as `start`/`end` (Kysely quotes identifiers, so the SQL keyword END is safe in
// SQLite and PostgreSQL alike). Booleans are 0/1 integers for the same reason.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Period, ReuseKind, SectionKind } from '../../shared/types.js';

export const UNIT_KINDS = ['registry', 'found', 'pending'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface UnitTable {
  id: Generated<number>;
  name: string;
  department: string | null;
  /** registry: in the 报送单位名录; found: named by a submission or manifest; pending: holds reports whose unit is unknown. */
  kind: ColumnType<UnitKind, UnitKind | undefined, UnitKind>;
  /** 市直单位, 县区, 乡镇 … as the registry says. */
  level: ColumnType<string | null, string | null | undefined, string | null>;
  /** The periods the unit must report, ';'-separated (annual;H1); null: not said. */
  expected: ColumnType<string | null, string | null | undefined, string | null>;
  /** 1: a sample or demonstration unit (seed/samples), out of the findings about real units unless asked for. */
  sample: Generated<number>;
}

/** Short and former names of registry units. */
export interface UnitAliasTable {
  alias: string;
  unit_id: number;
}

/** Where a report's unit, year and period were taken from (MetaSource, MetaRule) and the span that named them. */
export interface ReportMetaTable {
  report_id: number;
  unit_source: string | null;
  unit_rule: string | null;
  unit_start: number | null;
  unit_end: number | null;
  year_source: string | null;
  year_rule: string | null;
  year_start: number | null;
  year_end: number | null;
  period_source: string | null;
  period_rule: string | null;
  period_start: number | null;
  period_end: number | null;
  /** The stored report of the same unit and period this one mostly repeats (a likely corrected version). */
  resubmission_of: number | null;
  /** The share of that report's text this one repeats. */
  resubmission_share: number | null;
}

export interface ReportTable {
  id: Generated<number>;
  unit_id: number;
  year: number | null;
  period: Period | null;
  title: string | null;
  file_name: string | null;
  /** sha256 of the stored text: the same content is stored once whatever its encoding. */
  content_hash: string;
  encoding: string;
  /** Non-whitespace characters of the text. */
  chars: number;
  ingested_at: ColumnType<string, string, never>;
  /** JSON object of extra manifest columns. */
  extra: string | null;
  /** Soft deletion: when and by whom (null while the report is live). */
  deleted_at: ColumnType<string | null, string | null | undefined, string | null>;
  deleted_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** The corrected version that replaces this one (null for the current version). */
  superseded_by: ColumnType<number | null, number | null | undefined, number | null>;
  /** sha256 of the file as the unit sent it (kept under originals/); null when not kept (demo data). */
  original_sha256: ColumnType<string | null, string | null | undefined, string | null>;
  /** The file's own name (an archive entry's base name), for the download. */
  original_name: ColumnType<string | null, string | null | undefined, string | null>;
  /** 1 while the unit or year is unknown or a likely resubmission awaits a decision (待确认): out of every comparison. */
  pending: ColumnType<number, number | undefined, number>;
  /** Read from a scan by OCR (encoding "ocr"): the engine and language, e.g. "tesseract 5.3.0 chi_sim". */
  ocr_engine: ColumnType<string | null, string | null | undefined, string | null>;
  /** The OCR's mean word confidence, 0–1. */
  ocr_confidence: ColumnType<number | null, number | null | undefined, number | null>;
  /** Pages recognised by OCR. */
  ocr_pages: ColumnType<number | null, number | null | undefined, number | null>;
}

/** The stored text every finding's offsets point into (apart from the report row, which views scan). */
export interface ReportTextTable {
  report_id: number;
  text: string;
}

/** Counts of a report's findings, written at ingest. */
export interface ReportFindingsTable {
  report_id: number;
  problems: number;
  figures: number;
  placeholders: number;
  flags: number;
  /** Sections of kind 'problems' (0: the report admits no problems under a heading of its own). */
  problem_sections: number;
}

/** A report's reported activities per category (category '' when none matched), summed at ingest. */
export interface ReportActivityTable {
  report_id: number;
  category: string;
  figures: number;
  /** Sum of the reported counts (money, percentages and placeholders left out). */
  total: number;
  placeholders: number;
}

/** Every distinct word in the search index, as indexed (case folded): what a short query is matched against. */
export interface SearchTermTable {
  term: string;
}

/**
 * PostgreSQL only (SQLite keeps the words in the FTS5 table report_words): a report's jieba words as
 * tsvectors with their positions, in overlapping parts of a bounded number of words (server/search/words.ts).
 */
export interface ReportWordVectorTable {
  report_id: number;
  part: number;
  words: string;
}

/**
 * PostgreSQL only (SQLite keeps its trigram index in the FTS5 table report_trigrams): each report's text
 * line by line (ord from 1, empty lines left out), trigram-indexed for substring search.
 */
export interface ReportParagraphTable {
  report_id: number;
  ord: number;
  text: string;
}

/** A unit naming a theme in consecutive reporting periods (server/themes/recurrence.ts), over its live reports. */
export interface RecurrenceRunTable {
  id: Generated<number>;
  unit_id: number;
  theme_id: string;
  periods: number;
}

/** The reports of a recurrence run, in date order (ord). */
export interface RecurrenceReportTable {
  run_id: number;
  report_id: number;
  year: number;
  period: Period | null;
  ord: number;
}

/** Per unit, over its live reports, an activity no category matched. */
export interface UnmatchedActivityTable {
  unit_id: number;
  activity: string;
  figures: number;
  reports: number;
  first_figure_id: number;
}

/** Settings of the stored data, by key. */
export interface SettingTable {
  key: string;
  value: string;
}

export interface SectionTable {
  id: Generated<number>;
  report_id: number;
  ord: number;
  level: number;
  marker: string;
  heading: string;
  kind: SectionKind;
  start: number;
  end: number;
  heading_end: number;
}

export interface ProblemTable {
  id: Generated<number>;
  report_id: number;
  ord: number;
  start: number;
  end: number;
  theme_id: string | null;
}

export interface FigureTable {
  id: Generated<number>;
  report_id: number;
  ord: number;
  start: number;
  end: number;
  activity: string;
  category: string | null;
  value: number | null;
  unit: string;
  approx: number;
  placeholder: number;
  sentence_start: number;
  sentence_end: number;
}

export interface PlaceholderTable {
  id: Generated<number>;
  report_id: number;
  start: number;
  end: number;
  kind: string;
}

export interface FlagTable {
  id: Generated<number>;
  report_id: number;
  kind: string;
  message: string;
  start: number | null;
  end: number | null;
}

/** A report's fingerprints: [hash, start, end] int32 triples (little-endian), start/end in the stored text. */
export interface ReuseFingerprintTable {
  report_id: number;
  postings: Uint8Array;
}

/**
 * PostgreSQL only: each of a report's fingerprints as a row (the same triples as reuse_fingerprints),
 * indexed by hash, so that any server process resolves reports through the database (server/reuse/posting-rows.ts).
 */
export interface ReusePostingTable {
  hash: number;
  report_id: number;
  start: number;
  end: number;
}

export interface ReuseReportTable {
  report_id: number;
  /** 0 while the report is indexed but its passages are not yet resolved (during a batch). */
  resolved: number;
  stock_chars: number;
  /** Characters taken from other units' reports of earlier periods. */
  copied_chars: number;
  self_chars: number;
  /** Characters shared with other units' reports of the same period (direction unknown). */
  shared_chars: Generated<number>;
  /** Characters taken from the template library; directive_chars of them quoted from superiors' documents. */
  template_chars: Generated<number>;
  directive_chars: Generated<number>;
  /** Characters later reports of other units took from this one (in no rate). */
  original_chars: Generated<number>;
}

/** A passage aligned between two reports, seen from report_id (the mirror row has the other side). */
export interface ReusePassageTable {
  id: Generated<number>;
  report_id: number;
  source_id: number;
  start: number;
  end: number;
  source_start: number;
  source_end: number;
}

export interface ReuseSpanTable {
  id: Generated<number>;
  report_id: number;
  start: number;
  end: number;
  kind: ReuseKind;
}

export interface ReuseSourceTable {
  span_id: number;
  report_id: number;
  start: number;
  end: number;
}

/** Characters of report_id in copied, shared or self spans that name other_id. */
export interface ReusePairTable {
  report_id: number;
  other_id: number;
  chars: number;
  /** copied (other_id is of an earlier period) | shared (the same period) | self (the same unit) */
  kind: Generated<string>;
}

/** A reference text of the template library (范文库): it belongs to no unit. */
export interface TemplateTable {
  id: Generated<number>;
  title: string;
  /** model (范文) | directive (上级文件) */
  kind: string;
  source_url: string | null;
  file_name: string | null;
  content_hash: string;
  /** Non-whitespace characters of the text. */
  chars: number;
  text: string;
  added_at: string;
  added_by: string | null;
}

export interface ReuseTemplateFingerprintTable {
  template_id: number;
  postings: Uint8Array;
}

/** A passage aligned between a report and a template. */
export interface ReuseTemplatePassageTable {
  id: Generated<number>;
  report_id: number;
  template_id: number;
  start: number;
  end: number;
  template_start: number;
  template_end: number;
}

/** A template a `template` span was taken from, and where in the template's text. */
export interface ReuseTemplateSourceTable {
  span_id: number;
  template_id: number;
  start: number;
  end: number;
}

/** Characters of report_id in template spans naming template_id. */
export interface ReuseTemplatePairTable {
  report_id: number;
  template_id: number;
  chars: number;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  unit_id: number | null;
  disabled: Generated<number>;
  created_at: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  username: string;
  action: string;
  target: string | null;
  detail: string | null;
}

export interface ThemeTable {
  /** Stable: seed ids from shared/vocab/problem-themes.json, found themes f1, f2 … in order of discovery. */
  id: string;
  label: string;
  /** JSON array of key terms. */
  terms: string;
  origin: 'seed' | 'found' | 'reviewer';
  created_at: string;
  /** The theme that absorbed this one (a merge keeps the older id); null while the theme stands. */
  merged_into: ColumnType<string | null, string | null | undefined, string | null>;
  /** Who renamed it: the codebook then keeps its hands off the label. */
  renamed_by: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A cue phrase a reviewer added to a theme (steers future assignments). */
export interface ThemeCueTable {
  theme_id: string;
  cue: string;
  added_by: string;
  added_at: string;
}

/** A statement (by its span) a reviewer moved to a theme, or to unassigned (theme_id null). */
export interface ThemePinTable {
  report_id: number;
  start: number;
  end: number;
  theme_id: string | null;
  pinned_by: string;
  pinned_at: string;
}

export interface Database {
  units: UnitTable;
  unit_aliases: UnitAliasTable;
  report_meta: ReportMetaTable;
  reports: ReportTable;
  report_texts: ReportTextTable;
  report_activity: ReportActivityTable;
  report_findings: ReportFindingsTable;
  search_terms: SearchTermTable;
  report_word_vectors: ReportWordVectorTable;
  report_paragraphs: ReportParagraphTable;
  recurrence_runs: RecurrenceRunTable;
  recurrence_reports: RecurrenceReportTable;
  unmatched_activities: UnmatchedActivityTable;
  settings: SettingTable;
  sections: SectionTable;
  problems: ProblemTable;
  figures: FigureTable;
  placeholders: PlaceholderTable;
  flags: FlagTable;
  reuse_fingerprints: ReuseFingerprintTable;
  reuse_postings: ReusePostingTable;
  reuse_reports: ReuseReportTable;
  reuse_passages: ReusePassageTable;
  reuse_spans: ReuseSpanTable;
  reuse_sources: ReuseSourceTable;
  reuse_pairs: ReusePairTable;
  templates: TemplateTable;
  reuse_template_fingerprints: ReuseTemplateFingerprintTable;
  reuse_template_passages: ReuseTemplatePassageTable;
  reuse_template_sources: ReuseTemplateSourceTable;
  reuse_template_pairs: ReuseTemplatePairTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  themes: ThemeTable;
  theme_cues: ThemeCueTable;
  theme_pins: ThemePinTable;
}

export type ReportRow = Selectable<ReportTable>;
export type NewReport = Insertable<ReportTable>;
