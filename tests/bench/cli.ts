// CLI start-up: how long `yanpan` takes before it does any work, per command (each loads only its own
// stages), median of five runs on an empty database, and one sample report analysed (not stored).
// Usage: node bin/run-ts.js tests/bench/cli.ts
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, seedSampleFiles } from '../shared-material.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yanpan-bench-cli-'));
const db = path.join(dir, 'bench.db');
const RUNS = 5;

function median(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'yanpan.js'), ...args], { stdio: 'ignore' });
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

const seed = seedSampleFiles()[0];
const cases: Array<[string, string[]]> = [
  ['yanpan bogus (unknown command)', ['bogus']],
  ['yanpan --help', ['--help']],
  ['yanpan units (empty database)', ['units', '--db', db]],
  ['yanpan reports (empty database)', ['reports', '--db', db]],
  ['yanpan reuse (empty database)', ['reuse', '--db', db]],
  ...(seed ? [[`yanpan analyze seed/samples/${path.basename(seed)}`, ['analyze', seed]] satisfies [string, string[]]] : []),
];
median(['units', '--db', db]); // the database created and migrated once, outside the timings
console.log(`CLI start-up, median of ${RUNS} runs; ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}`);
for (const [name, args] of cases) console.log(`  ${name.padEnd(40)} ${median(args).toFixed(0)} ms`);
fs.rmSync(dir, { recursive: true, force: true });
