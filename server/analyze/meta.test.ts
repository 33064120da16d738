// Metadata from a submission's file name and text, with the rule and span that gave each finding.
import { describe, expect, it } from 'vitest';
import { analyzeReport } from './index.js';
import { metaFromFileName, registryMentions } from './meta.js';
import { UnitRegistry } from './units.js';

describe('metaFromFileName', () => {
  it('reads unit, year and period from the names units give their files', () => {
    expect(metaFromFileName('市统计局2023年上半年意识形态工作总结.txt')).toEqual({ title: null, unit: '市统计局', department: null, year: 2023, period: 'H1' });
    expect(metaFromFileName('batch/市教育局2022年度意识形态工作责任制落实情况报告.docx')).toMatchObject({ unit: '市教育局', year: 2022, period: 'annual' });
    expect(metaFromFileName('市财政局关于2021年第三季度意识形态工作的报告.txt')).toMatchObject({ unit: '市财政局', year: 2021, period: 'Q3' });
    expect(metaFromFileName('2023年市司法局意识形态工作总结（定稿）.docx')).toMatchObject({ unit: '市司法局', year: 2023, period: 'annual' });
    expect(metaFromFileName('云南省-2003.txt')).toMatchObject({ unit: '云南省', year: 2003 });
    expect(metaFromFileName('2024上半年.txt')).toMatchObject({ unit: null, year: 2024, period: 'H1' });
  });

  it('takes no unit from a placeholder, a number or a bare genre', () => {
    expect(metaFromFileName('XX局2023年上半年意识形态工作总结.docx').unit).toBeNull();
    expect(metaFromFileName('000_c4e7c675f812d522.txt')).toMatchObject({ unit: null, year: null });
    expect(metaFromFileName('附件2.docx')).toMatchObject({ unit: null, year: null });
    expect(metaFromFileName('意识形态工作总结（定稿）.docx').unit).toBeNull();
  });
});

describe('metaEvidence', () => {
  it('keeps the rule and the span of the unit, year and period it read', () => {
    const text = '意识形态工作总结\n一年来，市档案馆认真履行意识形态工作主体责任。\n一、工作情况\n召开专题会议3次。\n\n市档案馆党组\n2024年1月8日';
    const a = analyzeReport(text);
    expect(a.meta).toMatchObject({ unit: '市档案馆', year: 2023, period: 'annual' });
    const [unit] = a.metaEvidence.units;
    expect(unit).toMatchObject({ name: '市档案馆', rule: 'signature' });
    expect(text.slice(unit!.span!.start, unit!.span!.end)).toBe('市档案馆党组');
    expect(a.metaEvidence.year).toMatchObject({ value: 2023, rule: 'date-line-january' });
    expect(text.slice(a.metaEvidence.year!.span!.start, a.metaEvidence.year!.span!.end)).toBe('2024年1月8日');
  });

  it('reads a traditional-script title and gives the span in the stored text', () => {
    const text = '網信辦2022年度宣傳思想文化暨意識形態工作總結\n根據有關規定，我辦迅速行動，切實履行職責。';
    const a = analyzeReport(text);
    expect(a.meta).toMatchObject({ unit: '网信办', year: 2022, period: 'annual' });
    const span = a.metaEvidence.units[0]!.span!;
    expect(text.slice(span.start, span.end)).toBe('網信辦');
  });

  it('says the file name was the source, without a span', () => {
    const a = analyzeReport('一、工作情况\n召开专题会议3次。', { fileName: '市审计局2024年上半年意识形态工作总结.docx' });
    expect(a.metaEvidence.units[0]).toMatchObject({ name: '市审计局', rule: 'file-name', span: null });
    expect(a.metaEvidence.year).toEqual({ value: 2024, rule: 'file-name', span: null });
  });
});

describe('the period an opening sets', () => {
  it('reads 半年来 as the first half, and 今年 or 今年以来 under a 总结 that names no period as the year (batch 9)', () => {
    expect(analyzeReport('2018年意识形态工作情况报告\n半年来，县人民法院高度重视意识形态工作。').meta.period).toBe('H1');
    expect(analyzeReport('乡镇宣传思想工作总结\n今年，我乡的宣传思想工作在乡党委的领导下扎实开展。').meta.period).toBe('annual');
    // A plan that opens on 今年 is no summary of the year's work.
    expect(analyzeReport('宣传思想工作打算\n今年，我乡将继续抓好理论学习。').meta.period).toBeNull();
  });
});

