// The submitting units: 40 municipal bodies in six departments. Larger corpora add the same bodies of
// districts and counties (东湖区教育局 …), so any number of units can be asked for. Each unit has its
// own words: its body's line of work (bank/lexicon.ts) and names of its own — platforms, activity
// brands, the towns and memorial sites it works in — drawn once per unit from the seed.
import type { Rng } from './prng.js';
import { LEXICON, type Lexicon } from './bank/lexicon.js';
import { PLACES_ELSEWHERE } from './bank/plants.js';

export const DEPARTMENTS = ['党群', '政法', '经济', '社会事业', '城建环保', '宣传文化'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export type Richness = 'rich' | 'normal' | 'sparse';

interface UnitType {
  name: string;
  /** The name in a district or county; {D} is the district. Default: the leading 市 replaced. */
  local?: string;
  department: Department;
  /** The leading body that signs the report. */
  body: string;
  /** How the report calls the unit itself. */
  self: string[];
  /** The line of work, as a noun (教育) and as work (教育教学工作). */
  domain: string;
  work: string;
  /** How the report calls its people. */
  staff: string[];
  /** What the unit's ideology work turns on in particular. */
  focus: string[];
}

const T = (
  name: string,
  department: Department,
  body: string,
  self: string[],
  domain: string,
  work: string,
  staff: string[],
  focus: string[],
  local?: string,
): UnitType => ({ name, department, body, self, domain, work, staff, focus, ...(local ? { local } : {}) });

const JU = ['我局', '局党组', '本局', '局机关'];
const WEI = ['我委', '委党组', '委机关', '本委'];
const BU = ['我部', '部机关', '部务会', '本部'];

export const UNIT_TYPES: UnitType[] = [
  // 党群
  T('市委组织部', '党群', '部务会', BU, '组织', '组织工作', ['组工干部', '部机关干部'], ['组工干部队伍政治建设', '干部教育培训中的意识形态内容', '党员教育管理']),
  T('市委统战部', '党群', '部务会', BU, '统战', '统一战线工作', ['统战干部', '机关干部'], ['党外代表人士思想政治引导', '民族宗教领域意识形态风险防范', '新的社会阶层人士联系服务']),
  T('市直机关工委', '党群', '工委', ['我委', '工委', '机关工委'], '机关党建', '机关党建工作', ['机关党员干部', '工委干部'], ['市直机关党组织意识形态工作指导', '机关党员理论武装', '模范机关创建']),
  T('市委老干部局', '党群', '局务会', JU, '老干部', '离退休干部工作', ['老干部工作者', '干部职工'], ['离退休干部党员思想引领', '老干部宣讲团建设', '老年大学课堂管理']),
  T('市总工会', '党群', '党组', ['我会', '总工会党组', '本会'], '工会', '工会工作', ['工会干部', '机关干部'], ['职工思想政治引领', '劳模工匠精神宣传', '职工书屋和职工之家阵地管理'], '{D}总工会'),
  T('团市委', '党群', '团委书记处', ['团委', '团委机关', '本级团委'], '共青团', '共青团工作', ['团干部', '青年干部'], ['青少年思想政治引领', '网络青年群体引导', '青年志愿服务'], '共青团{D}委'),
  T('市妇联', '党群', '党组', ['我会', '妇联党组', '本会'], '妇联', '妇女儿童工作', ['妇联干部', '机关干部'], ['妇女群众思想引领', '家庭家教家风建设', '巾帼志愿服务']),
  T('市委党校', '党群', '校委会', ['我校', '校委', '学校'], '干部教育', '干部教育培训和教学科研', ['教职工', '教研人员'], ['课堂讲台和科研成果的政治把关', '学员思想政治教育', '讲座论坛报告会审批']),
  // 政法
  T('市委政法委', '政法', '委员会', WEI, '政法', '政法工作', ['政法干警', '机关干部'], ['政法队伍教育整顿成果巩固', '平安建设宣传', '政法网络舆情引导']),
  T('市公安局', '政法', '局党委', ['我局', '局党委', '全局'], '公安', '公安工作', ['民警辅警', '全体民警', '公安民警'], ['公安队伍忠诚教育', '警务舆情处置', '网络安全和涉稳信息监测']),
  T('市司法局', '政法', '局党组', JU, '司法行政', '司法行政工作', ['干部职工', '司法行政干警'], ['普法宣传', '律师行业党建和政治引领', '社区矫正对象教育']),
  T('市中级人民法院', '政法', '院党组', ['我院', '院党组', '全院'], '审判', '审判执行工作', ['干警', '法官干警', '全院干警'], ['司法公开和庭审直播管理', '涉诉舆情应对', '法治宣传'], '{D}人民法院'),
  T('市人民检察院', '政法', '院党组', ['我院', '院党组', '全院'], '检察', '检察工作', ['检察干警', '全院干警'], ['检察宣传', '涉检舆情应对', '检察文化建设'], '{D}人民检察院'),
  T('市信访局', '政法', '局党组', JU, '信访', '信访工作', ['干部职工', '信访干部'], ['信访群众思想疏导', '信访事项中的苗头性问题研判', '网上信访舆情处置']),
  // 经济
  T('市发展改革委', '经济', '委党组', WEI, '发展改革', '发展改革工作', ['干部职工', '委机关干部'], ['重大政策解读', '经济形势宣传', '规划编制中的舆论引导']),
  T('市财政局', '经济', '局党组', JU, '财政', '财政工作', ['干部职工', '财政干部'], ['财政政策宣传解读', '预决算公开', '意识形态工作经费保障']),
  T('市商务局', '经济', '局党组', JU, '商务', '商务工作', ['干部职工', '机关干部'], ['外资外贸企业联系服务', '消费促进活动宣传', '展会论坛的内容把关']),
  T('市统计局', '经济', '局党组', JU, '统计', '统计工作', ['统计干部', '干部职工'], ['统计数据发布和解读', '统计法治宣传', '防范统计造假的警示教育']),
  T('市市场监管局', '经济', '局党组', JU, '市场监管', '市场监管工作', ['执法人员', '干部职工'], ['食品药品安全舆情', '广告导向监管', '消费维权宣传']),
  T('市税务局', '经济', '局党委', ['我局', '局党委', '全局'], '税收', '税收工作', ['税务干部', '全局干部'], ['税费政策宣传辅导', '涉税舆情应对', '纳税服务窗口文明建设'], '国家税务总局{D}税务局'),
  T('市农业农村局', '经济', '局党组', JU, '农业农村', '农业农村工作', ['干部职工', '农技人员'], ['乡村振兴政策宣讲', '农村精神文明建设', '农民群众思想引导']),
  T('市审计局', '经济', '局党组', JU, '审计', '审计工作', ['审计干部', '干部职工'], ['审计结果公告', '审计现场纪律和作风', '审计文化建设']),
  // 社会事业
  T('市教育局', '社会事业', '局党组', JU, '教育', '教育教学工作', ['教职工', '广大教师', '干部职工'], ['学校思政课建设', '校园讲座论坛和教材管理', '师德师风建设']),
  T('市卫生健康委', '社会事业', '委党组', WEI, '卫生健康', '卫生健康工作', ['医务人员', '干部职工'], ['医疗卫生行业舆情', '健康科普宣传', '医德医风建设']),
  T('市民政局', '社会事业', '局党组', JU, '民政', '民政工作', ['干部职工', '民政干部'], ['社会组织党建和意识形态管理', '养老服务机构宣传阵地', '殡葬改革宣传']),
  T('市人力资源社会保障局', '社会事业', '局党组', JU, '人社', '人力资源和社会保障工作', ['干部职工', '人社干部'], ['就业社保政策宣传', '技工院校意识形态管理', '劳动关系领域舆情']),
  T('市医疗保障局', '社会事业', '局党组', JU, '医保', '医疗保障工作', ['干部职工', '医保干部'], ['医保政策解读', '打击欺诈骗保宣传', '医保经办窗口作风']),
  T('市退役军人事务局', '社会事业', '局党组', JU, '退役军人', '退役军人服务保障工作', ['干部职工', '机关干部'], ['退役军人思想政治引导', '英烈纪念设施管理', '拥军优属宣传']),
  T('市应急管理局', '社会事业', '局党委', ['我局', '局党委', '局机关'], '应急管理', '应急管理工作', ['干部职工', '应急干部'], ['安全生产宣传', '突发事件舆情应对', '防灾减灾科普']),
  // 城建环保
  T('市住房城乡建设局', '城建环保', '局党组', JU, '住房城乡建设', '住房和城乡建设工作', ['干部职工', '机关干部'], ['房地产领域舆情', '建筑工地宣传阵地', '城市更新政策解读']),
  T('市生态环境局', '城建环保', '局党组', JU, '生态环境', '生态环境保护工作', ['干部职工', '环境执法人员'], ['生态文明宣传', '环境信访和舆情处置', '中央环保督察整改宣传']),
  T('市自然资源和规划局', '城建环保', '局党组', JU, '自然资源', '自然资源和规划工作', ['干部职工', '机关干部'], ['地图审核和国家版图意识宣传', '耕地保护宣传', '规划公示中的舆情']),
  T('市交通运输局', '城建环保', '局党组', JU, '交通运输', '交通运输工作', ['干部职工', '交通执法人员'], ['交通运输行业文明创建', '出租车和网约车从业人员思想引导', '重大项目舆情']),
  T('市水利局', '城建环保', '局党组', JU, '水利', '水利工作', ['干部职工', '水利干部'], ['防汛抗旱宣传', '河湖长制宣传', '水利工程建设舆情']),
  T('市城市管理局', '城建环保', '局党组', JU, '城市管理', '城市管理工作', ['城管队员', '干部职工'], ['城管执法舆情', '户外广告和宣传设施管理', '文明城市创建']),
  // 宣传文化
  T('市委宣传部', '宣传文化', '部务会', BU, '宣传思想文化', '宣传思想文化工作', ['宣传干部', '部机关干部'], ['全市意识形态工作统筹指导', '新闻舆论工作', '网络内容建设']),
  T('市文化广电旅游局', '宣传文化', '局党组', JU, '文化旅游', '文化广电和旅游工作', ['干部职工', '文化工作者'], ['演出市场和文艺作品审核', '广播电视内容监管', '公共文化场馆阵地管理']),
  T('市融媒体中心', '宣传文化', '中心党委', ['中心', '我中心', '中心党委'], '新闻宣传', '新闻宣传工作', ['采编人员', '新闻工作者', '全体员工'], ['新闻采编导向把关', '新媒体平台管理', '重大主题宣传策划']),
  T('市文联', '宣传文化', '党组', ['我会', '文联党组', '本会'], '文艺', '文艺工作', ['文艺工作者', '机关干部'], ['文艺创作导向', '文艺评论阵地', '文艺家协会管理']),
  T('市档案馆', '宣传文化', '馆党组', ['我馆', '馆党组', '全馆'], '档案', '档案工作', ['干部职工', '档案工作者'], ['档案编研和展览的政治把关', '红色档案资源利用', '档案开放审核']),
];

export const DISTRICTS = ['东湖区', '西江区', '南山区', '北塘区', '高新区', '临江县', '青石县', '白水县', '云溪县', '桐林县', '柳河县', '石门县', '长宁县', '安平县', '平川县', '永和县', '清源县', '宁远县'];

/** A generated unit: its type's description under its own name, and what it is given of its own. */
export interface Unit extends Omit<UnitType, 'local'> {
  richness: Richness;
  lexicon: Lexicon;
  /** The unit's own platforms (“税务之声”微信公众号), activity brands (“税宣微课堂”), towns and memorial sites. */
  platforms: string[];
  brands: string[];
  towns: string[];
  redSites: string[];
  /** Chance that a sentence gets a closing clause on what it achieved: some units write long sentences. */
  wordiness: number;
  /** Chance that a subsection heading ends on the unit's own work. */
  ownHeadings: number;
  /** Chance that a sentence opens with its date or month (some offices date everything). */
  dating: number;
  /** Seeds the tasks, events and towns a unit's reports of one year dwell on. */
  seed: number;
  /** Bank templates this unit never uses: each office has phrasings it prefers. */
  avoids: Set<string>;
  /** How the unit numbers its subsections: （一）, (一), 1. ; fixed for a unit, as real offices keep a house style. */
  subStyle: 'paren-cn' | 'ascii-paren-cn' | 'arabic';
  /** Subsection headings on their own line, or run into the paragraph (（一）加强组织领导。正文…). */
  runIn: boolean;
}

function localName(t: UnitType, district: string): string {
  if (t.local) return t.local.replace('{D}', district);
  return t.name.startsWith('市') ? district + t.name.slice(1) : district + t.name;
}

function districtName(i: number): string {
  if (i < DISTRICTS.length) return DISTRICTS[i]!;
  // beyond the list: numbered development zones keep names unique for any size asked
  return `第${i - DISTRICTS.length + 1}开发区`;
}

/** The first `count` units: the municipal bodies, then each district's bodies in turn. */
export function unitTypeAt(index: number): { type: UnitType; name: string } {
  const type = UNIT_TYPES[index % UNIT_TYPES.length]!;
  const tier = Math.floor(index / UNIT_TYPES.length);
  return { type, name: tier === 0 ? type.name : localName(type, districtName(tier - 1)) };
}

const PLATFORM_SUFFIXES = ['之声', '在线', '发布', '之窗', '视界', '微讯', '资讯', '前沿', '直通车', 'e家', '观察', '新语'];
const PLATFORM_KINDS = ['微信公众号', '微信公众号', '视频号', '抖音号', '门户网站专栏', '微博'];
const BRAND_SUFFIXES = ['微宣讲', '大讲堂', '小课堂', '进万家', '连心桥', '先锋岗', '夜校', '开放日', '直通车', 'e课堂', '微党课', '讲习所', '加油站', '会客厅', '零距离', '红色驿站', '同心圆', '面对面', '服务队', '云课堂', '半月谈', '田埂课'];
const TOWN_SYLLABLES = '桥青石柳白云杨梅枫龙凤金松竹兰花霞溪湾塘泉岭坪坝林河湖港安和平新兴富丰永乐康福泰';
const TOWN_SUFFIXES = ['镇', '镇', '乡', '街道', '街道', '社区', '村'];
const RED_KINDS = ['革命烈士陵园', '党史教育馆', '革命历史陈列馆', '廉政教育基地', '抗战纪念馆', '红色教育基地', '革命旧址'];

function townName(rng: Rng): string {
  for (;;) {
    const a = TOWN_SYLLABLES[rng.int(0, TOWN_SYLLABLES.length - 1)]!;
    const b = TOWN_SYLLABLES[rng.int(0, TOWN_SYLLABLES.length - 1)]!;
    // a real city's name would read as a foreign place (a planted phenomenon of its own)
    if (a !== b && !PLACES_ELSEWHERE.some((p) => p.includes(a + b))) return a + b + rng.pick(TOWN_SUFFIXES);
  }
}

/** The names a unit uses for its own things, the same in all its reports. */
function ownNames(rng: Rng, type: UnitType, name: string) {
  const lexicon = LEXICON[type.name];
  if (!lexicon) throw new Error(`no lexicon for ${type.name}`);
  const district = DISTRICTS.find((d) => name.startsWith(d));
  const short = district ? district.slice(0, -1) : '';
  const tag = () => rng.pick(lexicon.tags);
  // the kind first (微信公众号“税务之声”): kinds are shared by all, names by none
  const platforms = rng.sample(PLATFORM_SUFFIXES, 2).map((s, i) => `${i === 0 ? '微信公众号' : rng.pick(PLATFORM_KINDS)}“${short}${tag()}${s}”`);
  const brands = rng.sample(BRAND_SUFFIXES, 3).map((s) => `“${tag()}${s}”`);
  const towns = Array.from({ length: 5 }, () => (district && rng.chance(0.5) ? '' : rng.pick(DISTRICTS)) + townName(rng));
  const redSites = Array.from({ length: 2 }, () => (district ?? rng.pick(DISTRICTS)) + rng.pick(RED_KINDS)).concat('市革命烈士纪念馆');
  return { lexicon, platforms, brands, towns, redSites };
}

export function buildUnit(
  index: number,
  rng: Rng,
  pick: { richness: Richness; subStyle: Unit['subStyle']; runIn: boolean },
  templates: readonly string[],
): Unit {
  const { type, name } = unitTypeAt(index);
  return {
    ...ownNames(rng, type, name),
    wordiness: 0.1 + rng.next() * 0.5,
    seed: rng.int(0, 0x7fffffff),
    dating: 0.1 + rng.next() * 0.4,
    ownHeadings: rng.next() * 0.8,
    avoids: new Set(templates.filter(() => rng.chance(0.25))),
    name,
    department: type.department,
    body: type.body,
    self: type.self,
    domain: type.domain,
    work: type.work,
    staff: type.staff,
    focus: type.focus,
    ...pick,
  };
}
