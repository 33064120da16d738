// Login, logout, the session on every request, and the CSRF check for state-changing requests.
import express, { type Request, type RequestHandler, type Response } from 'express';
import type { Role, SessionUser } from '../../shared/roles.js';
import type { Db } from '../db/connection.js';
import { audit } from './audit.js';
import { verifyNothing, verifyPassword } from './passwords.js';
import { LoginRateLimiter } from './rate-limit.js';
import { findAccount } from './users.js';
import { createSession, CSRF_COOKIE, CSRF_HEADER, endSession, parseCookies, resolveSession, sameToken, SESSION_COOKIE, SESSION_HOURS } from './sessions.js';

export interface RequestAuth {
  user: SessionUser;
  csrf: string;
  token: string;
}

export function requestAuth(res: Response): RequestAuth | null {
  return (res.locals.auth as RequestAuth | undefined) ?? null;
}

/** The signed-in user for a plain Express route, or null after answering 401/403 (in Chinese). */
export function requireUser(res: Response, roles?: readonly Role[]): SessionUser | null {
  const user = requestAuth(res)?.user ?? null;
  if (!user) {
    res.status(401).json({ error: '请先登录' });
    return null;
  }
  if (roles && !roles.includes(user.role)) {
    res.status(403).json({ error: '当前账号无权执行此操作' });
    return null;
  }
  return user;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function sessionMiddleware(db: Db): RequestHandler {
  return (req, res, next) => {
    const token = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    resolveSession(db, token)
      .then((s) => {
        if (s && token) res.locals.auth = { ...s, token } satisfies RequestAuth;
        if (s && MUTATING.has(req.method) && req.path !== '/api/login' && !sameToken(req.get(CSRF_HEADER), s.csrf)) {
          console.error(`[auth] CSRF token missing or wrong: ${req.method} ${req.path} (${s.user.username})`);
          res.status(403).json({ error: '安全校验失败，请刷新页面后重试' });
          return;
        }
        next();
      })
      .catch(next);
  };
}

function setSessionCookies(req: Request, res: Response, secure: boolean, token: string, csrf: string, maxAgeMs: number) {
  const common = { sameSite: 'strict' as const, secure: secure || req.secure, path: '/', maxAge: maxAgeMs };
  res.cookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  res.cookie(CSRF_COOKIE, csrf, { ...common, httpOnly: false });
}

export interface AuthRouteOptions {
  limiter?: LoginRateLimiter;
  /** Mark the cookies Secure whatever the request says (the dashboard is served over HTTPS). */
  secureCookies?: boolean;
}

export function authRoutes(db: Db, opts: AuthRouteOptions = {}): express.Router {
  const limiter = opts.limiter ?? new LoginRateLimiter();
  const secure = opts.secureCookies === true;
  const r = express.Router();
  r.post('/api/login', express.json({ limit: '4kb' }), async (req, res, next) => {
    try {
      const username = typeof req.body?.username === 'string' ? req.body.username.trim().slice(0, 100) : '';
      const password = typeof req.body?.password === 'string' ? req.body.password : '';
      const attempt = { address: req.ip ?? '?', account: username };
      const wait = limiter.retryAfter(attempt);
      if (wait > 0) {
        console.error(`[auth] login rate-limited: ${username} from ${attempt.address}`);
        res.status(429).set('Retry-After', String(wait)).json({ error: `登录失败次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试` });
        return;
      }
      const row = username ? await findAccount(db, username) : undefined;
      // A missing or disabled account costs one verification too: the answer's timing names no user.
      const ok = row && !row.disabled ? await verifyPassword(row.password_hash, password) : await verifyNothing(password);
      if (!row || !ok) {
        limiter.fail(attempt);
        res.status(401).json({ error: '用户名或密码错误' });
        return;
      }
      limiter.succeed(attempt);
      const s = await createSession(db, row.id);
      setSessionCookies(req, res, secure, s.token, s.csrf, SESSION_HOURS * 3600_000);
      await audit(db, { id: row.id, username: row.username }, 'login');
      res.json({ ok: true });
    } catch (e) {
      next(e);
    }
  });
  r.post('/api/logout', async (req, res, next) => {
    try {
      const auth = requestAuth(res);
      await endSession(db, auth?.token);
      if (auth) await audit(db, auth.user, 'logout');
      setSessionCookies(req, res, secure, '', '', 0);
      res.json({ ok: true });
    } catch (e) {
      next(e);
    }
  });
  return r;
}