describe('another body named before the unit', () => {
  // A superior the unit follows or answers (按照/根据…) is no author, however well the registry knows it.
  const text = [
    '2023年度意识形态工作情况报告',
    '按照市直机关工委有关工作安排，根据市委宣传部关于报送2023年度意识形态工作情况的通知要求，现将我局落实意识形态工作责任制情况报告如下。',
    '一、工作开展情况',
    '市统计局召开专题会议4次。',
  ].join('\n');

  it('reads no unit from 根据市委宣传部关于…报告 (not 据市委宣传部, not 市委宣传部)', () => {
    const { meta, metaEvidence } = analyzeReport(text);
    expect(metaEvidence.units.map((u) => u.name)).not.toContain('据市委宣传部');
    expect(meta.unit).toBe('市统计局');
  });

  it('finds no registry spelling right after 按照 or 根据', () => {
    const registry = new UnitRegistry([
      { id: 1, name: '市直机关工委', aliases: [] },
      { id: 2, name: '市委宣传部', aliases: [] },
    ]);
    expect(registryMentions(text, registry).map((m) => m.name)).toEqual([]);
  });

  it('finds no registry spelling of the body that guides the unit (在X委宣传部的帮助指导下)', () => {
    const registry = new UnitRegistry([{ id: 2, name: '市委宣传部', aliases: ['宣传部'] }]);
    const guided = '某镇2024年意识形态工作总结\n2024年，在X委宣传部的帮助指导下，我镇认真落实意识形态工作责任制。';
    expect(registryMentions(guided, registry).map((m) => m.name)).toEqual([]);
  });

  it('finds no short registry name that ends another place’s body (州委宣传部, 县教育局), and keeps its own place’s', () => {
    const registry = new UnitRegistry([
      { id: 2, name: '市委宣传部', aliases: ['宣传部'] },
      { id: 3, name: '市教育局', aliases: ['教育局'] },
    ]);
    const names = (t: string) => registryMentions(t, registry).map((m) => m.name);
    expect(names('某校2023年意识形态工作总结\n根据州委宣传部要求，现将我校意识形态工作情况报告如下。')).toEqual([]);
    expect(names('县教育局2023年意识形态工作总结\n现将我局工作情况报告如下。')).toEqual([]);
    expect(names('常州市教育局2023年意识形态工作总结\n现将我局工作情况报告如下。')).toEqual(['市教育局']);
  });
});

describe('names that are no author, on real pages', () => {
  it('reads no unit from a notice’s issuer on a head line, a verb phrase, 现将我镇 or a masked township', () => {
    const issuer = '2024年意识形态工作分析研判报告\n根据区委办《关于开展意识形态工作分析研判的通知》\n要求，现将我区2024年意识形态工作落实情况汇报如下：\n一、工作开展情况\n成立了网评员队伍，积极配合市委网信办开展相关工作。';
    expect(analyzeReport(issuer).meta.unit).toBeNull();
    const self = '某某镇关于落实意识形态工作的情况汇报\n我镇高度重视，逐项自查。现将我镇关于落实意识形态工作的情况汇报如下：\n一、高度重视\nxx乡党委政府高度重视意识形态工作。';
    expect(analyzeReport(self).meta.unit).toBeNull();
    const about = 'xx区委宣传部对于全区意识形态风险隐患情况排查报告\n区委宣传部就意识形态领域风险点开展排查，现将情况报告如下。';
    expect(analyzeReport(about).meta.unit).toBe('区委宣传部');
    const kinds = '2023年中小学校意识形态工作分析研判报告\n县委常委会多次专题研究意识形态工作。\n国企党委理论学习中心组 2025 年度\n集团党委切实履行理论学习主体责任，\n将党委理论学习中心组学习纳入年度党建工作计划。';
    expect(analyzeReport(kinds).metaEvidence.units.map((u) => u.name)).toEqual([]);
    const levels = '教育局2024年第三季度意识形态工作分析研判报告\n2024年第三季度，XX县教育局认真落实县委县政府关于意识形态工作的部署。';
    expect(analyzeReport(levels).meta.unit).toBe('县教育局');
  });

  it('reads a firm opening the report, no bare kind of body, no verb phrase, no superior’s document cited, and the year alone as the whole year', () => {
    const firm = '2024年，平高电气研发中心党总支在两级党委的正确指导下，深入学习贯彻党的二十大精神。';
    expect(analyzeReport(firm).meta).toMatchObject({ unit: '平高电气研发中心', year: 2024, period: 'annual' });
    expect(analyzeReport('2024年，广开控股坚持以习近平新时代中国特色社会主义思想为指引。').meta.unit).toBe('广开控股');
    expect(analyzeReport('2024年，国有控股企业坚持深化改革。').meta.unit).toBeNull();
    const school = '学校支部关于落实意识形态情况汇报材料\n根据【2020】5号文件，中共XX县教育局委员会关于印发《XX县教育局2020年贯彻落实意识形态工作责任清单》的要求，现汇报如下。';
    expect(analyzeReport(school).meta.unit).toBeNull();
    const verb = '区202x年上半年意识形态分析研判情况报告\n今年以来，我区坚持守正创新。三是定期召开区委意识形态工作领导小组会议，分析研判当前形势。';
    expect(analyzeReport(verb).meta.unit).toBeNull();
  });

  it('reads the page title at a breadcrumb’s end, never a category in its middle', () => {
    const crumbs = '当前位置:首页 > 范文大全 > 振兴乡镇 >\n乡镇意识形态工作情况汇报\n我镇高度重视意识形态工作，召开专题会议3次。';
    expect(analyzeReport(crumbs).meta.unit).toBeNull();
    const titled = '当前位置:首页 > 工作范文 > 市文旅广体局2021年度落实意识形态工作总结\n一年来，我局认真落实意识形态工作责任制，召开专题会议3次。';
    expect(analyzeReport(titled).meta).toMatchObject({ unit: '市文旅广体局', year: 2021, period: 'annual' });
  });
});

