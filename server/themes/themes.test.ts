import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_SAMPLES_DIR } from '../../tests/shared-material.js';
import { assignThemes, DEFAULT_THEME_OPTIONS, seedLexicon, seedThemeDefs, type ThemeStatement } from './assign.js';
import { averageLinkage } from './cluster.js';
import { matchCues } from './lexicon.js';
import { clauses, headClause, statementTerms } from './terms.js';
import { buildTfIdf } from './tfidf.js';
import { seedThemes } from './vocab.js';

function counter(prefix = 'f'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

describe('statement terms', () => {
  it('takes the diagnosis of an enumerated item as its head clause', () => {
    expect(headClause('一是理论武装还不够深入。对习近平新时代中国特色社会主义思想的学习入脑入心不够')).toBe('理论武装还不够深入');
    expect(headClause('（三）提高引导舆论的本领需要进一步增强。意识形态阵地……')).toBe('提高引导舆论的本领需要进一步增强');
    expect(headClause('三是公众平台作为意识形态主要阵地，但关注量基数小，影响力不足，需要在如何建设好意识形态阵地上下功夫')).toBe(
      '公众平台作为意识形态主要阵地',
    );
  });

  it('keeps 、-lists inside one clause', () => {
    expect(clauses('二是对舆情信息的发现、收集、处置、反馈等环节研究不够，还需完善制度。')).toEqual([
      '对舆情信息的发现、收集、处置、反馈等环节研究不够',
      '还需完善制度',
    ]);
  });

  it('drops stop words, numbers and placeholders', () => {
    const terms = statementTerms('一是我局意识形态工作方式创新不够，XX次学习中2次流于形式');
    expect(terms).toContain('创新');
    expect(terms).toContain('方式');
    for (const w of ['一是', '我局', '意识形态', '工作', '不够', 'XX', '2']) expect(terms).not.toContain(w);
  });
});

describe('seed lexicon', () => {
  it('is valid data with distinct ids and at least the themes the committee named', () => {
    const labels = seedThemes.themes.map((t) => t.label);
    for (const l of ['理论学习不深入', '工作方式创新不足', '阵地建设与影响力弱', '网络舆情应对能力不足', '队伍建设与人才短缺', '责任落实与压力传导不够', '重视程度不够']) {
      expect(labels).toContain(l);
    }
  });

  // Statements written for the test, one or more per theme, phrased unlike the seeds.
  const written: Array<[string, string]> = [
    ['一是政治理论学习不够深入系统，存在以会代学、学用脱节的现象。', 'theory-study'],
    ['部分党员学习主动性不强，满足于读文件、念报纸，学习碎片化。', 'theory-study'],
    ['二是宣传教育方式方法单一，仍以开会传达为主，吸引力不强。', 'work-innovation'],
    ['三是门户网站和微信公众号关注量不高，阵地影响力有待提升。', 'position-influence'],
    ['四是面对网络舆情，研判处置不够及时，舆论引导存在滞后现象。', 'online-opinion'],
    ['五是宣传思想工作队伍力量薄弱，多为兼职人员，专业人才缺乏。', 'team-talent'],
    ['六是意识形态工作责任制落实存在上热中温下冷，压力传导层层递减。', 'responsibility'],
    ['七是个别干部对意识形态工作重视程度不够，认为是软任务，重业务轻意识形态。', 'attention'],
    ['八是敢于斗争、敢于亮剑的精神不足，对错误思潮批驳不够有力。', 'struggle'],
    ['九是对苗头性、倾向性问题分析研判不够深入，风险防范意识不强。', 'risk-analysis'],
    ['十是相关工作制度不健全，长效机制尚未建立。', 'institution'],
  ];

  it.each(written)('%s → %s', (text, theme) => {
    expect(matchCues(text, seedLexicon)?.theme).toBe(theme);
  });

  it('leaves statements without a cue to the other steps', () => {
    expect(matchCues('全年共组织开展专题学习12次，参学率达98%。', seedLexicon)).toBeNull();
    expect(matchCues('经济下行压力加大，部分企业生产经营困难。', seedLexicon)).toBeNull();
  });

  it('weighs the head clause over a theme mentioned in passing', () => {
    // 004: the head is about attention; 舆情 comes later as an example.
    expect(matchCues('二是对意识形态工作的重视程度需要进一步提高，对舆情信息的发现、收集、处置、反馈等环节研究不够，还需要进一步完善制度。', seedLexicon)?.theme).toBe(
      'attention',
    );
  });
});

describe('the seeds’ problem sections', () => {
  // Cut by hand from seed/samples: [file, the item's opening words, the theme a committee member gives it].
  const items: Array<[string, string, string]> = [
    ['000', '意识形态工作开展存在难度，创新不够', 'work-innovation'],
    ['000', '满足教职工文化需求的工作有待加强', 'culture-demand'],
    ['000', '提高引导舆论的本领需要进一步增强', 'online-opinion'],
    ['001', '一是理论武装还不够深入', 'theory-study'],
    ['001', '二是对意识形态工作的特点规律把握不够准确', 'theory-study'],
    ['001', '三是意识形态领域斗争意识还不够强', 'struggle'],
    ['003', '一是意识形态工作合力尚待增强', 'responsibility'],
    ['003', '二是意识形态工作方式创新不够', 'work-innovation'],
    ['003', '三是党员干部政治理论学习的自觉性', 'theory-study'],
    ['004', '一是对于意识形态工作的创新思路', 'work-innovation'],
    ['004', '二是对意识形态工作的重视程度', 'attention'],
    ['004', '三是公众平台作为意识形态主要阵地', 'position-influence'],
  ];
  const texts = Object.fromEntries(
    fs
      .readdirSync(SEED_SAMPLES_DIR)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => [f.slice(0, 3), fs.readFileSync(path.join(SEED_SAMPLES_DIR, f), 'utf8')]),
  );
  /** The item from its opening words to the next 一是/二是… or the end of its line. */
  function cut(file: string, opening: string): string {
    const text = texts[file]!;
    const start = text.indexOf(opening);
    if (start < 0) throw new Error(`${file}: ${opening} not found`);
    const rest = text.slice(start + opening.length);
    const end = rest.search(/[一二三四五六七八九十]是|\n/u);
    return opening + (end < 0 ? rest : rest.slice(0, end));
  }

  it.each(items)('%s %s → %s', (file, opening, theme) => {
    expect(matchCues(cut(file, opening), seedLexicon)?.theme).toBe(theme);
  });

  it('assigns them all and discovers nothing from so few', () => {
    const statements = items.map(([file, opening]) => ({ text: cut(file, opening), report: Number(file), themeId: null }));
    const r = assignThemes(statements, seedThemeDefs(), counter());
    expect(r.assignments).toEqual(items.map(([, , theme]) => theme));
    expect(r.discovered).toEqual([]);
  });
});

