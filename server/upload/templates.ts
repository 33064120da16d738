// Reference texts for the template library through the browser: POST /api/templates?kind=&title=&source=
// with one or more files (or zips) streams them to a staging folder, imports them (intake/templates.ts:
// each stored once, the stored reports that took text from it marked) and answers every file's outcome.
// Reviewers and administrators only: the library is the committee's, not a unit's.
import fs from 'node:fs';
import express from 'express';
import { z } from 'zod';
import { isWebAddress, type TemplateUploadAnswer } from '../../shared/templates.js';
import { TEMPLATE_KINDS } from '../../shared/types.js';
import { audit } from '../auth/audit.js';
import { requireUser } from '../auth/http.js';
import type { Db } from '../db/connection.js';
import { ReadError } from '../intake/batch.js';
import { importTemplates } from '../intake/templates.js';
import { DEFAULT_UPLOAD_LIMITS, receiveFiles, UploadRefused, type UploadLimits } from './receive.js';
import { createBatchDir, removeBatch, stagingRoot } from './staging.js';

const query = z.object({
  kind: z.enum(TEMPLATE_KINDS).default('model'),
  title: z.string().trim().max(200).optional().transform((t) => t || undefined),
  source: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((s) => s || undefined)
    .refine((s) => s === undefined || isWebAddress(s), '来源网址应以 http:// 或 https:// 开头'),
});

export function templateRoutes(db: Db, opts: { dataDir: string; limits?: Partial<UploadLimits> }): express.Router {
  const limits: UploadLimits = { ...DEFAULT_UPLOAD_LIMITS, ...opts.limits };
  const root = stagingRoot(opts.dataDir);
  const r = express.Router();
  r.post('/api/templates', async (req, res, next) => {
    const user = requireUser(res, ['admin', 'reviewer']);
    if (!user) {
      req.resume();
      return;
    }
    const parsed = query.safeParse(req.query);
    if (!parsed.success) {
      res.set('Connection', 'close').status(400).json({ error: parsed.error.issues[0]?.message ?? '参数有误' });
      req.resume();
      return;
    }
    let staged: { dir: string } | null = null;
    let answer: TemplateUploadAnswer | null = null;
    try {
      staged = await createBatchDir(root);
      const received = await receiveFiles(req, staged.dir, limits);
      if (received.length > 0) {
        const sources = received.map((f) => ({
          label: f.name,
          read: async () => {
            if (f.tooLarge) throw new ReadError(`文件超过 ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB 的上限`);
            return { fileName: f.name, bytes: await fs.promises.readFile(f.path) };
          },
        }));
        const { kind, title, source } = parsed.data;
        answer = await importTemplates(db, sources, { kind, title, source, addedBy: user.username });
        await audit(db, user, 'template.add', 'templates', {
          kind,
          source,
          files: answer.results.map((x) => ({ file: x.file, status: x.status, ...(x.status === 'failed' ? {} : { template: x.templateId }) })),
        });
        for (const f of answer.failed) console.error(`[templates] ${f.file}: ${f.error}`);
      }
    } catch (e) {
      if (!(e instanceof UploadRefused)) {
        next(e);
        return;
      }
      console.error(`[templates] refused (${user.username}): ${e.message}`);
      res.set('Connection', 'close').status(e.status).json({ error: e.message });
      req.resume();
      return;
    } finally {
      // Gone before the answer: nothing of the upload stays on disk.
      if (staged) await removeBatch(staged.dir);
    }
    if (answer) res.json(answer);
    else res.status(400).json({ error: '没有收到文件，请选择要加入范文库的文件或压缩包' });
  });
  return r;
}
