// The database schema as Kysely sees it. Types flow from here through tRPC to the client.
// Offsets are stored as `start`/`end` (Kysely quotes identifiers, so the SQL keyword END is safe in
// SQLite and PostgreSQL alike). Booleans are 0/1 integers for the same reason.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Period, ReuseKind, SectionKind } from '../../shared/types.js';

export interface UnitTable {
  id: Generated<number>;
  name: string;
  department: string | null;
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

export interface ReuseReportTable {
  report_id: number;
  /** 0 while the report is indexed but its passages are not yet resolved (during a batch). */
  resolved: number;
  stock_chars: number;
  copied_chars: number;
  self_chars: number;
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

/** Characters of report_id in copied or self spans that other_id also holds. */
export interface ReusePairTable {
  report_id: number;
  other_id: number;
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
  origin: 'seed' | 'found';
  created_at: string;
}

export interface Database {
  units: UnitTable;
  reports: ReportTable;
  report_texts: ReportTextTable;
  report_activity: ReportActivityTable;
  report_findings: ReportFindingsTable;
  search_terms: SearchTermTable;
  report_word_vectors: ReportWordVectorTable;
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
  reuse_reports: ReuseReportTable;
  reuse_passages: ReusePassageTable;
  reuse_spans: ReuseSpanTable;
  reuse_sources: ReuseSourceTable;
  reuse_pairs: ReusePairTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  themes: ThemeTable;
}

export type ReportRow = Selectable<ReportTable>;
export type NewReport = Insertable<ReportTable>;
