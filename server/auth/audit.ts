// The audit log: who uploaded, corrected, deleted or exported what, and when.
import type { SessionUser } from '../../shared/roles.js';
import type { Db } from '../db/connection.js';

export type AuditAction = 'login' | 'logout' | 'upload' | 'correct' | 'delete' | 'restore' | 'export' | 'user.create' | 'user.update' | 'template.add' | 'template.remove';

export async function audit(db: Db, user: Pick<SessionUser, 'id' | 'username'> | null, action: AuditAction, target?: string, detail?: unknown): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: new Date().toISOString(),
      user_id: user?.id ?? null,
      username: user?.username ?? '（系统）',
      action,
      target: target ?? null,
      detail: detail === undefined ? null : JSON.stringify(detail),
    })
    .execute();
}
