import { sql } from 'kysely';
import type { Role, SessionUser } from '../../shared/roles.js';
import type { Db } from '../db/connection.js';
import { isUniqueViolation } from '../db/errors.js';
import { generatePassword, hashPassword, passwordProblem } from './passwords.js';

export class AccountError extends Error {}

/** The account of a user name as typed: names are unique without regard to case (admin = ADMIN). */
export function findAccount(db: Db, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'password_hash', 'disabled'])
    .where(sql<string>`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

export async function createUser(
  db: Db,
  u: { username: string; displayName?: string; password: string; role: Role; unitId?: number | null },
): Promise<number> {
  if (!/^[\w.\-@]{2,40}$/.test(u.username)) throw new AccountError('用户名应为 2–40 位字母、数字或 _.-@');
  const weak = passwordProblem(u.password, u.username);
  if (weak) throw new AccountError(weak);
  if (u.role === 'submitter' && !u.unitId) throw new AccountError('报送人账号必须指定所属单位');
  if (u.role === 'submitter' && !(await db.selectFrom('units').select('id').where('id', '=', u.unitId!).executeTakeFirst())) {
    throw new AccountError('所选单位不存在，请刷新页面后重新选择');
  }
  const exists = await findAccount(db, u.username);
  if (exists) throw new AccountError(`用户名“${exists.username}”已存在（用户名不区分大小写）`);
  const passwordHash = await hashPassword(u.password);
  try {
    const { id } = await db
      .insertInto('users')
      .values({
        username: u.username,
        display_name: u.displayName ?? u.username,
        password_hash: passwordHash,
        role: u.role,
        unit_id: u.role === 'submitter' ? (u.unitId ?? null) : null,
        created_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  } catch (e) {
    // The same name created at the same moment by another request.
    if (isUniqueViolation(e)) throw new AccountError(`用户名“${u.username}”已存在（用户名不区分大小写）`);
    throw e;
  }
}

/**
 * On first start, creates the administrator `admin` with YANPAN_ADMIN_PASSWORD, or with a generated
 * password that is returned so the caller prints it once.
 */
export async function ensureAdmin(db: Db, configured = process.env.YANPAN_ADMIN_PASSWORD): Promise<{ created: boolean; generatedPassword: string | null }> {
  const any = await db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirst();
  if (any) return { created: false, generatedPassword: null };
  const password = configured && configured.length > 0 ? configured : generatePassword();
  await createUser(db, { username: 'admin', displayName: '系统管理员', password, role: 'admin' });
  return { created: true, generatedPassword: configured ? null : password };
}

export async function loadSessionUser(db: Db, userId: number): Promise<SessionUser | null> {
  const row = await db
    .selectFrom('users as us')
    .leftJoin('units as u', 'u.id', 'us.unit_id')
    .select(['us.id', 'us.username', 'us.display_name', 'us.role', 'us.unit_id', 'us.disabled', 'u.name as unit_name'])
    .where('us.id', '=', userId)
    .executeTakeFirst();
  if (!row || row.disabled) return null;
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role as Role, unitId: row.unit_id, unitName: row.unit_name };
}
