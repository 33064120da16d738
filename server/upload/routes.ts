// Submissions through the browser: POST /api/uploads stages the files and answers what was found in
// each (as JSON Lines with a line per scanned page read, when asked: OCR takes seconds a page);
// POST /api/uploads/:batch/commit stores the confirmed items through the one batch path
// (ingestBatch), answering one JSON line per file as it is done; GET /files/original/:reportId gives back
// the file as the unit sent it. Every role may upload; a submitter only for its own unit.
import path from 'node:path';
import fs from 'node:fs';
import express, { type Response } from 'express';
import { z } from 'zod';
import type { SessionUser } from '../../shared/roles.js';
import { PERIODS, type ReportMeta } from '../../shared/types.js';
import type { CommitLine, StageLine, UploadBatch } from '../../shared/uploads.js';
import { audit } from '../auth/audit.js';
import { requireUser } from '../auth/http.js';
import { mayReadReport, reportOwnership } from '../api/visibility.js';
import { type BatchSource, ingestBatch, ReadError } from '../intake/batch.js';
import type { Db } from '../db/connection.js';
import { originalPath, originalsDirIn } from '../intake/originals.js';
import { DEFAULT_UPLOAD_LIMITS, receiveFiles, SUBMITTER_UPLOAD_LIMITS, tighterLimits, UploadRefused, type UploadLimits } from './receive.js';
import { registryRoutes } from './registry.js';
import { batchDir, createBatchDir, loadBatch, loadDecoded, publicItem, removeBatch, stageBatch, stagingRoot, sweepExpired } from './staging.js';

export interface FileRouteOptions {
  /** The database's folder: staging/ and originals/ live there. */
  dataDir: string;
  /** Overrides for every role (a submitter's own limits are never looser than these). */
  limits?: Partial<UploadLimits>;
  submitterLimits?: Partial<UploadLimits>;
}

