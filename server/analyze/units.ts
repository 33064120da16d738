// Unit names as submissions write them (meta.ts finds where a report names itself; this module reads the
// name there): the longest name starting at a place and ending where the text lets it end, whether it
// names a unit at all (not a placeholder such as XX局, not a kind of body such as 局党组), the key under
// which spellings of one unit meet (中共市统计局党组, XX市统计局 → 市统计局), and a registry's unit for a
// name (by name, alias, variant or abbreviation: 市卫健委 → 市卫生健康委员会). Pure.
import { simplifiedName } from './meta-fold.js';
import { escapeRegex, vocab } from './vocab.js';

const V = vocab.unitNames;
const longestFirst = (ws: readonly string[]) => [...new Set(ws)].sort((a, b) => b.length - a.length);
const SUFFIXES = longestFirst(V.suffixes);
const ORGANS = longestFirst(V.partyOrgans);
/** Words by their first character, longest first: the scan looks up only those that can start at a position. */
function byFirst(words: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const w of words) out.set(w[0]!, [...(out.get(w[0]!) ?? []), w]);
  return out;
}
const SUFFIXES_BY_FIRST = byFirst(SUFFIXES);
const ORGANS_BY_FIRST = byFirst(ORGANS);
/** A character templates put for a name left blank (X, ×, 某 …), as a regular expression's class. */
export const PLACEHOLDER_CLASS = `[${V.placeholderChars.replace(/[\]\\^-]/g, '\\$&')}]`;
const PLACEHOLDER_CHARS = new Set(V.placeholderChars);
const isNameChar = (ch: string): boolean => (ch >= '\u4e00' && ch <= '\u9fff') || PLACEHOLDER_CHARS.has(ch);
const LEADING_PARTY = new RegExp(`^(?:${longestFirst(V.partyPrefixes).map(escapeRegex).join('|')})`);
const PLACEHOLDER_LEVEL = new RegExp(`^${PLACEHOLDER_CLASS}+(?=[${V.levels.join('')}])`);
const HAS_PLACEHOLDER = new RegExp(PLACEHOLDER_CLASS);
const LEVELS = new Set(V.levels);
const GENERIC = new Set(V.generic);
const LEVEL_BODIES = new Set(V.levelBodies);
const NOT_IN_NAMES = new RegExp(V.notInNames.map(escapeRegex).join('|'));
const PARTY_COMMITTEE = '委员会';
/** A place alone (X省, X市 …): in running text mostly no unit (依法治省, 企业上市). */
const PLACE_ONLY = new RegExp(`(?:[${V.levels.join('')}]|苏木|自治区|自治州|自治县)$`);
/** Whether a unit's name is a place alone (双桥区, 风水梁镇, 阿力得尔苏木): the level's government or committee, unnamed. */
export const isPlaceName = (name: string): boolean => PLACE_ONLY.test(name);
/** A named town or township (风水梁镇): the town reporting, where it opens a paragraph. */
const TOWN = /^[\u4e00-\u9fff]{2,4}(?:[镇乡]|苏木)$/;
/** 平高电气研发中心, 某某集团, a university's 文学院: a firm or institute, named without a place, that opens a report's first sentence. */
const ENTERPRISE = /^(?:[\u4e00-\u9fff]{2,16}(?:公司|集团|控股|中心|研究院|研究所|厂|社区|学院|医院|法院|检察院)|[\u4e00-\u9fff]学院)$/;
/** A name that stands in running text starts with its level or its place (市统计局, 临潼区委, 团县委, 中共…). */
const ANCHORED = new RegExp(`^(?:${V.partyPrefixes.map(escapeRegex).join('|')}|团)?(?:[${V.levels.join('')}]|[\\u4e00-\\u9fff]{2,5}?(?:[${V.levels.join('')}]|街道|苏木|自治区|自治州|自治县))`);
const SUFFIX_SET = new Set(SUFFIXES);
const OFFICE_OF_KIND = [...[...GENERIC].filter((g) => !ORGANS.includes(g)), ...V.officeKinds];
const CITIES = new Set(vocab.places.provinces.flatMap((p) => p.cities));
/** 北海中院, 北海市中院: a city's intermediate court by the short name news items give it. */
const CITY_COURT = /^(?<city>[\u4e00-\u9fff]{2,4}?)市?中院$/;