describe('units named on real pages (studied on the fresh set, 2026-12-04)', () => {
  it('reads a name a pinyin gloss cuts in two, its span over the gloss', () => {
    const text = '中國石油北京項(xiàng)目管理公司宣傳思想文化工作始終堅(jiān)持以習(xí)近平新時(shí)代中國特色社會(huì)主義思想為指導(dǎo)，全面深入。';
    const a = analyzeReport(text);
    expect(a.meta.unit).toBe('中国石油北京项目管理公司');
    const span = a.metaEvidence.units[0]!.span!;
    expect(text.slice(span.start, span.end)).toBe('中國石油北京項(xiàng)目管理公司');
  });

  it('reads a unit followed by its own field or members before the verb (晋煤集团宣传思想系统坚持)', () => {
    expect(analyzeReport('近年来，晋煤集团宣传思想系统坚持以习近平新时代中国特色社会主义思想为指引，深入落实会议精神。').meta.unit).toBe('晋煤集团');
    expect(analyzeReport('2020年，新光社区宣传思想工作按照总体要求，深入贯彻落实。').meta.unit).toBe('新光社区');
  });

  it('reads a unit that opens the first sentence right under the title, past a site editor\'s lead-in', () => {
    expect(analyzeReport('意识形态工作总结\n市统计局认真贯彻落实上级要求，扎实开展工作。').meta.unit).toBe('市统计局');
    const page = '意识形态研判报告精选(九篇)\n\n前言:本站小编为你收集了丰富的研判报告范文,仅供参考,欢迎阅读并收藏。\n\n意识形态研判报告\n\n体育与健康学院党总支贯彻落实《关于报送2020年第四季度意识形态研判报告的通知》,对风险点进行排查。';
    expect(analyzeReport(page).meta).toMatchObject({ unit: '体育与健康学院', year: 2020, period: 'Q4' });
  });

  it('takes an office of a kind of body for no unit (社区宣传部, 学校办公室)', () => {
    expect(analyzeReport('2020年社区宣传部工作总结\n一、理论武装工作扎实有效').meta.unit).toBeNull();
    expect(analyzeReport('学校办公室2021年工作总结\n一、加强学习').meta.unit).toBeNull();
  });
});

describe('units of the eleventh blind batch (studied)', () => {
  it('reads a firm giving its own short name and a bank branch', () => {
    expect(analyzeReport('思想政治工作是一切工作的生命线。胜帮科技股份有限公司（以下简称胜帮科技）成立于2008年。').meta.unit).toBe('胜帮科技股份有限公司');
    expect(analyzeReport('2017年,农发行鄂州市分行为把社会主义核心价值观作为凝聚力量的道德滋养。').meta.unit).toBe('农发行鄂州市分行');
  });
});

