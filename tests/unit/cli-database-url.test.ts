// A postgres:// URL in --db or YANPAN_DB names a PostgreSQL database, never a SQLite file in a folder
// called "postgres:"; one that cannot be reached is a one-line Chinese failure (exit 2) that does not
// print the password.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../shared-material.js';

const BIN = path.join(REPO_ROOT, 'bin', 'yanpan.js');
// Port 1 on the loopback: nothing listens there.
const UNREACHABLE = 'postgres://yanpan:s3cret@127.0.0.1:1/yanpan';

describe('yanpan --db postgres://…', () => {
  it('connects to PostgreSQL (here: fails to, exit 2) from --db and from YANPAN_DB, creating no file', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-cli-url-'));
    for (const [args, env] of [
      [['reuse', '--db', UNREACHABLE], {}],
      [['themes'], { YANPAN_DB: UNREACHABLE }],
      [['backup', path.join(cwd, 'b.dump'), '--db', UNREACHABLE], {}],
    ] as const) {
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines.at(-1)).toMatch(/PostgreSQL.*postgres:\/\/yanpan:\*\*\*@127\.0\.0\.1:1\/yanpan/);
      expect(r.stderr).not.toContain('s3cret');
    }
    expect(fs.readdirSync(cwd)).toEqual([]);
    fs.rmSync(cwd, { recursive: true, force: true });
  }, 60_000);
});
