// The forms the analysis must read, on short texts written for the purpose: heading styles and run-in
// headings, problem statements in and outside problems sections, figures in all their shapes and the
// look-alikes that are not figures, placeholders, flags and metadata.
import { describe, expect, it } from 'vitest';
import type { Analysis, Figure } from '../../shared/types.js';
import { analyzeReport } from './index.js';
import { parseChineseNumber } from './text.js';
import { categoryOf } from './activity.js';
import { expectSpansValid } from '../../tests/analysis-spans.js';

function figureOf(text: string, phrase: string, a: Analysis = analyzeReport(text)): Figure {
  const at = text.indexOf(phrase);
  const f = a.figures.find((x) => x.start >= at && x.end <= at + phrase.length);
  if (!f) throw new Error(`no figure in “${phrase}”; found ${a.figures.map((x) => text.slice(x.start, x.end)).join(' ')}`);
  return f;
}

function figureTexts(text: string): string[] {
  return analyzeReport(text).figures.map((f) => text.slice(f.start, f.end));
}

describe('sections', () => {
  const report = [
    '某区文旅局2023年上半年意识形态工作总结',
    '今年以来，我局认真落实意识形态工作责任制，现将有关情况报告如下：',
    '第一部分 工作开展情况',
    '一、加强组织领导',
    '（一）健全制度。制定了工作规则，明确了责任分工。',
    '1.建立台账',
    '按月更新台账。',
    '（1）细化分工',
    '班子成员分工负责。',
    '①明确专人',
    '由办公室负责。',
    '(二)压实责任：签订责任书。',
    '第二部分 存在的问题和不足',
    '理论学习还不够深入。宣传阵地建设仍较薄弱。',
    '第三部分 下一步工作计划',
    '下一步，我局将继续加强理论学习。',
    '第四部分 意见建议',
    '建议上级加强业务培训。',
    '某区文旅局',
    '2023年7月10日',
  ].join('\n');
  const a = analyzeReport(report);

  it('finds the title, the preamble and every heading style with its level', () => {
    expect(a.meta.title).toBe('某区文旅局2023年上半年意识形态工作总结');
    expect(a.sections.map((s) => [s.level, s.marker, s.heading])).toEqual([
      [1, '', ''],
      [1, '第一部分', '工作开展情况'],
      [2, '一、', '加强组织领导'],
      [3, '（一）', '健全制度'],
      [3, '1.', '建立台账'],
      [3, '（1）', '细化分工'],
      [3, '①', '明确专人'],
      [3, '(二)', '压实责任'],
      [1, '第二部分', '存在的问题和不足'],
      [1, '第三部分', '下一步工作计划'],
      [1, '第四部分', '意见建议'],
    ]);
  });

  it('classifies sections by their headings, subsections by their parent', () => {
    expect(a.sections.map((s) => s.kind)).toEqual([
      'preamble',
      'achievements',
      'achievements',
      'achievements',
      'achievements',
      'achievements',
      'achievements',
      'achievements',
      'problems',
      'plans',
      'suggestions',
    ]);
  });

  it('ends run-in headings at their first stop and keeps the closing date out of the last section', () => {
    const runIn = a.sections.find((s) => s.marker === '（一）')!;
    expect(report.slice(runIn.headingEnd, runIn.headingEnd + 1)).toBe('。');
    const last = a.sections[a.sections.length - 1]!;
    expect(report.slice(last.start, last.end)).toBe('第四部分 意见建议\n建议上级加强业务培训。');
    expectSpansValid(report, a);
  });

  it('reads unnumbered heading lines when a report has no 一、 level', () => {
    const text = [
      '政府工作报告',
      '各位代表：',
      '2023年工作回顾',
      '过去一年，全省上下团结奋斗，经济运行稳中向好，各项事业取得新进展，完成了全年目标任务。',
      '（一）经济发展稳中有进。全年地区生产总值增长6%。',
      '2024年工作安排',
      '今年要坚持稳中求进工作总基调，着力推动高质量发展，努力实现经济质的有效提升和量的合理增长。',
      '（一）扩大有效需求。要持续扩大有效投资。',
      '加强政府自身建设',
      '我们要深入推进依法行政，加快建设法治政府，持续改进工作作风，切实提高行政效能和服务水平。',
    ].join('\n');
    const s = analyzeReport(text).sections;
    expect(s.map((x) => [x.level, x.heading, x.kind])).toEqual([
      [1, '', 'preamble'],
      [1, '2023年工作回顾', 'achievements'],
      [2, '经济发展稳中有进', 'achievements'],
      [1, '2024年工作安排', 'plans'],
      [2, '扩大有效需求', 'plans'],
      [1, '加强政府自身建设', 'plans'],
    ]);
  });

  it('classifies a heading that names no kind by its body', () => {
    const text = '一、夯实理论基础\n开展了专题学习，累计完成培训，已成立学习小组，截至目前共计学习12次。\n二、聚焦短板弱项\n学习不够深入，阵地建设薄弱，创新不足，队伍能力有待提高，宣传不到位，工作不够扎实。';
    expect(analyzeReport(text).sections.map((s) => s.kind)).toEqual(['achievements', 'problems']);
  });

  it('splits an unnumbered closing paragraph of plans off a report without a plans heading', () => {
    const text = '一、主要工作\n开展了理论学习。\n下一步，我局将进一步加强意识形态工作。';
    const s = analyzeReport(text).sections;
    expect(s.map((x) => x.kind)).toEqual(['achievements', 'plans']);
    expect(text.slice(s[1]!.start, s[1]!.end)).toBe('下一步，我局将进一步加强意识形态工作。');
    expect(s[0]!.end).toBe(text.indexOf('\n下一步'));
  });
});