/** A court's short name in full (北海中院 → 北海市中级人民法院), as the court signs; any other name as it is. */
function fullName(n: string): string {
  const city = CITY_COURT.exec(n)?.groups!.city;
  return city && CITIES.has(city) ? `${city}市中级人民法院` : n;
}

export type NameVerdict =
  | { ok: true; /** The unit as named: without 中共, a placeholder place or the party body. */ canonical: string }
  | { ok: false; reason: 'placeholder' | 'generic' | 'pronoun' | 'not-unit' };

/** Endings that close a place or a village rather than a body (农业农村和…): no body before a 和. */
const PLACE_SUFFIXES = /(?:[省市县区州旗盟镇乡村]|街道|社区|苏木)$/;

function joinsTwoBodies(n: string): boolean {
  for (const m of n.matchAll(/[和与及]/g)) {
    const before = n.slice(0, m.index);
    if (before.length >= 2 && m.index < n.length - 1 && endsWithSuffix(before) && !PLACE_SUFFIXES.test(before)) return true;
  }
  return false;
}

function endsWithSuffix(s: string): string | null {
  return SUFFIXES.find((x) => s.endsWith(x)) ?? null;
}

/** The party body a name ends with (市统计局党组 → 党组), when what precedes it is a unit's name. */
function trailingOrgan(s: string): string | null {
  const organ = ORGANS.find((o) => s.endsWith(o));
  if (!organ) return null;
  const rest = s.slice(0, -organ.length);
  return rest.length >= 1 && endsWithSuffix(rest) ? organ : null;
}

const TWO_LEVELS = /^(?:县区|区县|市县|县市(?!场)|省市(?!场)|市区(?!域)|县乡)/;

