// What the generator plants for the system to find: stale references, template-site leftovers,
// placeholders, names of other cities. [[rule:text]] in an insertion marks the stale words.
import fs from 'node:fs';

export interface StaleRule {
  id: string;
  /** What makes it stale, in Chinese, as a reviewer would put it. */
  note: string;
  pattern: RegExp;
  /** Years in which the wording is current; in any other year it is stale. */
  validFrom: number;
  validTo: number;
}

export const STALE_RULES: StaleRule[] = [
  { id: 'jianguo70', note: '“建国70周年”只属于2019年', pattern: /建国70周年|新中国成立70周年/g, validFrom: 2019, validTo: 2019 },
  { id: 'xiaokang', note: '“决胜全面建成小康社会”是2020年及以前的提法', pattern: /决胜全面建成小康社会/g, validFrom: 0, validTo: 2020 },
  { id: 'welcome20', note: '“迎接党的二十大”在2022年10月党的二十大召开后已过时', pattern: /迎接党的二十大|喜迎二十大/g, validFrom: 0, validTo: 2022 },
  { id: 'shijiuda', note: '2023年起指导思想应为党的二十大精神，仍以党的十九大精神为当前指导', pattern: /党的十九大和十九届历次全会精神|党的十九大精神|党的十九届六中全会精神/g, validFrom: 2017, validTo: 2022 },
  { id: 'liangxue', note: '“两学一做”学习教育是2016—2017年的活动', pattern: /“两学一做”学习教育/g, validFrom: 2016, validTo: 2018 },
  { id: 'tuopin', note: '“决战脱贫攻坚”是2020年及以前的提法', pattern: /决战脱贫攻坚/g, validFrom: 0, validTo: 2020 },
];

export interface StaleInsertion {
  /** Where it goes: before the preamble, into a study paragraph, or into the plans. */
  place: 'preamble' | 'study' | 'plans';
  template: string;
}

export const STALE_INSERTIONS: StaleInsertion[] = [
  { place: 'preamble', template: '<Y>年是[[jianguo70:{建国70周年|新中国成立70周年}]]，{也是|是}[[xiaokang:决胜全面建成小康社会]]{承上启下|攻坚克难}的关键一年。' },
  { place: 'preamble', template: '<Y>年是[[jianguo70:新中国成立70周年]]，{意义特殊|意义重大}。' },
  { place: 'plans', template: '{以|用}{优异|实际}{成绩|行动}[[welcome20:迎接党的二十大]]胜利召开。' },
  { place: 'plans', template: '{持续|深入}学习贯彻[[shijiuda:党的十九大精神]]，{不断|进一步}{推动|促进}{学习|工作}走深走实。' },
  { place: 'study', template: '{以|把}[[liangxue:“两学一做”学习教育]]{为载体|常态化制度化为抓手}，{不断|持续}加强党员干部思想建设。' },
  { place: 'study', template: '{教育引导|引导}党员干部{在|于}[[tuopin:决战脱贫攻坚]]{中|一线}{发挥|彰显}先锋模范作用。' },
  { place: 'plans', template: '{为|给}[[xiaokang:决胜全面建成小康社会]]{提供|营造}{坚强思想保证|良好舆论环境}。' },
];

/** Wording left by template sites. */
export const SITE_NOTICES = [
  '（本文档可编辑，下载后请根据本单位实际修改使用）',
  '更多范文请关注本站公众号，每日更新',
  '本文由网友上传分享，仅供学习参考，请勿直接使用',
  '【下载提示】本文档已去除水印，可直接编辑',
];

export const PAID_BEGIN = '##paidbegin##';
export const PAID_END = '##paidend##';

/** Every province and prefecture name the analysis knows: the demo city's own towns must not read as one. */
export const PLACES_ELSEWHERE: string[] = (
  JSON.parse(fs.readFileSync(new URL('../../../shared/vocab/places.json', import.meta.url), 'utf8')) as { provinces: Array<{ name: string; cities: string[] }> }
).provinces.flatMap((p) => [p.name, ...p.cities]);

/** Real cities other than the submitter's, left in a template taken from elsewhere. */
export const FOREIGN_CITIES = ['新余', '朔州', '赣州', '遵义', '绵阳', '邢台', '衢州', '荆门'];
export const FOREIGN_INSERTIONS = [
  '{为|给}{推进|推动}[[CITY]]{经济社会|各项事业}高质量发展{提供|营造}{有力思想保证|良好舆论氛围}。',
  '{努力|着力}{为|给}{建设|打造}{更加美好的|现代化}[[CITY]]{贡献|汇聚}{力量|智慧}。',
];

/** Placeholders where a template's blanks were never filled. */
export const UNIT_PLACEHOLDERS = ['XX局', '某局', 'XX单位', 'XXX'];
export const NUMBER_PLACEHOLDERS = ['XX', '*', '**', 'X', 'XXX'];
