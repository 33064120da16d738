// Frozen: user names unique without regard to case (`ADMIN` and `admin` are one account). Names that
// already clash keep the oldest account as it is; the later ones get their id appended (admin-7), so
// nobody signs in to someone else's account and an administrator sees which ones to sort out.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const users = await db.selectFrom('users').select(['id', 'username']).orderBy('id').execute();
  const taken = new Set<string>();
  for (const u of users as Array<{ id: number; username: string }>) {
    const key = u.username.toLowerCase();
    if (!taken.has(key)) {
      taken.add(key);
      continue;
    }
    let renamed = `${u.username}-${u.id}`;
    while (taken.has(renamed.toLowerCase())) renamed = `${renamed}-${u.id}`;
    taken.add(renamed.toLowerCase());
    await db.updateTable('users').set({ username: renamed }).where('id', '=', u.id).execute();
  }
  await sql`create unique index users_username_nocase on users (lower(username))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index users_username_nocase`.execute(db);
}