/** Whether a name names a unit, and the unit it names. */
export function judgeName(name: string): NameVerdict {
  const spaced = name.replace(/\s+/g, '');
  let n = spaced.replace(LEADING_PARTY, '');
  // 中共安徽工业大学管理科学与工程学院委员会: after 中共, the committee of a body named by its own ending (not
  // a place's: 中共洪泽区委员会 is the district's committee) is that body's party committee, the body itself.
  if (n !== spaced && n.endsWith(PARTY_COMMITTEE) && endsWithSuffix(n.slice(0, -PARTY_COMMITTEE.length)) && !PLACE_ONLY.test(n.slice(0, -PARTY_COMMITTEE.length))) {
    n = n.slice(0, -PARTY_COMMITTEE.length);
  }
  const stripped = n.replace(PLACEHOLDER_LEVEL, '');
  const masked = stripped !== n;
  n = stripped;
  if (HAS_PLACEHOLDER.test(n) || NOT_IN_NAMES.test(n) || /^[年度月日号]/.test(n)) return { ok: false, reason: HAS_PLACEHOLDER.test(n) ? 'placeholder' : 'not-unit' };
  const organ = trailingOrgan(n);
  if (organ) n = n.slice(0, -organ.length);
  // 温泉街道工作委员会: a street's party working committee (党工委) spelled out, the street's own body.
  else n = n.replace(/(?<=街道)工作委员会$/, '');
  const pronoun = V.pronounStarts.find((p) => n.startsWith(p));
  const afterPronoun = pronoun ? n.slice(pronoun.length) : '';
  if (n.includes('我') || (pronoun && (/^[\d们]/.test(afterPronoun) || GENERIC.has(afterPronoun) || SUFFIXES.some((x) => afterPronoun.startsWith(x))))) return { ok: false, reason: 'pronoun' };
  if (V.notUnits.some((w) => n.endsWith(w))) return { ok: false, reason: 'not-unit' };
  // 县区宣传部, 市县教育局: the bodies of every county or district, no one unit (县市场监管局 is one).
  if (TWO_LEVELS.test(n)) return { ok: false, reason: 'generic' };
  // 纪委和医务科: two bodies joined, no one unit (发展和改革局, 住房和城乡建设局 join no body before 和).
  if (joinsTwoBodies(n)) return { ok: false, reason: 'not-unit' };
  // 将党委理论学习…: a word that governs a body (将, 把, 对…) is not the start of its name.
  if (/^[将把对向与和及]/.test(n) && ORGANS.some((o) => n.slice(1).startsWith(o))) return { ok: false, reason: 'not-unit' };
  const suffix = endsWithSuffix(n);
  if (!suffix) return { ok: false, reason: 'not-unit' };
  const bare = n.length > 1 && LEVELS.has(n[0]!) ? n.slice(1) : n;
  const rest = n.slice(0, -suffix.length);
  // A bare ending, alone, after another ending or after a bare level (局, 街道街道, 市局, 县委, 市政府), names
  // no unit; after a placeholder place (XX县委) it stands for the name the template left open.
  const levelOnly = LEVELS.has(rest) && (suffix.length === 1 || LEVEL_BODIES.has(suffix));
  // 乡党委政府, 县委机关: two bodies of a bare level are no name either.
  const restBare = rest.length > 1 && LEVELS.has(rest[0]!) ? rest.slice(1) : rest;
  if (GENERIC.has(n) || GENERIC.has(bare) || rest.length === 0 || levelOnly || (SUFFIX_SET.has(rest) && !LEVELS.has(rest)) || GENERIC.has(rest) || (restBare !== rest && ORGANS.includes(restBare))) {
    return { ok: false, reason: masked ? 'placeholder' : 'generic' };
  }
  // 社区宣传部, 学校办公室, 法院政治处: an office of a kind of body names no unit either (党委宣传部 is a department's own name).
  if (OFFICE_OF_KIND.some((g) => n.length > g.length && n.length - g.length <= 4 && n.startsWith(g))) return { ok: false, reason: 'generic' };
  // 统计局, 宣传部, 临潼区: a one-character ending needs a name of two characters before it (干部, 全局 are none).
  if (suffix.length === 1 && n.length < 3) return { ok: false, reason: 'generic' };
  return { ok: true, canonical: fullName(n) };
}

/**
 * The longest unit name that starts at `from` and ends where `accept(end)` allows (a verb follows, the
 * line ends …); null when no name of up to `maxLength` characters fits. `anchored`: a name in running
 * text, which must start with its level or place and be more than a place; `enterprise`: a firm or
 * institute without a place, or a body named with its party organ, is taken too (the report's opening names
 * its own unit).
 */