describe('metadata of the twelfth blind batch (studied)', () => {
  it('reads the opening past a site’s download notices, after 近年来, with a court’s short name', () => {
    const page = '社区宣讲团工作总结\n- 1、下载文档前请自行甄别文档内容的完整性,平台不提供额外的编辑服务。\n社区宣讲团工作总结\n20xx年,迎宾路社区宣传思想文化工作坚持正确方向。';
    expect(analyzeReport(page).meta.unit).toBe('迎宾路社区');
    expect(analyzeReport('近年来,北京朝阳法院高度重视思想政治工作对队伍素质提升的作用。').meta.unit).toBe('北京朝阳法院');
  });

  it('does not cut a name out of a longer word (政治部宣传处 is no 治部宣传处)', () => {
    expect(analyzeReport('政治部宣传处关于2019年主要工作情况总结\n2019年,宣传处在政治部的领导下开展工作。').meta.unit).not.toMatch(/^[治部]/);
    expect(analyzeReport('省公安厅政治部宣传处关于2019年主要工作情况总结').meta.unit).toBe('省公安厅政治部宣传处');
  });

  it('takes the year the opening characterises (2014年是…关键之年) for the report’s', () => {
    expect(analyzeReport('林业宣传工作总结\n2014年是我县建设生态文明的关键之年,宣传工作紧紧围绕主题开展。').meta.year).toBe(2014);
    expect(analyzeReport('对外宣传工作总结\n2006年是实施“十一五”规划的第一年,也是我县推进新型工业化的重要一年。').meta.year).toBe(2006);
  });
});

describe('metadata of the thirteenth blind batch (studied)', () => {
  it('takes no page button for a unit, 共青团委 for a kind of body, and the opening over a title a template site branded', () => {
    expect(analyzeReport('返回首页 回到顶部\n\n使命如磐 重任在肩\n全市公安机关坚持正确方向。').meta.unit).toBeNull();
    expect(analyzeReport('共青团委意识形态工作总结范文\n今年以来,团县委坚持以习近平新时代中国特色社会主义思想为指导,认真落实责任。').meta.unit).toBe('团县委');
    const page = '教育局精神文明建设总结最新大全\n下面是小编给大家精心挑选的工作总结,希望能帮助到大家!\n教育局精神文明建设总结篇一\n20__年,崇岗镇宣传思想、精神文明建设工作在县委的正确领导下扎实开展。';
    expect(analyzeReport(page).meta.unit).toBe('崇岗镇');
    expect(analyzeReport('2015年,崇岗镇认真开展宣传思想工作。').meta.unit).toBe('崇岗镇');
  });

  it('reads a place the report calls itself (我们黑龙江省坚持), the opening past a run-in title, and no court’s office', () => {
    expect(analyzeReport('在贯彻纲要的实践中,我们黑龙江省坚持做到加强领导,精心规划。').meta.unit).toBe('黑龙江省');
    const flat = '文档介绍\n【篇一】2020 年社区宣传部工作总结 2020 年,新光社区宣传思想工作按照总体要求,深入贯彻落实。';
    expect(analyzeReport(flat).meta.unit).toBe('新光社区');
    expect(analyzeReport('法院政治处工作总结\n通过评议,法庭庭长们深刻认识到法庭工作的重要性。').meta.unit).toBeNull();
    expect(analyzeReport('县法院2023年意识形态工作总结\n今年以来,县法院认真落实责任制。').meta.unit).toBe('县法院');
  });
});

