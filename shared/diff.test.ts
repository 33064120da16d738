import { describe, expect, it } from 'vitest';
import { diffPassages } from './diff.js';

describe('diffPassages', () => {
  it('marks a swapped unit name and a changed number, and nothing else', () => {
    const d = diffPassages('市教育局开展专题学习4次，参学率达98%', '市财政局开展专题学习6次，参学率达98%');
    expect(d.a.filter((p) => !p.same).map((p) => p.text)).toEqual(['教育', '4']);
    expect(d.b.filter((p) => !p.same).map((p) => p.text)).toEqual(['财政', '6']);
    expect(d.a.map((p) => p.text).join('')).toBe('市教育局开展专题学习4次，参学率达98%');
    expect(d.common).toBe(17);
  });

  it('compares over-long passages as wholes', () => {
    const long = '字'.repeat(5000);
    expect(diffPassages(long, long).common).toBe(5000);
    expect(diffPassages(long, `${long}多`).a).toEqual([{ text: long, same: false }]);
  });
});
