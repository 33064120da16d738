// Fresh databases for tests, in either dialect. Every test that stores data takes its database from
// here, so that the same test runs on SQLite (`npm test`) and on PostgreSQL (`npm run test:pg`, which
// sets YANPAN_TEST_DIALECT=postgres). PostgreSQL tests need a server: YANPAN_TEST_PG names one, as a URL
// to a database of a user allowed to create databases (postgres://postgres@127.0.0.1:55433/postgres);
// .ci/run starts a throwaway cluster for it (tests/pg-cluster.sh). Without it they say so and skip.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { connectDb, type Db, isPostgresUrl, openDb } from '../server/db/connection.js';

export type Dialect = 'sqlite' | 'postgres';

/** The dialect this run's database tests use. */
export const TEST_DIALECT: Dialect = process.env.YANPAN_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

/** Names of the databases tests create: dropped by tests/pg-setup.ts before and after a run. */
export const TEST_DB_PREFIX = 'yanpan_test_';

const TEST_PG = process.env.YANPAN_TEST_PG;

/** Whether tests can use PostgreSQL; says so plainly when they cannot. */
export function postgresAvailable(): boolean {
  if (!TEST_PG) console.warn('[tests] 未设置 YANPAN_TEST_PG（测试用 PostgreSQL 的地址）：依赖 PostgreSQL 的测试被跳过');
  return !!TEST_PG;
}

let created = 0;
/** Temporary folders this process made: removed when it ends. */
const folders: string[] = [];
process.once('exit', () => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A fresh, empty database location, not yet opened: a SQLite file in a new temporary folder, or a new
 * PostgreSQL database (then the files a server keeps beside the database go to a temporary
 * YANPAN_DATA_DIR, inherited by the CLI processes a test starts).
 */
export async function freshDbLocation(dialect: Dialect = TEST_DIALECT, prefix = TEST_DB_PREFIX): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-test-'));
  folders.push(dir);
  if (dialect === 'sqlite') return path.join(dir, 'y.db');
  if (!TEST_PG) throw new Error('未设置 YANPAN_TEST_PG：没有可供测试的 PostgreSQL');
  process.env.YANPAN_DATA_DIR ??= dir;
  const name = `${prefix}${process.pid}_${++created}`;
  await withAdmin(async (admin) => {
    // Code-point order and Unicode letters, as on SQLite: the order of names is the same in both.
    await admin.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
  });
  const url = new URL(TEST_PG);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh database, opened and migrated (SQLite in memory: nothing to clean up). */
export async function openFreshDb(dialect: Dialect = TEST_DIALECT): Promise<Db> {
  return openDb(dialect === 'sqlite' ? ':memory:' : await freshDbLocation(dialect));
}

/** A fresh database as it is, not migrated: for tests of upgrades, which migrate it step by step. */
export async function connectFreshDb(dialect: Dialect = TEST_DIALECT): Promise<{ db: Kysely<any>; location: string }> {
  const location = await freshDbLocation(dialect);
  return { db: await connectDb(location), location };
}

/** The columns of a table, in either dialect. */
export async function columnsOf(db: Kysely<any>, table: string, dialect: Dialect = TEST_DIALECT): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db)
      : await sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db);
  return rows.rows.map((r) => r.name);
}

/** The tables of a database, in either dialect (SQLite's FTS5 shadow tables included, its own left out). */
export async function tablesOf(db: Kysely<any>, dialect: Dialect = TEST_DIALECT): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() order by table_name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/** Drops one database freshDbLocation made (a SQLite file goes with its folder when the process ends). */
export async function dropFreshDb(location: string): Promise<void> {
  if (!isPostgresUrl(location)) return;
  const name = new URL(location).pathname.slice(1);
  if (/^yanpan_\w+$/.test(name)) await withAdmin((admin) => admin.query(`drop database if exists ${name} with (force)`));
}

/** Drops the databases tests created (all of them, whichever process made them). */
export async function dropTestDatabases(): Promise<void> {
  if (!TEST_PG) return;
  await withAdmin(async (admin) => {
    const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [`${TEST_DB_PREFIX}%`]);
    for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
  });
}

async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: TEST_PG });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
