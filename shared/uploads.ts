// What the upload page and the upload routes exchange: a staged batch (each file, or each entry of a
// zip, with the metadata found for it and any problem), then the outcome of each file as it is stored.
import type { ReportMeta } from './types.js';

export interface UploadItem {
  id: number;
  /** The name the report is stored under: the file's name, or `archive.zip/folder/entry.docx`. */
  fileName: string;
  size: number;
  /** Found in the file name, then the text; the unit's stored department when the unit is known. */
  meta: ReportMeta;
  /** How the text was read: utf-8, gb18030, utf-16, docx, doc, wps, rtf, ofd, pdf, or ocr (recognised from a scan); null when it could not be read. */
  encoding: string | null;
  /** Non-whitespace characters of the text. */
  chars: number;
  /** A stored report with the same text (another unit's is shown to a submitter as 另一单位, without id or title). */
  duplicateOf: { reportId: number | null; unit: string; title: string | null } | null;
  /** The unit's live report for the same period: committed as a correction, this file replaces it. */
  replaces: {
    reportId: number;
    title: string | null;
    ingestedAt: string;
    /** Share of that report's text this file repeats. */
    share: number;
    /** It repeats most of it (≥ 80%): proposed as its corrected version rather than a second report. */
    proposed: boolean;
  } | null;
  /** Where the unit was read (文末落款“市统计局党组”, 文件名 …), in Chinese; null when it was not. */
  unitFrom: string | null;
  warnings: string[];
  /** Why the file cannot be stored (it is refused), in Chinese; null when it can. */
  problem: string | null;
}

export interface UploadBatch {
  batch: string;
  items: UploadItem[];
}

/**
 * Asked with `Accept: application/x-ndjson`, staging answers one JSON line per scanned page read (OCR
 * takes seconds a page), then the batch, or an error once reading has begun.
 */
export type StageLine =
  | { type: 'progress'; file: string; page: number; pages: number }
  | { type: 'batch'; batch: UploadBatch }
  | { type: 'error'; error: string };

/** The user's confirmed or corrected metadata for one item, sent with the commit. */
export interface CommitItem {
  id: number;
  meta: ReportMeta;
  /** Store as the corrected version of the unit's report for the same period (which stays reachable). */
  correction?: boolean;
}

/** The commit answers one JSON line per file as it is done, then a closing line. */
export type CommitLine =
  | {
      type: 'result';
      id: number;
      file: string;
      status: 'stored';
      reportId: number;
      replaced?: number;
      /** Stored as 待确认 (unit or year unknown). */
      pending?: boolean;
    }
  /** reportId: the stored twin; null when it is another unit's and the user a submitter. */
  | { type: 'result'; id: number; file: string; status: 'duplicate'; reportId: number | null }
  | { type: 'result'; id: number; file: string; status: 'failed'; error: string }
  | { type: 'done'; stored: number; duplicates: number; failed: number; pending: number }
  | { type: 'error'; error: string };

/** What importing a unit registry did (POST /api/units/import, `yanpan units import`). */
export interface RegistryImport {
  units: number;
  added: number;
  updated: number;
  /** Units named before the registry knew them, now filed under their registry unit. */
  merged: number;
  /** Pending reports whose text names a registry unit, now assigned to it. */
  assigned: number;
  /** Rows that could not be taken, in Chinese. */
  errors: string[];
}
