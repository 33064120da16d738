// Quotes cut at sentence boundaries, on a real sample report: a passage the reuse index starts inside a
// word (年是建国70周年…, where the year differs from the other report) is quoted from its sentence start.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_SAMPLES_DIR } from '../../tests/shared-material.js';
import { quoteText, wholeSentences } from './quotes.js';

const text = fs.readFileSync(path.join(SEED_SAMPLES_DIR, '002_8c8fbbd32e8bfde7.txt'), 'utf8').replace(/\r\n/g, '\n');

describe('whole-sentence quotes', () => {
  it('an excerpt of a passage starting mid-word begins at its sentence start (outward)', () => {
    const start = text.indexOf('年是建国70周年');
    const q = wholeSentences(text, start, start + 60, 300, 'outward');
    expect(text.slice(q.start, q.start + 13)).toBe('2024年是建国70周年，');
    expect(text[q.end - 1]).toMatch(/[。！？]/);
  });

  it('a quote keeps to the whole sentences inside the passage (inward) and stops at the limit on a sentence end', () => {
    const start = text.indexOf('年是建国70周年');
    const end = start + 400;
    const q = wholeSentences(text, start, end, 120);
    expect(q.start).toBeGreaterThan(start);
    expect(text.slice(q.start).startsWith('2024年以来，')).toBe(true);
    expect(q.end - q.start).toBeLessThanOrEqual(120 * 1.5);
    expect(text[q.end - 1]).toMatch(/[。！？]/);
    expect(quoteText(text, q).endsWith('……')).toBe(q.cut);
  });

  it('a sentence longer than the quote is cut at a clause and marked ……', () => {
    const long = `${'一是加强理论学习，'.repeat(40)}取得成效。`;
    const q = wholeSentences(long, 3, long.length, 60);
    expect(q.start).toBe(0);
    expect(q.cut).toBe(true);
    expect(long[q.end - 1]).toBe('，');
    expect(quoteText(long, q)).toMatch(/学习……$/);
  });

  it('a passage inside one sentence is quoted by its own clauses (within), not by the sentence that names the unit', () => {
    const start = text.indexOf('牢牢把握正确的政治方向');
    const end = text.indexOf('立足点', start);
    expect(wholeSentences(text, start, end, 120).start).toBe(text.indexOf('2024年以来，市XX局'));
    const q = wholeSentences(text, start, end, 120, 'within');
    expect(q.start).toBe(start);
    expect(q.end).toBeLessThanOrEqual(end);
    expect(quoteText(text, q)).toBe('……牢牢把握正确的政治方向，围绕XX工作任务……');
    // A passage ending where its clause ends takes the clause's mark and stays whole.
    const whole = text.indexOf('发挥思想引领');
    const q2 = wholeSentences(text, whole, text.indexOf('。', whole), 120, 'within');
    expect(quoteText(text, q2)).toBe('……发挥思想引领、舆论推动、精神激励的重要作用，扎实做好意识形态工作。');
  });

  it('keeps a heading apart from the text after it with a space, and joins a line a PDF wrapped', () => {
    const q = (t: string) => quoteText(t, { start: 0, end: t.length, cut: false });
    expect(q('一、加强组织领导\n学院高度重视意识形态工作。')).toBe('一、加强组织领导 学院高度重视意识形态工作。');
    expect(q('党委理论学习中心组开展专题学习12次，意识\n形态工作责任制落实到位。')).toBe('党委理论学习中心组开展专题学习12次，意识形态工作责任制落实到位。');
  });
});