const text = z.string().trim().max(200).nullable();
const commitInput = z.object({
  items: z
    .array(
      z.object({
        id: z.number().int().min(0),
        meta: z.object({
          unit: text,
          department: text,
          title: z.string().trim().max(500).nullable(),
          year: z.number().int().min(1949).max(2100).nullable(),
          period: z.enum(PERIODS).nullable(),
        }),
        correction: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(5000),
});

/** What the user confirmed, with a submitter's unit (and that unit's stored department) forced. */
async function confirmedMeta(db: Db, user: SessionUser, meta: ReportMeta): Promise<Partial<ReportMeta>> {
  if (user.role !== 'submitter') return meta;
  const unit = user.unitId === null ? undefined : await db.selectFrom('units').select(['name', 'department']).where('id', '=', user.unitId).executeTakeFirst();
  return { ...meta, unit: unit?.name ?? user.unitName, department: unit?.department ?? meta.department };
}

function notFound(res: Response, message: string): void {
  res.status(404).json({ error: message });
}

/** Starts a JSON Lines answer; lines to a client that has gone are dropped. */
function jsonLines<L>(res: Response): (line: L) => void {
  // One line per step as it is done: neither compressed nor buffered by a proxy, or the progress arrives at the end.
  res.status(200).type('application/x-ndjson; charset=utf-8').set({ 'Cache-Control': 'no-store, no-transform', 'X-Accel-Buffering': 'no' });
  return (line) => {
    if (!res.destroyed) res.write(`${JSON.stringify(line)}\n`);
  };
}

export function fileRoutes(db: Db, opts: FileRouteOptions): express.Router {
  /** The id of the stored report a commit duplicated, unless it is another unit's and the user a submitter. */
  const visibleDuplicate = async (user: SessionUser, reportId: number): Promise<number | null> =>
    mayReadReport(user, await reportOwnership(db, reportId)) ? reportId : null;
  const general: UploadLimits = { ...DEFAULT_UPLOAD_LIMITS, ...opts.limits };
  const submitter = tighterLimits(general, { ...SUBMITTER_UPLOAD_LIMITS, ...opts.submitterLimits });
  const limitsFor = (user: SessionUser): UploadLimits => (user.role === 'submitter' ? submitter : general);
  const root = stagingRoot(opts.dataDir);
  const originals = originalsDirIn(opts.dataDir);
  const committing = new Set<string>();
  const r = express.Router();
  // Importing the registry is for administrators: the general limits.
  r.use(registryRoutes(db, root, general));

  r.post('/api/uploads', async (req, res, next) => {
    const user = requireUser(res);
    if (!user) return;
    let staged: { id: string; dir: string } | null = null;
    const asLines = (req.headers.accept ?? '').includes('application/x-ndjson');
    // A client that leaves while its scans are being read: the reading stops, the batch goes.
    const left = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) left.abort();
    });
    try {
      await sweepExpired(root);
      staged = await createBatchDir(root);
      const limits = limitsFor(user);
      const received = await receiveFiles(req, staged.dir, limits);
      if (received.length === 0) {
        await removeBatch(staged.dir);
        res.status(400).json({ error: '没有收到文件，请选择要上传的报告或压缩包' });
        return;
      }
      const send = asLines ? jsonLines<StageLine>(res) : null;
      const batch = await stageBatch(db, user, staged.id, staged.dir, received, limits, {
        signal: left.signal,
        onPage: send ? (file, page, pages) => send({ type: 'progress', file, page, pages }) : undefined,
      });
      if (left.signal.aborted) {
        await removeBatch(staged.dir);
        return;
      }
      const answer = { batch: batch.id, items: batch.items.map(publicItem) } satisfies UploadBatch;
      if (!send) {
        res.json(answer);
        return;
      }
      send({ type: 'batch', batch: answer });
      res.end();
    } catch (e) {
      if (staged) await removeBatch(staged.dir);
      if (res.headersSent) {
        // The answer was already streaming: the failure is its last line.
        console.error(`[upload] staging failed (${user.username}): ${e instanceof Error ? e.message : String(e)}`);
        if (!res.destroyed) res.end(`${JSON.stringify({ type: 'error', error: '服务器内部错误，识别中断，请重新上传' } satisfies StageLine)}\n`);
        return;
      }
      if (!(e instanceof UploadRefused)) {
        next(e);
        return;
      }
      console.error(`[upload] refused (${user.username}): ${e.message}`);
      // The rest of the body is read and dropped so the browser sees the answer rather than a reset.
      res.set('Connection', 'close').status(e.status).json({ error: e.message });
      req.resume();
    }
  });

  r.post('/api/uploads/:batch/commit', express.json({ limit: '2mb' }), async (req, res) => {
    const user = requireUser(res);
    if (!user) return;
    const dir = batchDir(root, req.params.batch);
    const batch = dir ? await loadBatch(dir) : null;
    if (!dir || !batch || batch.userId !== user.id) {
      notFound(res, '这批上传不存在或已过期，请重新上传');
      return;
    }
    const parsed = commitInput.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: '提交的内容格式不对' });
      return;
    }
    if (committing.has(batch.id)) {
      res.status(409).json({ error: '这批文件正在入库，请稍候' });
      return;
    }
    committing.add(batch.id);
    const send = jsonLines<CommitLine>(res);
    try {
      const byId = new Map(batch.items.map((i) => [i.id, i]));
      const sources: BatchSource[] = [];
      const itemOf = new Map<BatchSource, number>();
      let refusedCount = 0;
      for (const want of parsed.data.items) {
        const item = byId.get(want.id);
        if (!item || !item.file) {
          refusedCount++;
          const file = item?.fileName ?? `#${want.id}`;
          const error = item?.problem ?? '这批上传中没有此文件';
          await audit(db, user, 'upload', `file:${file}`, { batch: batch.id, file, status: 'failed', error });
          send({ type: 'result', id: want.id, file, status: 'failed', error });
          continue;
        }
        const stagedName = item.file;
        const file = path.join(dir, stagedName);
        const meta = await confirmedMeta(db, user, want.meta);
        const source: BatchSource = {
          label: item.fileName,
          read: async () => {
            let bytes: Buffer;
            try {
              bytes = await fs.promises.readFile(file);
            } catch {
              throw new ReadError('暂存的文件已不存在（可能已过期），请重新上传');
            }
            // A scan's text as OCR read it at staging: not read a second time.
            const decoded = (await loadDecoded(dir, stagedName)) ?? undefined;
            return { fileName: item.fileName, bytes, options: meta, correction: want.correction === true, decoded };
          },
        };
        sources.push(source);
        itemOf.set(source, want.id);
      }
      const summary = await ingestBatch(db, sources, {
        originals,
        onResult: async (result, source) => {
          const id = itemOf.get(source) ?? -1;
          // Each file in the audit log as it is done, so an interrupted batch is logged as far as it went.
          await audit(db, user, 'upload', result.status === 'failed' ? `file:${result.file}` : `report:${result.reportId}`, {
            batch: batch.id,
            file: result.file,
            status: result.status,
            ...(result.status === 'failed' ? { error: result.error } : {}),
          });
          if (result.status === 'stored' && result.replaced !== undefined) {
            await audit(db, user, 'correct', `report:${result.replaced}`, { correctedBy: result.reportId });
          }
          if (result.status === 'failed') send({ type: 'result', id, file: result.file, status: 'failed', error: result.error });
          else if (result.status === 'duplicate') send({ type: 'result', id, file: result.file, status: 'duplicate', reportId: await visibleDuplicate(user, result.reportId) });
          else
            send({
              type: 'result',
              id,
              file: result.file,
              status: 'stored',
              reportId: result.reportId,
              ...(result.replaced !== undefined ? { replaced: result.replaced } : {}),
              ...(result.pending ? { pending: true } : {}),
            });
        },
      });
      await removeBatch(dir);
      send({ type: 'done', stored: summary.ingested, duplicates: summary.duplicates, failed: summary.failed.length + refusedCount, pending: summary.pending });
      res.end();
    } catch (e) {
      // Reports stored before the failure stay stored (each in its own transaction); the batch stays staged.
      console.error(`[upload] commit ${batch.id}: ${e instanceof Error ? e.message : String(e)}`);
      // The answer is already NDJSON (status and type set before the first file): it ends with the error line.
      send({ type: 'error', error: '服务器内部错误，入库中断；已入库的文件不受影响，可重新提交其余文件' });
      res.end();
    } finally {
      committing.delete(batch.id);
    }
  });

  r.get('/files/original/:reportId', async (req, res, next) => {
    try {
      const user = requireUser(res);
      if (!user) return;
      const id = /^\d{1,12}$/.test(req.params.reportId) ? Number(req.params.reportId) : NaN;
      const row = Number.isFinite(id)
        ? await db
            .selectFrom('reports')
            .select(['unit_id as unitId', 'deleted_at as deletedAt', 'original_sha256 as sha256', 'original_name as name'])
            .where('id', '=', id)
            .executeTakeFirst()
        : undefined;
      if (!mayReadReport(user, row) || !row) {
        notFound(res, '报告不存在');
        return;
      }
      if (!row.sha256 || !row.name) {
        notFound(res, '这份报告没有保存原件（演示数据或早期入库的报告）');
        return;
      }
      const file = originalPath(originals, row.sha256);
      if (!fs.existsSync(file)) {
        console.error(`[files] original of report ${id} missing: ${file}`);
        notFound(res, '原件文件缺失，请联系管理员');
        return;
      }
      await audit(db, user, 'export', `original:${id}`, { name: row.name });
      // attachment() writes the name both plain and as filename*=UTF-8'' (RFC 5987) for Chinese names.
      res.attachment(row.name);
      res.sendFile(file, { headers: { 'Cache-Control': 'private, no-store' } });
    } catch (e) {
      next(e);
    }
  });
  return r;
}
