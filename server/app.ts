// serve: the Express app — tRPC API under /trpc and the built dashboard (dist/client).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express, { type ErrorRequestHandler } from 'express';
import { sql } from 'kysely';
import { appRouter } from './api/router.js';
import { authRoutes, requestAuth, sessionMiddleware } from './auth/http.js';
import type { LoginRateLimiter } from './auth/rate-limit.js';
import type { Db } from './db/connection.js';
import { compressedResponses, type Deployment, deploymentFromEnv, securityHeaders, staticFiles } from './deployment.js';
import { exportRoutes } from './export/routes.js';
import { fileRoutes, type FileRouteOptions } from './upload/routes.js';
import { templateRoutes } from './upload/templates.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLIENT_DIST = path.join(ROOT, 'dist', 'client');
export const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export interface AppOptions {
  loginLimiter?: LoginRateLimiter;
  /** Where uploads are staged and originals kept; without it the app takes no uploads. */
  files?: FileRouteOptions;
  /** Plain HTTP or behind HTTPS, and which proxy to trust; from the environment by default. */
  deployment?: Deployment;
}

export function createApp(db: Db, opts: AppOptions = {}): express.Express {
  const deployment = opts.deployment ?? deploymentFromEnv();
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deployment.trustProxy);
  app.use(securityHeaders(deployment));
  app.use(compressedResponses());
  // For a load balancer or a monitoring check: no session, no secrets.
  app.get('/api/health', async (_req, res) => {
    const ok = await sql`select 1 as one`.execute(db).then(
      () => true,
      (e: unknown) => {
        console.error(`[health] database: ${e instanceof Error ? e.message : String(e)}`);
        return false;
      },
    );
    res.status(ok ? 200 : 503).set('Cache-Control', 'no-store').json({ ok, db: ok ? 'ok' : 'error', version: VERSION });
  });
  app.use(sessionMiddleware(db));
  app.use(authRoutes(db, { limiter: opts.loginLimiter, secureCookies: deployment.https }));
  app.use(exportRoutes(db));
  if (opts.files) app.use(fileRoutes(db, opts.files), templateRoutes(db, opts.files));
  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      createContext: ({ res }) => ({ db, user: requestAuth(res)?.user ?? null }),
      maxBodySize: 1024 * 1024,
      onError: ({ path: p, error }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`[api] ${p ?? '?'}: ${error.message}`);
      },
    }),
  );
  if (fs.existsSync(path.join(CLIENT_DIST, 'index.html'))) {
    app.use(staticFiles(CLIENT_DIST));
    // index.html names the hashed scripts of the current build: always revalidated.
    app.get(/^(?!\/(trpc|api|files)\/).*/, (_req, res) => res.sendFile(path.join(CLIENT_DIST, 'index.html'), { headers: { 'Cache-Control': 'no-cache' } }));
  } else {
    app.get('/', (_req, res) => res.status(503).type('text/plain; charset=utf-8').send('看板尚未构建：请先运行 npm run build'));
  }
  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const status = typeof err?.status === 'number' ? err.status : 500;
    console.error(`[http] ${status}: ${err instanceof Error ? err.message : String(err)}`);
    res.status(status).json({ error: status === 413 ? '请求过大' : status < 500 ? '请求无效' : '服务器内部错误' });
  };
  app.use(onError);
  return app;
}
