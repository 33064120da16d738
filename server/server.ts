// Starts the dashboard: opens the database, seeds it on first start, listens.
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CLIENT_DIST, createApp } from './app.js';
import { deriveStale, finishInterruptedBatch } from './derive/index.js';
import { ensureAdmin } from './auth/users.js';
import { ocrAvailability } from './decode/index.js';
import { describeDb, openDb, type Db } from './db/connection.js';
import { exclusively } from './db/locks.js';
import { dataDirFor } from './intake/originals.js';
import { seedIfEmpty } from './seed.js';
import { stagingRoot, sweepStagingPeriodically } from './upload/staging.js';
import { cutWords } from './tokenize/jieba.js';

export interface ServeOptions {
  dbPath: string;
  port: number;
  /** The address to listen on; all interfaces when absent (the intranet reaches the server by name or IP). */
  host?: string;
  quiet?: boolean;
}

/** Where users can open the dashboard: the address listened on, or this machine's own addresses when it is all of them. */
export function dashboardUrls(address: AddressInfo): string[] {
  const wildcard = address.address === '::' || address.address === '0.0.0.0';
  const hosts = wildcard
    ? ['localhost', ...Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).filter((i) => i.family === 'IPv4' && !i.internal).map((i) => i.address))]
    : [address.family === 'IPv6' ? `[${address.address}]` : address.address];
  return hosts.map((h) => `http://${h}:${address.port}`);
}

export async function startServer(opts: ServeOptions): Promise<{ server: Server; db: Db }> {
  const db = await openDb(opts.dbPath);
  // Several servers may share a PostgreSQL database and start together: one at a time here.
  await exclusively(db, 'startup', async () => {
    await deriveStale(db);
    const admin = await ensureAdmin(db);
    if (admin.generatedPassword) {
      // Printed once: the only place this password ever appears.
      console.error(`已创建管理员账号 admin，初始密码：${admin.generatedPassword}（请登录后妥善保管；可用环境变量 YANPAN_ADMIN_PASSWORD 预先指定）`);
    }
    // A batch killed before its end left reports indexed but not yet compared: finish them now.
    await finishInterruptedBatch(db);
    const seeded = await seedIfEmpty(db);
    if (seeded > 0 && !opts.quiet) console.error(`已载入演示数据：${seeded} 份报告`);
  });
  const dataDir = dataDirFor(opts.dbPath);
  const app = createApp(db, { files: { dataDir } });
  // Uploads nobody committed are removed on a timer too, not only when the next upload comes.
  const sweeper = sweepStagingPeriodically(stagingRoot(dataDir));
  // Through node:http, not app.listen: Express 5 calls listen's callback on a failure too (a port in use, an
  // address this machine lacks), which would start a server that is not listening.
  const server = await new Promise<Server>((resolve, reject) => {
    const s = createServer(app);
    s.once('error', (e) => {
      clearInterval(sweeper);
      reject(e);
    });
    s.listen({ port: opts.port, host: opts.host }, () => resolve(s));
  });
  if (!opts.quiet) {
    console.error(`研判看板已启动：${dashboardUrls(server.address() as AddressInfo).join('  ')}（数据库 ${describeDb(opts.dbPath)}）`);
    // Said at the start, not at the first visitor's blank page.
    if (!fs.existsSync(path.join(CLIENT_DIST, 'index.html'))) console.error(`看板页面尚未构建（${CLIENT_DIST} 中没有 index.html）：请先运行 npm run build；在此之前只有接口可用`);
    // Load jieba's dictionary now (about a second) rather than in the first search or upload.
    setImmediate(() => cutWords('研判'));
    // Whether scans can be read here, said once: an administrator learns it before a unit's scan is refused.
    void ocrAvailability().then((a) =>
      console.error(
        a.available
          ? `文字识别（OCR）可用：${a.engine}；扫描件（PDF、.jpg/.png/.tif）将自动识别`
          : `文字识别（OCR）不可用（${a.missing}）：扫描件将被拒绝。安装：apt-get install tesseract-ocr tesseract-ocr-chi-sim poppler-utils`,
      ),
    );
  }
  server.once('close', () => clearInterval(sweeper));
  const shutdown = () => {
    server.close();
    void db.destroy().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return { server, db };
}
