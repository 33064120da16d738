// The forms real submissions take, on short texts written for the purpose (issue #15): template-site
// leftovers, masks apart from blanks, traditional script with pinyin glosses, PDF and page damage, headings a
// page ran into one line, outlines, work plans, and the numbers that are not activity figures.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../shared/types.js';
import { analyzeReport } from './index.js';
import { FLAG_KINDS } from './flags.js';
import { headingKind } from './sections.js';
import { FLAG_LABELS } from '../../shared/flags.js';
import { toSimplified } from './script.js';
import { judgeName } from './units.js';
import { expectSpansValid } from '../../tests/analysis-spans.js';
import { seedSampleFiles } from '../../tests/shared-material.js';

const flagged = (a: Analysis, text: string, kind: string): string[] =>
  a.flags.filter((f) => f.kind === kind && f.start !== null && f.end !== null).map((f) => text.slice(f.start!, f.end!));
const figures = (a: Analysis, text: string): string[] => a.figures.map((f) => text.slice(f.start, f.end));
/** The kinds of the sections, the preamble left out. */
const kinds = (a: Analysis): string[] => a.sections.filter((s) => s.kind !== 'preamble').map((s) => s.kind);

describe('template-site leftovers', () => {
  const page = [
    '当前位置：首页 > 工作总结 > 意识形态工作总结',
    '标题：某局2024年意识形态工作总结 [打印本页]',
    '时间：2024-11-08 10:36  浏览量：1701',
    '下面是小编为大家整理的某局2024年意识形态工作总结（共3篇），供大家参考。',
    '【篇一】',
    '2024年，局党组认真落实意识形态工作责任制，现将有关情况报告如下：',
    '一、工作开展情况',
    '全年召开党组会议专题研究意识形态工作4次。',
    '……略……',
    '(阅读全部内容，您需要先登录！)',
    '1、本文档由用户上传，本站不保证内容完整，每下载1次扣除1次下载权益。',
  ].join('\n');
  const a = analyzeReport(page);

  it('flags each leftover with its kind and span', () => {
    expect(flagged(a, page, 'site_chrome')).toEqual([
      '当前位置：首页 > 工作总结 > 意识形态工作总结',
      '标题：某局2024年意识形态工作总结 [打印本页]',
      '时间：2024-11-08 10:36  浏览量：1701',
    ]);
    expect(flagged(a, page, 'editor_lead_in')).toEqual(['下面是小编为大家整理的某局2024年意识形态工作总结（共3篇），供大家参考。']);
    expect(flagged(a, page, 'collection_marker')).toEqual(['【篇一】']);
    expect(flagged(a, page, 'truncation')).toEqual(['……略……']);
    expect(flagged(a, page, 'download_notice')).toEqual(['(阅读全部内容，您需要先登录！)', '1、本文档由用户上传，本站不保证内容完整，每下载1次扣除1次下载权益。']);
    expectSpansValid(page, a);
  });

  it('reads no section, title or figure from them, and does not call a cut text short of problems', () => {
    expect(a.sections.filter((s) => s.kind !== 'preamble').map((s) => s.marker + s.heading)).toEqual(['一、工作开展情况']);
    expect(figures(a, page)).toEqual(['4次']);
    expect(a.flags.some((f) => f.kind === 'missing_problems')).toBe(false);
    // The same text without the truncation and login notice lacks its problems section.
    const whole = page.split('\n').slice(0, 8).join('\n');
    expect(analyzeReport(whole).flags.some((f) => f.kind === 'missing_problems')).toBe(true);
  });

  it('reads 总结一 at a line start as a piece marker in a collection, and 总结一年来 as words', () => {
    const collection = '下面和大家分享2020意识形态总结文章，欢迎大家阅读。\n总结一上半年，市委宣传部深入贯彻落实。\n总结一年来的工作，我们体会到。';
    expect(flagged(analyzeReport(collection), collection, 'collection_marker')).toEqual(['总结一']);
    const single = '总结一上半年，市委宣传部深入贯彻落实。';
    expect(flagged(analyzeReport(single), single, 'collection_marker')).toEqual([]);
  });

  it('finds a collection title a flattened page ran into the text, and leaves a sentence that counts reports', () => {
    const text = '2024年上半年意识形态工作总结报告8篇2023年上半年意识形态工作总结报告篇1今年以来，我镇召开党委会专题研究意识形态工作2次。\n3 篇 2020 年度村级意识形态工作总结 今年以来，全村开展宣讲5场。\n今年共撰写调研报告3篇，开展学习4次。';
    const a = analyzeReport(text);
    expect(flagged(a, text, 'collection_marker')).toEqual(['2024年上半年意识形态工作总结报告8篇', '篇1', '3 篇 2020 年度村级意识形态工作总结']);
    expect(figures(a, text)).toEqual(['2次', '5场', '3篇', '4次']);
  });

  it('knows a site’s domain line, a label line closed by a full stop, a title with its category after _, a title calling itself 范文, 篇一 after 说明 and 总结1', () => {
    const page = [
      'SUCAI198.COM —— 专注党建行政公文写作范文',
      'admin 分享 时间: 加入收藏 共计3125个字,预计阅读时长11分钟。',
      '乡镇2020年落实意识形态工作情况汇报_乡镇意识形态',
      '乡镇2023年落实意识形态工作责任制工作总结和2024年工作计划范文',
      '乡镇落实意识形态工作责任制情况说明篇一',
      '高校意识形态工作总结1',
      '今年以来，我镇召开专题会议3次。',
    ].join('\n');
    const a = analyzeReport(page);
    expect(flagged(a, page, 'site_chrome')).toEqual(page.split('\n').slice(0, 4));
    expect(flagged(a, page, 'collection_marker')).toEqual(['篇一', '高校意识形态工作总结1']);
    expect(a.placeholders).toEqual([]);
    expect(figures(a, page)).toEqual(['3次']);
  });

  it('knows a word-count title, 例文 titles alone or run into the text, an outline heading and chunks cut mid-sentence', () => {
    const page = [
      '关于公共领域宣传载体自查清查的情况报告[此文共613字]',
      'xx区委宣传部对于全区意识形态风险隐患情况排查报告例文',
      ' xx 区委宣传部关于全区意识形态风险隐患情况排查报告范文 根据《市委宣传部关于开展排查工作的通知》，区委宣传部开展排查。',
      '本文目录导读:',
      `1、县委2023年上半年落实意识形态责任制工作情况总结。县委积极做好意识形态工作，明确检查考核的内容${'，并抓好落实'.repeat(25)}`,
      `2、、方法、程序。把意识形态工作作为评价使用的重要依据${'，确保落实到位'.repeat(25)}。`,
      '3、精心制定了党委学习计划。',
    ].join('\n');
    const a = analyzeReport(page);
    expect(flagged(a, page, 'site_chrome')).toEqual([
      '关于公共领域宣传载体自查清查的情况报告[此文共613字]',
      'xx区委宣传部对于全区意识形态风险隐患情况排查报告例文',
      'xx 区委宣传部关于全区意识形态风险隐患情况排查报告范文',
      '本文目录导读:',
      '1、',
      '2、',
      '3、',
    ]);
  });

  it('knows a document store’s record lines, a word count and a catalogue code by a title, 推荐度 lists and 【精编4篇】', () => {
    const page = [
      '3-8-20-3真如中心小学支部落实意识形态工作责任制',
      'ID:2227694',
      '大小:15.18KB',
      '页数:8页',
      '格式:DOCX',
      '收藏 分享赚钱',
      '快捷搜索:论文 合同 演讲 心得',
      '  • 大学宣传部2022年度工作总结范文五篇 推荐度:',
      '2024年意识形态分析研判情况报告模板【精编4篇】',
      '镇2022年工作总结及2023年工作计划(4050字) 今年以来，全镇开展专题学习6次。',
    ].join('\n');
    const a = analyzeReport(page);
    expect(flagged(a, page, 'site_chrome')).toEqual([
      '3-8-20-3',
      'ID:2227694',
      '大小:15.18KB',
      '页数:8页',
      '格式:DOCX',
      '收藏 分享赚钱',
      '快捷搜索:论文 合同 演讲 心得',
      '• 大学宣传部2022年度工作总结范文五篇 推荐度:',
      '(4050字)',
    ]);
    expect(flagged(a, page, 'collection_marker')).toEqual(['2024年意识形态分析研判情况报告模板【精编4篇】']);
    expect(a.figures.map((f) => page.slice(f.start, f.end))).toEqual(['6次']);
  });

  it('knows an editor’s advice on writing and an editor’s question before the text as lead-ins', () => {
    const page = [
      '报告需要根据受众的需求进行适当的调整。在写作过程中，要注意结构的合理安排。当然，写报告并不仅仅是学会套用模板和范文。',
      '区委宣传部上半年工作总结',
      '区委宣传部是区委的重要部门之一，那么区委宣传部怎么做上。',
      '今年以来，区委宣传部开展专题学习6次。',
    ].join('\n');
    const a = analyzeReport(page);
    expect(flagged(a, page, 'editor_lead_in')).toEqual([
      '报告需要根据受众的需求进行适当的调整。在写作过程中，要注意结构的合理安排。当然，写报告并不仅仅是学会套用模板和范文。',
      '区委宣传部是区委的重要部门之一，那么区委宣传部怎么做上。',
    ]);
  });

  it('knows a download site’s menu, login form and download prompts, a title asking 怎么写, a pipe line and a 人气 count', () => {
    const page = [
      '  • 办公文档>',
      '  • ImageVerifierCode 换一换',
      '    • 资源ID:409915       资源大小:25.82KB        全文页数:18页',
      '    快捷下载 游客一键下载',
      '    账号:',
      '    验证码:   换一换',
      '      忘记密码?',
      '    加入VIP免费专享',
      '    3、本站不支持迅雷下载,请使用电脑自带的IE浏览器下载即可。',
      '宣传中心述职报告怎么写?',
      '| 找总结网2',
      '学识都 人气:1.65W',
      '一、工作开展情况',
      '全年开展专题学习12次，新it与战略性新兴产业专题讲座3场。',
    ].join('\n');
    const a = analyzeReport(page);
    const found = [...flagged(a, page, 'site_chrome'), ...flagged(a, page, 'download_notice')].map((t) => t.trim());
    for (const line of page.split('\n').slice(0, 12)) expect(found, line).toContain(line.trim());
    expect(a.sections.filter((s) => s.kind !== 'preamble').map((s) => s.heading)).toEqual(['工作开展情况']);
    expect(a.masks).toEqual([]);
  });

  it('knows single-word page furniture, navigation bars, titles with a category or a page count, 精选多篇 and dots cut before a notice', () => {
    const page = [
      '欢迎来到必胜文档网!',
      '網站首頁 個人文檔 個人總結 工作總結 述職報告 心得體會 演講稿',
      '文秘之友|原创|范文|素材|写作|PPT|',
      '乡镇上半年思想政治工作总结 -总结',
      '意识形态工作责任制落实情况报告(十页)',
      '乡镇上半年宣传思想工作总结及下半年工作思路(精选多篇)',
      '栏目: 工作总结精选 / 发布于: / 人气:2.12W',
      '手机阅读',
      '999+',
      '7 页',
      '侵权投诉',
      '一、工作开展情况',
      '领导小组定期召开专题会议，研究部署重点工作任务，及时解决工作中遇到的问题......',
      '预览结束,免费获取全文或定制代笔此类文章!',
    ].join('\n');
    const a = analyzeReport(page);
    const found = a.flags.filter((f) => f.start !== null).map((f) => page.slice(f.start!, f.end!).trim());
    for (const line of page.split('\n').slice(0, 11)) expect(found, line).toContain(line);
    expect(flagged(a, page, 'truncation')).toContain('......');
    expect(a.flags.some((f) => f.kind === 'missing_problems')).toBe(false);
  });

  it('knows 范文一/【范文3】 markers and 范文二 glued to a title, a 篇二 after a glossed word, the list of related pages and a scan-for-the-rest notice', () => {
    const collected = [
      '范文一：',
      '2024年，我校认真落实意识形态工作责任制，全年开展专题学习6次。',
      '一、主要做法',
      '落实责任。',
      '【范文3】乡镇意识形态工作总结',
      '总结(jié)篇二',
      '相关推荐：',
      '1、2023年意识形态工作总结',
      '2、党支部意识形态工作总结',
      '想要获取完整版，请扫码关注公众号回复“意识形态”',
      '精品文档,仅供参考',
      '重点领域分析研判范文二',
      '群众文化总结范文1_年已接近尾声，学习范文一篇。',
    ].join('\n');
    const b = analyzeReport(collected);
    expect(flagged(b, collected, 'collection_marker')).toEqual(['范文一：', '【范文3】', '篇二', '范文二', '范文1']);
    expect(flagged(b, collected, 'site_chrome')).toEqual(['相关推荐：\n1、2023年意识形态工作总结\n2、党支部意识形态工作总结']);
    expect(flagged(b, collected, 'download_notice')).toEqual(['想要获取完整版，请扫码关注公众号回复“意识形态”', '精品文档,仅供参考']);
    expect(b.sections.filter((s) => s.kind !== 'preamble').map((s) => s.marker + s.heading)).toEqual(['一、主要做法']);
    expectSpansValid(collected, b);
  });
});

