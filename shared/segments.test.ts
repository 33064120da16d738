import { describe, expect, it } from 'vitest';
import { segmentText } from './segments.js';

describe('segmentText', () => {
  it('covers the text exactly once and keeps overlapping annotations apart', () => {
    const text = '一二三四五六七八九十';
    const anns = [
      { start: 1, end: 5, priority: 1, key: 'a' },
      { start: 3, end: 8, priority: 2, key: 'b' },
    ];
    const segs = segmentText(text.length, anns);
    expect(segs.map((s) => text.slice(s.start, s.end)).join('')).toBe(text);
    expect(segs.map((s) => [s.start, s.end, s.active.map((a) => a.key).join('')])).toEqual([
      [0, 1, ''],
      [1, 3, 'a'],
      [3, 5, 'ba'],
      [5, 8, 'b'],
      [8, 10, ''],
    ]);
  });

  it('ignores empty spans and clamps spans past the end', () => {
    const segs = segmentText(4, [
      { start: 2, end: 2, priority: 1, key: 'empty' },
      { start: 3, end: 9, priority: 1, key: 'long' },
    ]);
    expect(segs).toEqual([
      { start: 0, end: 3, active: [] },
      { start: 3, end: 4, active: [expect.objectContaining({ key: 'long' })] },
    ]);
  });
});
