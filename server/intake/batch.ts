// A batch of submissions (a CLI run, the demo data, an upload): each report ingested in its own
// transaction, reuse resolved once at the end of the batch, then the problem themes refreshed and the
// per-unit summaries (recurrences, unmatched activities) derived again.
import type { Db } from '../db/connection.js';
import { deriveAfterBatch } from '../derive/index.js';
import { DecodeError, expandArchive, isArchiveName } from '../decode/index.js';
import { ingestSubmission, type IngestOptions, type IngestResult, type Submission } from './ingest.js';
import type { Progress } from '../progress.js';
import { withReuseBatch } from '../reuse/index.js';

/** A file that could not be read from disk (gone, unreadable): named, and the batch goes on. */
export class ReadError extends Error {}

export interface Failure {
  file: string;
  error: string;
}

/** One file given to a batch: a report, or a zip of reports. */
export interface BatchSource {
  label: string;
  read(): Promise<Submission>;
}

export interface BatchSummary {
  ingested: number;
  duplicates: number;
  failed: Failure[];
  results: IngestResult[];
}

/** The submissions a file holds: itself, or the report files inside a zip (each refused on its own). */
export async function unpack(sub: Submission): Promise<{ submissions: Submission[]; refused: Failure[] }> {
  if (!isArchiveName(sub.fileName)) return { submissions: [sub], refused: [] };
  const { entries, refused } = await expandArchive(sub.bytes);
  return {
    // Entries carry their own names (unit and period usually stand there), not the archive's metadata.
    submissions: entries.map((e) => ({ fileName: `${sub.fileName}/${e.path}`, bytes: e.bytes })),
    refused: refused.map((r) => ({ file: `${sub.fileName}/${r.path}`, error: r.reason })),
  };
}

export interface BatchOptions extends IngestOptions {
  progress?: Progress;
  /** Each outcome as soon as it is known (archive refusals as failures), with the source it came from. */
  onResult?: (result: IngestResult, source: BatchSource) => void;
}

export async function ingestBatch(db: Db, sources: BatchSource[], opts: BatchOptions = {}): Promise<BatchSummary> {
  const { progress, onResult } = opts;
  const summary: BatchSummary = { ingested: 0, duplicates: 0, failed: [], results: [] };
  const fail = (source: BatchSource, f: Failure): void => {
    summary.failed.push(f);
    onResult?.({ ...f, status: 'failed' }, source);
  };
  try {
    await withReuseBatch(db, async () => {
      for (const source of sources) {
        try {
          const { submissions, refused } = await unpack(await source.read());
          for (const f of refused) fail(source, f);
          for (const sub of submissions) {
            // A scan is read page by page: the progress line says which page of which file.
            const onPage = (done: number, pages: number): void => {
              progress?.note(`${sub.fileName} 文字识别 第 ${done}/${pages} 页`);
              opts.decode?.onPage?.(done, pages);
            };
            const r = await ingestSubmission(db, sub, { ...opts, decode: { ...opts.decode, onPage } });
            summary.results.push(r);
            if (r.status === 'stored') summary.ingested++;
            else if (r.status === 'duplicate') summary.duplicates++;
            else summary.failed.push({ file: r.file, error: r.error });
            onResult?.(r, source);
          }
        } catch (e) {
          if (!(e instanceof DecodeError) && !(e instanceof ReadError)) throw e;
          fail(source, { file: source.label, error: e.message });
        }
        progress?.tick(source.label);
      }
    });
    progress?.done();
  } finally {
    // Also when the batch broke off: the reports it stored are in every view, so their derived data must be.
    if (summary.ingested > 0) await deriveAfterBatch(db, summary.results.flatMap((r) => (r.status === 'stored' ? [r.reportId] : [])));
  }
  return summary;
}