describe('stray HTML', () => {
  it('flags a tag a page left in the text as its furniture, and reads the figure beside it', () => {
    const text = '全年开展专题学习6次。</p>\n<p class="x">组织宣讲12场。<br/>';
    const a = analyzeReport(text);
    expect(flagged(a, text, 'site_chrome')).toEqual(['</p>', '<p class="x">', '<br/>']);
    expect(figures(a, text)).toEqual(['6次', '12场']);
  });
});

describe('masks and blanks', () => {
  const text =
    '2023年，XX单位X委深入学习***总书记重要讲话精神，学习贯彻X的二十届三中全会精神，推动ZZ引领持续增强，' +
    '推送AAA公众号内容XX期，开展专题学习X次，于20XX年X月X日召开党的XX大精神宣讲会，理论学习*次。';
  const a = analyzeReport(text);

  it('tells deliberate masking of names and political words from blanks left to fill', () => {
    expect(a.masks.map((m) => [m.text, m.kind, text.slice(m.start, m.start + 2)])).toEqual([
      ['X', 'term', 'X委'],
      ['***', 'name', '**'],
      ['X', 'term', 'X的'],
      ['ZZ', 'term', 'ZZ'],
      ['AAA', 'name', 'AA'],
    ]);
    expect(a.placeholders.map((p) => [p.text, p.kind])).toEqual([
      ['XX', 'x'],
      ['XX', 'x'],
      ['X', 'x'],
      ['20XX', 'year'],
      ['X月X日', 'date'],
      ['XX', 'x'],
      ['*', 'star'],
    ]);
    expectSpansValid(text, a);
  });

  it('keeps figures with a blank number as figures', () => {
    expect(a.figures.filter((f) => f.placeholder).map((f) => text.slice(f.start, f.end))).toEqual(['XX期', 'X次', '*次']);
  });

  /** The masks a text holds, as [text, kind]. */
  const maskedIn = (text: string) => analyzeReport(text).masks.map((m) => [m.text, m.kind]);

  it('reads the leader’s name starred before his speech at a meeting, and GCD for 共产党, as masks', () => {
    expect(maskedIn('专题组织学习了*在全国宣传工作会议上的讲话，邀请专家解读《中国GCD宣传工作条例》。')).toEqual([
      ['*', 'name'],
      ['GCD', 'term'],
    ]);
  });

  it('reads a traditional variant OpenCC leaves (衞) in simplified script', () => {
    const text = '今年以來，我鄉累計開展環境衞生整治24次。';
    expect(analyzeReport(text).figures.map((f) => f.activity)).toEqual(['环境卫生整治']);
  });

  it('reads stars between 新时代 and 思想, for 中国梦 in 我的“**” and wherever it is quoted again, and 执政X, as masked words', () => {
    expect(maskedIn('我校以*新时代*思想为指导，开展中国特色社会主义和**的宣传教育，结合我的“**”主题宣讲活动，用“**”凝聚师生。对于执政X而言。')).toEqual([
      ['*', 'name'],
      ['*', 'term'],
      ['**', 'term'],
      ['**', 'term'],
      ['**', 'term'],
      ['X', 'term'],
    ]);
  });

  it('reads a blank decimal share (xx.x%) as one blank, and x.xx as a date', () => {
    const share = '理论学习覆盖率达 xx.x%，于x.xx召开会议。';
    expect(analyzeReport(share).placeholders.map((p) => [p.text, p.kind])).toEqual([
      ['xx.x', 'x'],
      ['x.xx', 'date'],
    ]);
  });

  it('reads X letters in the place of the leader name as a mask, not a blank to fill (XXX新时代…思想, xx总书记)', () => {
    const named = '坚持以XXX新时代中国特色社会主义思想为指导，认真学习xx总书记重要讲话，请X同志发言，学习党的XX大精神。';
    const b = analyzeReport(named);
    expect(b.masks.map((m) => [m.text, m.kind])).toEqual([
      ['XXX', 'name'],
      ['xx', 'name'],
    ]);
    expect(b.placeholders.map((p) => p.text)).toEqual(['X', 'XX']);
  });

  it('reads a space where a site cut out the leader name or the congress number as a mask', () => {
    const cut = '以深入学习贯彻 新时代中国特色社会主义思想和党的 大精神为首要政治任务，贯彻十九届 中全会精神；学习习近平 新时代中国特色社会主义思想。';
    const b = analyzeReport(cut);
    expect(b.masks.map((m) => [m.kind, cut.slice(m.start - 2, m.end + 2)])).toEqual([
      ['name', '贯彻 新时'],
      ['term', '党的 大精'],
      ['term', '九届 中全'],
    ]);
  });

  it('reads the leader name in pinyin and redaction blocks as masks, empty boxes as blanks', () => {
    const boxed = '□□县□□局深入学习xjp新时代中国特色社会主义思想，学习■■■重要讲话，开展学习□次。';
    const b = analyzeReport(boxed);
    expect(b.masks.map((m) => [m.text, m.kind])).toEqual([
      ['xjp', 'name'],
      ['■■■', 'term'],
    ]);
    expect(b.placeholders.map((p) => [p.text, p.kind])).toEqual([
      ['□□', 'blank'],
      ['□□', 'blank'],
      ['□', 'blank'],
    ]);
    expect(b.figures.map((f) => [boxed.slice(f.start, f.end), f.placeholder])).toEqual([['□次', true]]);
  });

  it('does not take the X of X光 for a blank', () => {
    expect(analyzeReport('配备X光安检机2台，访问XX网站。').placeholders.map((p) => p.text)).toEqual(['XX']);
  });

  it('reads X委 as a blank place name where the text masks nothing else (在X委、X政府的领导下)', () => {
    const plain = '在X委、X政府的正确领导下，X委办认真贯彻落实上级部署。';
    const b = analyzeReport(plain);
    expect(b.masks).toEqual([]);
    expect(b.placeholders.map((p) => p.text)).toEqual(['X', 'X', 'X']);
  });

  it('reads theory names blanked in pairs, 委 cut out of a Party department and 中央 or a session cut out as masks', () => {
    const text = '高举____和____伟大旗帜，学习党的____和____、____精神，坚持用____和____武装全党。区____宣传部、____部联合检查。按照***、省、市部署，学习十九届***二中、三中、四中全会精神。请____同志参加。';
    const b = analyzeReport(text);
    expect(b.masks.map((m) => text.slice(m.start - 2, m.end + 2))).toEqual([
      '高举____和_', '_和____伟大', '党的____和_', '_和____、_', '_、____精神', '持用____和_', '_和____武装', '。区____宣传',
      '按照***、省', '九届***二中',
    ]);
    expect(b.placeholders.map((p) => text.slice(p.start - 1, p.end + 1))).toEqual(['、____部', '请____同']);
    expect(b.figures).toEqual([]);
  });

  it('reads X委(X组) and xxx思想作为 as masks, a whole blanked date as one date, X年 as a year, and no blank in a lead-in', () => {
    const text = '下面是小编整理的20xx年学校意识形态工作总结，供大家参考。\n根据《X委(X组)意识形态工作责任制实施细则》，坚持把学习宣传贯彻xxx思想作为首要政治任务。*年*月*日至*年*月*日开展检查，现将X年上半年工作报告如下。';
    const a = analyzeReport(text);
    expect(a.masks.map((m) => [text.slice(m.start - 1, m.end + 1), m.kind])).toEqual([
      ['《X委', 'term'],
      ['(X组', 'term'],
      ['彻xxx思', 'name'],
    ]);
    expect(a.placeholders.map((p) => [p.text, p.kind])).toEqual([
      ['*年*月*日', 'date'],
      ['*年*月*日', 'date'],
      ['X', 'year'],
    ]);
  });

  it('reads stars before 系列讲话 as the leader’s name masked', () => {
    const text = '利用周例会等形式认真学习******系列讲话。';
    expect(analyzeReport(text).masks.map((m) => [m.text, m.kind])).toEqual([['******', 'name']]);
  });

  it('reads a single underscore for 党 as a mask where the text masks 党 so (batch 9: _的二十届_精神, 局机关_委, 主题_日)', () => {
    const text = '紧紧围绕_的二十届_精神，严格落实。局机关_委理论学习中心组。坚持用_的创新理论武装头脑。开展主题_日活动。';
    const a = analyzeReport(text);
    expect(a.masks.map((m) => [text.slice(m.start - 1, m.end + 1), m.kind])).toEqual([
      ['绕_的', 'term'],
      ['届_精', 'term'],
      ['关_委', 'term'],
      ['用_的', 'term'],
      ['题_日', 'term'],
    ]);
    expect(a.placeholders).toEqual([]);
    // Without such evidence a blank before 委 stays a blank (XX委、XX政府).
    expect(analyzeReport('XX委、XX政府联合印发。').placeholders.map((p) => p.text)).toEqual(['XX', 'XX']);
  });

  it('reads pinyin initials and doubled capitals as masks, acronyms and roman numerals as words', () => {
    const text = '关注网络yq，处置涉疫yq30余起，压实ZZ责任。推广PPP模式，完成IPO上市，利用APP、BOT模式，建设乡村e镇，库车II回输变电工程。';
    expect(analyzeReport(text).masks.map((m) => m.text)).toEqual(['yq', 'yq', 'ZZ']);
  });

  it('counts only blanks towards a template left unfilled', () => {
    const masked = '深入学习***总书记重要讲话，学习***著作选读，贯彻X的二十大精神，增强ZZ意识，落实X中央部署。';
    expect(analyzeReport(masked).flags.some((f) => f.kind === 'placeholder_bulk')).toBe(false);
  });
});

describe('traditional script and pinyin glosses', () => {
  const text = '一、工作開展情況\n黨委理論學習中心組開展專題學習12次，舉辦培訓班3期，參訓200餘人次，少數(shù)民族群眾參與(yù)其中。';
  const a = analyzeReport(text);

  it('reads a traditional report in simplified script with offsets into the stored text', () => {
    expect(a.sections.map((s) => [s.marker, s.heading, s.kind])).toEqual([['一、', '工作開展情況', 'achievements']]);
    expect(a.figures.map((f) => [text.slice(f.start, f.end), f.value, f.unit, f.approx, f.activity])).toEqual([
      ['12次', 12, '次', false, '专题学习'],
      ['3期', 3, '期', false, '培训班'],
      ['200餘人次', 200, '人次', true, '参训'],
    ]);
    expectSpansValid(text, a);
  });

  it('flags pinyin glosses inside words, one flag per line, and reads the words whole', () => {
    expect(flagged(a, text, 'pinyin_gloss')).toEqual(['(shù)民族群眾參與(yù)']);
    const words = analyzeReport('本單位少數(shù)民族人口為29150人。');
    expect(words.figures).toEqual([]);
    // The title shown on the dashboard and in exports is the page's words without the glosses.
    expect(analyzeReport('2023年意識(shí)形態(tài)工作總結(jié)\n一、主要工作\n開展學(xué)習(xí)4次。').meta.title).toBe('2023年意識形態工作總結');
  });

  it('analyses a seed report converted to traditional script as it analyses the report', () => {
    const opencc = createRequire(import.meta.url)('opencc-js/cn2t') as { Converter(o: { from: string; to: string }): (s: string) => string };
    const toTraditional = opencc.Converter({ from: 'cn', to: 'tw' });
    for (const file of seedSampleFiles()) {
      const simplified = fs.readFileSync(file, 'utf8');
      const traditional = simplified.split('\n').map((l) => {
        const t = toTraditional(l);
        return t.length === l.length ? t : l;
      }).join('\n');
      expect(toSimplified(traditional).length, path.basename(file)).toBe(traditional.length);
      const a = analyzeReport(simplified);
      const b = analyzeReport(traditional);
      const spans = (x: Analysis) => ({
        sections: x.sections.map((s) => [s.start, s.end, s.level, s.kind]),
        problems: x.problems.map((p) => [p.start, p.end]),
        figures: x.figures.map((f) => [f.start, f.end, f.value, f.unit, f.placeholder]),
        placeholders: x.placeholders.map((p) => [p.start, p.end, p.kind]),
      });
      expect(spans(b), path.basename(file)).toEqual(spans(a));
      expectSpansValid(traditional, b);
    }
  });
});

describe('PDF and page damage', () => {
  it('reads numbers broken by line wraps, grouped or spaced, and compound and traditional measure words', () => {
    const text = '本季度召开党委专题会\n议 3 次，处理信访件 287\n件，培训干部1 300余人，开展宣讲106 场次，组织轮训4轮次，开设课程12门次，慰问困难群众7万余人，收缴非法出版物万余册，建成万人广场，发放宣传单 3000\n余份。';
    const a = analyzeReport(text);
    expect(a.figures.map((f) => [text.slice(f.start, f.end), f.value, f.unit, f.activity])).toEqual([
      ['3 次', 3, '次', '党委专题会议'],
      ['287\n件', 287, '件', '处理信访件'],
      ['1 300余人', 1300, '人', '培训干部'],
      ['106 场次', 106, '场次', '宣讲'],
      ['4轮次', 4, '轮次', '轮训'],
      ['12门次', 12, '门次', '开设课程'],
      ['7万余人', 70000, '人', '慰问困难群众'],
      ['万余册', 10000, '册', '收缴非法出版物'],
      ['3000\n余份', 3000, '份', '发放宣传单'],
    ]);
    expectSpansValid(text, a);
  });
});

