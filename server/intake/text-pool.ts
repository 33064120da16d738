// Worker threads for a batch's text work (text-work.ts): while the writer stores one report in its own
// transaction, the next reports are decoded, analysed, cut into words and fingerprinted on the other cores.
// The writer stays single and takes the results in submission order, so a batch stores exactly what it
// would in line. A worker that dies takes no file with it: its submission is worked on in line instead.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DecodeError } from '../decode/index.js';
import { workOnText, type SubmissionText, type TextWork } from './text-work.js';

export interface WorkRequest {
  id: number;
  sub: SubmissionText;
}

export type WorkReply =
  | { id: number; work: TextWork }
  | { id: number; page: { done: number; pages: number } }
  | { id: number; failure: { decode: boolean; name: string; message: string } };

/** The worker running a submission died or never started: work on it in line. */
export class WorkerLost extends Error {}

/** Workers for a batch: YANPAN_INGEST_WORKERS (0: none), else one per core beyond the writer's. */
export function textWorkers(): number {
  const set = process.env.YANPAN_INGEST_WORKERS;
  if (set !== undefined && /^\d+$/.test(set)) return Number(set);
  return Math.max(1, os.availableParallelism() - 1);
}

interface Job {
  id: number;
  sub: SubmissionText;
  onPage?: (done: number, pages: number) => void;
  resolve: (w: TextWork) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Sent to the worker and not answered yet, oldest first. */
  jobs: Job[];
  alive: boolean;
}

/**
 * Submissions a worker holds at once: the next one already in hand when it finishes one, so that it never
 * waits for the writer's thread (busy storing) to hand it more.
 */
const IN_HAND = 2;

// The worker loads the TypeScript entry through tsx, as bin/yanpan.js loads the CLI: by tsx's ES module
// API (the file its package exports for import), named by its full path since the boot code has no base.
const TSX_PACKAGE = createRequire(import.meta.url).resolve('tsx/package.json');
const TSX_API = pathToFileURL(
  path.join(path.dirname(TSX_PACKAGE), (JSON.parse(fs.readFileSync(TSX_PACKAGE, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']!.import.default),
).href;
const ENTRY = new URL('./text-worker.ts', import.meta.url).href;
const BOOT = `import(${JSON.stringify(TSX_API)}).then((m) => { m.register(); return import(${JSON.stringify(ENTRY)}); });`;

export class TextPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.slots.push(this.start());
  }

  private start(): Slot {
    const slot: Slot = { worker: new Worker(BOOT, { eval: true }), jobs: [], alive: true };
    slot.worker.on('message', (reply: WorkReply) => this.onReply(slot, reply));
    const lose = (why: string) => {
      if (!slot.alive) return;
      slot.alive = false;
      console.error(`[intake] text worker lost (${why}); its files are worked on in line`);
      for (const job of slot.jobs.splice(0)) job.reject(new WorkerLost(why));
      if (!this.slots.some((s) => s.alive)) for (const j of this.queue.splice(0)) j.reject(new WorkerLost(why));
      else this.dispatch();
    };
    slot.worker.on('error', (e) => lose(e.message));
    slot.worker.on('exit', (code) => lose(`exit ${code}`));
    return slot;
  }

  /** The text work of a submission, by the next free worker. Rejects with DecodeError, WorkerLost or the worker's error. */
  run(sub: SubmissionText, onPage?: (done: number, pages: number) => void): Promise<TextWork> {
    if (!this.slots.some((s) => s.alive)) return Promise.reject(new WorkerLost('no worker'));
    return new Promise<TextWork>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, sub, resolve, reject, ...(onPage ? { onPage } : {}) });
      this.dispatch();
    });
  }

  /**
   * Do the text work of the newest submission still waiting for a worker in this thread: the writer's, which
   * would otherwise sit idle until a worker answers. The workers keep to the oldest, so the writer finds
   * them done in order. False when none waits.
   */
  async workOneInline(): Promise<boolean> {
    const job = this.queue.pop();
    if (!job) return false;
    try {
      job.resolve(await workOnText(job.sub, job.onPage ? { onPage: job.onPage } : {}));
    } catch (e) {
      job.reject(e instanceof Error ? e : new Error(String(e)));
    }
    return true;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      while (slot.alive && slot.jobs.length < IN_HAND && this.queue.length > 0) {
        const job = this.queue.shift()!;
        slot.jobs.push(job);
        slot.worker.postMessage({ id: job.id, sub: job.sub } satisfies WorkRequest);
      }
    }
  }

  private onReply(slot: Slot, reply: WorkReply): void {
    const at = slot.jobs.findIndex((j) => j.id === reply.id);
    if (at < 0) return;
    const job = slot.jobs[at]!;
    if ('page' in reply) {
      job.onPage?.(reply.page.done, reply.page.pages);
      return;
    }
    slot.jobs.splice(at, 1);
    if ('work' in reply) job.resolve(reply.work);
    else {
      const e = reply.failure.decode ? new DecodeError(reply.failure.message) : Object.assign(new Error(reply.failure.message), { name: reply.failure.name });
      job.reject(e);
    }
    this.dispatch();
  }

  /** Workers still running: a batch that lost none worked entirely off the writer. */
  get alive(): number {
    return this.slots.filter((s) => s.alive).length;
  }

  /** Stop the workers (the batch is done, or broke off). */
  async close(): Promise<void> {
    for (const slot of this.slots) slot.alive = false;
    for (const j of this.queue.splice(0)) j.reject(new WorkerLost('pool closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
