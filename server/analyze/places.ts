// Place names in a report compared with its submitter's: a report that names another city than its unit's,
// or names a real city while its own name is still a placeholder (XX局), was likely written from someone
// else's material.
import type { Flag } from '../../shared/types.js';
import { alternation, vocab } from './vocab.js';

interface Place {
  name: string;
  province: string;
  isProvince: boolean;
}

const PLACES = new Map<string, Place>();
for (const p of vocab.places.provinces) {
  PLACES.set(p.name, { name: p.name, province: p.name, isProvince: true });
  for (const c of p.cities) if (!PLACES.has(c)) PLACES.set(c, { name: c, province: p.name, isProvince: false });
}
const REQUIRE_SUFFIX = new Set(vocab.places.requireSuffix);
// The leading class lets the scan skip most positions without trying 350 alternatives.
const FIRST_CHARS = [...new Set([...PLACES.keys()].map((k) => k[0]!))].join('');
const PLACE_RE = new RegExp(`(?=[${FIRST_CHARS}])(?<name>${alternation([...PLACES.keys()])})(?<suffix>省|市|自治区|地区|自治州|州|盟)?`, 'g');
const EXCLUSION = new RegExp(alternation(vocab.places.contextExclusions));
const SELF_NAME = new RegExp(vocab.placeholders.selfName, 'u');
const ADDRESS = new RegExp(vocab.places.address, 'gu');

interface Mention {
  place: Place;
  start: number;
  end: number;
}

function mentions(text: string): Mention[] {
  const out: Mention[] = [];
  PLACE_RE.lastIndex = 0;
  for (let m = PLACE_RE.exec(text); m; m = PLACE_RE.exec(text)) {
    const name = m.groups!.name!;
    const suffix = m.groups!.suffix;
    if (REQUIRE_SUFFIX.has(name) && (suffix === undefined || suffix === '省' || suffix === '盟')) continue;
    out.push({ place: PLACES.get(name)!, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function clauseAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !/[，。；！？\n]/.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && !/[，。；！？\n]/.test(text[e]!)) e++;
  return text.slice(s, e);
}

export function foreignNameFlags(text: string, unit: string | null): Flag[] {
  const own = unit ? mentions(unit).map((m) => m.place) : [];
  const ownCities = new Set(own.filter((p) => !p.isProvince).map((p) => p.name));
  const ownProvinces = new Set(own.map((p) => p.province));
  const templated = own.length === 0 && SELF_NAME.test(text);
  if (own.length === 0 && !templated) return [];
  const cityLevel = ownCities.size > 0;
  // A province's report names other provinces and cities as a matter of course (对口支援, 区域合作).
  if (!templated && !cityLevel) return [];

  const flags: Flag[] = [];
  const seen = new Set<string>();
  for (const m of mentions(text)) {
    const p = m.place;
    if (seen.has(p.name)) continue;
    if (!templated) {
      if (ownCities.has(p.name) || (p.isProvince && ownProvinces.has(p.name))) continue;
      if (p.isProvince) continue;
    }
    if (EXCLUSION.test(clauseAround(text, m.start, m.end))) continue;
    seen.add(p.name);
    const name = text.slice(m.start, m.end);
    flags.push({
      kind: 'foreign_name',
      message: templated
        ? `本单位名称仍是占位符，文中却出现真实地名“${name}”，疑为套用他人材料`
        : `报告单位为“${unit}”，文中却出现“${name}”，疑为套用其他单位材料`,
      start: m.start,
      end: m.end,
    });
  }
  if (templated) {
    ADDRESS.lastIndex = 0;
    for (let m = ADDRESS.exec(text); m; m = ADDRESS.exec(text)) {
      if (flags.some((f) => f.start !== null && f.start < m!.index + m![0].length && m!.index < (f.end ?? 0))) continue;
      flags.push({ kind: 'foreign_name', message: `本单位名称仍是占位符，文中却出现具体地址“${m[0]}”，疑为套用他人材料`, start: m.index, end: m.index + m[0].length });
    }
  }
  return flags;
}