describe('numbers that are not activity figures', () => {
  it('leaves background quantities, ranges, names and set phrases with numbers, sessions and page chrome', () => {
    const text =
      '我市是少数民族散杂居地区，全市有2个民族乡，9个民族村，有朝鲜族等18个少数民族，全市少数民族人口为29150人，占总人口的6.6%。' +
      '进一步优化了两个乡的种植结构，占两个乡种植面积的60—80%。每年对党员培训1—2次。完成了3个五人制足球场的建设。' +
      '深入学习十九届二次全会精神。去年为32篇。为期三个月。局属4个支部。作为全县六项重点工程之一。';
    expect(figures(analyzeReport(text), text)).toEqual(['3个']);
  });

  it('names a study by what was studied, a count of things by the verb of its own clause, and reads a bracketed blank number', () => {
    const text = '县委常委会作为一项重要内容,2 次专题研究意识形态工作。巡察办对25 个党组织进行专项巡察,县委宣传部对 12 个乡镇进行专项督查。共举办各类宣讲活动[X]场。';
    const a = analyzeReport(text);
    expect(a.figures.map((f) => [text.slice(f.start, f.end), f.activity])).toEqual([
      ['2 次', '专题研究意识形态工作'],
      ['25 个', '专项巡察'],
      ['12 个', '专项督查'],
      ['[X]场', '宣讲'],
    ]);
  });

  it('counts places where something was built, and leaves round-the-clock services', () => {
    const text = '在全市建立1个中心、XX个乡镇(街道)实践所、XX个村(社区)实践站。全镇12个村、5个社区的文明实践站已全面建成。开通24小时医学频道。现有党员志愿服务队18支，社会组织志愿服务队2支。';
    expect(figures(analyzeReport(text), text)).toEqual(['1个', 'XX个', 'XX个', '12个', '5个']);
  });

  it('reads no work done in a plans section: its numbers are targets', () => {
    const text = '某局2024年意识形态工作总结\n一、工作开展情况\n全年开展专题学习6次。\n二、下一步工作打算\n每月开展1次集中学习，全年组织宣讲12场。';
    expect(figures(analyzeReport(text), text)).toEqual(['6次']);
  });

  it('reads a section that closes on what comes next (…。下一步，我们将…) by what it reports', () => {
    const text =
      '某镇一季度意识形态领域情况分析研判\n一、总体态势\n开展党委理论中心组学习4次，专题研讨2次，举办大讲堂6期，开展实战演练2次。' +
      '一季度工作取得阶段性成效，但仍需警惕风险。下一步，我们将严格落实意识形态工作责任制，确保各项工作落实。';
    const a = analyzeReport(text);
    expect(kinds(a)).toEqual(['achievements']);
    expect(figures(a, text)).toEqual(['4次', '2次', '6期', '2次']);
  });

  it('leaves targets (争取三个村, 力争), limits (不超过6辆), a year’s schedule of events and a village’s households, and counts what was secured or allotted', () => {
    const text = '争取三个村创建文明村。力争覆盖80%的党员。争取到上级资金200万元，争取资金1.2亿元。全年安排学习2次，全年安排省重点项目300项。全村共265户，665口人。红事彩礼不高于4万元，用车不超过6辆。';
    expect(figures(analyzeReport(text), text)).toEqual(['200万元', '1.2亿元', '300项']);
  });

  it('leaves a rule by its interval (半年总结一次), names places by what all of them did, and counts the first figure under a numbered heading', () => {
    const text = '某县2024年意识形态工作总结\n一、工作开展情况\n局党组召开专题会议两次，坚持每季度研判一次，半年总结一次，一年两次述职。目前，我县11个乡镇场均以完成乡镇综合文化站建设。深入12个乡镇开展宣讲。';
    // The heading’s 一、 is no list of two items summed up by 两次; rp091 writes 均以 for 均已.
    const a = analyzeReport(text);
    expect(a.figures.map((f) => [text.slice(f.start, f.end), f.activity])).toEqual([
      ['两次', '专题会议'],
      ['11个', '完成乡镇综合文化站建设'],
      ['12个', '深入乡镇开展宣讲'],
    ]);
    // An interval that says how long the work has gone on is no rule.
    const since = '一年来召开会议两次。半年来开展学习三次。';
    expect(figures(analyzeReport(since), since)).toEqual(['两次', '三次']);
  });

  it('leaves the report’s points summed up by their numbers, slogans after their field, and a requirement cited (batch 9)', () => {
    const text =
      '总的来说，就是四个教育，四个讨论，三项活动，二项创新，一个工程。四个教育：一是理论教育。全面落实宣传工作四项任务。自觉承担起五项使命任务。' +
      '严格按照上半年对意识形态领域情况做1次综合分析研判的要求抓好落实。新建137个存栏1200头规模的标准化奶牛场。开展三项活动。';
    expect(figures(analyzeReport(text), text)).toEqual(['137个']);
  });

  it('flags a word count in brackets and a 篇一 right after a title’s year as the site’s', () => {
    const text = '时间:2024-02-04 07:34:33\n乡镇上半年宣传思想工作总结[本文共1706字]\n\n幼儿园意识形态工作方案2022篇一\n\n按照分级负责的原则，开展专题学习4次。';
    const a = analyzeReport(text);
    expect(flagged(a, text, 'site_chrome')).toContain('[本文共1706字]');
    expect(flagged(a, text, 'collection_marker')).toEqual(['篇一']);
    expect(figures(a, text)).toEqual(['4次']);
  });

  it('leaves the earlier state a year builds on (在…的基础上) and counts what was added to it', () => {
    // fp057; the province reports: 在上年拆除违法建筑870万平方米的基础上，全年又拆除违建787万平方米.
    const text = '在去年三个村创建的基础上，今年新创建文明村5个。在上年减少59%的基础上再减少55%。';
    expect(figures(analyzeReport(text), text)).toEqual(['5个', '55%']);
  });

  it('leaves the unit’s own staffing (共配备1名宣传委员) and counts what it equipped others with', () => {
    const text = '镇宣传工作共配备1名宣传委员，2名宣传干事，1名文化站站长。为全镇12个村配备保洁员36名。';
    expect(figures(analyzeReport(text), text)).toEqual(['12个', '36名']);
    // The same list as a PDF wraps it: the lines go on listing the staffing (fp109).
    const wrapped = '目前,镇宣传工作共配备1名宣传委员,\n2名宣传干事,1名文化站站长,全镇各村居和机关各办均\n配备了 1名宣传员。同时开展专题培训3次。';
    expect(figures(analyzeReport(wrapped), wrapped)).toEqual(['3次']);
  });

  it('leaves headcounts, rates and slogans named by a number, and reads spaced scales and blank decimals', () => {
    const text = '学校在职党员5人，教职员工21人。每1000分考核30元。落实意识形态四个纳入工作。单条最高转发量达 2.3 万次，参与超 2 万人次。理论学习覆盖率达 xx.x%，覆盖党员干部 xxxx 余人次。';
    const a = analyzeReport(text);
    expect(a.figures.map((f) => [text.slice(f.start, f.end), f.value])).toEqual([
      ['2.3 万次', 23000],
      ['超 2 万人次', 20000],
      ['xx.x%', null],
      ['xxxx 余人次', null],
    ]);
  });

  it('leaves a place named with a numeral wherever it stands, distances and 两位数', () => {
    const text = '三堂镇位于县东北部，距县城30公里。三堂镇文化站组织培训36场次，在三堂以及周边演出70多场次，旅游收入保持两位数增长。';
    expect(figures(analyzeReport(text), text)).toEqual(['36场次', '70多场次']);
  });

  it('leaves a unit split into groups, a set of demands followed and a number a cut left without its subject', () => {
    const text = '将机关党支部分成为四个党小组开展学习，遵照两个要求，坚持每月一次集中学习。全年开展集中学习12次。\n……(此处省略644字)……\n2%)，';
    expect(figures(analyzeReport(text), text)).toEqual(['12次']);
  });

  it('leaves small exact counts of points in Chinese numerals, and keeps counts in digits, approximate ones and events', () => {
    const text = '推进三项制度改革，落实五项机制，实现三个全覆盖。打造两个示范点，推进12个重点项目，推出近二十个专题辅导菜单，举办两期理论专题报告会。';
    expect(figures(analyzeReport(text), text)).toEqual(['12个', '近二十个', '两期']);
  });

  it('leaves durations and shares of what exists, and keeps shares of what the unit spent', () => {
    const text = '要求在10个工作日内报送整改情况，开展为期3个月的专项整治。党员占职工总数的60%。教育培训经费占支出总额的35%。';
    expect(figures(analyzeReport(text), text)).toEqual(['35%']);
  });

  it('leaves what a unit holds — staff, members, its subdivisions — and counts what it did with them', () => {
    const text =
      '我局现有干部职工56人，其中党员32名，下设3个党支部。学校现有教职工120人，学生1500余名，教学班36个。' +
      '全年共有120名党员参加集中轮训，共有5人获评优秀党务工作者，开通微信公众号1个，万人发明专利拥有量达22.4件。';
    expect(figures(analyzeReport(text), text)).toEqual(['120名', '5人', '1个', '22.4件']);
    const census = '核清全区政务新媒体总量为32个，其中微信公众号21个、微博5个、抖音4个。全年发布信息300条。';
    expect(figures(analyzeReport(census), census)).toEqual(['300条']);
  });

  it('names the activity by the thing counted and its verb, not by the words that happen to precede', () => {
    const text = '共接待中央电视台、人民日报等30余家媒体300多名记者。在18个村（社区）开展“文明家庭”争创评选活动。分四期在常委会上发言。在县实验初中七年级2个班开展心理健康教育试点。推荐了10名同学（张洁、李耀）为预备党员，2名同学已成为正式党员，3人被评为优秀共产党员。';
    const a = analyzeReport(text);
    expect(a.figures.map((f) => [text.slice(f.start, f.end), f.activity])).toEqual([
      ['30余家', '接待媒体'],
      ['300多名', '接待记者'],
      ['18个', '文明家庭争创评选'],
      ['四期', '发言'],
      ['2个', '心理健康教育试点'],
      ['10名', '推荐预备党员'],
      ['2名', '成为正式党员'],
      ['3人', '评为优秀共产党员'],
    ]);
  });

  it('names places counted with 对 or 在 by what was done there, across a list of places and a wrapped line, but not past another place or action', () => {
    const text = '县委督查室对18个镇、6个街道开展意识形态工作专项督查。区纪委对40个单位和去年未进行检查的9个站所进行专项检查。在4个乡镇建成文化广场、在7个村开展送戏下乡。巡察组对全\n区 15 个乡镇街道开展专项巡察。';
    const named = analyzeReport(text).figures.map((f) => [text.slice(f.start, f.end), f.activity]);
    expect(named.filter(([figure]) => figure !== '4个')).toEqual([
      ['18个', '意识形态工作专项督查'],
      ['6个', '意识形态工作专项督查'],
      ['40个', '专项检查'],
      ['9个', '专项检查'],
      ['7个', '送戏下乡'],
      ['15 个', '专项巡察'],
    ]);
    const wrapped = '县级新媒体平台阅读量同比增长明显。四是宣传队伍结构优化。新选派 4 名\n年轻干部担任基层宣传委员，全面建立工作机制。';
    expect(analyzeReport(wrapped).figures.map((f) => [wrapped.slice(f.start, f.end), f.activity])).toEqual([['4 名', '选派年轻干部担任基层宣传委员']]);
    // The squares were built, not the plays taken to the villages.
    expect(named.find(([figure]) => figure === '4个')![1]).not.toContain('送戏');
  });

  it('counts the level a change reached, named by its subject, not the level it started from; a bracketed count is named without its bracket, a total by what it totals', () => {
    const text = '参学人数由去年的120人增加到150人。网评员队伍从30人扩大到56人，私营企业从业人员增长20%。组织全体党员干部（共45人）参加学习。共向读者推荐优秀图书12次合60册。全区文体志愿者服务队已发展到300多人。';
    const a = analyzeReport(text);
    expect(a.figures.map((f) => [text.slice(f.start, f.end), f.activity])).toEqual([
      ['150人', '参学人数'],
      ['56人', '网评员队伍'],
      ['20%', '私营企业从业人员增长'],
      ['45人', '组织全体党员干部'],
      ['12次', '向读者推荐优秀图书'],
      ['60册', '向读者推荐优秀图书'],
      ['300多人', '全区文体志愿者服务队'],
    ]);
  });

  it('names a list continued by qualifiers with the verb the list began with, a count after a count by the first, 人均 whole, without 各类', () => {
    const text =
      '推荐发表53篇，其中在国家级报刊杂志上发表2篇，省级16篇、市级43篇。在主要路口悬挂各类宣传横幅1700多条、大小标语11万多条。在中央主流媒体累计上稿51篇(去年为32篇)、省“一报一台”327篇。组织宣讲12项15场。党员干部撰写学习笔记人均3万余字。';
    const a = analyzeReport(text);
    expect(a.figures.map((f) => [text.slice(f.start, f.end), f.activity])).toEqual([
      ['53篇', '推荐发表'],
      ['2篇', '在国家级报刊杂志上发表'],
      ['16篇', '省级发表'],
      ['43篇', '市级发表'],
      ['1700多条', '在主要路口悬挂宣传横幅'],
      ['11万多条', '悬挂大小标语'],
      ['51篇', '上稿'],
      ['327篇', '省一报一台上稿'],
      ['12项', '宣讲'],
      ['15场', '宣讲'],
      ['3万余字', '党员干部撰写学习笔记人均'],
    ]);
  });
});

