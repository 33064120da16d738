// POST /api/units/import: an administrator's unit registry (.csv or .xlsx), streamed to a staging folder
// under the upload limits, imported, then removed. Answers what `yanpan units import` prints, with the
// rows it could not take.
import fs from 'node:fs/promises';
import express from 'express';
import { audit } from '../auth/audit.js';
import { requireUser } from '../auth/http.js';
import type { Db } from '../db/connection.js';
import { RegistryFileError } from '../intake/registry-file.js';
import { importRegistryFile } from '../intake/registry.js';
import { receiveFiles, UploadRefused, type UploadLimits } from './receive.js';
import { createBatchDir, removeBatch } from './staging.js';

export function registryRoutes(db: Db, root: string, limits: UploadLimits): express.Router {
  const r = express.Router();
  r.post('/api/units/import', async (req, res, next) => {
    const user = requireUser(res, ['admin']);
    if (!user) return;
    const staged = await createBatchDir(root);
    try {
      const [file, ...more] = await receiveFiles(req, staged.dir, { ...limits, maxFiles: 1 });
      if (!file || more.length > 0 || file.tooLarge) {
        res.status(400).json({ error: file?.tooLarge ? '文件过大' : '请选择一个单位名录文件（.xlsx 或 .csv）' });
        return;
      }
      const result = await importRegistryFile(db, file.name, await fs.readFile(file.path));
      await audit(db, user, 'units.update', `registry:${file.name}`, { ...result, errors: result.errors.length });
      res.json(result);
    } catch (e) {
      if (e instanceof RegistryFileError || e instanceof UploadRefused) {
        console.error(`[units] import refused (${user.username}): ${e.message}`);
        res.status(e instanceof UploadRefused ? e.status : 400).json({ error: e.message });
        req.resume();
      } else next(e);
    } finally {
      await removeBatch(staged.dir);
    }
  });
  return r;
}
