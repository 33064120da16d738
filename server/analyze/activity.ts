// The activity a figure counts: the verb-object phrase the number belongs to, not the words that happen to
// stand before it. Events are counted with their activity after the number (召开2次专题会议) or before it
// (开展专题学习4次); things (家, 名, 篇, 个…) are counted with their noun after the number, governed by a verb
// earlier in the clause (接待…等30余家媒体 → 接待媒体; 深入全县12个乡镇 → 深入乡镇), or named before it when the
// number ends the clause (共培训干部1906人 → 培训干部; …等方面的信访件287件 → 信访件).
import { alternation, vocab } from './vocab.js';

const V = vocab.figures;

const DELIMS = '，,。；;：:！？!?\\n、';
const QUOTES = /[“”"‘’'「」『』《》〈〉【】]/g;
// 共 is a light verb (共开展), not the start of 共产党, 共同, 共建….
// …nor is 组织 in 党组织.
const LIGHT_VERB = new RegExp(
  alternation(V.lightVerbs)
    .replace(/(^|\|)共(?=\||$)/, '$1共(?!产|同|享|建|青|识|治)')
    .replace(/(^|\|)组织/g, '$1(?<!党)组织'),
  'g',
);
/** A list number or punctuation the clause starts with (4、表彰…, 、最美家庭). */
const LEADING_MARK = /^(?:[\d一二三四五六七八九十]{1,2}[、.．]|[、，,；;：:\s])+/;
const ACTION_VERB = new RegExp(alternation(V.actionVerbs).replace(/(^|\|)组织/g, '$1(?<!党)组织'), 'g');
/** Whether a phrase holds an action verb, or a light one (non-global: no lastIndex to reset). */
const HAS_ACTION_VERB = new RegExp(ACTION_VERB.source);
const HAS_LIGHT_VERB = new RegExp(LIGHT_VERB.source);
const ACTION_START = new RegExp(`^(?:${alternation([...V.actionVerbs, ...V.lightVerbs, '参加', '参与', '收听', '收看', '观看', '担任', '成为', '受到', '获得'])})`);
const LEADING_FILLER = new RegExp(`^(?:(?:19|20)\\d{2}年(?:上半年|下半年|以来|度)?|[一二三四五六七八九十]{1,2}是|${alternation(V.leadingFillers)})`);
// 均 (分别均为) but not 人均, which is what is counted (撰写学习笔记人均3万字).
const TRAILING_VERB = new RegExp(`(?:${alternation(V.trailingVerbs).replace(/(^|\|)均(?=\||$)/, '$1(?<!人)均')})$`);
const ONLY_TRAILING_VERBS = new RegExp(`^(?:${alternation(V.trailingVerbs)})+$`);
const FOLLOWING_CUT = new RegExp(`${alternation([...V.followingCuts, ...V.changeVerbs])}|[0-9XxＸｘ×*＊(（)）${DELIMS}]`);
/** After the counted noun, the clause may go on to what was done there (在18个村开展…评选活动). */
const DONE_THERE = new RegExp(`${alternation(['开展', '举办', '组织', '召开', '举行', '进行']).replace(/(^|\|)组织/, '$1(?<!党)组织')}`, 'g');
/**
 * Places counted as where something was done: 在18个村…, 对全区15个乡镇街道、17个区直单位…, 对12个乡镇和
 * 未进行巡察的33个县直单位… (对 as a preposition, not 针对/面对/对于).
 */
const PLACES_BEFORE = /(?:在|(?<![针面绝相应])对(?![于标照]))[^，,。；;在对]{0,20}$/;

/**
 * What was done in the places counted at the start of `after`: the clause's last 开展/进行… (a 、 list of
 * places stays in the clause, and a place may itself say what was done there before: 未进行巡察的33个县直单位),
 * unless another place (在/对) or another action comes first; '' if none.
 */
function doneThere(after: string): string {
  const clauseEnd = after.search(/[，,。；;：:！？!?\n]/);
  const clause = clean(after.slice(0, clauseEnd < 0 ? after.length : clauseEnd));
  let verbEnd = -1;
  let verbStart = -1;
  DONE_THERE.lastIndex = 0;
  for (let m = DONE_THERE.exec(clause); m; m = DONE_THERE.exec(clause)) [verbStart, verbEnd] = [m.index, m.index + m[0].length];
  if (verbStart < 0) return '';
  const between = clause.slice(0, verbStart).replace(/未[^，,。；;、]{0,6}?的/g, '');
  if (/[在对]/.test(between) || HAS_ACTION_VERB.test(between)) return '';
  const what = /^[^、]{2,24}/.exec(clause.slice(verbEnd).replace(/^了/, ''));
  if (!what) return '';
  // 对3个“先进集体”和8名“优秀通讯员”进行了表彰: those honoured are what is counted, with the honour.
  const honoured = HONOUR.test(what[0]) ? /^[^和及与、]{2,12}/.exec(between)?.[0] : undefined;
  return dropActivitySuffix(honoured ? `${what[0]}${honoured}` : what[0]).slice(0, V.maxActivityChars);
}

const HONOUR = /^(?:表彰|表扬|奖励|嘉奖)$/;

/** 在常委会上发言: a place before the verb. */
const LOCATIVE = /^在[^，,。；;]{1,12}?[上中里内]/;
const SPACE = /\s+/g;

interface CategoryCue {
  cue: string;
  category: string;
  order: number;
}
const CATEGORY_CUES: CategoryCue[] = vocab.categories.categories
  .flatMap((c, order) => c.cues.map((cue) => ({ cue, category: c.category, order })))
  .sort((a, b) => b.cue.length - a.cue.length || a.order - b.order);

const categoryMemo = new Map<string, string | null>();

/** The category of an activity: its longest cue (ties: the category listed first), or null. */
export function categoryOf(activity: string): string | null {
  const known = categoryMemo.get(activity);
  if (known !== undefined) return known;
  let found: string | null = null;
  for (const c of CATEGORY_CUES) {
    if (activity.includes(c.cue)) {
      found = c.category;
      break;
    }
  }
  // Activities repeat across reports; the memo is bounded so that a long-running server does not grow it forever.
  if (categoryMemo.size > 50_000) categoryMemo.clear();
  categoryMemo.set(activity, found);
  return found;
}

function clean(s: string): string {
  return s.replace(QUOTES, '').replace(SPACE, '');
}

function stripLeadingFillers(s: string, keepOne: boolean): string {
  for (let changed = true; changed; ) {
    const m = LEADING_FILLER.exec(s);
    changed = m !== null && m[0].length > 0 && (!keepOne || m[0].length < s.length);
    if (changed) s = s.slice(m![0].length);
  }
  return s;
}

function dropActivitySuffix(s: string): string {
  return s.length > 2 && s.endsWith('活动') ? s.slice(0, -2) : s;
}

/** 参学人数由去年的120人增加到: the subject of a change from an earlier figure, before 由/从 (none: the clause began with 由). */
const CHANGE_FROM = new RegExp(`^(?<subject>[^由从]*)(?:由(?![于此])|从(?![业事而中来严小源头]))[^由从]*(?:${alternation(V.changeVerbs)})(?:到|至)?(?:[^由从的]{0,8}的)?$`);

const INNER_FILLER = /(?<=[\u4e00-\u9fff])(?:各级各类|各类|各种|各项)(?=[\u4e00-\u9fff]{2})/g;

/** One or two verbs opening a list of examples (修订完善…、…等制度): what was done to the kind counted. */
const LIST_VERB = new RegExp(`^(?:${alternation([...V.actionVerbs, ...V.listVerbs])}){1,2}`);

/** The activity a figure counts, from the clause before it: 共组织中心组理论学习 → 中心组理论学习. */
export function precedingActivity(clause: string): string {
  let s = stripLeadingFillers(clean(clause).replace(LEADING_MARK, ''), false);
  s = CHANGE_FROM.exec(s)?.groups!.subject! ?? s;
  let lastVerbEnd = -1;
  LIGHT_VERB.lastIndex = 0;
  for (let m = LIGHT_VERB.exec(s); m; m = LIGHT_VERB.exec(s)) lastVerbEnd = m.index + m[0].length;
  // 受众群众累计达到: after the light verb only a verb of reaching is left; what reached is before it.
  if (lastVerbEnd > 0 && lastVerbEnd < s.length && !ONLY_TRAILING_VERBS.test(s.slice(lastVerbEnd))) s = s.slice(lastVerbEnd);
  s = stripLeadingFillers(s.replace(/^了/, ''), true);
  const verbal = s;
  for (let m = TRAILING_VERB.exec(s); m && m.index > 0; m = TRAILING_VERB.exec(s)) s = s.slice(0, m.index);
  // 收集问题5条，已完成3条: with only an adverb left before it, the verb is what was done.
  const adverb = /^(?:已经?|均已?|都已?|先后|又|还|也)$/.exec(s);
  if (adverb) s = verbal.slice(adverb[0].length);
  // 组织全体党员干部（共45人）: the bracket the count stood in.
  s = s.replace(/[（(]+$/, '');
  // 环境整治、政策宣讲等志愿服务 → 志愿服务: a list of examples before 等 names the kind that is counted.
  const examples = /、[^、]*等(?=[\u4e00-\u9fff]{2})/.exec(s);
  if (examples) {
    // 解决思想动态分析、宣传阵地管理等问题 → 解决问题: the verb before the examples governs the kind too.
    const verb = LIST_VERB.exec(s.slice(0, examples.index))?.[0] ?? '';
    s = `${verb}${s.slice(examples.index + examples[0].length)}`;
  }
  // …等方面的信访件 → 信访件: the head noun after the last 的.
  const of = s.lastIndexOf('的');
  if (of >= 0 && s.length - of - 1 >= 2) s = s.slice(of + 1);
  // 悬挂各类宣传横幅 → 悬挂宣传横幅: what kind of banner is no part of what was done.
  s = dropActivitySuffix(s.replace(INNER_FILLER, ''));
  return s.length > V.maxActivityChars ? s.slice(s.length - V.maxActivityChars) : s;
}

/** A qualifier standing alone between two figures of a list: 省级, 市“一报一台”, (去年为32篇)、省级 (a comparison in brackets goes). */
const QUALIFIER = /^[\u4e00-\u9fffA-Za-z]{1,6}$/;

/**
 * 在国家级报刊上发表2篇，省级16篇、市级43篇: a figure of the previous one's measure whose clause holds only a
 * qualifier continues the list, and counts with the previous activity's verb. Where that verb has its object
 * after it (悬挂宣传横幅1700条、大小标语11万条), the qualifier is the new object (悬挂大小标语); where the
 * activity ends on its verb (在国家级报刊上发表, 上稿), the qualifier says where (省级发表, 省一报一台上稿).
 * null when the clause is more than a qualifier (其中党员缴纳, 直接受众达) or the previous activity names no
 * action verb.
 */
export function continuedActivity(clauseBefore: string, previous: string): string | null {
  // 其中国家级54篇: 其中 only says the list is part of the figure before.
  const qualifier = clean(clauseBefore.replace(/[（(][^）)]*[）)]/g, '')).replace(LEADING_MARK, '').replace(/^其中/, '');
  if (!QUALIFIER.test(qualifier) || LEADING_FILLER.test(qualifier) || TRAILING_VERB.test(qualifier)) return null;
  if (HAS_ACTION_VERB.test(qualifier) || HAS_LIGHT_VERB.test(qualifier)) return null;
  const verb = governingVerb(previous);
  if (verb === '') return null;
  return (previous.endsWith(verb) ? `${qualifier}${verb}` : `${verb}${qualifier}`).slice(0, V.maxActivityChars);
}

/** A quoted title before what it names (“不忘初心”专题会议); 8名“优秀通讯员”进行了表彰 quotes the thing counted itself. */
const QUOTED_TITLE = /^[“"「『][^”"」』\n]{1,30}[”"」』](?=[\u4e00-\u9fff]{2})(?!进行|开展|获|被|受|荣获|称号|的)/;

/** The words named after a figure (召开2次专题会议研究… → 专题会议), or '' if none follows. */
export function followingActivity(text: string, pos: number): string {
  // 乡镇（街道）实践所: a short bracket inside the noun does not end it.
  // 举办5期“绽放XX青春”专题宣讲活动: the quoted title names the series; what it was follows it.
  const after = text.slice(pos, pos + V.maxActivityChars + 48);
  const titled = QUOTED_TITLE.exec(after);
  let rest = clean(titled ? after.slice(titled[0].length) : after)
    .slice(0, V.maxActivityChars + 16)
    .replace(/[（(][^)）]{1,6}[)）](?=[\u4e00-\u9fff])/g, '');
  // 分四期在常委会上发言: the place goes, the verb stays.
  const place = LOCATIVE.exec(rest);
  if (place) rest = rest.slice(place[0].length);
  const cut = FOLLOWING_CUT.exec(rest);
  let s = cut ? rest.slice(0, cut.index) : rest;
  // 2次专题研究意识形态工作: 专题 is how it was studied; the study and its subject are the activity.
  if (cut && s.endsWith('专题') && /^(?:研究|部署)/.test(cut[0])) {
    const after = rest.slice(cut.index + cut[0].length);
    const next = FOLLOWING_CUT.exec(after);
    s = `${s}${cut[0]}${next ? after.slice(0, next.index) : after}`;
  }
  s = dropActivitySuffix(s.replace(/^的/, ''));
  return s.length >= 2 ? s.slice(0, V.maxActivityChars) : '';
}

/** The last action verb of a clause (the one that governs a noun counted after it), or ''. */
export function governingVerb(clause: string): string {
  // Only the clause the count stands in (a 、 list stays in it): 巡察办对25个党组织进行…，县委宣传部对12个乡镇.
  const from = Math.max(...[...'，,。；;：:！？!?\n'].map((d) => clause.lastIndexOf(d))) + 1;
  const own = clause.slice(from);
  // 开辟了科学发展观学习、师德建设…等: the verb before a list of examples governs it, not one inside an example.
  const list = own.indexOf('、');
  const scope = list >= 0 && /等$/.test(own) ? own.slice(0, list) : own;
  let verb = '';
  ACTION_VERB.lastIndex = 0;
  for (let m = ACTION_VERB.exec(scope); m; m = ACTION_VERB.exec(scope)) {
    verb = m[0];
    if (scope !== own) break;
  }
  return verb;
}

/** 推荐了10名同学（…）为预备党员, 2名同学已成为正式党员, 3人被评为优秀党员: people counted by the role they took. */
const AS_ROLE =
  /^(?:[\u4e00-\u9fff]{0,6}?(?:[（(][^）)\n]{0,80}[）)])?(?:已|被|分别)?(?<verb>成为|转为|评为|当选为|确定为|发展为)|[\u4e00-\u9fff]{1,6}?(?:[（(][^）)\n]{0,80}[）)])?(?<as>为))(?<role>[\u4e00-\u9fff]{0,8}(?:员|者|代表|分子|对象|模范|标兵|个人|典型|书记|委员|骨干|干部|家庭|集体|单位|组织|支部))(?=[，,。；;、\n]|$)/;