describe('structure on messy text', () => {
  it('reads a numbered heading behind the quotation or heading marks a page left (>一、, ####二、)', () => {
    const text = '某局2024年意识形态工作总结\n>一、加强组织领导，落实意识形态工作责任制\n局党组召开专题会议2次，研究部署意识形态工作。\n####二、存在的问题\n学习不够深入。';
    const a = analyzeReport(text);
    expect(a.sections.filter((s) => s.kind !== 'preamble').map((s) => [text.slice(s.start, s.start + s.marker.length), s.kind])).toEqual([
      ['一、', 'achievements'],
      ['二、', 'problems'],
    ]);
  });

  it('reads a 工作方案 as plans throughout', () => {
    const text = '幼儿园意识形态工作方案\n\n（一）书记是第一责任人，对意识形态工作负总责。\n（二）办公室在支部的统一领导下抓好落实。';
    expect(kinds(analyzeReport(text))).toEqual(['plans', 'plans']);
  });

  it('takes the report’s own title, not a breadcrumb filing it under 工作计划, for its title and its kind', () => {
    const text = '首页 > 工作计划\n\n意识形态工作情况自评报告\n\n现将自查情况汇报如下：\n\n一、强化理论学习，确保理论武装到位\n\n开展专题学习4次。\n\n二、狠抓学习规范化建设\n\n制定学习制度。';
    const a = analyzeReport(text);
    expect(a.meta.title).toBe('意识形态工作情况自评报告');
    expect(kinds(a)).toEqual(['achievements', 'achievements']);
  });

  it('tells work done from plans by headings that close on a result, open on a review or name a five-year plan', () => {
    expect(headingKind('狠抓首要任务，新农村建设扎实推进')).toBe('achievements');
    expect(headingKind('理论武装持续深化')).toBe('achievements');
    expect(headingKind('1999年工作回顾和2000年工作的总体要求')).toBe('achievements');
    expect(headingKind('“八五”计划的顺利完成为今后的发展奠定了基础')).toBe('achievements');
    expect(headingKind('四次会议确定的目标任务执行情况')).toBe('achievements');
    expect(headingKind('十二届人大三次会议确定任务和“十二五”规划完成情况')).toBe('achievements');
    expect(headingKind('“十二五”时期经济社会发展的主要任务')).toBe('plans');
    expect(headingKind('2025年工作打算')).toBe('plans');
    expect(headingKind('持续深化理论武装')).toBe(null);
  });

  it('leaves a heading naming both the state of things and its problems to the body, and reads problems handled as work', () => {
    // rp074, fp017: 状况和存在问题 over subsections of work done; rp091: 重大问题…的处理 is what the unit did.
    expect(headingKind('现阶段意识形态领域状况和存在问题')).toBe(null);
    expect(headingKind('检查情况及存在问题')).toBe(null);
    expect(headingKind('党委对思想领域重大问题和重大事件的处理')).toBe(null);
    expect(headingKind('及时解决群众反映的突出问题')).toBe(null);
    expect(headingKind('存在的问题')).toBe('problems');
    expect(headingKind('网络阵地管理存在的问题和不足')).toBe('problems');
    const text = '某局2023年意识形态工作总结\n一、现阶段意识形态领域状况和存在问题\n（一）提高政治站位，强化主体责任落实\n局党组召开专题会议3次，开展理论学习中心组学习8次，取得明显成效。\n（二）狠抓学习教育，提升思想认识\n组织集中学习12次。';
    expect(kinds(analyzeReport(text))).toEqual(['achievements', 'achievements', 'achievements']);
  });

  it('finds headings a page ran into one long line', () => {
    const line =
      '现将具体工作汇报如下一、加强组织领导,落实意识形态工作责任。按照要求落实各项任务(一)认真履行第一责任人职责。今年以来主持召开专题会议2次,' +
      '研究部署意识形态工作,并把意识形态工作同经济工作同安排同部署。(二)建立健全研判机制。坚持意识形态工作原则,全力打好意识形态工作主动战。' +
      '二、存在的问题 一是理论学习不够深入。二是阵地管理还有短板。';
    const a = analyzeReport(`某镇2024年意识形态工作总结\n${line}`);
    expect(a.sections.filter((s) => s.kind !== 'preamble').map((s) => [s.level, s.marker, s.kind])).toEqual([
      [1, '一、', 'achievements'],
      [2, '(一)', 'achievements'],
      [2, '(二)', 'achievements'],
      [1, '二、', 'problems'],
    ]);
    expect(a.problems.length).toBe(2);
  });

  it('reads a parenthesised numeral a PDF spaced out, run into the line before', () => {
    const text = '(一)强化责任担当。成立领导小组,共悬挂横幅 12 条。 ( 二 )增强政治意识。全年召开专题会议 4 次。\n(三)存在的问题\n一是学习不够深入。';
    const a = analyzeReport(text);
    expect(a.sections.filter((s) => s.kind !== 'preamble').map((s) => [s.marker, s.heading, s.kind])).toEqual([
      ['(一)', '强化责任担当', 'achievements'],
      ['( 二 )', '增强政治意识', 'achievements'],
      ['(三)', '存在的问题', 'problems'],
    ]);
  });

  it('leaves out an outline a page put before the text', () => {
    const text = [
      '一、主要工作情况',
      '(一)提高政治站位',
      '(二)深化理论武装',
      '二、存在的问题',
      '三、下一步工作打算',
      '市委政法委2025年度意识形态工作总结',
      '2025年，市委政法委始终坚持党管意识形态原则。现将有关情况报告如下：',
      '一、主要工作情况',
      '(一)提高政治站位，压实主体责任。全年召开专题会议4次。',
      '(二)深化理论武装，筑牢思想根基。组织集中学习12次。',
    ].join('\n');
    const a = analyzeReport(text);
    expect(a.sections.filter((s) => s.kind !== 'preamble').map((s) => text.slice(s.start, s.headingEnd))).toEqual([
      '一、主要工作情况',
      '(一)提高政治站位，压实主体责任',
      '(二)深化理论武装，筑牢思想根基',
    ]);
  });

  it('names a run-in heading\'s kind by its opening words, not by the body the page ran into it', () => {
    const text = '一、加强组织领导,落实意识形态工作按照守土有责的要求,以有力的政策措施落实意识形态工作各项任务。今年以来召开党委会专题研究意识形态工作2次。\n二、加强学习,强化措施\n组织干部集中学习12次。\n三、风险产生的根源\n部分干部重视不够。';
    expect(kinds(analyzeReport(text))).toEqual(['achievements', 'achievements', 'problems']);
  });

  it('takes a bare line naming a kind over numbered subsections for a heading, and one 确保 for no plan', () => {
    const text = '社区新时代文明实践站半年工作总结\n在过去的半年里，实践站深入开展各类活动，推动社区文明建设迈向新的高度。\n工作成果与亮点\n（一）加强阵地建设\n社区统筹规划各类场所，合理设置功能区域，确保各功能区相互融合，为居民提供便捷舒适的活动环境。\n（二）丰富活动形式\n组建理论宣讲队伍，深入社区开展宣讲活动。';
    expect(analyzeReport(text).sections.filter((s) => s.kind !== 'preamble').map((s) => [s.heading, s.level, s.kind])).toEqual([
      ['工作成果与亮点', 1, 'achievements'],
      ['加强阵地建设', 2, 'achievements'],
      ['丰富活动形式', 2, 'achievements'],
    ]);
  });

  it('takes a work plan for plans throughout', () => {
    const text = [
      'XX局2024年意识形态工作要点',
      '为深入贯彻落实上级部署，结合实际，制定本要点。',
      '一、指导思想',
      '坚持以习近平新时代中国特色社会主义思想为指导，全面落实意识形态工作责任制。',
      '二、主要任务',
      '（一）深化理论武装。严格落实“第一议题”制度，组织集中学习。',
      '（二）强化阵地管理。加强网络阵地建设和管理。',
    ].join('\n');
    expect(kinds(analyzeReport(text))).toEqual(['plans', 'plans', 'plans', 'plans']);
  });
});

describe('flag kinds', () => {
  it('documents every kind in FLAGS.md and names it for the dashboard', () => {
    const doc = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'FLAGS.md'), 'utf8');
    for (const kind of FLAG_KINDS) {
      expect(doc, kind).toContain(`\`${kind}\``);
      expect(FLAG_LABELS[kind], kind).toBeDefined();
    }
  });
});

describe('the tenth blind batch (fp175–fp194), studied', () => {
  const read = (text: string) => ({ text, a: analyzeReport(text) });

  it('takes no figure from a slogan spelled out after it, a task set by its number or a time limit', () => {
    const slogan = read('在全镇开展了“一十百千万”(即:一场大会明思路、十次座谈谋发展、百名干部走基层、千名党员学精神)系列活动,共组织集中学习10次。');
    expect(figures(slogan.a, slogan.text)).toEqual(['10次']);
    const tasks = read('四、组织开展好三项活动,进一步提升队伍素质\n通过三项教育活动,干警的思想认识明显提高。全年举办培训班4期。');
    expect(figures(tasks.a, tasks.text)).toEqual(['4期']);
    const limit = read('集团新闻报道均在8小时内发布,全年发布稿件881篇。');
    expect(figures(limit.a, limit.text)).toEqual(['881篇']);
  });

  it('holds the members a branch had and lost, and what a unit’s subdivisions list goes on to count', () => {
    const branch = read('理论支部年初有成员十人,因工作调动等原因,离开三人,现有七人;支部成员严格遵守党的纪律。');
    expect(figures(branch.a, branch.text)).toEqual([]);
    const village = read('**村现有村民2863人,耕地4100亩。下辖5个自然村,7个党支部,116名党员。今年开展文艺演出12场。');
    expect(figures(village.a, village.text)).toEqual(['12场']);
  });

  it('names a growth compared with last year after what grew', () => {
    const text = '全年外宣稿件137篇、较去年同期增长27%,集团公众号发布512篇、较去年同期增长14%。';
    expect(analyzeReport(text).figures.map((f) => f.activity)).toEqual(['外宣稿件', '外宣稿件增长', '集团公众号发布', '集团公众号发布增长']);
  });

  it('reads a theory blanked with stars as a mask, and a village and a year blanked at a line’s start as blanks', () => {
    expect(analyzeReport('在镇党委的正确领导下,以***为统领,深入开展工作。').masks.map((m) => [m.text, m.kind])).toEqual([['***', 'term']]);
    const blanks = analyzeReport('尊敬的各位领导:\n**年12月,我来到这里。\n**村基本情况\n**村现有村民2863人').placeholders.map((p) => p.kind);
    expect(blanks).toEqual(['year', 'star', 'star']);
  });

  it('takes a page counter for site chrome wherever a flattened page left it', () => {
    for (const [text, counter] of [
      ['第1页共6页区宣传思想工作总结报告过去一年来,区委宣传部开展工作。', '第1页共6页'],
      ['市政府办公室2025年工作要点(第2/2页)\n四、强化督查落实', '(第2/2页)'],
    ] as const) {
      expect(flagged(analyzeReport(text), text, 'site_chrome')).toContain(counter);
    }
  });
});

describe('the eleventh blind batch (fp195–fp214), studied', () => {
  it('reads words a page cut out leaving a single _ as masks once there are many, and the blanks among them by what follows', () => {
    const text =
      '政治部紧紧围绕_精神,为全院提供强有力的队伍和_保证。_至_月份,_开展了党史学习,并及时_全院干警。一是严密_了书记员培训,我院充分利用_学习日开展活动,' +
      '从市中院领取、_了书记员教材,认真_了全省政法队伍教育整顿部署,详细制定了_年度学习计划。';
    const a = analyzeReport(text);
    expect(a.masks.filter((m) => m.kind === 'term')).toHaveLength(8);
    expect(a.placeholders.map((p) => [text.slice(p.start, p.end + 2), p.kind])).toEqual([
      ['_至_', 'date'],
      ['_月份', 'date'],
      ['_年度', 'year'],
    ]);
    // A few blanks for a name or a place stay blanks.
    const template = analyzeReport('指挥部副总指挥_主持召开会议,并到_街道实地督导,在_社区开展宣传。');
    expect(template.masks).toEqual([]);
    expect(template.placeholders).toHaveLength(3);
  });

  it('reads theory names blanked in a list, and a blanked year in a document number', () => {
    const text = '持续深化____、____与____学习,以____为核心引领,深入学习贯彻____、____及中央精神。根据《通知》(委宣发〔XX〕3号)要求开展工作。';
    const a = analyzeReport(text);
    expect(a.masks.filter((m) => m.kind === 'term')).toHaveLength(6);
    expect(a.placeholders.map((p) => [p.text, p.kind])).toEqual([['XX', 'year']]);
  });

  it('takes a breadcrumb with one step for the site’s, not the report’s kind, and a staff list for what the unit holds', () => {
    const text = '首页  工作计划>正文\n\n党委宣传部2012年工作总结\n\n2012年,党委宣传部始终围绕学校中心工作开展宣传。\n\n一、扎实开展政治理论学习\n\n党委中心组组织了7次专题学习,配发理论学习书籍近700本。';
    expect(figures(analyzeReport(text), text)).toEqual(['7次', '近700本']);
    const staff = '现有思想政治部专职教师13人,专兼职思想政治辅导员48人,团委、学工部干部8人。全年开展主题班会120场。';
    expect(analyzeReport(staff).figures.map((f) => staff.slice(f.start, f.end))).toEqual(['120场']);
  });
});

