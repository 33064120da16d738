// Starts the dashboard: opens the database, seeds it on first start, listens.
import type { Server } from 'node:http';
import { createApp } from './app.js';
import { deriveStale, finishInterruptedBatch } from './derive/index.js';
import { ensureAdmin } from './auth/users.js';
import { describeDb, openDb, type Db } from './db/connection.js';
import { exclusively } from './db/locks.js';
import { dataDirFor } from './intake/originals.js';
import { seedIfEmpty } from './seed.js';
import { cutWords } from './tokenize/jieba.js';

export async function startServer(opts: { dbPath: string; port: number; quiet?: boolean }): Promise<{ server: Server; db: Db }> {
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
  const app = createApp(db, { files: { dataDir: dataDirFor(opts.dbPath) } });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(opts.port, () => resolve(s));
    s.on('error', reject);
  });
  if (!opts.quiet) {
    console.error(`研判看板已启动：http://localhost:${opts.port}（数据库 ${describeDb(opts.dbPath)}）`);
    // Load jieba's dictionary now (about a second) rather than in the first search or upload.
    setImmediate(() => cutWords('研判'));
  }
  const shutdown = () => {
    server.close();
    void db.destroy().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return { server, db };
}