describe('metadata of the fourteenth blind batch (studied in part)', () => {
  it('reads the half of a year after 年度 (2021年度下半年), and a unit followed by its 精神文明 work', () => {
    expect(analyzeReport('新兴镇意识形态工作总结\n2021年度下半年,新兴镇认真落实意识形态工作责任制。').meta.period).toBe('H2');
    const text = '气象局关于开展创建全国文明城市工作总结\n2021年,是中国共产党成立xx周年。XX市气象局精神文明建设工作的总体要求是:坚持以人民为中心。';
    expect(analyzeReport(text).meta.unit).toBe('市气象局');
  });

  it('reads the unit a news item opens with after its date (7月22日,文学院…), and a body’s party committee signed in full', () => {
    const news = '7月22日,文学院意识形态工作中心组在逸夫楼开展意识形态工作专题集中学习,会议由院党委书记主持。';
    expect(analyzeReport(news).meta.unit).toBe('文学院');
    const opinion = '关于进一步加强学院意识形态阵地管理的几点意见\n各系(室):\n经学院党委会议研究,提出如下意见。\n中共安徽工业大学管理科学与工程学院委员会';
    expect(analyzeReport(opinion).meta.unit).toBe('安徽工业大学管理科学与工程学院');
  });

  it('reads the place a local government’s news item calls 我区 from the page’s source line', () => {
    const news = '我区召开意识形态领域情况分析研判联席会议\n发布时间:2019-10-18 来源:淮安市洪泽区人民政府\n10月12日,我区召开意识形态领域情况分析研判联席会议。';
    const a = analyzeReport(news);
    expect(a.meta.unit).toBe('洪泽区');
    const span = a.metaEvidence.units[0]!.span!;
    expect(news.slice(span.start, span.end)).toBe('洪泽区');
    // Without 我区 the publisher is only the site's.
    expect(analyzeReport('县医院召开意识形态工作会议\n来源:淮安市洪泽区人民政府\n会议由院长主持。').meta.unit).not.toBe('洪泽区');
  });
});


describe('metadata of the fifteenth blind batch (studied)', () => {
  it('names a city’s court in full from its short name, a town by its party committee mid-sentence, a school by its paper', () => {
    const court = '7月19日下午,北海中院召开今年第二季度的党组中心组理论学习会,院党组书记主持会议。';
    const a = analyzeReport(court);
    expect(a.meta.unit).toBe('北海市中级人民法院');
    expect(a.meta.period).toBe('Q2');
    const span = a.metaEvidence.units[0]!.span!;
    expect(court.slice(span.start, span.end)).toBe('北海中院');
    // A court of a place the gazetteer does not know as a city keeps its short name.
    expect(analyzeReport('7月19日,某某中院召开学习会。').meta.unit).not.toBe('某某市中级人民法院');
    const town = '宗教领域意识形态工作方案\n今年以来,为加强基层党组织对农村宗教工作的领导,推动社会和谐,老城镇党委不断创新工作方法。';
    expect(analyzeReport(town).meta.unit).toBe('老城镇');
    // A bare town mid-sentence is a place spoken of, not the unit.
    expect(analyzeReport('宣传工作方案\n今年以来,为推动社会和谐,老城镇不断创新工作方法。').meta.unit).toBeNull();
    const paper = '《绍兴文理学院报》\n上一期    下一期\n学校开展意识形态工作主体责任落实情况专题调研\n本报讯 调研组听取了各二级学院的汇报。';
    expect(analyzeReport(paper).meta.unit).toBe('绍兴文理学院');
  });

  it('reads the unit a news item’s delegation visits', () => {
    const visit = '6月15日,广安市退役军人事务局机关党委书记带队到前锋区退役军人事务局调研意识形态工作开展情况,并召开座谈会。';
    const a = analyzeReport(visit);
    expect(a.meta.unit).toBe('前锋区退役军人事务局');
    expect(a.metaEvidence.units[0]!.rule).toBe('visited');
    // Going somewhere to study is no visit of a unit (参观学习), and the visitor stays the unit then.
    expect(analyzeReport('6月15日,县统计局组织党员到县档案馆参观学习。').meta.unit).toBe('县统计局');
  });

  it('dates a text by the one year it names, and not by a page’s word count', () => {
    const news = '近期,市检察院意识形态工作专项督查组对各县区院开展专题督查。此次专题督查自2020年10月下旬开始,11月中旬前结束。';
    const a = analyzeReport(news);
    expect(a.meta.year).toBe(2020);
    expect(a.metaEvidence.year?.rule).toBe('only-year');
    expect(analyzeReport('会议对比了2019年与2020年的工作。').meta.year).toBeNull();
    expect(analyzeReport('街道宣传思想文化工作经验汇报材料(全文2068字)\nxx年以来,街道认真开展工作。').meta.year).toBeNull();
  });

  it('reads the period of 一年来 in the intro, a year’s 初步思路, a reviewed year, a first-half heading and a blanked year’s opening', () => {
    expect(analyzeReport('述职报告\n根据分工,本人主管文明办工作。现将一年来本人在德、能、勤、绩、廉方面的情况报告如下。').meta.period).toBe('annual');
    expect(analyzeReport('2013年镇宣传思想工作初步思路\n今年镇宣传思想工作将以贯彻精神为主线。').meta.period).toBe('annual');
    const review = '近日,衡阳市中心医院召开意识形态工作专题会,回顾总结2022年意识形态工作开展情况,研究部署下步工作。';
    expect(analyzeReport(review).meta).toMatchObject({ year: 2022, period: 'annual' });
    const half = '2020年以来,我镇宣传思想文化工作在市委的正确领导下扎实推进。\n一、上半年工作总结\n(一)理论武装工作全面推进。\n二、下半年工作打算\n';
    expect(analyzeReport(half).meta.period).toBe('H1');
    expect(analyzeReport('社区宣讲团工作总结\n20xx年,迎宾路社区宣传思想文化工作坚持正确方向。').meta.period).toBe('annual');
    expect(analyzeReport('文明工作总结\n在过去的一年中,我们积极开展了各项文明工作。').meta.period).toBe('annual');
  });
});

