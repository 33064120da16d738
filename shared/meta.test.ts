import { describe, expect, it } from 'vitest';
import { mergeMeta, periodAt, periodFrom, yearAt, yearFrom } from './meta.js';

describe('years', () => {
  it('reads years as committees write them, with their span', () => {
    expect(yearFrom('二〇二三年工作总结')).toBe(2023);
    expect(yearFrom('2023度意识形态领域形势分析研判报告')).toBe(2023);
    expect(yearFrom('2026 年第一季度')).toBe(2026);
    expect(yearFrom('(2026)第三季度意识形态研判报告')).toBe(2026);
    expect(yearAt('关于2021年第三季度', 0)).toEqual({ value: 2021, start: 2, end: 7 });
    expect(yearFrom('20XX年意识形态工作总结')).toBeNull();
    expect(yearFrom('共12023年')).toBeNull();
  });
});

describe('periods', () => {
  it('reads the period words of titles and openings', () => {
    for (const [s, p] of [
      ['2023年上半年', 'H1'],
      ['市水务局1—6月意识形态工作情况报告', 'H1'],
      ['1-6月份', 'H1'],
      ['2023年半年工作总结', 'H1'],
      ['下半年', 'H2'],
      ['第三季度意识形态工作分析研判报告', 'Q3'],
      ['二季度', 'Q2'],
      ['前三季度工作总结', 'Q3'],
      ['2022年度', 'annual'],
      ['全年工作', 'annual'],
      ['2023度意识形态', 'annual'],
    ] as const) {
      expect(periodAt(s)?.value, s).toBe(p);
    }
    expect(periodAt('半年来，每半年报告一次')).toBeNull();
    expect(periodFrom('2023年意识形态工作总结')).toBe('annual');
  });
});

describe('mergeMeta', () => {
  it('takes each field from the first source that has it', () => {
    expect(mergeMeta({ unit: '甲', year: null }, { unit: '乙', year: 2020 }, { title: '标题' })).toEqual({
      title: '标题', unit: '甲', department: null, year: 2020, period: null,
    });
  });
});