export function readName(
  text: string,
  from: number,
  accept: (end: number) => boolean,
  opts: { anchored?: boolean; town?: boolean; enterprise?: boolean; selfNamed?: boolean; maxLength?: number } = {},
): { start: number; end: number; canonical: string } | null {
  const maxLength = opts.maxLength ?? 30;
  const ends: number[] = [];
  for (let i = from; i < text.length && i < from + maxLength; i++) {
    const ch = text[i]!;
    if (ch === '的' || !isNameChar(ch)) break;
    for (const s of SUFFIXES_BY_FIRST.get(ch) ?? []) {
      if (!text.startsWith(s, i)) continue;
      const e = i + s.length;
      ends.push(e);
      const organ = (ORGANS_BY_FIRST.get(text[e] ?? '') ?? []).find((o) => text.startsWith(o, e));
      if (organ) ends.push(e + organ.length);
    }
  }
  for (const end of [...new Set(ends)].sort((a, b) => b - a)) {
    if (end - from > maxLength || !accept(end)) continue;
    const verdict = judgeName(text.slice(from, end));
    if (!verdict.ok) continue;
    // 我们黑龙江省坚持…: a place the report calls itself is its unit, whatever its level.
    // 老城镇党委不断创新…: a town named with its party body is that body, wherever the clause stands.
    const townBody = TOWN.test(verdict.canonical) && ORGANS.some((o) => text.startsWith(o, end - o.length));
    const placeOnly = PLACE_ONLY.test(verdict.canonical) && !((opts.town || townBody) && TOWN.test(verdict.canonical)) && !opts.selfNamed;
    // 交通运输部党组召开会议: a body named with its party organ, opening the text, is the body reporting.
    const withOrgan = verdict.canonical.length < end - from && ORGANS.some((o) => text.startsWith(o, end - o.length));
    const firm = opts.enterprise === true && (ENTERPRISE.test(verdict.canonical) || withOrgan);
    if (!opts.anchored || (ANCHORED.test(verdict.canonical) && !placeOnly) || firm) return { start: from, end, canonical: verdict.canonical };
  }
  return null;
}

/**
 * The key spellings of one unit share: the canonical name in the simplified script, with 市委宣传部 and
 * 市宣传部 (the committee's department with or without 委) made one, and no spaces.
 */
export function unitKey(name: string): string {
  const simplified = simplifiedName(name);
  const verdict = judgeName(simplified);
  const n = verdict.ok ? verdict.canonical : simplified.replace(/\s+/g, '');
  return n.replace(new RegExp(`^([${V.levels.join('')}])委(?=[\\u4e00-\\u9fff]{2,}$)`), '$1');
}

const PLACE_PREFIX = /^(?:[\u4e00-\u9fff]{0,6}?[省市县区州旗])+(?=[\u4e00-\u9fff]{2,})/;

/** The key without its place: 常州市统计局, 市统计局 → 统计局 (null when nothing specific would remain). */
function bareKey(key: string): string | null {
  const m = PLACE_PREFIX.exec(key);
  const bare = m ? key.slice(m[0].length) : key;
  return bare.length >= 3 && !GENERIC.has(bare) && endsWithSuffix(bare) ? bare : null;
}

/** The level of a key's place (常州市统计局 → 市, 县教育局 → 县), null when it names none. */
function placeLevel(key: string): string | null {
  return PLACE_PREFIX.exec(key)?.[0].slice(-1) ?? null;
}

/** 卫健委 stands for 卫生健康委员会: its characters in order, the first the same, the last within the ending. */
function abbreviates(short: string, full: string): boolean {
  if (short.length < 3 || short.length >= full.length || short[0] !== full[0]) return false;
  const suffix = endsWithSuffix(full) ?? full.slice(-1);
  if (!suffix.includes(short[short.length - 1]!)) return false;
  let j = 0;
  for (const ch of full) if (ch === short[j]) j++;
  return j === short.length;
}

export interface RegistryEntry {
  id: number;
  name: string;
  aliases: readonly string[];
}

export type MatchKind = 'name' | 'alias' | 'variant' | 'abbreviation';

export interface RegistryMatch {
  unitId: number;
  how: MatchKind;
}

/** A registry prepared for matching names against it. */
export class UnitRegistry {
  private readonly byKey = new Map<string, Array<{ id: number; how: MatchKind }>>();
  /** Units by their key without its place, with the level of their place (a bare alias takes its unit's). */
  private readonly byBare = new Map<string, Array<{ id: number; level: string | null }>>();
  private readonly keys: Array<{ id: number; key: string }> = [];
  /** Every spelling of every unit, as it may stand in a text, longest first. */
  readonly spellings: Array<{ id: number; text: string }> = [];