const ABOUT = /^(?:关于|对于|有关|涉及)/;
/** 工作人员配备了相机: people counted before what was done for or by them. */
const PEOPLE_THEN = /^(?:工作人员|人员|同志|干部|党员|职工|教师|学生|志愿者|群众)(?<done>[\u4e00-\u9fff]{2,})$/;

/** 11个乡镇场均已完成文化站建设: places counted by what all of them did. */
const PLACES_ALL_DID = new RegExp(`^(?:${alternation(V.background.standingNouns)})(?:[（(][^)）]{1,3}[)）])?(?:均|都|全部|全都)(?:已经?|以)?(?<done>[^，,。；;：:\\n]{2,24})`);

/**
 * The activity of a count of things (not of events): the noun after the number with the verb that governs it,
 * or what the clause goes on to do with those things; '' when no noun follows.
 */
export function thingsActivity(text: string, end: number, before: string): string {
  const allDid = PLACES_ALL_DID.exec(text.slice(end, end + 40));
  if (allDid) return dropActivitySuffix(clean(allDid.groups!.done!)).slice(0, V.maxActivityChars);
  const role = AS_ROLE.exec(text.slice(end, end + 120));
  if (role) {
    const { verb, as, role: taken } = role.groups!;
    return (as ? `${governingVerb(clean(before))}${taken}` : `${verb}${taken}`).slice(0, V.maxActivityChars);
  }
  if (PLACES_BEFORE.test(before)) {
    // 在18个村(社区)广泛开展“文明家庭”争创评选活动, 对12个乡镇和…33个县直单位进行专项督查: what was done there.
    const done = doneThere(text.slice(end, end + 120));
    if (done !== '') return done;
  }
  let following = followingActivity(text, end);
  if (following === '') return '';
  if (ACTION_START.test(following)) return following;
  // 给6位工作人员配备了相机: the people counted, then what was done for them.
  const people = PEOPLE_THEN.exec(following);
  if (people && ACTION_START.test(people.groups!.done!)) return people.groups!.done!.replace(/^(.{2,4}?)了/, '$1');
  // 40条关于本单位的投诉建议咨询帖: after what it is about, the head noun is what is counted.
  const of = following.lastIndexOf('的');
  if (ABOUT.test(following) && of >= 0 && following.length - of - 1 >= 2) following = following.slice(of + 1);
  const verb = governingVerb(clean(before));
  return `${verb}${following}`.slice(0, V.maxActivityChars);
}
