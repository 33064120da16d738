// Unit names: a real name from a placeholder or a kind of body, the key spellings of one unit share, and a
// registry's unit for the names submissions use.
import { describe, expect, it } from 'vitest';
import { judgeName, readName, UnitRegistry, unitKey } from './units.js';

const atEnd = (text: string) => (end: number) => end === text.length;

describe('judgeName', () => {
  it('takes real names, without 中共, a placeholder place or the party body', () => {
    expect(judgeName('市委老干部局')).toEqual({ ok: true, canonical: '市委老干部局' });
    expect(judgeName('中共市统计局党组')).toEqual({ ok: true, canonical: '市统计局' });
    expect(judgeName('XX市卫生健康委员会')).toEqual({ ok: true, canonical: '市卫生健康委员会' });
    expect(judgeName('××县教育局')).toEqual({ ok: true, canonical: '县教育局' });
    // 县区宣传部 is every county's or district's; 县市场监管局 one county's.
    expect(judgeName('县区宣传部')).toMatchObject({ ok: false });
    expect(judgeName('市县教育局')).toMatchObject({ ok: false });
    expect(judgeName('县市场监督管理局')).toEqual({ ok: true, canonical: '县市场监督管理局' });
    expect(judgeName('市市场监管局')).toEqual({ ok: true, canonical: '市市场监管局' });
    expect(judgeName('常州市武进区政平小学党支部')).toEqual({ ok: true, canonical: '常州市武进区政平小学' });
    // 中共…委员会 is a body's party committee (the body), a place's committee when a place precedes it.
    expect(judgeName('中共安徽工业大学管理科学与工程学院委员会')).toEqual({ ok: true, canonical: '安徽工业大学管理科学与工程学院' });
    expect(judgeName('中共洪泽区委员会')).toEqual({ ok: true, canonical: '洪泽区委员会' });
    for (const name of ['云南省', '市总工会', '市妇联', '团市委', '临潼区委', '市文化和旅游局', '县机关党工委']) expect(judgeName(name).ok, name).toBe(true);
  });

  it('refuses placeholders, kinds of body, pronouns and words that only end like a unit', () => {
    for (const [name, reason] of [
      ['XX局', 'placeholder'],
      ['市XX局', 'placeholder'],
      ['某局', 'placeholder'],
      ['XX县委', 'placeholder'],
      ['局党组', 'generic'],
      ['县委', 'generic'],
      ['市政府', 'generic'],
      ['街道街道', 'generic'],
      ['我局', 'pronoun'],
      ['全县', 'pronoun'],
      ['领导干部', 'not-unit'],
      ['意识形态工作领导小组', 'not-unit'],
      ['紧紧围绕全镇中心', 'not-unit'],
    ] as const) {
      expect(judgeName(name), name).toEqual({ ok: false, reason });
    }
  });
});

describe('readName', () => {
  it('reads the longest name the text lets end there', () => {
    const text = '市委老干部局认真贯彻落实省委部署';
    expect(readName(text, 0, (e) => text.startsWith('认真', e))).toMatchObject({ start: 0, end: 6, canonical: '市委老干部局' });
    const line = '中共市统计局党组';
    expect(readName(line, 0, atEnd(line))).toMatchObject({ start: 0, end: 8, canonical: '市统计局' });
  });

  it('in running text wants a name that starts with its level or place and is more than a place', () => {
    const text = '企业上市';
    expect(readName(text, 0, atEnd(text))?.canonical).toBe('企业上市');
    expect(readName(text, 0, atEnd(text), { anchored: true })).toBeNull();
    const office = '图书分馆';
    expect(readName(office, 0, atEnd(office), { anchored: true })).toBeNull();
  });
});

describe('unitKey', () => {
  it('makes spellings of one unit one', () => {
    expect(unitKey('中共市统计局党组')).toBe(unitKey('市统计局'));
    expect(unitKey('区委宣传部')).toBe(unitKey('区宣传部'));
    expect(unitKey('馬灣鎮')).toBe(unitKey('马湾镇'));
  });
  it('reads a traditional name with none of the frequent traditional characters, or one it does not accept', () => {
    expect(unitKey('交通運輸局')).toBe(unitKey('交通运输局'));
    expect(unitKey('公交集團')).toBe(unitKey('公交集团'));
    expect(unitKey('政協機關')).toBe(unitKey('政协机关'));
  });
});

describe('UnitRegistry', () => {
  const registry = new UnitRegistry([
    { id: 1, name: '市卫生健康委员会', aliases: ['市卫生局'] },
    { id: 2, name: '市统计局', aliases: [] },
    { id: 3, name: '市人力资源和社会保障局', aliases: [] },
    { id: 4, name: '县统计局', aliases: [] },
  ]);

  it('matches names, aliases, variants and abbreviations', () => {
    expect(registry.match('市卫生健康委员会')).toEqual({ unitId: 1, how: 'name' });
    expect(registry.match('市卫生局')).toEqual({ unitId: 1, how: 'alias' });
    expect(registry.match('市卫健委')).toEqual({ unitId: 1, how: 'abbreviation' });
    expect(registry.match('中共市统计局党组')).toEqual({ unitId: 2, how: 'name' });
    expect(registry.match('XX市统计局')).toEqual({ unitId: 2, how: 'name' });
    expect(registry.match('市人社局')).toEqual({ unitId: 3, how: 'abbreviation' });
  });

  it('matches nothing rather than guess between two units', () => {
    // 统计局 without its level could be 市统计局 or 县统计局.
    expect(registry.match('统计局')).toBeNull();
    expect(registry.match('市档案馆')).toBeNull();
  });

  it('keeps a place of another level apart, whatever short name the registry gave its unit', () => {
    // A registry giving 市教育局 the short name 教育局 made 县教育局 the city's bureau (a fresh-eyes trial).
    const short = new UnitRegistry([{ id: 1, name: '市教育局', aliases: ['教育局'] }]);
    expect(short.match('县教育局')).toBeNull();
    expect(short.match('XX区教育局')).toBeNull();
    expect(short.match('常州市教育局')).toEqual({ unitId: 1, how: 'variant' });
    expect(short.match('教育局')).toEqual({ unitId: 1, how: 'alias' });
  });
});