describe('metadata of the sixteenth blind batch (studied)', () => {
  it('opens the report past a document site’s notice lines, and reads no 副组长由… for a unit', () => {
    const page =
      '2020年宣传文化工作总结\n\n上传人:ba****u6 文档编号:172309224 上传时间:2022-12-02 格式:DOCX 页数:6 大小:14.01KB\n收藏 版权申诉 举报 下载\n' +
      '2020年宣传文化工作总结_第1页\n第1页 / 共6页\n资源描述:\n\n' +
      '《2020年宣传文化工作总结》由会员分享,可在线阅读,更多相关《2020年宣传文化工作总结(6页珍藏版)》请在装配图网上搜索。\n\n' +
      '1、2020年宣传文化工作总结今年上半年,我镇宣传思想工作在镇委的领导下,围绕中心,服务大局。';
    expect(analyzeReport(page).meta.period).toBe('H1');
    // A month's report under a year covers no year (the known gap: no monthly period yet).
    expect(analyzeReport('意识形态领域安全形势报告\n现将2022年9月份意识形态领域安全形势报告如下。').meta.period).toBeNull();
    const plan = '应急预案\n领导小组组长由办事处书记担任,副组长由街道党工委班子成员组成,成员由党政办公室组成。';
    expect(analyzeReport(plan).meta.unit).toBeNull();
  });
});

describe('metadata of the seventeenth blind batch (studied)', () => {
  it('reads a unit that opens a news clause with 举办, the Youth League’s full name, and no unit of 县区/有关', () => {
    const news = '为深入学习贯彻重要论述,进一步推进工作,10月14日,海东市人民检察院举办意识形态工作专题辅导讲座,邀请老师作专题讲座。';
    expect(analyzeReport(news).meta.unit).toBe('海东市人民检察院');
    const league = '团区委工作总结\n今年以来,团区委始终高举旗帜。二是召开共青团罗湖区委员会七届五次全体会议。';
    expect(analyzeReport(league).meta.unit).toBe('共青团罗湖区委员会');
    expect(analyzeReport('县区宣传部2023年工作总结暨2024工作计划\n2023年,区宣传部工作扎实。').meta.unit).not.toBe('县区宣传部');
    expect(analyzeReport('有关乡镇年度宣传思想工作总结范文(8)\n时间:2021-08-31\n四、以项目建设为抓手').meta.unit).toBeNull();
  });

  it('reads no year from a range’s end, and a year whose work is reviewed or inspected as annual', () => {
    expect(analyzeReport('今年以来,团区委贯彻落实《综合改革试点实施方案(2022-2025 年)》,各项工作取得新进展。').meta.year).toBeNull();
    const reviewed = '4月4日上午,公司召开了通讯员表彰会。会议首先对公司2018年宣传、精神文明建设等工作进行了回顾和总结。';
    expect(analyzeReport(reviewed).meta).toMatchObject({ year: 2018, period: 'annual' });
    const inspected = '1月8日,市委专项督查组对我县2018年意识形态工作责任制情况进行专项督查。';
    expect(analyzeReport(inspected).meta.period).toBe('annual');
  });
});

