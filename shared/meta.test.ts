import { describe, expect, it } from 'vitest';
import { mergeMeta, metaFromFileName, periodFrom, yearFrom } from './meta.js';

describe('metaFromFileName', () => {
  it('reads unit, year and period from the usual file names', () => {
    expect(metaFromFileName('市统计局2023年上半年意识形态工作总结.txt')).toEqual({
      title: null, unit: '市统计局', department: null, year: 2023, period: 'H1',
    });
    expect(metaFromFileName('batch/市教育局2022年度意识形态工作责任制落实情况报告.docx')).toMatchObject({ unit: '市教育局', year: 2022, period: 'annual' });
    expect(metaFromFileName('市公安局2024年下半年工作总结.pdf')).toMatchObject({ unit: '市公安局', year: 2024, period: 'H2' });
    expect(metaFromFileName('市财政局关于2021年第三季度意识形态工作的报告.txt')).toMatchObject({ unit: '市财政局', year: 2021, period: 'Q3' });
  });

  it('does not take a template placeholder or a bare number for a unit', () => {
    expect(metaFromFileName('XX局2023年上半年意识形态工作总结.docx').unit).toBeNull();
    expect(metaFromFileName('000_c4e7c675f812d522.txt')).toMatchObject({ unit: null, year: null });
  });

  it('reads years written in Chinese numerals', () => {
    expect(yearFrom('二〇二三年工作总结')).toBe(2023);
    expect(periodFrom('2023年上半年')).toBe('H1');
  });
});

describe('mergeMeta', () => {
  it('takes each field from the first source that has it', () => {
    expect(mergeMeta({ unit: '甲', year: null }, { unit: '乙', year: 2020 }, { title: '标题' })).toEqual({
      title: '标题', unit: '甲', department: null, year: 2020, period: null,
    });
  });
});