describe('the twelfth blind batch (fp215–fp234), studied', () => {
  it('reads scores, ℅ and numbers whose last digits were blanked, and leaves hours outside work, 字诀, rank sets and those a requirement names', () => {
    const text =
      '经量化自评，自评总分为98.6分，人均学习积分达2600分。发表文章130余篇次，超额550℅完成任务。年初拿出7.xxxx元专项资金，邀请记者5xxxx名到我县采访。' +
      '特别是对职工八小时以外缺乏管理。总结出“有的放矢、见缝插针”十二字诀。在全省40个行业记者站中发稿数量保持排名第一。要求园区11个非公党支部将意识形态工作纳入议程。' +
      '各支部均按要求分别组织学习2次以上。会议于9时30分召开，持续30分钟。';
    const a = analyzeReport(text);
    expect(figures(a, text)).toEqual(['98.6分', '2600分', '130余篇次', '550℅', '7.xxxx元', '5xxxx名', '2次以上']);
    expect(a.figures.find((f) => f.value === 550)?.unit).toBe('%');
    expect(a.figures.filter((f) => f.placeholder).map((f) => f.unit)).toEqual(['元', '名']);
  });

  it('names a change against a year by what changed, and a list opened by 其中 by the verb before it', () => {
    const text = '播发新闻302条,较201*年增加了106%。共在各级各类媒体上上稿200余篇,其中国家级54篇,省级68篇。';
    expect(analyzeReport(text).figures.map((f) => f.activity)).toEqual(['播发新闻', '播发新闻增加', '在媒体上上稿', '国家级上稿', '省级上稿']);
  });

  it('reads 201* as a year, ## before a county as a blank name, 邓** as a masked leader’s name', () => {
    const text = '201*年,宣传处在省厅政治部的领导下开展工作。\n##县理论武装工作扎实推进,把学习贯彻邓**理论和“三个代表”重要思想作为首要任务。';
    const a = analyzeReport(text);
    expect(a.placeholders.map((p) => [text.slice(p.start, p.end), p.kind])).toEqual([['201*', 'year'], ['##', 'star']]);
    expect(a.masks.map((m) => [text.slice(m.start, m.end), m.kind])).toEqual([['**', 'name']]);
  });

  it('takes ⑴ for a numbered heading, and the title again under a site’s notices for no heading', () => {
    const text =
      '社区宣讲团工作总结\n- 1、下载文档前请自行甄别文档内容的完整性,平台不提供额外的编辑服务。\n社区宣讲团工作总结\n今年,社区宣传思想文化工作坚持正确导向。\n' +
      '一、围绕主题,注重特色宣传\n社区开展了多项活动。\n⑴3月12日,植树节当天组织志愿者植树。\n⑵在清明期间开展防火宣传。';
    const a = analyzeReport(text);
    expect(a.sections.filter((s) => s.kind !== 'preamble').map((s) => [s.marker, s.level])).toEqual([['一、', 1], ['⑴', 2], ['⑵', 2]]);
  });

  it('flags a document store’s furniture, titles calling themselves 范文/精编/样本, numbered pieces and a site’s lead-in', () => {
    const text =
      '2022年宣传部工作总结范文及工作计划\n字号:\n- 文档编号:20645487\n- 文档页数:5\n' +
      '精编20XX年上半年教育系统意识形态工作总结(一)\n法院思想政治工作总结一:\n' +
      '思想政治工作的主体是人。下面是学习啦带来的法院思想政治工作总结,欢迎查看。\n' +
      '2024年学校宣传工作计划样本一、指导思想学校宣传工作以上级精神为指导。\n医院宣传工作坚...\n请先登录\n\n>\n|\n|';
    const a = analyzeReport(text);
    expect(flagged(a, text, 'site_chrome')).toEqual([
      '2022年宣传部工作总结范文及工作计划',
      '字号:',
      '- 文档编号:20645487',
      '- 文档页数:5',
      '2024年学校宣传工作计划样本',
      '>',
      '|',
      '|',
    ]);
    expect(flagged(a, text, 'collection_marker')).toEqual(['精编20XX年上半年教育系统意识形态工作总结(一)', '法院思想政治工作总结一:']);
    expect(flagged(a, text, 'editor_lead_in')).toHaveLength(1);
    expect(flagged(a, text, 'download_notice')).toEqual(['请先登录']);
    expect(flagged(a, text, 'truncation')).toEqual(['...']);
    expect(a.placeholders).toEqual([]);
  });
});

describe('the thirteenth blind batch (fp235–fp254), studied', () => {
  it('takes an outline of headings on top, the title after it, for no sections when the text is cut before its body', () => {
    const heads = ['一、深化理论武装体系', '1.健全分层分类常态化学习机制', '2.实施党的创新理论溯源深耕工程', '二、巩固意识形态阵地', '3.升级改造自有媒体平台', '4.拓展社会传播渠道', '三、强化风险监测研判'];
    const text = `${heads.join('\n')}\n市政协2026年机关意识形态工作要点\n2026年是实施“十五五”规划的开局之年。市政协机关意识形态工作的指导思想是坚持正确方向。`;
    const a = analyzeReport(text);
    expect(a.sections.filter((s) => s.kind !== 'preamble')).toEqual([]);
    expect(a.meta.year).toBe(2026);
  });

  it('reads X for 党 wherever the text masks 党 beyond doubt, and ***同志为核心 as the leader’s name', () => {
    const text = '做好X的新闻舆论工作,事关顺利推进X和国家各项事业,与X中央始终保持一致,自觉维护X的权威,强调为X、为人民。紧密团结在以***同志为核心的党中央周围。争取ngo组织支持。';
    const a = analyzeReport(text);
    expect(a.masks.map((m) => [text.slice(m.start, m.end), m.kind])).toEqual([
      ['X', 'term'],
      ['X', 'term'],
      ['X', 'term'],
      ['X', 'term'],
      ['X', 'term'],
      ['***', 'name'],
    ]);
    expect(a.placeholders).toEqual([]);
  });

  it('flags a paper’s dateline, page buttons, a stray code, a 大全 title, keyword tags and a template’s 过渡句', () => {
    const text =
      '返回首页 回到顶部\n教育局精神文明建设总结最新大全\n2023 区委 思想 宣传工作 总结\n奋书文库,欢迎您!\n245F3\n' +
      '本报讯(记者 陈涛 通讯员 周瑞儒)公安局全年开展宣讲12场。推进工作落实。过渡句:立足人大职能,开展工作。';
    const a = analyzeReport(text);
    expect(flagged(a, text, 'site_chrome')).toEqual([
      '返回首页 回到顶部',
      '教育局精神文明建设总结最新大全',
      '2023 区委 思想 宣传工作 总结',
      '奋书文库,欢迎您!',
      '245F3',
      '本报讯(记者 陈涛 通讯员 周瑞儒)',
    ]);
    expect(flagged(a, text, 'template_marker')).toEqual(['过渡句:']);
    expect(figures(a, text)).toEqual(['12场']);
  });

  it('reads a 工作意见 as plans throughout, a heading on 重大意义 as other, events after a list of titles as counted', () => {
    const plan = '司法局教育宣传工作意见\n今年是充满挑战的一年。\n一、加强思想理论建设\n开展理论学习。';
    expect(kinds(analyzeReport(plan))).toEqual(['plans']);
    const study = '关于思想政治工作的调研报告\n一、思想政治工作引领建功新时代的重大意义\n这是重要保证。\n二、主要做法\n开展学习。';
    expect(kinds(analyzeReport(study))).toEqual(['other', 'achievements']);
    const text = '省委书记、省人大主任先后两次听取专题汇报。明确了红色引擎四轮驱动三全育人工作思路。';
    expect(figures(analyzeReport(text), text)).toEqual(['两次']);
  });
});

describe('the fourteenth blind batch (fp255–fp270), studied', () => {
  it('flags a news page’s furniture: 上一篇/下一篇, a byline, a gambling site’s name put in place of the school’s, 适老化 buttons', () => {
    const text =
      '打开适老化模式 无障碍浏览\n您现在的位置:\n首页 学院动态\n会上学习了《半岛在线登录官网,半岛(中国)校园网新闻发布管理办法》。\n' +
      '会议形成了共识。(文/陈涛 土木学院 图/史艾嘉)\n上一篇:新业态新就业群体工作总结';
    expect(flagged(analyzeReport(text), text, 'site_chrome')).toEqual([
      '打开适老化模式 无障碍浏览',
      '您现在的位置:',
      '半岛在线登录官网,半岛(中国)',
      '(文/陈涛 土木学院 图/史艾嘉)',
      '上一篇:新业态新就业群体工作总结',
    ]);
    const own = '要求党员每日网站登录学习强国平台,并在官方网站发布学习心得。';
    expect(flagged(analyzeReport(own), own, 'site_chrome')).toEqual([]);
  });

  it('reads 前言/结语 as other, 改进措施 as plans, and …的几点意见 as a plan throughout', () => {
    const summary = '文明工作总结\n前言\n今年以来,社区开展了文明创建工作,取得了成效。\n主要做法\n社区开展了多次集中学习,组织了志愿服务。\n改进措施\n继续加强学习,完善志愿服务机制。\n结语\n我们将继续努力,把创建工作做得更好。';
    expect(kinds(analyzeReport(summary))).toEqual(['other', 'achievements', 'plans', 'other']);
    const plan = '关于进一步加强学院意识形态阵地管理的几点意见\n为做好宣传工作,提出如下意见。\n一、严格执行先审核后发布制度\n各类新闻须经审核。';
    expect(kinds(analyzeReport(plan))).toEqual(['plans']);
  });
});

describe('the fifteenth blind batch (fp271–fp290), studied', () => {
  it('reads a task completed as work done, 力争 headings and a …初步思路 as plans', () => {
    const review = '述职报告\n一、積極發揮主觀能動作用,努力完成分管工作任務\n完成了全年9個專題的學習。';
    const r = analyzeReport(review);
    expect(kinds(r)).toEqual(['achievements']);
    expect(figures(r, review)).toEqual(['9個']);
    const plan = '2013年镇宣传思想工作初步思路\n全年工作将以十八大精神为主线。\n一、力争文化活动事业迈出新步伐\n完善基础活动室建设。';
    expect(kinds(analyzeReport(plan))).toEqual(['plans']);
  });

  it('takes no figure from 一式二份, 每半月一期, 上一期/下一期 or a cited study’s share, but the unit’s own survey', () => {
    const text = '稿件一式二份。黑板报(每半月一期)。一项研究表明,约有62%的网民关注。问卷调查显示,群众满意率达98%。';
    expect(figures(analyzeReport(text), text)).toEqual(['98%']);
  });

  it('reads a single * a site put for one character throughout (居*群众, 公*道德) as masks, not blanks', () => {
    const text =
      '组织居*学习公*道德建设活动。社区成立文明公*学校,提高居*群众的思想素质。向社区居*发放宣传单,宣传《公*道德实施纲要》。' +
      '充分发挥居*自我管理的职能,调动居*参与社区建设,打造全*健身、全*读书等活动。';
    const a = analyzeReport(text);
    expect(a.placeholders).toEqual([]);
    expect(a.masks.map((m) => [m.text, m.kind])).toEqual(Array.from({ length: 10 }, () => ['*', 'term']));
  });

  it('flags a news paper’s 报讯, a byline on its own line, a site’s footer labels and page buttons, and numbered pieces', () => {
    const text =
      '湘声报讯 近日,衡阳市中心医院召开意识形态工作专题会。\n文 | 政协融媒记者 李煜 通讯员 王旋\n上一期    下一期\n期次:第5期\n' +
      '主办:中共安康市委政法委员会\n扫一扫在手机打开当前页\n意识形态工作方案(篇1)\n方案正文。党委是战斗堡垒。【范文一】工作总结';
    const a = analyzeReport(text);
    expect(flagged(a, text, 'site_chrome')).toEqual([
      '湘声报讯',
      '文 | 政协融媒记者 李煜 通讯员 王旋',
      '上一期    下一期',
      '期次:第5期',
      '主办:中共安康市委政法委员会',
      '扫一扫在手机打开当前页',
    ]);
    expect(flagged(a, text, 'collection_marker')).toEqual(['篇1)', '【范文一】']);
  });

  it('reads the title of a collection’s numbered piece, under its marker, as no heading', () => {
    const text = '意识形态工作方案模板\n意识形态工作方案(篇1)\n城镇夯实宗教领域意识形态工作方案\n今年以来,镇党委多措并举夯实宗教领域意识形态工作,成立了工作领导小组。';
    expect(analyzeReport(text).sections.map((s) => s.heading)).not.toContain('城镇夯实宗教领域意识形态工作方案');
  });
});