describe('problem statements', () => {
  it('takes one statement per 一是/二是 after a lead-in', () => {
    const text = '二、存在的问题\n虽然取得了一定成绩，但也存在一些不足：一是学习不够深入。二是宣传阵地薄弱，信息更新不及时。三是队伍能力有待提高。\n三、下一步打算\n加强学习。';
    const p = analyzeReport(text).problems.map((x) => x.text);
    expect(p).toEqual(['学习不够深入。', '宣传阵地薄弱，信息更新不及时。', '队伍能力有待提高。']);
  });

  it('takes one statement per （一） subsection, heading and body', () => {
    const text = '一、存在的问题\n（一）学习不够深入。部分党员满足于读原文。\n（二）阵地管理不严。公众号审核流于形式。\n二、下一步打算\n加强管理。';
    const p = analyzeReport(text).problems.map((x) => x.text);
    expect(p).toEqual(['学习不够深入。部分党员满足于读原文。', '阵地管理不严。公众号审核流于形式。']);
  });

  it('takes one statement per sentence where problems are listed in prose', () => {
    const text = '二、存在问题\n一年来工作取得了一定成效，但也存在一些不足。理论学习的系统性不强。网络阵地管理力量不足。\n三、工作计划\n继续努力。';
    const p = analyzeReport(text).problems.map((x) => x.text);
    expect(p).toEqual(['理论学习的系统性不强。', '网络阵地管理力量不足。']);
  });

  it('finds problems admitted inside a paragraph outside any problems heading, and stops at the remedy', () => {
    const text =
      '一、工作开展情况\n我局开展了专题学习。\n但也要看到，我们的工作还存在一些差距：学习形式较为单一；基层宣传力量薄弱；舆情研判不够及时。对此，我们将认真加以解决。\n二、下一步打算\n加强学习。';
    const a = analyzeReport(text);
    expect(a.problems.map((x) => x.text)).toEqual(['学习形式较为单一', '基层宣传力量薄弱', '舆情研判不够及时。']);
    expect(a.flags.find((f) => f.kind === 'missing_problems')?.message).toContain('仅在正文中提到3处问题');
  });

  it('does not read a solved difficulty as an admitted problem', () => {
    const text = '一、主要做法\n深入基层走访，帮助群众解决了一些困难和问题，群众满意度明显提升。';
    expect(analyzeReport(text).problems).toEqual([]);
  });
});

