// A batch of submissions (a CLI run, the demo data, an upload): each report ingested in its own
// transaction, reuse resolved once at the end of the batch, then the problem themes refreshed and the
// per-unit summaries (recurrences, unmatched activities) derived again.
import type { Db } from '../db/connection.js';
import { isEnvironmentFailure } from '../db/errors.js';
import { deriveAfterBatch } from '../derive/index.js';
import { DecodeError, expandArchive, isArchiveName } from '../decode/index.js';
import { ingestSubmission, type IngestOptions, type IngestResult, type Submission } from './ingest.js';
import type { TextWork } from './text-work.js';
import { TextPool, textWorkers, WorkerLost } from './text-pool.js';
import type { Progress } from '../progress.js';
import { withReuseBatch } from '../reuse/index.js';
import { UnitDirectory } from './units.js';

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

/** A stored file that mostly repeats its unit's report for the same period: proposed as its corrected version. */
export interface ProposedCorrection {
  file: string;
  /** The new report, stored as pending until someone decides. */
  report: number;
  /** The stored report it would replace. */
  replaces: number;
  /** Share of that report's text the new file repeats. */
  share: number;
}

export interface BatchSummary {
  ingested: number;
  /** Of the ingested, those stored as pending (待确认). */
  pending: number;
  duplicates: number;
  failed: Failure[];
  resubmissions: ProposedCorrection[];
  results: IngestResult[];
  /** Worker threads that did the text work and were still running at the end (0: all in line). */
  workers: number;
}

/** The submissions a file holds: itself, or the report files inside a zip (each refused on its own). */
export async function unpack(sub: Submission): Promise<{ submissions: Submission[]; refused: Failure[] }> {
  if (!isArchiveName(sub.fileName)) return { submissions: [sub], refused: [] };
  const { entries, refused } = await expandArchive(sub.bytes);
  return {
    // Entries carry their own names (unit and period usually stand there), not the archive's manifest row;
    // what is set for the whole run applies to them too.
    submissions: entries.map((e) => ({ fileName: `${sub.fileName}/${e.path}`, bytes: e.bytes, ...(sub.options ? { options: sub.options } : {}) })),
    refused: refused.map((r) => ({ file: `${sub.fileName}/${r.path}`, error: r.reason })),
  };
}

export interface BatchOptions extends IngestOptions {
  progress?: Progress;
  /** Each outcome as soon as it is known (archive refusals as failures), with the source it came from; awaited. */
  onResult?: (result: IngestResult, source: BatchSource) => void | Promise<void>;
}

/** What the user is told about a file that broke something unforeseen (the reason goes to the log). */
export const UNEXPECTED_FAILURE = '处理此文件时发生意外错误，未能入库（原因已记入日志）；其他文件不受影响。请检查文件是否完整，或联系管理员';

/**
 * An error out of one file (a decoder's stack overflow on a crafted document, a bug in the analysis, a row
 * the store refuses) fails that file only: logged in one line, answered in Chinese. Only a failing
 * database or disk stops the batch, since every later file would fail the same way.
 */
export function perFileFailure(file: string, e: unknown): Failure {
  if (e instanceof DecodeError || e instanceof ReadError) return { file, error: e.message };
  if (isEnvironmentFailure(e)) throw e;
  const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  console.error(`[intake] ${file}: unexpected failure, file skipped: ${reason.replace(/\s+/g, ' ').slice(0, 300)}`);
  return { file, error: UNEXPECTED_FAILURE };
}

/**
 * What the files so far came to, each outcome counted apart: a run of duplicates is not “入库 5/5”.
 * 入库: stored, as the JSON's `ingested` counts them (and the upload page: 新入库 3 份（其中待确认 1 份）);
 * 待确认 of them: waiting for their unit or year (or as a correction).
 */
export function batchOutcome(s: Pick<BatchSummary, 'ingested' | 'pending' | 'duplicates' | 'failed'>): string {
  return `入库 ${s.ingested}（其中待确认 ${s.pending}），重复 ${s.duplicates}，失败 ${s.failed.length}`;
}

/** A submission on its way through a batch, or a source that yields none (unreadable, an archive of refusals). */
interface Queued {
  source: BatchSource;
  /** Refusals to record before the submission (an archive's entries it could not take). */
  failures: Failure[];
  sub: Submission | null;
  /** The last item of its source: the progress line moves on after it. */
  last: boolean;
  /** The text work, under way in a worker (settles, never rejects). */
  work: Promise<{ work: TextWork } | { error: unknown }> | null;
}

/** Sources become submissions one file at a time (a zip's entries each), failures of reading kept in order. */
async function* submissionsOf(sources: BatchSource[]): AsyncGenerator<Omit<Queued, 'work'>> {
  for (const source of sources) {
    let unpacked: Awaited<ReturnType<typeof unpack>>;
    try {
      unpacked = await unpack(await source.read());
    } catch (e) {
      yield { source, failures: [perFileFailure(source.label, e)], sub: null, last: true };
      continue;
    }
    const { submissions, refused } = unpacked;
    if (submissions.length === 0) yield { source, failures: refused, sub: null, last: true };
    for (const [i, sub] of submissions.entries()) yield { source, failures: i === 0 ? refused : [], sub, last: i === submissions.length - 1 };
  }
}

