import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import base from '../vite.config.js';

// `npm run test:pg`: the database tests (those that take their database from tests/test-db.ts) again,
// on PostgreSQL. Without a server to run them on (YANPAN_TEST_PG) they are skipped, and the run says so.
const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCES = ['server', 'tests/unit', 'seed', 'shared'];

function databaseTests(): string[] {
  const files = SOURCES.flatMap((dir) => fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)));
  return files.filter((f) => f.endsWith('.test.ts') && /from '(\.\.\/)+(tests\/)?test-db\.js'/.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
}

const configured = !!process.env.YANPAN_TEST_PG;
if (!configured) console.warn('[tests] 未设置 YANPAN_TEST_PG（测试用 PostgreSQL 的地址，如 postgres://postgres@127.0.0.1:55433/postgres）：PostgreSQL 上的数据库测试全部跳过');
process.env.YANPAN_TEST_DIALECT = 'postgres';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: configured ? databaseTests() : [],
    exclude: configured ? [] : ['**'],
    passWithNoTests: true,
  },
});