describe('figures', () => {
  it('reads counts with the activity before or after them', () => {
    const text = '今年以来，开展专题学习4次，共组织召开2次专题会议研究部署意识形态工作，组织开展“主题党日”活动7次，“朔州老干部”公众号共计发布信息114条。';
    const a = analyzeReport(text);
    expect(figureOf(text, '专题学习4次', a)).toMatchObject({ activity: '专题学习', value: 4, unit: '次', category: '理论学习/中心组学习' });
    expect(figureOf(text, '2次专题会议', a)).toMatchObject({ activity: '专题会议', value: 2, unit: '次', category: '专题会议/分析研判' });
    expect(figureOf(text, '活动7次', a)).toMatchObject({ activity: '主题党日', value: 7, category: '主题党日/三会一课' });
    expect(figureOf(text, '信息114条', a)).toMatchObject({ activity: '发布信息', value: 114, unit: '条', category: '宣传报道/信息发布' });
    const f = figureOf(text, '信息114条', a);
    expect(text.slice(f.sentence.start, f.sentence.end)).toBe(text);
  });

  it('reads Chinese numerals', () => {
    const text = '全年召开党组会八次，讲党课两次，开展谈心谈话十二次，举办各类讲座一百二十场，召开一次专题研判会。';
    const a = analyzeReport(text);
    expect(figureOf(text, '八次', a)).toMatchObject({ value: 8, unit: '次', category: '专题会议/分析研判' });
    expect(figureOf(text, '两次', a)).toMatchObject({ value: 2, category: '党课' });
    expect(figureOf(text, '十二次', a)).toMatchObject({ value: 12, activity: '谈心谈话', category: '谈心谈话' });
    expect(figureOf(text, '一百二十场', a)).toMatchObject({ value: 120, unit: '场', category: '培训' });
    expect(figureOf(text, '一次专题研判会', a)).toMatchObject({ value: 1, activity: '专题研判会' });
  });

  it('marks approximations', () => {
    const text = '撰写心得体会100余篇，培训党员近200人次，开展宣讲超过30场，发布稿件逾百条，建成宣传栏30多个，参训人员500人左右。';
    const a = analyzeReport(text);
    expect(figureOf(text, '100余篇', a)).toMatchObject({ value: 100, unit: '篇', approx: true });
    expect(figureOf(text, '近200人次', a)).toMatchObject({ value: 200, unit: '人次', approx: true, category: '培训' });
    expect(figureOf(text, '超过30场', a)).toMatchObject({ value: 30, unit: '场', approx: true });
    expect(figureOf(text, '逾百条', a)).toMatchObject({ value: 100, unit: '条', approx: true });
    expect(figureOf(text, '30多个', a)).toMatchObject({ value: 30, unit: '个', approx: true, category: '阵地建设' });
    expect(figureOf(text, '500人左右', a)).toMatchObject({ value: 500, unit: '人', approx: true });
    expect(figureOf(text, '100余篇', a).start).toBe(text.indexOf('100余篇'));
    expect(figureOf(text, '近200人次', a).start).toBe(text.indexOf('近200人次'));
  });

  it('reads percentages, in digits and in words', () => {
    const text = '干部参学率达98%，政治理论考试合格率为百分之九十五，知晓率达到99.5％。';
    const a = analyzeReport(text);
    expect(figureOf(text, '98%', a)).toMatchObject({ value: 98, unit: '%', activity: '干部参学率' });
    expect(figureOf(text, '百分之九十五', a)).toMatchObject({ value: 95, unit: '%' });
    expect(figureOf(text, '99.5％', a)).toMatchObject({ value: 99.5, unit: '%' });
  });

  it('reads money in 元, scaled', () => {
    const text = '投入经费3.5万元，购置图书2千元，争取资金1.2亿元，宣传费用8000元。';
    const a = analyzeReport(text);
    expect(figureOf(text, '3.5万元', a)).toMatchObject({ value: 35000, unit: '元', activity: '投入经费' });
    expect(figureOf(text, '2千元', a)).toMatchObject({ value: 2000, unit: '元' });
    expect(figureOf(text, '1.2亿元', a)).toMatchObject({ value: 120000000, unit: '元' });
    expect(figureOf(text, '8000元', a)).toMatchObject({ value: 8000, unit: '元' });
  });

  it('marks placeholders in the number position', () => {
    const text = '共组织中心组理论学习*次，培训XX场次，投入XX元，开展活动**次，发放资料XXX份，谈心谈话X次。';
    const a = analyzeReport(text);
    for (const phrase of ['*次', 'XX场次', 'XX元', '**次', 'XXX份', 'X次']) {
      expect(figureOf(text, phrase, a)).toMatchObject({ value: null, placeholder: true });
    }
    expect(figureOf(text, '*次', a).activity).toBe('中心组理论学习');
    expect(figureOf(text, 'XX场次', a).activity).toBe('培训');
  });

  it('does not count frequency rules, dates, ordinals, set phrases or names with numbers', () => {
    const notFigures = [
      '坚持每季度召开一次意识形态分析研判会。',
      '每季度召开专题会议1次，对意识形态工作进行分析研判。',
      '坚持每月上一堂“微党课”。',
      '2023年第三季度，我局于7月1日召开会议。',
      '学习贯彻党的二十大精神和十九届六中全会精神。',
      '增强“四个意识”、坚定“四个自信”、做到“两个维护”。',
      '一次性告知群众办事事项，一岗双责落实到位。',
      '统一思想，落实“三会一课”制度，开展第一次集中学习。',
      '组织开展2022年第一期入党积极分子培训。',
      '建立一支政治过硬的队伍，开展一项专项行动。',
    ];
    for (const t of notFigures) expect(figureTexts(t), t).toEqual([]);
  });

  it('names the subject of a change for the figure that follows a total', () => {
    const text = '全省生产总值完成8750.95亿元，增长13.7%。';
    const a = analyzeReport(text);
    expect(figureOf(text, '8750.95亿元', a)).toMatchObject({ activity: '全省生产总值', value: 875095000000, unit: '元' });
    expect(figureOf(text, '13.7%', a)).toMatchObject({ activity: '全省生产总值增长', value: 13.7 });
  });

  it('parses Chinese numerals', () => {
    expect([parseChineseNumber('一百二十'), parseChineseNumber('十二'), parseChineseNumber('两'), parseChineseNumber('百')]).toEqual([120, 12, 2, 100]);
    expect([parseChineseNumber('三万五千'), parseChineseNumber('二〇二三'), parseChineseNumber('一千零五'), parseChineseNumber('X')]).toEqual([35000, 2023, 1005, null]);
  });

  it('maps activities to categories, unmatched to null', () => {
    expect(categoryOf('中心组理论学习')).toBe('理论学习/中心组学习');
    expect(categoryOf('专题党课')).toBe('党课');
    expect(categoryOf('支委会议')).toBe('主题党日/三会一课');
    expect(categoryOf('学习例会')).toBe('理论学习/中心组学习');
    expect(categoryOf('志愿服务')).toBe('文明创建/志愿服务');
    expect(categoryOf('谈心谈话')).toBe('谈心谈话');
    expect(categoryOf('全省生产总值')).toBeNull();
  });
});