/** How many submissions a batch reads ahead of the writer: enough to keep every worker busy, and some for the writer. */
const AHEAD_PER_WORKER = 16;
/** …and no more than this many bytes of files (a batch of scanned PDFs is read a few at a time). */
const AHEAD_BYTES = 64 * 1024 * 1024;
const bytesOf = (items: readonly Queued[]): number => items.reduce((n, i) => n + (i.sub?.bytes.length ?? 0), 0);
/** Below this many files a batch works in line: starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 4;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A submission's text work once it is done, the writer meanwhile working on later submissions in line
 * rather than waiting idle: storing costs about as much as the text work, so neither thread waits long
 * for the other. Each turn of the event loop lets a worker's answer in.
 */
async function whileWaiting<T>(work: Promise<T>, pool: TextPool | null): Promise<T> {
  if (pool) {
    let ready = false;
    void work.then(() => void (ready = true));
    await nextTurn();
    while (!ready && (await pool.workOneInline())) await nextTurn();
  }
  return work;
}

/** The worker threads a batch of this many files works with (none below a few files). */
export function ingestBatchWorkers(files: number): number {
  return files >= MIN_FILES_FOR_WORKERS ? textWorkers() : 0;
}

export async function ingestBatch(db: Db, sources: BatchSource[], opts: BatchOptions = {}): Promise<BatchSummary> {
  const { progress, onResult } = opts;
  const summary: BatchSummary = { ingested: 0, pending: 0, duplicates: 0, failed: [], resubmissions: [], results: [], workers: 0 };
  const directory = opts.directory ?? (await UnitDirectory.load(db));
  const fail = async (source: BatchSource, f: Failure): Promise<void> => {
    summary.failed.push(f);
    await onResult?.({ ...f, status: 'failed' }, source);
  };
  // An OCR budget or a cancel signal belongs to the caller's thread: such batches work in line.
  const workers = opts.decode?.budget || opts.decode?.signal ? 0 : ingestBatchWorkers(sources.length);
  const pool = workers > 0 ? new TextPool(workers) : null;
  let poolOpen = pool !== null;
  const closePool = async (): Promise<void> => {
    if (!pool || !poolOpen) return;
    poolOpen = false;
    summary.workers = pool.alive;
    await pool.close();
  };
  // A scan is read page by page: the progress line says which page of which file.
  const onPageOf = (sub: Submission) => (done: number, pages: number): void => {
    progress?.note(`${sub.fileName} 文字识别 第 ${done}/${pages} 页`);
    opts.decode?.onPage?.(done, pages);
  };
  const store = async (item: Queued): Promise<void> => {
    for (const f of item.failures) await fail(item.source, f);
    const sub = item.sub;
    if (sub) {
      const settled = item.work ? await whileWaiting(item.work, pool) : null;
      let r: IngestResult | null = null;
      try {
        if (settled && 'error' in settled && !(settled.error instanceof WorkerLost)) {
          // As ingestSubmission answers a file it cannot read; any other error fails the file below.
          if (!(settled.error instanceof DecodeError)) throw settled.error;
          r = { file: sub.fileName, status: 'failed', error: settled.error.message };
        } else {
          const work = settled && 'work' in settled ? settled.work : undefined;
          r = await ingestSubmission(db, sub, { ...opts, directory, decode: { ...opts.decode, onPage: onPageOf(sub) }, ...(work ? { work } : {}) });
        }
      } catch (e) {
        await fail(item.source, perFileFailure(sub.fileName, e));
      }
      if (r) await record(r, item.source);
    }
    if (item.last) progress?.tick(item.source.label, batchOutcome(summary));
  };
  const record = async (r: IngestResult, source: BatchSource): Promise<void> => {
    summary.results.push(r);
    if (r.status === 'stored') {
      summary.ingested++;
      if (r.pending) summary.pending++;
      if (r.resubmissionOf) summary.resubmissions.push({ file: r.file, report: r.reportId, replaces: r.resubmissionOf.reportId, share: Math.round(r.resubmissionOf.share * 1000) / 1000 });
    } else if (r.status === 'duplicate') summary.duplicates++;
    else summary.failed.push({ file: r.file, error: r.error });
    await onResult?.(r, source);
  };
  try {
    await withReuseBatch(db, async () => {
      const ahead: Queued[] = [];
      const start = (item: Omit<Queued, 'work'>): Queued => ({
        ...item,
        work: pool && item.sub ? pool.run(item.sub, onPageOf(item.sub)).then((work) => ({ work }), (error: unknown) => ({ error })) : null,
      });
      for await (const item of submissionsOf(sources)) {
        ahead.push(start(item));
        // The writer takes the oldest once enough work is under way behind it.
        while (ahead.length > workers * AHEAD_PER_WORKER || (ahead.length > 1 && bytesOf(ahead) > AHEAD_BYTES)) await store(ahead.shift()!);
      }
      while (ahead.length > 0) await store(ahead.shift()!);
      // The text work is done: the workers and their dictionaries go before reuse resolution, the batch's
      // memory peak.
      await closePool();
    });
    progress?.done();
  } finally {
    await closePool();
    // Also when the batch broke off: the reports it stored are in every view, so their derived data must be.
    if (summary.ingested > 0) await deriveAfterBatch(db, summary.results.flatMap((r) => (r.status === 'stored' ? [r.reportId] : [])));
  }
  return summary;
}
