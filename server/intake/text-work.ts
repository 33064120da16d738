// The work a submission's text needs before it is stored, none of which touches the store: decoding, the
// analysis, the search words and the reuse fingerprints — most of an ingest's CPU. Pure but for OCR's child
// processes, so that a batch runs it in worker threads for the next reports while the writer stores the
// current one (text-pool.ts); a single file runs it in line. Either way the result is the same.
import { createHash } from 'node:crypto';
import { mergeMeta } from '../../shared/meta.js';
import type { Analysis, ReportMeta } from '../../shared/types.js';
import { analyzeReport } from '../analyze/index.js';
import { decodeReport, type DecodedReport, type DecodeOptions, type OcrSummary, type SourceEncoding } from '../decode/index.js';
import { reusePostingsOf } from '../reuse/index.js';
import { searchWordsOf } from '../search/words.js';

/** What of a submission its text depends on (a worker gets a copy of it). */
export interface SubmissionText {
  fileName: string;
  bytes: Uint8Array;
  meta?: Partial<ReportMeta>;
  options?: Partial<ReportMeta>;
  /** The file as already decoded (an upload's scan, read by OCR when it was staged). */
  decoded?: DecodedReport;
}

export interface TextWork {
  text: string;
  encoding: SourceEncoding;
  /** What was read only in part or by OCR, in Chinese (from the decoder). */
  warnings: string[];
  ocr: OcrSummary | null;
  hash: string;
  /** Non-whitespace characters. */
  chars: number;
  analysis: Analysis;
  /** The search index's words (searchWordsOf). */
  words: string;
  /** The reuse fingerprints as stored (reusePostingsOf). */
  postings: Uint8Array;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function nonWhitespaceChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (!/\s/.test(text[i]!)) n++;
  return n;
}

/** Decode, analyse, cut and fingerprint a submission's text. Throws DecodeError. */
export async function workOnText(sub: SubmissionText, decode: DecodeOptions = {}): Promise<TextWork> {
  const { text, encoding, warnings, ocr } = sub.decoded ?? (await decodeReport(sub.bytes, sub.fileName, decode));
  const hinted = mergeMeta(sub.options ?? {}, sub.meta ?? {});
  const analysis = analyzeReport(text, { fileName: sub.fileName, unit: hinted.unit, year: hinted.year });
  return { text, encoding, warnings, ocr, hash: contentHash(text), chars: nonWhitespaceChars(text), analysis, words: searchWordsOf(text), postings: reusePostingsOf(text) };
}