describe('metadata of the eighteenth blind batch (studied in part)', () => {
  it('reads a news headline whose main title has a comma as a title, and its unit after the dash', () => {
    const news = '医院新闻\n【汤医新闻】凝心聚力,共筑宣传新高地——北京小汤山医院召开宣传思想文化工作会议\n为深入学习贯彻党的二十大精神,总结医院宣传工作的成绩与经验,表彰先进。';
    expect(analyzeReport(news).meta.unit).toBe('北京小汤山医院');
  });

  it('dates a speech by the year its first heading reviews, not by the month it was given', () => {
    const speech = '在全市法院宣传思想工作会上的发言材料\n(2022年3月)\n尊敬的主任、各位领导:\n按照会议安排,由我汇报法院宣传工作开展情况。\n一、2021年宣传工作基本情况\n2021年,法院紧紧围绕中心工作。';
    expect(analyzeReport(speech).meta).toMatchObject({ year: 2021, period: 'annual' });
    // A first heading on a half year is no year's review.
    expect(analyzeReport('工作汇报\n(2022年7月)\n一、2022年上半年工作开展情况\n上半年,我局扎实开展工作。').meta.year).toBe(2022);
  });
});

describe('metadata of the nineteenth and twentieth blind batches (studied)', () => {
  const unit = (t: string) => analyzeReport(t).meta.unit;

  it('gives a unit named short its place where the text names it so (西区教育局, 《成华区教育局关于…》, 国家税务总局)', () => {
    expect(unit('教育局201*年新闻宣传工作总结\n一年来,在区委的正确领导下,西区教育局始终坚持学习,不断加强宣传工作。')).toBe('西区教育局');
    expect(unit('教育局宣传工作总结\n一年来,教育局继续完善并实施了《成华区教育局关于加强宣传工作的实施意见》。')).toBe('成华区教育局');
    expect(unit('税务总局党组传达学习会议精神\n上一篇 下一篇\n本刊讯8月21日下午,国家税务总局党组书记、局长主持召开党组会议。')).toBe('国家税务总局');
    // A name that starts with its level keeps it (立足市委编办: a word, not a place, before it).
    expect(unit('市委编办工作总结\n市委编办认真落实责任制,立足市委编办职能开展工作。')).toBe('市委编办');
  });

  it('reads a place that its clauses speak of as their subject, twice, or in the opening beside its own 我区', () => {
    const district = '【网信工作】弘扬新风正气\n近年来,双桥区积极加强网络文明建设工作,着力打造新局面。加强网络内容建设:双桥区指导各网站大力弘扬主旋律。为全面加强党的领导,双桥区进一步完善三级网络管理体系。';
    expect(unit(district)).toBe('双桥区');
    expect(unit('宣传工作总结\n今年以来,风水梁镇扎实开展宣传工作,成效明显。现将我镇上半年工作总结如下。')).toBe('风水梁镇');
    // Once, and not in the opening; two places of one level; a city citing one district; words before a level.
    expect(unit('宣传工作总结\n我区宣传工作成效明显。另外,青禾区积极加强网络文明建设。')).toBeNull();
    expect(unit('宣传工作总结\n一年来,双桥区积极加强网络文明建设,滦平县积极开展宣传。双桥区进一步完善体系,滦平县进一步加强队伍。')).toBeNull();
    expect(unit('宣传工作总结\n一年来,我市宣传工作成效明显。双桥区积极加强网络文明建设,双桥区进一步完善体系。')).toBeNull();
    expect(unit('宣传工作总结\n一年来,我镇宣传工作成效明显,增强全镇凝聚力,增强全镇战斗力。')).toBeNull();
  });

  it('reads a body opening a news item with its party organ (交通运输部党组召开会议), and a street’s working committee under blanked bodies', () => {
    expect(unit('8月23日,交通运输部党组召开会议,传达学习全国宣传思想工作会议精神。')).toBe('交通运输部');
    expect(unit('中共XX市XX委温泉街道工作委员会网络舆情应对工作实施方案\n为进一步加强网络舆情信息收集工作,制定本实施方案。')).toBe('温泉街道');
  });

  it('reads the one place of the level a text calls its own, against the list of China’s divisions (我镇…双胜镇)', () => {
    const town = '网络意识形态工作开展情况\n我镇认真贯彻落实党中央关于意识形态工作部署要求,调整充实了双胜镇意识形态工作领导小组,明确镇党委书记为第一责任人。';
    expect(unit(town)).toBe('双胜镇');
    expect(unit('宣传工作总结\n2018年,我县意识形态工作扎实推进。绛县经济开发区党工办主任也作了汇报。')).toBe('绛县');
    // Words that end like a place (丰富全镇, 海岛乡镇), two places of the level, two levels called one's own.
    expect(unit('宣传工作总结\n我镇丰富全镇党员干部和群众理论学习形式。')).toBeNull();
    expect(unit('宣传工作总结\n我乡是海岛乡镇,地处偏僻,舆论宣传十分重要。')).toBeNull();
    expect(unit('宣传工作总结\n我镇与百里洲镇、双胜镇开展结对共建。')).toBeNull();
    expect(unit('宣传工作总结\n我县我镇共同推进,双胜镇工作成效明显。')).toBeNull();
  });

  it('reads the one school a text that says 我校 names in a quoted title', () => {
    expect(unit('4月2日,我校召开宣传思想工作表彰大会。24件新闻作品获得“商洛学院新闻奖”,评出“商洛学院优秀二级网站”3个。')).toBe('商洛学院');
    expect(unit('意识形态工作专题会议\n3月10日,校党委书记主持召开会议。要严格按照《舒城职业学校意识形态工作责任制实施细则》,抓好我校工作。')).toBe('舒城职业学校');
    // A school in running text (目前学校), two schools, schools of a kind (《舒城县中小学校…办法》).
    expect(unit('宣传工作\n我校高度重视。目前学校共有教师120人。')).toBeNull();
    expect(unit('宣传工作\n我校组织师生参加“商洛学院新闻奖”和“西北大学征文”评选。')).toBeNull();
    expect(unit('宣传工作\n我校按照《舒城县中小学校宣传阵地管理办法》开展工作。')).toBeNull();
  });

  it('reads the one unit of its kind a text that says 我站, 我院 or 我局 names at a place, by its longest form', () => {
    const station = '一、基本情况\n三堂镇文化站座落于集镇中心,于2011年建成。我站现有专职人员3名。2013年,三堂镇综合文化站被省文化厅评定为乡镇一级文化站。';
    expect(unit(station)).toBe('三堂镇综合文化站');
    // Two units of the kind (a court and a hospital under 我院), or none at a place: no unit.
    expect(unit('工作总结\n我院与太和县人民医院共建,协助宿松县人民法院开展普法。')).toBeNull();
    expect(unit('工作总结\n我院高度重视。派出多名医院骨干下乡。')).toBeNull();
  });

  it('gives a name that starts with its level the place the text names it under, but not from a document’s title', () => {
    const inspected = '整改情况的报告\n县委宣传部高度重视巡察反馈意见。召开部务会议,传达市委巡察组向通渭县委宣传部反馈巡察情况会议精神。';
    expect(unit(inspected)).toBe('通渭县委宣传部');
    expect(unit('研判报告\n一、总体形势\n市委老干部局认真贯彻落实省委要求。制定《朔州市委老干部局公众平台管理办法》。')).toBe('市委老干部局');
  });

  it('reads the unit of the file a document site’s notice quotes, and no 街道社区 for a unit', () => {
    const page = '《XX县发展和改革局2022信息宣传工作方案.docx》由会员分享,可在线阅读,更多相关请在优知文库上搜索。\n1、为进一步加强对外宣传报道,制定本方案。';
    const ev = analyzeReport(page).metaEvidence.units[0]!;
    expect([ev.name, ev.rule, page.slice(ev.span!.start, ev.span!.end)]).toEqual(['县发展和改革局', 'page-title', 'XX县发展和改革局']);
    expect(unit('《2021年三有一化街道社区党建工作总结.docx》由会员分享,可在线阅读。\n城市街道社区党组织是党在城市工作的重要基础。')).toBeNull();
  });

  it('takes a court named short in a title and in full in the text for one unit, in full (宿松县人民检察院)', () => {
    expect(unit('宿松县检察院召开意识形态专题学习会\n9月17日,宿松县人民检察院召开意识形态专题学习会,院班子成员参加会议。')).toBe('宿松县人民检察院');
  });

  it('dates a news item on a meeting by the year whose work it reviewed (总结回顾了我院2021年…工作)', () => {
    const news = '近日,碾区法院召开意识形态工作总结会。张志伟全面总结回顾了我院2021年意识形态工作情况,对2022年意识形态工作进行安排部署。';
    expect(analyzeReport(news).meta).toMatchObject({ year: 2021, period: 'annual' });
  });
});