describe('placeholders', () => {
  it('finds each kind with its offsets and a density', () => {
    const text = 'XX局党委于20XX年X月X日召开会议，某某同志主持，xxx、××和＊＊参加，［单位名称］（此处填写）负责，签字：____。某局负责落实。';
    const a = analyzeReport(text);
    expect(a.placeholders.map((p) => [p.text, p.kind])).toEqual([
      ['XX', 'x'],
      ['20XX', 'year'],
      ['X月X日', 'date'],
      ['某某', 'mou'],
      ['xxx', 'x'],
      ['××', 'x'],
      ['＊＊', 'star'],
      ['［单位名称］', 'bracket'],
      ['（此处填写）', 'bracket'],
      ['____', 'blank'],
      ['某', 'mou'],
    ]);
    expect(a.placeholderDensity).toBeGreaterThan(100);
    expect(a.flags.some((f) => f.kind === 'placeholder_bulk')).toBe(true);
    expectSpansValid(text, a);
  });

  it('leaves ordinary words, English and arithmetic alone', () => {
    const text = '某些单位采用XML格式，2*66万千瓦机组投产；某种程度上，Xbox不是占位符。\n*政府工作报告';
    expect(analyzeReport(text).placeholders).toEqual([]);
  });
});

describe('flags', () => {
  const kinds = (text: string, hints = {}): string[] => [...new Set(analyzeReport(text, hints).flags.map((f) => f.kind))].sort();

  it('flags template-site markers and download notices', () => {
    const a = analyzeReport('一、工作情况\n##paidbegin##开展学习。本文档由某某文库用户上传，下载全文请登录。##paidend##');
    expect(a.flags.filter((f) => f.kind === 'template_marker')).toHaveLength(2);
    expect(a.flags.some((f) => f.kind === 'download_notice')).toBe(true);
  });

  it('flags a hard line break inside a word, not one after a heading', () => {
    const text = '一、工作情况\n进一步健全完善新闻三审制，搭建信息互通的平台，对一些苗头性问题努力做到早预见、早发现。注重把握不同时期宣传重\n点，提高舆论引导水平。';
    const f = analyzeReport(text).flags.filter((x) => x.kind === 'hard_linebreak');
    expect(f).toHaveLength(1);
    expect(text.slice(f[0]!.start!, f[0]!.end!)).toBe('传重\n点，');
  });

  it('flags stale references for the report year only', () => {
    const text = '一、工作情况\n2024年是建国70周年，是决胜全面建成小康社会的关键一年，我们深入学习贯彻党的十九大精神。\n二、存在的问题\n学习不深入。';
    expect(kinds(text, { year: 2024 })).toEqual(['stale_reference']);
    expect(analyzeReport(text, { year: 2024 }).flags.filter((f) => f.kind === 'stale_reference')).toHaveLength(3);
    expect(kinds(text, { year: 2019 })).toEqual([]);
    // Without a year given, the opening's own 2024年是…关键一年 gives it; a text that states none is not judged.
    expect(kinds(text)).toEqual(['stale_reference']);
    expect(kinds(text.replace('2024年是', '今年是'))).toEqual([]);
  });

  it('flags a report without a problems section', () => {
    expect(kinds('一、主要做法\n开展学习。\n二、下一步打算\n继续学习。')).toEqual(['missing_problems']);
  });

  it('flags another city than the submitter’s, and a real city under a placeholder name', () => {
    const text = '一、主要做法\n为推进新余经济社会发展尽心尽责。\n二、存在的问题\n学习不深入。';
    expect(kinds(text, { unit: '朔州市委老干部局' })).toEqual(['foreign_name']);
    expect(kinds(text, { unit: '新余市统计局' })).toEqual([]);
    expect(kinds(`XX局党委${text}`)).toEqual(['foreign_name']);
    expect(kinds('一、主要做法\n赴新余考察学习。\n二、存在的问题\n学习不深入。', { unit: '朔州市委老干部局' })).toEqual([]);
    expect(kinds(text, { unit: '江西省' })).toEqual([]);
  });

  it('flags implausible figures', () => {
    const a = analyzeReport('一、主要做法\n干部参学率达120%，全年召开专题会议12000次。\n二、存在的问题\n学习不深入。');
    expect(a.flags.filter((f) => f.kind === 'implausible_figure')).toHaveLength(2);
  });

  it('flags stray punctuation left by editing', () => {
    expect(kinds('一、主要做法\n占领舆论阵地。，在院内设立宣传栏。\n二、存在的问题\n学习不深入。')).toEqual(['stray_punctuation']);
  });
});

