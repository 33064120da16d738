import type { Role, SessionUser } from '../../shared/roles.js';
import type { Db } from '../db/connection.js';
import { generatePassword, hashPassword, MIN_PASSWORD_LENGTH } from './passwords.js';

export class AccountError extends Error {}

export async function createUser(
  db: Db,
  u: { username: string; displayName?: string; password: string; role: Role; unitId?: number | null },
): Promise<number> {
  if (!/^[\w.\-@]{2,40}$/.test(u.username)) throw new AccountError('用户名应为 2–40 位字母、数字或 _.-@');
  if (u.password.length < MIN_PASSWORD_LENGTH) throw new AccountError(`密码至少 ${MIN_PASSWORD_LENGTH} 位`);
  if (u.role === 'submitter' && !u.unitId) throw new AccountError('报送人账号必须指定所属单位');
  const exists = await db.selectFrom('users').select('id').where('username', '=', u.username).executeTakeFirst();
  if (exists) throw new AccountError(`用户名“${u.username}”已存在`);
  const { id } = await db
    .insertInto('users')
    .values({
      username: u.username,
      display_name: u.displayName ?? u.username,
      password_hash: await hashPassword(u.password),
      role: u.role,
      unit_id: u.role === 'submitter' ? (u.unitId ?? null) : null,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
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