describe('the sixteenth blind batch (fp291–fp310), studied', () => {
  it('reads a standing duty’s 任务 (聚焦首要任务) as no plan, and a text that calls itself 本预案 as plans throughout', () => {
    const review = '乡镇宣传工作总结\n本年度,我镇宣传思想文化工作扎实开展。\n一、聚焦首要任务,深化理论武装\n(一)抓实中心组学习。本年度,共组织中心组集体学习研讨XX次。';
    const r = analyzeReport(review);
    expect(kinds(r)).toEqual(['achievements', 'achievements']);
    expect(figures(r, review)).toEqual(['XX次']);
    const plan = '意识形态风险研判分析3篇\n为切实提高意识形态领域风险防控能力,制定本预案。\n一、适用范围\n本预案适用于全街道。\n二、工作原则\n坚持预防为主。';
    expect(kinds(analyzeReport(plan))).toEqual(['plans', 'plans']);
  });

  it('takes no figure from a unit’s staffing and membership, a headcount a share is taken among, or a 十六字精神', () => {
    const staffing =
      '部內有正式黨員××人、預備黨員*人、入黨積極分子*人,設黨支部*個,黨小組*個。具有本科學歷的*人、專科學歷的*人。' +
      '配备了主席1人和专职工作人员1人。广播电视局44名干部职工中,有12人参加培训。弘扬“大爱无疆”十六字精神。全年开展培训3期。';
    expect(figures(analyzeReport(staffing), staffing)).toEqual(['12人', '3期']);
  });

  it('names the verb of a count after 已 (收集问题5条,已完成3条) as what was done', () => {
    const text = '收集问题5条,已完成3条,建立问题台账。';
    expect(analyzeReport(text).figures.map((f) => f.activity)).toEqual(['收集问题', '完成']);
  });

  it('reads **二中 as a blanked school, a * before 县 after a space as a blank, and ××.* as one blank number', () => {
    const text = '2021 年以来, *县委办公室认真落实责任制。其中,**二中上线率位居全州第3位。平均年龄××.*岁。学习党的**三中全会精神。';
    const a = analyzeReport(text);
    expect(a.placeholders.map((p) => [p.text, p.kind])).toEqual([
      ['*', 'star'],
      ['**', 'star'],
      ['××.*', 'x'],
    ]);
    expect(a.masks.map((m) => m.text)).toEqual(['**']);
  });

  it('flags a site’s bracketed domain, a 原创: mark, 本文关键词/简介 lines, 资源描述, a closing byline in brackets and a lead-in offering pieces 以供参考', () => {
    const text =
      '2018年意识形态工作计划 本文关键词:意识形态,工作计划\n2018年意识形态工作计划 本文简介:为进一步落实责任制,结合实际制定本计划。\n资源描述:\n' +
      '乡镇宣传工作是党的喉舌。本文将呈现若干篇详实的乡镇宣传工作总结范文,以供参考。\n【628568.com--述职报告】\n' +
      '原创:今年以来,院党组召开专题会议研究意识形态工作。会议要求各部门落实责任。(许露妍)\n一、主要做法';
    const a = analyzeReport(text);
    expect(flagged(a, text, 'site_chrome')).toEqual([
      '2018年意识形态工作计划 本文关键词:意识形态,工作计划',
      '2018年意识形态工作计划 本文简介:为进一步落实责任制,结合实际制定本计划。',
      '资源描述:',
      '【628568.com--述职报告】',
      '原创:',
      '(许露妍)',
    ]);
    expect(flagged(a, text, 'editor_lead_in')).toEqual(['乡镇宣传工作是党的喉舌。本文将呈现若干篇详实的乡镇宣传工作总结范文,以供参考。']);
    // A document's own (试行) is no byline.
    expect(flagged(analyzeReport('意识形态工作责任制实施办法(试行)\n第一条 为落实责任制。'), '', 'site_chrome')).toEqual([]);
  });
});

describe('the seventeenth blind batch (fp311–fp330), studied', () => {
  it('reads an inspection plan (特制定如下督查方案) and a notice arranging work (现将…通知如下) as plans throughout', () => {
    const inspection = '整改情况督查方案\n为进一步将问题整改到位,特制定如下督查方案:\n一、督查时间\n2024年x月上旬\n二、督查内容\n1、农家书屋面积是否达到20平方米以上。';
    expect(kinds(analyzeReport(inspection))).toEqual(['plans', 'plans', 'plans']);
    const notice = '各二级单位:\n为落实责任制,现将考核事项通知如下。\n一、考核方式\n检查考核实行量化计分,总分100分。';
    const a = analyzeReport(notice);
    expect(kinds(a)).toEqual(['plans']);
    expect(a.figures).toEqual([]);
    // A report that made its year's plan is still a report.
    expect(kinds(analyzeReport('工作总结\n年初,我局制定本年度工作计划,明确了任务。\n一、主要做法\n开展学习3次。'))).toEqual(['achievements']);
    const risk = '舆情风险研判汇报\n一、网络舆情风险现状\n群众获得信息更加便捷。\n二、应对措施加强队伍建设\n一是成立领导小组。';
    expect(kinds(analyzeReport(risk))).toEqual(['problems', 'plans']);
  });

  it('tells a page’s masking from blanks: *** before 关怀, xx著作, *管意识形态, runs of / for theory names, and stars on a page that hides words', () => {
    const care = '召开会议,感悟***关怀、明确新时代责任,切实把***的关心关怀转化为动力。是否在显著位置摆放xx著作10种以上。';
    expect(analyzeReport(care).masks.map((m) => [m.text, m.kind])).toEqual([
      ['***', 'name'],
      ['***', 'name'],
      ['xx', 'name'],
    ]);
    const slashes = '堅持以//為指導,牢固樹立/,堅定/,堅決//。在貫徹落實//精神,嚴格落實*管意識形態。';
    expect(analyzeReport(slashes).masks.map((m) => m.text)).toEqual(['//', '/', '/', '//', '//', '*']);
    const starred = '今年以来,在***的正确领导和区*宣传部的悉心指导下,某某镇宣传工作扎实开展。\n一、理论**“固本”\n开展学习*次。';
    const s = analyzeReport(starred);
    expect(s.masks.map((m) => m.text)).toEqual(['***', '*', '**']);
    expect(s.placeholders.map((p) => p.text)).toEqual(['某某', '*']);
    // Without a word hidden beyond doubt, stars stay blanks to fill (在*委的坚强领导下).
    expect(analyzeReport('在*委的坚强领导下,*始终坚持学习。').masks).toEqual([]);
  });

  it('flags a column crumb repeated above the title, photo captions, a cut byline, a page bar, site notices and a cut line of dots', () => {
    const page =
      '当前位置:文秘家园>> 文秘范文>> 工作汇报\n\n工作汇报\n\n乡镇舆情风险研判汇报\n\n以稿换稿】【收藏】  作者: 佚名  来源: 作者原创  阅读 次 【    】\n' +
      '我乡高度重视舆情工作。\n(先进集体)\n(优秀通讯员)\n会议表彰了3个先进集体。\n……\n【文章共858字,范文学习借鉴,请勿直接抄袭】\n  • 我要加入会员\n(受限删改,全篇共享)\n(通讯员/';
    const a = analyzeReport(page);
    expect(flagged(a, page, 'site_chrome')).toEqual([
      '当前位置:文秘家园>> 文秘范文>> 工作汇报',
      '工作汇报',
      '以稿换稿】【收藏】  作者: 佚名  来源: 作者原创  阅读 次 【    】',
      '(先进集体)\n(优秀通讯员)',
      '• 我要加入会员',
      '(通讯员/',
    ]);
    expect(flagged(a, page, 'download_notice')).toEqual(['【文章共858字,范文学习借鉴,请勿直接抄袭】', '(受限删改,全篇共享)']);
    expect(flagged(a, page, 'truncation')).toEqual(['……']);
    const bar = 'PDF «上一版 下一版»本期共8版(1-2-3-4-6-7-8)\n市委宣传部对我县工作进行专项督查\n本报讯 1月8日,督查组来我县督查。';
    expect(flagged(analyzeReport(bar), bar, 'site_chrome')[0]).toBe('PDF «上一版 下一版»本期共8版(1-2-3-4-6-7-8)');
    // The page's own title repeating its crumb is the title, not the column.
    const titled = '学习啦 > 工作报告 > 民族宗教工作报告\n\n民族宗教工作报告\n\n时间: 2021-08-31 分享\n\n宗教是文化的组成部分。';
    expect(flagged(analyzeReport(titled), titled, 'site_chrome')).not.toContain('民族宗教工作报告');
  });

  it('reads a gloss with a space before its parenthesis (會(huì )), and …情况篇一 as a collection marker', () => {
    const glossed = '我縣網(wǎng)絡(luò )輿情信息管理辦公室召開視訊會(huì )議。';
    expect(analyzeReport(glossed).flags.filter((f) => f.kind === 'pinyin_gloss')).toHaveLength(1);
    const collection = '最新网络意识形态工作开展情况(六篇)\n网络意识形态工作开展情况篇一\n(一)加强组织领导\n我镇认真贯彻落实。';
    expect(flagged(analyzeReport(collection), collection, 'collection_marker')).toContain('篇一');
  });
});

describe('the eighteenth blind batch (fp331–fp350), studied', () => {
  it('reads no sections in a list run into a sentence, each item closed by a semicolon (…情况;(二)…;(三)…)', () => {
    const plan =
      '信息宣传工作方案\n' +
      '一、目标任务 全年向上级报送信息不少于100条,确保宣传工作有声有色,各股室积极配合办公室开展信息报送工作,形成齐抓共管的良好局面。二、报送内容(一)上级决策部署贯彻落实情况;(二)上级领导视察、指导工作情况;(三)重大项目进展情况;(四)其他需要对外宣传的事项。三、报送机制 办公室每月汇总。';
    expect(analyzeReport(plan).sections.filter((s) => s.kind !== 'preamble').map((s) => s.heading.slice(0, 4))).toEqual(['目标任务', '报送内容', '报送机制']);
  });

  it('reads a section analysing members’ thinking as other, and masks a banner’s name hidden by stars', () => {
    const analysis = '思想状况分析报告\n一、党员思想状况分析\n支部党员都能树牢“四个意识”。\n二、员工思想现状分析\n员工整体关注企业发展。';
    expect(kinds(analyzeReport(analysis))).toEqual(['other', 'other']);
    const masked = '做好意识形态工作,必须高举******社会伟大旗帜,以马克思列宁主义、科学发展观和************社会思想为指导。20**年,我们加强学习。';
    const a = analyzeReport(masked);
    expect(a.masks.map((m) => m.text)).toEqual(['******', '************']);
    expect(a.placeholders.map((p) => [p.text, p.kind])).toEqual([['20**', 'year']]);
  });

  it('flags a column label above a news title, a site’s 网讯 dateline, a byline with its place, a close button, 相关主题 and a link that lost its <', () => {
    const news =
      '党建动态\n某某中学召开意识形态工作专题学习会\n灵宝法院网讯 近年来,法院高度重视意识形态工作。创建一批文明村。(演集镇:王大庆)\n分享到:\n【打印正文】\n×\n相关主题\n' +
      '学习按每天上午集中学习2个小时进行专题讨论或a href="http://m.example.com/fanwen/">心得体会。';
    const a = analyzeReport(news);
    expect(flagged(a, news, 'site_chrome')).toEqual([
      '党建动态',
      '灵宝法院网讯',
      '(演集镇:王大庆)',
      '分享到:',
      '【打印正文】',
      '×',
      '相关主题',
      'a href="http://m.example.com/fanwen/">',
    ]);
  });

  it('ends an activity named after a count at a closing bracket (…合计174名).所有教职工… is no activity of 174名)', () => {
    const text = '全体教职工都参加了学习(其中教师123名,退休教师16名,合计174名).所有教职工认真听讲并记笔记。';
    expect(analyzeReport(text).figures.map((f) => f.activity).join('|')).not.toContain('听讲');
  });

  it('names attending as the activity of the people a meeting counts (…支部书记代表等30余人参加会议)', () => {
    const text = '党委书记、各基层单位党组织负责人、支部书记代表等30余人参加会议。全体党员共25名出席了活动。';
    expect(analyzeReport(text).figures.map((f) => f.activity)).toEqual(['参加会议', '出席活动']);
    expect(analyzeReport('第八季共有195087人次参与学习。').figures.map((f) => f.activity)).toEqual(['参与学习']);
  });

  it('names a series by what it was, past its quoted title (举办5期“绽放青春”专题宣讲活动), and those honoured with their honour (对…8名“优秀通讯员”进行了表彰)', () => {
    const text = '连续举办5期"绽放XX青春坚定制度自信"专题宣讲活动。会议对3个“先进集体”和8名“优秀通讯员”进行了表彰。';
    expect(analyzeReport(text).figures.map((f) => f.activity)).toEqual(['专题宣讲', '表彰先进集体', '表彰优秀通讯员']);
  });

  it('keeps the verb that opens a list of examples in the activity of the kind counted (解决…、…等问题8个 → 解决问题)', () => {
    const text = '全年开展专题调研6次,解决思想动态分析、宣传阵地管理等问题8个,修订完善阵地管理办法、舆情处置预案等制度5项。';
    expect(analyzeReport(text).figures.map((f) => f.activity)).toEqual(['专题调研', '解决问题', '修订完善制度']);
  });

  it('reads the unit of a news title that opens with it and an adverb (演集镇切实加强…)', () => {
    expect(analyzeReport('演集镇切实加强和改进意识形态工作\n来源: 发布时间:2020-05-11\n近日,镇党委召开会议。').meta.unit).toBe('演集镇');
  });
});

