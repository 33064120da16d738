// The frame of a report: title line, preamble, section titles of the achievements part, date line.
import type { Period } from '../../../shared/types.js';

export const TITLES: Record<'H1' | 'annual' | 'H2', string[]> = {
  H1: [
    '<U><Y>年上半年意识形态工作情况报告',
    '<U>关于<Y>年上半年落实意识形态工作责任制情况的报告',
    '<Y>年上半年意识形态工作总结',
    '<U><Y>年上半年意识形态工作总结',
    '关于<Y>年上半年意识形态工作开展情况的报告',
    '中共<U>{党组|委员会}关于<Y>年上半年意识形态工作的专题报告',
  ],
  H2: [
    '<U><Y>年下半年意识形态工作情况报告',
    '<Y>年下半年意识形态工作总结',
  ],
  annual: [
    '<U><Y>年度意识形态工作总结',
    '<U>关于<Y>年度落实意识形态工作责任制情况的报告',
    '<Y>年度意识形态工作总结及<NY>年工作计划',
    '<U><Y>年意识形态工作总结',
    '<Y>年度意识形态领域形势分析研判报告',
    '关于<Y>年度意识形态工作责任制落实情况的报告',
  ],
};

/** The file name of a report (shared/meta.ts reads unit, year and period from it). */
export function fileNameOf(unit: string, year: number, period: Period): string {
  if (period === 'annual') return `${unit}${year}年度意识形态工作总结.txt`;
  return `${unit}${year}年${period === 'H1' ? '上半年' : '下半年'}意识形态工作情况报告.txt`;
}

export const PREAMBLES = [
  '<SINCE>，<S>坚持以习近平新时代中国特色社会主义思想为指导，{深入学习贯彻|全面贯彻落实}<ERA>，牢牢掌握意识形态工作领导权，{围绕|紧扣}<BIZ>、<BIZ>{等|}{重点任务|中心工作}{抓好|推进}意识形态工作。现将{有关|工作}情况{报告|汇报}如下：',
  '<Y>年是<MILESTONE>。<SINCE>，<S>在<CITY>的{坚强|正确}领导下，{紧紧围绕|聚焦}<BIZ>{和|、}<BIZ>，{扎实|认真}{做好|推进}意识形态{各项|}工作，{<SITE>等|全系统}{思想|队伍}{总体|}{平稳|向好}。{现将|现就}{<Y>年<PERNAME>|<PERNAME>}意识形态工作{情况|开展情况}{报告|汇报}如下：',
  '{按照|根据}{<CITY>|上级}{关于|有关}{报送|做好}意识形态工作{情况|总结}的{通知|要求}，{现将|现就}<U><Y>年<PERNAME>意识形态工作{开展情况|落实情况}{报告|汇报}如下：',
  '<SINCE>，<B>{高度重视|始终重视}意识形态工作，{把|将}{落实|推进}意识形态工作责任制{作为|当作}{重大政治任务|重要政治责任}，{结合|围绕}<FOCUS>{和|、}<EV>{等|}{开展|推进}{工作|各项工作}，{取得了|收到了}{一定|较好}成效。现{报告|汇报}如下：',
  '{<SINCE>，|}<S>{坚持|注重}{以党的政治建设为统领|以高质量党建引领<D>事业发展}，{深入学习贯彻|认真贯彻}<ERA>，{在|于}<BIZ>{和|、}<BIZ>{中|一线}{抓好|落实}意识形态工作责任制，{推动|促进}<W>{取得新成效|稳步推进}。{现将有关情况报告如下：|具体情况如下：}',
];

export const CITY = ['市委', '市委、市政府', '上级党委'];

export const ACHIEVEMENT_TITLES = ['主要做法', '工作开展情况及成效', '主要做法和成效', '意识形态工作落实情况', '总体情况', '主要工作及成效', '工作开展情况'];

export const SIGNATURES = ['中共<U>{党组|委员会}', '<U>', '<U>{党组|党委}'];

/** Campaign, guidance and milestone wording by year, so that a normal report never sounds stale. */
export function eraGuidance(year: number, period: Period): string[] {
  if (year <= 2017) return ['党的十八大和十八届历次全会精神'];
  if (year <= 2021 || (year === 2022 && period !== 'annual')) return ['党的十九大和十九届历次全会精神', '党的十九届六中全会精神'];
  if (year <= 2023) return ['党的二十大精神', '党的二十大和二十届二中全会精神'];
  if (year === 2024 && period !== 'annual') return ['党的二十大和二十届二中全会精神', '党的二十大精神'];
  return ['党的二十大和二十届三中全会精神', '党的二十届三中全会精神', '党的二十大和二十届历次全会精神'];
}

export function eraCampaign(year: number, period: Period): string[] {
  switch (year) {
    case 2019:
      return ['“不忘初心、牢记使命”主题教育'];
    case 2021:
      return ['党史学习教育'];
    case 2022:
      return ['党史学习教育常态化长效化', '学习宣传贯彻党的二十大精神'].slice(0, period === 'annual' ? 2 : 1);
    case 2023:
      return ['学习贯彻习近平新时代中国特色社会主义思想主题教育', '主题教育'];
    case 2024:
      return ['党纪学习教育'];
    case 2025:
      return ['深入贯彻中央八项规定精神学习教育'];
    default:
      return ['理论学习教育'];
  }
}

export function eraMilestone(year: number): string[] {
  const m: Record<number, string[]> = {
    2019: ['新中国成立70周年'],
    2020: ['全面建成小康社会和“十三五”规划收官之年'],
    2021: ['中国共产党成立100周年', '“十四五”开局之年'],
    2022: ['党的二十大召开之年', '进入全面建设社会主义现代化国家新征程的重要一年'],
    2023: ['全面贯彻党的二十大精神的开局之年'],
    2024: ['新中国成立75周年', '实现“十四五”规划目标任务的关键一年'],
    2025: ['“十四五”规划收官之年'],
  };
  return m[year] ?? ['全面建设社会主义现代化国家的重要一年'];
}