describe('clustering', () => {
  const budget = [
    '财政收支矛盾突出，地方财政收入增长乏力',
    '财政收入增长放缓，收支矛盾进一步加剧',
    '地方财政收支矛盾突出，收支平衡压力加大',
    '财政收支矛盾较为突出，保工资保运转压力大',
  ];
  const ecology = [
    '生态环境保护任务艰巨，大气污染治理压力较大',
    '大气污染防治形势严峻，生态环境质量有待改善',
    '生态环境治理任务繁重，污染防治攻坚压力大',
  ];
  const noise = ['城乡居民收入水平偏低', '科技创新能力不强，高端人才外流'];

  it('groups statements by shared terms and leaves the rest single', () => {
    const model = buildTfIdf([...budget, ...ecology, ...noise].map(statementTerms));
    const clusters = averageLinkage(model.vectors, model.vocab.length, { threshold: 0.2, neighbours: 10 });
    const sets = clusters.filter((c) => c.length > 1).map((c) => [...c].sort((a, b) => a - b));
    expect(sets).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('makes new themes of clusters spread over reports, with labels the units wrote', () => {
    const statements: ThemeStatement[] = [...budget, ...ecology, ...noise].map((text, i) => ({ text, report: i, themeId: null }));
    const r = assignThemes(statements, seedThemeDefs(), counter());
    expect(r.discovered.map((t) => t.id)).toEqual(['f1', 'f2']);
    expect(r.discovered[0]!.terms).toContain('收支');
    expect(budget.some((b) => b.startsWith(r.discovered[0]!.label))).toBe(true);
    expect(r.assignments.slice(0, 4)).toEqual(['f1', 'f1', 'f1', 'f1']);
    expect(r.assignments.slice(4, 7)).toEqual(['f2', 'f2', 'f2']);
    expect(r.assignments.slice(7)).toEqual([null, null]);
  });

  it('does not make a theme of one report repeating itself', () => {
    const statements = budget.map((text) => ({ text, report: 1, themeId: null }));
    expect(assignThemes(statements, seedThemeDefs(), counter()).discovered).toEqual([]);
  });
});

describe('stability', () => {
  const first: ThemeStatement[] = [
    { text: '财政收支矛盾突出，地方财政收入增长乏力', report: 1, themeId: null },
    { text: '财政收支矛盾加剧，财政收入增长放缓', report: 2, themeId: null },
    { text: '地方财政收支矛盾突出，收入增长乏力', report: 3, themeId: null },
  ];

  it('keeps assigned statements and ids, assigns newcomers to existing themes before discovering', () => {
    const themes = seedThemeDefs();
    const next = counter();
    const r1 = assignThemes(first, themes, next);
    expect(r1.discovered).toHaveLength(1);
    const found = r1.discovered[0]!;
    const stored = first.map((s, i) => ({ ...s, themeId: r1.assignments[i]! }));
    const added: ThemeStatement[] = [
      { text: '财政收支矛盾仍然突出，刚性支出增长较快', report: 4, themeId: null },
      { text: '一是理论学习不够深入，学用脱节', report: 4, themeId: null },
      { text: '乡村振兴产业基础薄弱，农村集体经济发展滞后', report: 5, themeId: null },
      { text: '农村集体经济薄弱，乡村产业发展滞后', report: 6, themeId: null },
      { text: '乡村产业基础薄弱，集体经济收入偏低', report: 7, themeId: null },
    ];
    const r2 = assignThemes([...stored, ...added], [...themes, found], next);
    expect(r2.assignments.slice(0, 3)).toEqual([found.id, found.id, found.id]);
    expect(r2.assignments[3]).toBe(found.id);
    expect(r2.assignments[4]).toBe('theory-study');
    expect(r2.discovered.map((t) => t.id)).toEqual(['f2']);
    expect(r2.assignments.slice(5)).toEqual(['f2', 'f2', 'f2']);
  });

  it('assigns against stored themes only when discovery is off', () => {
    const r = assignThemes(first, seedThemeDefs(), () => 'never', { ...DEFAULT_THEME_OPTIONS, discover: false });
    expect(r.discovered).toEqual([]);
    expect(r.assignments).toEqual([null, null, null]);
  });
});

describe('labels of discovered themes', () => {
  it('drop a leading filler but keep words that only look like one (对外开放)', () => {
    const statements: ThemeStatement[] = [
      '主要是，对外开放水平不高，利用外资规模偏小',
      '对外开放水平不高，外贸依存度偏低',
      '对外开放水平还不高，开放型经济规模偏小',
    ].map((text, i) => ({ text, report: i, themeId: null }));
    const r = assignThemes(statements, seedThemeDefs(), counter());
    expect(r.discovered).toHaveLength(1);
    expect(r.discovered[0]!.label.startsWith('对外开放水平')).toBe(true);
  });
});
