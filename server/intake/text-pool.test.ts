// The pool of text workers: each worker holds the next submission before it finishes one, and the writer
// can take the newest waiting one to work on in line; either way the work is what workOnText gives.
import { afterAll, describe, expect, it } from 'vitest';
import { TextPool } from './text-pool.js';
import { workOnText } from './text-work.js';

const submission = (i: number) => ({
  fileName: `报告${i}.txt`,
  bytes: new TextEncoder().encode(`市统计局2024年意识形态工作总结\n一、工作情况\n全年召开专题会议${i}次，开展宣讲${i + 2}场。\n二、存在问题\n学习不够深入。`),
});

describe('TextPool', () => {
  const pool = new TextPool(1);
  afterAll(() => pool.close());

  it('hands the writer the newest waiting submission and keeps the oldest for the worker', async () => {
    const subs = [1, 2, 3, 4, 5].map(submission);
    const works = subs.map((s) => pool.run(s));
    // Two are in the worker's hands; the writer takes the newest of the three still waiting.
    const inline = await pool.workOneInline();
    expect(inline).toBe(true);
    const got = await Promise.all(works);
    const expected = await Promise.all(subs.map((s) => workOnText(s)));
    expect(got.map((w) => w.hash)).toEqual(expected.map((w) => w.hash));
    expect(got.map((w) => w.analysis.figures.map((f) => f.value))).toEqual(expected.map((w) => w.analysis.figures.map((f) => f.value)));
    expect(got[4]!.words).toBe(expected[4]!.words);
    // Nothing waits any more.
    expect(await pool.workOneInline()).toBe(false);
  }, 120_000);
});