describe('the nineteenth blind batch (fp351–fp370), studied in part', () => {
  it('flags a journal line, 本刊讯, >>阅读全文, a reporter line, ipv6 and photo labels, 内容预览:, a members-only note and a casino name with 平台网址', () => {
    const page =
      '欢迎访问交通运输局门户网站!\n网站已支持ipv6\n中国税务 2013年 第9期 税务要闻\n本刊讯8月21日下午,党组召开会议。\n>>阅读全文\n' +
      '周口日报·周道客户端记者 彭慧 通讯员 马琳华\n会议现场\n内容预览:\n本文共934字,仅供站内会员学习参考\n《澳门新葡平台网址8883思想政治工作督查指标体系》';
    const a = analyzeReport(page);
    expect(flagged(a, page, 'site_chrome')).toEqual([
      '欢迎访问交通运输局门户网站!',
      '网站已支持ipv6',
      '中国税务 2013年 第9期 税务要闻',
      '本刊讯',
      '>>阅读全文',
      '周口日报·周道客户端记者 彭慧 通讯员 马琳华',
      '会议现场',
      '内容预览:',
      '澳门新葡平台网址8883',
    ]);
    expect(flagged(a, page, 'download_notice')).toEqual(['本文共934字,仅供站内会员学习参考']);
  });

  it('takes no figure from work announced (将于…对15个教学院系…进行集中督查) nor from 的一次 as an article', () => {
    const text = '会议组成4个临时督查组,将于7月16日—17日对15个教学院系和21个职能部门进行集中督查。会议认为,这是在新形势下召开的一次具有全局意义的重要会议。全年开展督查3次。';
    expect(figures(analyzeReport(text), text)).toEqual(['4个', '3次']);
  });

  it('reads single stars before field words as a template’s blanks (树立*系统好典型), and 关于…重要** as a mask', () => {
    const template =
      '充分展现*工作风采,传递*好声音,树立*系统好典型,调动*系统广大干部积极性,展示我县*事业发展成就,提升*美誉度,为*事业跨越发展营造氛围。成立报道组,由*同志任组长,重点宣传*系统工作。';
    const a = analyzeReport(template);
    expect(a.masks).toEqual([]);
    expect(a.placeholders.filter((p) => p.text === '*')).toHaveLength(9);
    const masked = '深入学习贯彻习近平总书记关于巡视巡察工作重要**和中央部署要求。';
    expect(analyzeReport(masked).masks.map((m) => m.text)).toEqual(['**']);
  });

  it('splits a flattened page’s subheadings whose sections close on a semicolon ((一)层层落实意识形态责任。…;(二)…)', () => {
    const page =
      '乡镇宣传思想文化工作总结以来,苏木认真贯彻落实会议精神,狠抓各项重点任务落实,为建设提供了强大的思想保障。一、意识形态方面(一)层层落实意识形态责任。狠抓党委、政府意识形态工作责任制落实,带头抓意识形态工作;(二)加强意识形态专题学习。将各级会议精神纳入中心组专题学习内容,及时传达学习。二、理论武装方面(一)抓中心组学习。围绕十九大精神开展了12次集中学习;(二)持续开展理论学习与宣讲。在公众号上进行理论宣讲。';
    expect(analyzeReport(page).sections.map((s) => [s.level, s.marker, s.heading])).toEqual([
      [1, '', ''],
      [1, '一、', '意识形态方面'],
      [2, '(一)', '层层落实意识形态责任'],
      [2, '(二)', '加强意识形态专题学习'],
      [1, '二、', '理论武装方面'],
      [2, '(一)', '抓中心组学习'],
      [2, '(二)', '持续开展理论学习与宣讲'],
    ]);
    // Items of a list inside a sentence stay in it.
    const list = '二、主要做法\n一年来重点抓了三项工作:(一)理论学习情况;(二)上级领导视察情况;(三)宣传阵地管理情况。各项工作均按计划完成,成效明显,得到上级肯定。';
    expect(analyzeReport(list).sections.map((s) => s.heading)).toEqual(['主要做法']);
  });

  it('reads no problems from the failings a rule sanctions (对…开展不力,出现重大失误…的,考核将列为较差)', () => {
    const report =
      '关于利用网络开展宣传思想文化工作的调研报告\n一、严明责任,营造良好网络环境\n(一)明确主体责任。各级党委主要负责同志对网络意识形态工作负主体责任。\n(二)严明奖惩制度。年终对安排部署的重要工作开展不力,出现重大失误;对重大问题处置不力,致使负面有害信息大量充斥网上;对网络阵地建设不力,致使媒体融合发展滞后,工作力量薄弱,经费保障不到位的,考核将列为较差。\n二、存在的问题\n网络评论员队伍力量薄弱,工作不到位。';
    expect(analyzeReport(report).sections.filter((s) => s.level === 1).map((s) => [s.heading, s.kind])).toEqual([
      ['严明责任,营造良好网络环境', 'achievements'],
      ['存在的问题', 'problems'],
    ]);
  });

  it('reads unnumbered headings of two matched phrases where a text has several (注重思想引领,汇聚巾帼新力量)', () => {
    const prose = '市妇联始终将思想政治引领贯穿到妇联工作全过程,深入开展学习贯彻宣传宣讲,组织开展形式多样的主题活动。';
    const text = `淮南妇女工作砥砺奋进的五年\n五年来,市妇联结合妇女思想实际,团结引领全市广大妇女听党话跟党走。\n注重思想引领,汇聚巾帼新力量\n${prose}\n注重网络引领,激发巾帼正能量\n${prose}`;
    expect(analyzeReport(text).sections.map((s) => s.heading)).toEqual(['', '注重思想引领,汇聚巾帼新力量', '注重网络引领,激发巾帼正能量']);
    // One such line is a short sentence, no heading.
    const once = `淮南妇女工作砥砺奋进的五年\n五年来,市妇联结合妇女思想实际,团结引领全市广大妇女听党话跟党走。\n今年以来,我们再接再厉\n${prose}`;
    expect(analyzeReport(once).sections.map((s) => s.heading)).toEqual(['']);
  });

  it('names what reached a count after 累计达到 (受众群众), and reads 突破 as approximate', () => {
    const text = '总计观影25场次,受众群众累计达到4000余人。网上平台累计阅读量突破6万次。';
    const a = analyzeReport(text);
    expect(a.figures.map((f) => [text.slice(f.start, f.end), f.activity, f.approx])).toEqual([
      ['25场次', '观影', false],
      ['4000余人', '受众群众', true],
      ['突破6万次', '阅读量', true],
    ]);
  });

  it('keeps the gloss of a figure’s measure word in its span (1000多個(gè))', () => {
    const text = '形成以市婦聯(lián)“一微一網(wǎng)”為統領(lǐng),1000多個(gè)姐妹微信群互聯(lián)互通的新媒體矩陣。';
    expect(figures(analyzeReport(text), text)).toEqual(['1000多個(gè)']);
  });

  it('flags 第1篇 before a piece’s title on its line as a collection’s marker', () => {
    const page = '2023年教育局宣传工作总结(七篇)\n\n第1篇 2023年教育局宣传工作总结\n\n2022年,我区教育工作在区委的坚强领导下,紧紧围绕发展战略开展宣传。';
    expect(flagged(analyzeReport(page), page, 'collection_marker')).toContain('第1篇');
    // A sentence that opens with it is no marker.
    const prose = '宣传工作总结\n第1篇 稿件在省报刊发,第2篇稿件在市报刊发,反响良好。';
    expect(flagged(analyzeReport(prose), prose, 'collection_marker')).toEqual([]);
  });

  it('reads 二是… alone on its line between 一、 and 三、 as the second heading, and not elsewhere', () => {
    const body = '我们积极创新教育宣传工作机制,拓展教育宣传工作途径,加大宣传工作力度,报送信息426条。';
    const text = `教育系统宣传工作总结\n一、服务大局,扩大影响力。\n${body}\n二是突出重点,打造教育宣传亮点。\n${body}\n三、突出文明创建,提升精神文明建设水平。\n${body}`;
    expect(analyzeReport(text).sections.map((s) => [s.level, s.marker, s.heading])).toEqual([
      [1, '一、', '服务大局,扩大影响力'],
      [1, '二是', '突出重点,打造教育宣传亮点'],
      [1, '三、', '突出文明创建,提升精神文明建设水平'],
    ]);
    // Where 二、 stands already, 二是 is an enumeration in its section.
    const enumerated = `宣传工作总结\n一、主要做法\n${body}\n二、存在问题\n一是队伍不强。\n二是投入不足。\n三、下一步打算\n${body}`;
    expect(analyzeReport(enumerated).sections.map((s) => s.marker)).toEqual(['一、', '二、', '三、']);
  });
});

describe('the twentieth blind batch (fp371–fp390), studied', () => {
  const kinds = (t: string) =>
    analyzeReport(t)
      .sections.filter((s) => s.level === 1 && s.kind !== 'preamble')
      .map((s) => s.kind);

  it('reads a plan whose title stands under a page’s keywords, and a notice issuing a plan, as plans throughout', () => {
    const keywords = '温馨提示:\n1. 本文档由用户上传,版权归属用户,汇文网负责整理代发布。如果您对本文档版权有争议请及时联系客服。\n2. 下载前请仔细阅读文档内容,确认文档内容符合您的需求后进行下载。\n网站客服:3074922707\n宣传工作\n计划\n市直机关\n要点\n工作思路\n2023年市直机关宣传工作要点范文\n2023年,市直机关工委宣传部将紧扣主题主线,狠抓重点工作,主要做好以下工作:\n一、进一步在强化理论武装上下功夫\n通过机关党建网上平台,定期对中心组学习进行分析考核,抓好学习报备、通报等工作制度落实。';
    expect(kinds(keywords)).toEqual(['plans']);
    const notice = '关于印发《2024年交通运输系统精神文明建设工作要点》的通知\n局机关各科室:\n现印发给你们,请认真执行。\n2024年交通运输系统精神文明建设工作要点\n2024年是关键一年。\n一、坚持不懈用党的创新理论凝心铸魂\n1.全面加强党的创新理论武装。持续深入学习贯彻党的二十大精神,组织中心组学习12次。';
    expect(kinds(notice)).toEqual(['plans']);
    // A site's outline naming next year's plan above a summary's title is no title.
    const outline = '一、2025年党建工作扎实推进\n二、存在问题\n三、2026年党建工作计划\n县教育局2025年党建工作总结\n2025年,县教育局始终坚持以习近平新时代中国特色社会主义思想为指导,各项工作取得阶段性成效,为事业发展筑牢根基。\n一、2025年党建工作扎实推进,成效显著\n全年开展中心组集中学习12次,专题研讨6次。';
    expect(kinds(outline)[0]).toBe('achievements');
  });

  it('reads 确保了 as work done, not a plan’s cue', () => {
    const text = '网络舆情宣传管理工作总结\n今年以来,我局高度重视网络舆情工作。\n一、领导责任\n本单位建立了网络舆情宣传管理责任制。\n二、舆情处置\n网站工作人员实行轮班上岗,在24小时内做出回复,确保舆情稳定。目前共接收到40条投诉建议咨询帖,回复率和办结率均达到100%,确保了网络问政工作的有效落实。';
    expect(kinds(text)).toEqual(['achievements', 'achievements']);
  });

  it('reads a >>阅读全文 link under a preview as a cut text (no missing problems section)', () => {
    const page = '中国税务 2013年 第9期 税务要闻\n上一篇 下一篇\n本刊讯8月21日下午,国家税务总局党组召开会议,传达学习全国宣传思想工作会议精神。会议认为,要切实加强宣传思想工作。\n>>阅读全文';
    expect(analyzeReport(page).flags.map((f) => f.kind)).not.toContain('missing_problems');
  });

  it('counts a reach in 万 with no measure word after 阅读量 (总阅读量359万), and no other number so bare', () => {
    const text = '发布宣传信息1197篇,总阅读量359万。推送稿件11篇,阅读量28万,转发94余次;全网阅读量2089.8万。地区生产总值达到1.2万亿。';
    expect(analyzeReport(text).figures.map((f) => [text.slice(f.start, f.end), f.activity, f.value, f.unit])).toEqual([
      ['1197篇', '发布宣传信息', 1197, '篇'],
      ['359万', '总阅读量', 3590000, ''],
      ['11篇', '推送稿件', 11, '篇'],
      ['28万', '阅读量', 280000, ''],
      ['94余次', '转发', 94, '次'],
      ['2089.8万', '全网阅读量', 20898000, ''],
    ]);
  });

  it('reads a yearbook entry’s labelled paragraphs (【组织领导】2020年,…) as its headings, where two or more open so', () => {
    const entry = '【组织领导】2020年,永宁县构建县委领导、政府管理的网络信息工作格局,审议通过网信相关文件2件。\n【信息发布】2020年,县委网信办组织开展宣传报道,发布宣传信息1197篇。';
    expect(analyzeReport(entry).sections.map((s) => [s.level, s.marker, s.heading])).toEqual([
      [1, '【', '组织领导'],
      [1, '【', '信息发布'],
    ]);
    expect(analyzeReport('宣传工作总结\n【汤医新闻】医院召开宣传思想文化工作会议,表彰先进,部署全年工作任务。').sections.map((s) => s.marker)).not.toContain('【');
  });

  it('knows 辆次 and 架次 as measures (免费开通旅游公交专车68辆次)', () => {
    const text = '节假日免费开通旅游公交专车68辆次,出动无人机巡查12架次。';
    expect(analyzeReport(text).figures.map((f) => [text.slice(f.start, f.end), f.unit])).toEqual([
      ['68辆次', '辆次'],
      ['12架次', '架次'],
    ]);
  });

  it('reads * for 宗教 before 场所 and for 人士 after 党外 as words cut out', () => {
    const text = '在重点非公企业、*场所、党外*集中的单位设立联络员。';
    expect(analyzeReport(text).masks.map((m) => [text.slice(m.start, m.end), m.kind])).toEqual([
      ['*', 'term'],
      ['*', 'term'],
    ]);
    expect(analyzeReport(text).placeholders).toEqual([]);
  });

  it('reads an X after six digits as a code’s check character, no blank (01417874X/2024-00010)', () => {
    expect(analyzeReport('索引号:01417874X/2024-00010\n全年开展XX次专题学习。').placeholders.map((p) => p.text)).toEqual(['XX']);
  });

  it('ends a lead-in run into the report at its last cued sentence, and knows 【本站讯】 and a site’s disclaimer', () => {
    const page =
      '1、2021年统战工作总结本文具有广泛通用性,欢迎各位亲根据自己的实际需要参考借鉴。 2021年以来,XX镇统战工作在镇党委的高度重视下,在市委统战部的精心指导下,立足XX实际,以乡贤统战为切入口,积极探索和创新加强基层统战工作的新思路和新举措,全镇统战工作呈现了新的局面。现将主要工作汇报如下: 一、工作开展情况 1、树立一个理念。树立抓统战就是抓党建的工作理念,构建统战网络。';
    const a = analyzeReport(page);
    expect(flagged(a, page, 'editor_lead_in')).toEqual(['1、2021年统战工作总结本文具有广泛通用性,欢迎各位亲根据自己的实际需要参考借鉴。']);
    expect(a.placeholders.map((p) => p.text)).toEqual(['XX', 'XX']);
    const news = '【本站讯】3月8日,医院召开意识形态工作专题会议。\n网站内容来源于网络,其真实性与本站无关,请网友慎重判断';
    expect(flagged(analyzeReport(news), news, 'site_chrome')).toContain('【本站讯】');
    expect(flagged(analyzeReport(news), news, 'download_notice')).toEqual(['网站内容来源于网络,其真实性与本站无关,请网友慎重判断']);
  });

  it('reads a particle’s toneless pinyin gloss (的(de)) as a gloss', () => {
    const text = '會(huì)議強調(diào),要把握好意識形態(tài)工作的(de)主動權。';
    // The glosses of one passage are flagged as one span; the particle's ends it.
    expect(flagged(analyzeReport(text), text, 'pinyin_gloss')).toEqual(['(huì)議強調(diào),要把握好意識形態(tài)工作的(de)']);
  });

  it('names the activity of counted things: the verb before a list of examples, what was done for people counted, the thing a 关于… phrase describes', () => {
    const text = '开辟了科学发展观学习、师德建设、安全教育、创先争优等4个专题。并给6位工作人员配备了相机。目前共接收到40条关于本单位的投诉建议咨询帖。';
    expect(analyzeReport(text).figures.map((f) => [text.slice(f.start, f.end), f.activity])).toEqual([
      ['4个', '开辟专题'],
      ['6位', '配备相机'],
      ['40条', '接收投诉建议咨询帖'],
    ]);
  });

  it('takes one person put in a post for staffing, not work done, and the posts listed after it too', () => {
    const text = '成立领导小组,确定1名专职工作人员负责舆情监管。镇宣传办配备了1名宣传委员,2名宣传干事,1名文化站站长。全年开展宣讲12场。';
    expect(figures(analyzeReport(text), text)).toEqual(['12场']);
  });

  it('flags a document site’s keyword tags above a title that repeats them, not a title a PDF broke into lines', () => {
    const page = '网站客服:3074922707\n宣传工作\n计划\n市直机关\n要点\n2023年市直机关宣传工作要点\n2023年,市直机关工委宣传部将紧扣主题主线,狠抓重点工作。';
    expect(flagged(analyzeReport(page), page, 'site_chrome')).toContain('宣传工作\n计划\n市直机关\n要点');
    const broken = '2023\n宣传部\n关于\n年度\n宣传工作总结\n今年以来,宣传部认真贯彻落实上级部署,扎实开展各项工作,取得了明显成效。';
    expect(flagged(analyzeReport(broken), broken, 'site_chrome')).toEqual([]);
  });
});

