// serve: the Express app — tRPC API under /trpc and the built dashboard (dist/client).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express, { type ErrorRequestHandler } from 'express';
import helmet from 'helmet';
import { appRouter } from './api/router.js';
import { authRoutes, requestAuth, sessionMiddleware } from './auth/http.js';
import type { LoginRateLimiter } from './auth/rate-limit.js';
import type { Db } from './db/connection.js';
import { exportRoutes } from './export/routes.js';
import { fileRoutes, type FileRouteOptions } from './upload/routes.js';
import { templateRoutes } from './upload/templates.js';

export const CLIENT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'client');

/** `files`: where uploads are staged and originals kept; without it the app takes no uploads. */
export function createApp(db: Db, opts: { loginLimiter?: LoginRateLimiter; files?: FileRouteOptions } = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'img-src': ["'self'", 'data:', 'blob:'], 'style-src': ["'self'", "'unsafe-inline'"] },
      },
    }),
  );
  app.set('trust proxy', 'loopback');
  app.use(sessionMiddleware(db));
  app.use(authRoutes(db, opts.loginLimiter));
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
    app.use(express.static(CLIENT_DIST, { index: false, maxAge: '1h' }));
    app.get(/^(?!\/(trpc|api|files)\/).*/, (_req, res) => res.sendFile(path.join(CLIENT_DIST, 'index.html')));
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
