// Sessions: a random token in an httpOnly, SameSite=Strict cookie; the database keeps only its hash.
// A second, readable cookie carries the CSRF token that mutations must echo in a header.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SessionUser } from '../../shared/roles.js';
import type { Db } from '../db/connection.js';
import { loadSessionUser } from './users.js';

export const SESSION_COOKIE = 'yanpan_session';
export const CSRF_COOKIE = 'yanpan_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_HOURS = 12;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function createSession(db: Db, userId: number): Promise<{ token: string; csrf: string; expires: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const now = new Date();
  const expires = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await db
    .insertInto('sessions')
    .values({ token_hash: sha256(token), user_id: userId, csrf_token: csrf, created_at: now.toISOString(), expires_at: expires.toISOString() })
    .execute();
  return { token, csrf, expires };
}

export async function resolveSession(db: Db, token: string | undefined): Promise<{ user: SessionUser; csrf: string } | null> {
  if (!token) return null;
  const row = await db.selectFrom('sessions').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
  if (!row) return null;
  if (row.expires_at < new Date().toISOString()) {
    await db.deleteFrom('sessions').where('token_hash', '=', row.token_hash).execute();
    return null;
  }
  const user = await loadSessionUser(db, row.user_id);
  return user ? { user, csrf: row.csrf_token } : null;
}

export async function endSession(db: Db, token: string | undefined): Promise<void> {
  if (token) await db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
}

export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const k = part.slice(0, i).trim();
    try {
      out[k] = decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      // A malformed cookie is ignored, as if absent.
    }
  }
  return out;
}