describe('the twenty-first blind batch (fp391–fp410), studied in part', () => {
  it('reads 某某元 and 某块 as blanked figures, not 某个 or 某次 or 某某人', () => {
    const text = '在宣传阵地投资某某元,新建了宣传栏。社区内做了某块宣传标语。某个问题要重视,某次会议上某某人提出。';
    const a = analyzeReport(text);
    expect(a.figures.map((f) => [text.slice(f.start, f.end), f.placeholder])).toEqual([
      ['某某元', true],
      ['某块', true],
    ]);
    expect(a.placeholders.map((p) => p.text)).toEqual(['某某', '某', '某某']);
  });

  it('reads no unit from 新学期 or 庆祝 run into a name (2021新学期学校…, 市政协庆祝人民政协…)', () => {
    expect(analyzeReport('2021新学期学校宣传工作计划\n为做好新学期宣传工作,特制定本计划。').meta.unit).toBeNull();
    expect(analyzeReport('10月9日,市政协庆祝人民政协成立75周年座谈会召开。').meta.unit).not.toBe('市政协庆祝人民政协');
  });

  it('reads dots that cut out the leader’s name, and then the other words a page cut so, and _ before 新时期中国特色…思想', () => {
    const text = '认真学习.新时代中国特色.主义思想,特别是在党的.和二中、三中全会精神,紧密联系全县经济.实际。';
    expect(analyzeReport(text).masks.map((m) => [text.slice(m.start, m.end), m.kind])).toEqual([
      ['.', 'name'],
      ['.', 'term'],
      ['.', 'term'],
      ['.', 'term'],
    ]);
    expect(analyzeReport('见《渭南教育研究.潼关专刊》。').masks).toEqual([]);
    const spun = '精神文明建设工作要以_新时期中国特点社会主义思想为指点。';
    expect(analyzeReport(spun).masks.map((m) => m.kind)).toEqual(['name']);
  });

  it('reads underscores a page left for hostile forces cut out as a political word, and its other cut words so, not as blanks', () => {
    const text = '在两种意识形态的较量中,西方__凭借其经济实力对我国进行_,企图_西方所谓价值观。__借助互联网大肆攻击,管理_不完善。';
    const a = analyzeReport(text);
    expect(a.masks.map((m) => [text.slice(m.start, m.end), m.kind])).toEqual([
      ['__', 'term'],
      ['_', 'term'],
      ['_', 'term'],
      ['__', 'term'],
      ['_', 'term'],
    ]);
    expect(a.placeholders).toEqual([]);
    // Without such a cut, a template's blanks stay blanks: the unit's field, a count to fill.
    const template = '中国__宣传中心第一党支部,直接关系到__新闻宣传工作的水平,全年开展_次学习。';
    expect(analyzeReport(template).masks).toEqual([]);
    expect(analyzeReport(template).placeholders.map((p) => p.text)).toEqual(['__', '__', '_']);
  });

  it('reads a heading whose 、 a page lost (一强化…) where numbered items stand under it, ranked under 一、', () => {
    const text = '一、主要工作\n一强化理论武装,凝聚思想共识\n1. 开展党委中心组理论学习。\n一是完善组织管理。\n2. 集中开展专题学习活动。\n一方面加强学习,另一方面注重实效\n1. 组织宣讲。';
    const a = analyzeReport(text);
    expect(a.sections.filter((s) => s.kind !== 'preamble').map((s) => [s.marker, s.heading, s.level])).toEqual([
      ['一、', '主要工作', 1],
      ['一', '强化理论武装,凝聚思想共识', 2],
      ['1.', '开展党委中心组理论学习', 3],
      ['2.', '集中开展专题学习活动', 3],
      ['1.', '组织宣讲', 3],
    ]);
  });

  it('flags a site’s watermark, its 【…范文】 mark, a related list after a dash, and a bare 略 as a cut', () => {
    const page = '- 相关推荐\n国税系统年度精神文明创建要点\n一、积极参创省文明单位\n根据省、市文明办的工作安排,省文明单位评选工作已经全面启动。公务员之家版权所有\n【思想宣传范文】\n二、存在的问题\n略';
    const a = analyzeReport(page);
    expect(flagged(a, page, 'site_chrome')).toEqual(['- 相关推荐\n国税系统年度精神文明创建要点', '公务员之家版权所有', '【思想宣传范文】']);
    expect(flagged(a, page, 'truncation')).toEqual(['略']);
    expect(a.sections.map((s) => s.heading)).toContain('积极参创省文明单位');
  });

  it('takes a share of those honoured (占此次受表彰总数的10.4%) as a figure, a share of the staff (党员占职工总数的60%) as none', () => {
    const text = '全系统获评先进单位235个,占此次受表彰总数的10.4%。全局党员占职工总数的60%。';
    expect(analyzeReport(text).figures.map((f) => [text.slice(f.start, f.end), f.activity])).toEqual([
      ['235个', '全系统获评先进单位'],
      ['10.4%', '占此次受表彰总数'],
    ]);
  });

  it('takes people a unit staffs its posts with (配备21名…联络员) and 新1轮 as no figures', () => {
    const text = '建立“一员”模式,配备21名统战信息联络员。今年是新1轮精神文明创建的承上启下之年。全年征集金点子8条。';
    expect(figures(analyzeReport(text), text)).toEqual(['8条']);
  });
});

describe('the twenty-second blind batch (fp411–fp430), studied in part', () => {
  it('reads a collection title a PDF spaced out (2021 学校…报告 3 篇 2021 …) as the marker, its count no figure', () => {
    const page = '2021 学校意识形态分析研判报告 3 篇 2021 学校意识形态分析研判报告 意识形态工作是党的一项极端重要的工作。一年来,学校开展专题学习4次。';
    const a = analyzeReport(page);
    expect(flagged(a, page, 'collection_marker')).toEqual(['2021 学校意识形态分析研判报告 3 篇']);
    expect(figures(a, page)).toEqual(['4次']);
  });

  it('flags a news byline, a photo caption, a store’s tip line and its 资源描述 label as page furniture, and no section', () => {
    const page = '资源描述\n整理文档很辛苦,赏杯茶钱您下走!\n会议强调,要持续做好宣传思想工作。\n\n周育先作重要讲话\n\n周育先在讲话中指出,集团宣传思想工作取得了丰硕成果。\n文/鄺翼星 圖/鄺翼星 何浚田';
    const a = analyzeReport(page);
    expect(flagged(a, page, 'site_chrome')).toEqual(['资源描述', '整理文档很辛苦,赏杯茶钱您下走!', '周育先作重要讲话', '文/鄺翼星 圖/鄺翼星 何浚田']);
    expect(a.sections.filter((s) => s.kind !== 'preamble')).toEqual([]);
  });

  it('reads no unit from a collection title’s 最新, two bodies joined (纪委和医务科), or a slogan ending in 社区', () => {
    expect(analyzeReport('最新学校党支部20xx年第二季度意识形态研判报告1\n本季度,党支部组织专题学习3次。').meta.unit).toBeNull();
    expect(analyzeReport('同志们:\n结合刚刚听取的纪委和医务科关于上半年投诉热线情况的分析报告,研判当前形势。').meta.unit).toBeNull();
    expect(analyzeReport('加强社区宣传思想文化阵地建设 构建文明和谐新风尚社区\n\n——×××社区思想文化建设汇报材料\n社区工作在街工委领导下开展。').meta.unit).toBeNull();
    expect(judgeName('纪委和医务科').ok).toBe(false);
    expect(judgeName('市住房和城乡建设局').ok).toBe(true);
    expect(judgeName('县发展和改革局').ok).toBe(true);
  });

  it('dates a report by its own title, not the page’s title above it, and a year’s plan as annual', () => {
    const page = '当前位置:某某网 >工作总结 > 2022年度xx镇精神文明建设工作总结(范文推荐)\n\n2022年度xx镇精神文明建设工作总结(范文推荐)-博天堂国际\n\nxx镇2020年精神文明建设工作总结\n\n今年,xx镇在区委的领导下开展工作。';
    const a = analyzeReport(page);
    expect([a.meta.year, a.meta.period]).toEqual([2020, 'annual']);
    expect(flagged(a, page, 'site_chrome')).toContain('2022年度xx镇精神文明建设工作总结(范文推荐)-博天堂国际');
    const plan = analyzeReport('全镇意识形态工作计划\n\n党委高度重视意识形态工作。\n\n2020年,我镇将自觉承担起举旗帜、聚民心的使命任务。');
    expect([plan.meta.year, plan.meta.period]).toEqual([2020, 'annual']);
  });

  it('reads a heading that closes on a shortfall (…与新形势下的任务要求不适应) as a problem', () => {
    expect(headingKind('学校意识形态工作体制机制与新形势下的任务要求不适应')).toBe('problems');
    expect(headingKind('学校干部与教职工对意识形态工作的重视程度与当前严峻形势不适应')).toBe('problems');
    expect(headingKind('加强组织领导,细化工作措施')).not.toBe('problems');
  });
});