  constructor(readonly entries: readonly RegistryEntry[]) {
    for (const e of entries) {
      const entryLevel = placeLevel(unitKey(e.name));
      for (const [spelling, how] of [[e.name, 'name'], ...e.aliases.map((a) => [a, 'alias'])] as Array<[string, MatchKind]>) {
        const key = unitKey(spelling);
        const list = this.byKey.get(key) ?? [];
        if (!list.some((x) => x.id === e.id)) list.push({ id: e.id, how });
        this.byKey.set(key, list);
        this.keys.push({ id: e.id, key });
        const bare = bareKey(key);
        if (bare) this.byBare.set(bare, [...(this.byBare.get(bare) ?? []), { id: e.id, level: placeLevel(key) ?? entryLevel }]);
        for (const text of new Set([spelling, key])) if (text.length >= 3) this.spellings.push({ id: e.id, text });
      }
    }
    this.spellings.sort((a, b) => b.text.length - a.text.length);
  }

  get size(): number {
    return this.entries.length;
  }

  /** The registry's unit a name stands for, when exactly one fits. */
  match(name: string): RegistryMatch | null {
    const key = unitKey(name);
    const exact = this.byKey.get(key);
    if (exact?.length === 1) return { unitId: exact[0]!.id, how: exact[0]!.how };
    if (exact && exact.length > 1) return null;
    const bare = bareKey(key);
    // 常州市统计局 is 市统计局; 县教育局 is not 市教育局, whatever short name (教育局) the registry gave it.
    const level = placeLevel(key);
    const variants = new Set((bare ? this.byBare.get(bare) ?? [] : []).filter((v) => level === null || v.level === null || v.level === level).map((v) => v.id));
    if (variants.size === 1) return { unitId: [...variants][0]!, how: 'variant' };
    if (variants.size > 1) return null;
    const lead = LEVELS.has(key[0]!) ? key[0]! : '';
    const short = key.slice(lead.length);
    const abbreviated = new Set(this.keys.filter((k) => k.key.startsWith(lead) && abbreviates(short, k.key.slice(lead.length))).map((k) => k.id));
    return abbreviated.size === 1 ? { unitId: [...abbreviated][0]!, how: 'abbreviation' } : null;
  }
}

/** Character bigrams' overlap (Dice) of two keys: how alike two spellings are. */
function likeness(a: string, b: string): number {
  const grams = (s: string) => new Set(Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2)));
  const ga = grams(a);
  const gb = grams(b);
  if (ga.size === 0 || gb.size === 0) return 0;
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return (2 * shared) / (ga.size + gb.size);
}

export interface UnitCandidate {
  unitId: number;
  /** 0..1: how surely the mention names that unit, times how surely the place names the submitter. */
  score: number;
  /** The name the submission gives that points to the unit. */
  via: string;
  how: MatchKind | 'similar';
}

const MATCH_SCORE: Record<MatchKind, number> = { name: 1, alias: 1, variant: 0.9, abbreviation: 0.8 };

/** The units a submission's mentions may stand for, best first: matches, then spellings alike (for a person to choose). */
export function rankUnits(mentions: ReadonlyArray<{ name: string; key: string; weight: number }>, registry: UnitRegistry, limit = 5): UnitCandidate[] {
  const best = new Map<number, UnitCandidate>();
  const consider = (c: UnitCandidate) => {
    const had = best.get(c.unitId);
    if (!had || c.score > had.score) best.set(c.unitId, c);
  };
  for (const m of mentions) {
    const match = registry.match(m.name);
    if (match) consider({ unitId: match.unitId, score: m.weight * MATCH_SCORE[match.how], via: m.name, how: match.how });
    for (const e of registry.entries) {
      const alike = Math.max(...[e.name, ...e.aliases].map((s) => likeness(m.key, unitKey(s))));
      if (alike >= 0.5) consider({ unitId: e.id, score: m.weight * 0.7 * alike, via: m.name, how: 'similar' });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
}