describe('meta', () => {
  it('takes the hints first, then the title, then the file name', () => {
    const text = '市统计局2023年上半年意识形态工作总结\n今年以来，我局认真落实责任制。';
    expect(analyzeReport(text).meta).toMatchObject({ title: '市统计局2023年上半年意识形态工作总结', unit: '市统计局', year: 2023, period: 'H1' });
    expect(analyzeReport(text, { unit: '市审计局', year: 2022 }).meta).toMatchObject({ unit: '市审计局', year: 2022, period: 'H1' });
    expect(analyzeReport('今年以来，我局认真落实责任制。', { fileName: '市文旅局2021年度意识形态工作总结.txt' }).meta).toMatchObject({ unit: '市文旅局', year: 2021, period: 'annual' });
  });
});

describe('offsets', () => {
  it('are UTF-16 indices into the exact text, also past characters outside the BMP and CRLF-free blank lines', () => {
    const text = '𠀀𠀁标题\n\n一、主要做法\n  （一）𠀂加强学习。开展学习3次，投入XX元。\n二、存在的问题\n一是学习不深入。二是阵地薄弱。';
    const a = analyzeReport(text);
    expectSpansValid(text, a);
    expect(text.slice(figureOf(text, '3次', a).start, figureOf(text, '3次', a).end)).toBe('3次');
    expect(a.problems.map((p) => p.text)).toEqual(['学习不深入。', '阵地薄弱。']);
  });

  it('survive empty and whitespace-only texts', () => {
    for (const t of ['', '\n\n', '   ']) {
      const a = analyzeReport(t);
      expect(a.sections).toEqual([]);
      expect(a.figures).toEqual([]);
    }
  });
});
