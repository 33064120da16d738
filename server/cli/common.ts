// What every command shares and costs nothing to load: usage errors, failing with a message, reading
// the metadata options, the summary line. Commands load their own stages (cli.ts loads one command).
import fs from 'node:fs';
import os from 'node:os';
import { PERIODS, type Period, type ReportMeta } from '../../shared/types.js';
import type { Failure } from '../intake/batch.js';

export class UsageError extends Error {}

export function currentOsUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? '?';
  }
}

export function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** A file named on the command line, or exit 2 naming it. */
export function readInput(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch {
    fail(`${file}: 无法读取文件`, 2);
  }
}

export function parsePeriod(p: string | undefined): Period | undefined {
  if (p === undefined) return undefined;
  if (!PERIODS.includes(p as Period)) throw new UsageError(`--period 应为 ${PERIODS.join('/')} 之一`);
  return p as Period;
}

export function parseYear(y: string | undefined): number | undefined {
  if (y === undefined) return undefined;
  if (!/^\d{4}$/.test(y)) throw new UsageError('--year 应为四位年份');
  return Number(y);
}

/** --unit/--department/--year/--period: metadata set for a whole run (or one report). */
export const META_OPTIONS = { unit: { type: 'string' }, department: { type: 'string' }, year: { type: 'string' }, period: { type: 'string' } } as const;

export function metaOptions(values: { unit?: string; department?: string; year?: string; period?: string }): Partial<ReportMeta> {
  const meta: Partial<ReportMeta> = {};
  if (values.unit !== undefined) meta.unit = values.unit;
  if (values.department !== undefined) meta.department = values.department;
  const year = parseYear(values.year);
  if (year !== undefined) meta.year = year;
  const period = parsePeriod(values.period);
  if (period !== undefined) meta.period = period;
  return meta;
}

/** Each failure on standard error, the summary with them on standard output; 0 all done, 1 some, 2 none. */
export function finish(summary: Record<string, number>, failed: Failure[], done: number, more: Record<string, unknown> = {}): number {
  for (const f of failed) process.stderr.write(`${f.file}: ${f.error}\n`);
  process.stdout.write(`${JSON.stringify({ ...summary, failed, ...more })}\n`);
  if (failed.length === 0) return 0;
  return done > 0 ? 1 : 2;
}
