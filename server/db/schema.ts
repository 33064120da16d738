// The database schema as Kysely sees it. Types flow from here through tRPC to the client.
// Offsets are stored as `start`/`end` (Kysely quotes identifiers, so the SQL keyword END is safe in
// SQLite and PostgreSQL alike). Booleans are 0/1 integers for the same reason.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export interface UnitTable {
  id: Generated<number>;
  name: string;
  department: string | null;
}

export interface ReportTable {
  id: Generated<number>;
  unit_id: number;
  year: number | null;
  period: string | null;
  title: string | null;
  file_name: string | null;
  /** sha256 of the stored text: the same content is stored once whatever its encoding. */
  content_hash: string;
  encoding: string;
  text: string;
  /** Non-whitespace characters of the text. */
  chars: number;
  ingested_at: ColumnType<string, string, never>;
  /** JSON object of extra manifest columns. */
  extra: string | null;
}

export interface SectionTable {
  id: Generated<number>;
  report_id: number;
  ord: number;
  level: number;
  marker: string;
  heading: string;
  kind: string;
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

export interface Database {
  units: UnitTable;
  reports: ReportTable;
  sections: SectionTable;
  problems: ProblemTable;
  figures: FigureTable;
  placeholders: PlaceholderTable;
  flags: FlagTable;
}

export type ReportRow = Selectable<ReportTable>;
export type NewReport = Insertable<ReportTable>;
