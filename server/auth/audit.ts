// The audit log: who uploaded, corrected, deleted or exported what, and when.
import type { SessionUser } from '../../shared/roles.js';
import type { Db } from '../db/connection.js';

export type AuditAction =
  | 'login'
  | 'logout'
  | 'upload'
  | 'correct'
  | 'delete'
  | 'restore'
  | 'export'
  | 'user.create'
  | 'user.update'
  | 'theme.rename'
  | 'theme.merge'
  | 'theme.split'
  | 'theme.move'
  | 'theme.cue'
  | 'units.update'
  | 'template.add'
  | 'template.remove';

/** Who did it: a signed-in user, or (id null) the command line run by an operating-system account. */
export type AuditActor = Pick<SessionUser, 'username'> & { id: number | null };

/** The command line's entry in the audit log: 命令行（root）. */
export function commandLineActor(osUser: string): AuditActor {
  return { id: null, username: `命令行（${osUser}）` };
}

export async function audit(db: Db, user: AuditActor | null, action: AuditAction, target?: string, detail?: unknown): Promise<void> {
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
