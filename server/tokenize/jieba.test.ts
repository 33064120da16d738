import { describe, expect, it } from 'vitest';
import { cutWords } from './jieba.js';

describe('cutWords', () => {
  it('keeps numbers whole and drops punctuation', () => {
    const words = cutWords('开展专题学习12次，参学率达98%。');
    expect(words).toContain('12');
    expect(words).toContain('专题学习');
    expect(words).not.toContain('，');
  });
});
