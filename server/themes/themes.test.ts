import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_SAMPLES_DIR } from '../../tests/shared-material.js';
import { assignThemes, codebookLexicon, codebookThemeDefs, DEFAULT_THEME_OPTIONS, type ThemeStatement } from './assign.js';
import { averageLinkage } from './cluster.js';
import { compileLexicon, isDiagnosticHeading, matchCues } from './lexicon.js';
import { clauses, headClause, normalizeStatement, statementParts, statementTerms } from './terms.js';
import { buildTfIdf } from './tfidf.js';
import { codebook, parseCodebook } from './vocab.js';

function counter(prefix = 'f'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

describe('reading a statement', () => {
  it('takes the diagnosis of an enumerated item as its head clause', () => {
    expect(headClause('一是理论武装还不够深入。对习近平新时代中国特色社会主义思想的学习入脑入心不够')).toBe('理论武装还不够深入');
    expect(headClause('（三）提高引导舆论的本领需要进一步增强。意识形态阵地……')).toBe('提高引导舆论的本领需要进一步增强');
    expect(headClause('问题二：宣传形式单一。基层普遍采用传单、海报')).toBe('宣传形式单一');
    expect(headClause('其次，学习内容与实际脱节，针对性不强。')).toBe('学习内容与实际脱节，针对性不强');
  });

  it('separates a lead-in naming the field from the diagnosis', () => {
    expect(statementParts('三是阵地管理方面，部分村级宣传栏内容陈旧，长期无人更新。')).toEqual({
      leadIn: '阵地管理方面',
      head: ['部分村级宣传栏内容陈旧', '长期无人更新'],
      body: [],
    });
    expect(statementParts('（一）队伍建设层面\n专职人员偏少。').leadIn).toBe('队伍建设层面');
  });

  it('reads traditional script, pinyin glosses and masked words as plain simplified text', () => {
    expect(normalizeStatement('宣傳陣地建設滯後')).toBe('宣传阵地建设滞后');
    expect(normalizeStatement('門戶網(wǎng)站長期未更新')).toBe('门户网站长期未更新');
    expect(normalizeStatement('部分干部网络yq处置能力不强')).toBe('部分干部网络舆情处置能力不强');
  });

  it('keeps 、-lists inside one clause', () => {
    expect(clauses('二是对舆情信息的发现、收集、处置、反馈等环节研究不够，还需完善制度。')).toEqual(['对舆情信息的发现、收集、处置、反馈等环节研究不够', '还需完善制度']);
  });

  it('drops stop words, numbers and placeholders from the terms', () => {
    const terms = statementTerms('一是我局意识形态工作方式创新不够，XX次学习中2次流于形式');
    expect(terms).toContain('创新');
    expect(terms).toContain('方式');
    for (const w of ['一是', '我局', '意识形态', '工作', '不够', 'XX', '2']) expect(terms).not.toContain(w);
  });
});

describe('the codebook', () => {
  it('is valid data with the themes a committee files problems under', () => {
    const ids = codebook.themes.map((t) => t.id);
    for (const id of [
      'theory-study',
      'attention',
      'publicity-reach',
      'publicity-targeting',
      'work-innovation',
      'online-opinion',
      'new-sectors',
      'grassroots',
      'team-talent',
      'position-influence',
      'culture-demand',
      'responsibility',
    ]) {
      expect(ids).toContain(id);
    }
    for (const t of codebook.themes) expect(t.definition.length).toBeGreaterThan(20);
    // Earlier themes are absorbed by standing ones, never listed beside them.
    expect(codebook.absorbed['risk-analysis']).toBe('online-opinion');
  });

  it('refuses an edit that lists an absorbed theme again or points nowhere', () => {
    const raw = JSON.parse(fs.readFileSync(new URL('../../shared/vocab/problem-themes.json', import.meta.url), 'utf8')) as typeof codebook;
    expect(() => parseCodebook(JSON.stringify({ ...raw, absorbed: { ...raw.absorbed, 'theory-study': 'attention' } }))).toThrow(/已并入/);
    expect(() => parseCodebook(JSON.stringify({ ...raw, absorbed: { old: 'nowhere' } }))).toThrow(/不存在/);
  });
});

describe('cues', () => {
  // Statements written for the test, one or more per theme, phrased unlike any statement of the development set.
  const written: Array<[string, string]> = [
    ['一是中心组学习计划性不强，专题研讨流于形式，学用脱节现象仍然存在。', 'theory-study'],
    ['二是少数科室负责人认为意识形态工作是软任务，重业务轻意识形态的思想仍未根除。', 'attention'],
    ['三是面对错误观点不敢亮剑，存在好人主义。', 'struggle'],
    ['四是一岗双责落实不到位，对下属单位的督促检查较少。', 'responsibility'],
    ['五是对外宣传力度不够，在省级以上媒体上稿数量偏少。', 'publicity-reach'],
    ['六是政策解读不接地气，群众听不懂、记不住。', 'publicity-targeting'],
    ['七是宣传教育仍沿用开会传达的老办法，手段单一。', 'work-innovation'],
    ['八是网络舆情发现处置不够及时，负面信息处置滞后。', 'online-opinion'],
    ['九是对辖区剧本杀门店和网络直播的内容监管存在盲区。', 'new-sectors'],
    ['十是村级意识形态工作开展不平衡，部分村活动经费保障不足。', 'grassroots'],
    ['十一是宣传干部多为兼职，业务能力不强。', 'team-talent'],
    ['十二是单位微信公众号更新不及时，关注量小。', 'position-influence'],
    ['十三是群众性文化活动偏少，文化供给不能满足群众精神文化需求。', 'culture-demand'],
  ];

  it.each(written)('%s → %s', (text, theme) => {
    expect(matchCues(text, codebookLexicon)?.theme).toBe(theme);
  });

  it('leaves statements without a cue to the other steps', () => {
    expect(matchCues('全年共组织开展专题学习12次，参学率达98%。', codebookLexicon)).toBeNull();
    expect(matchCues('经济下行压力加大，部分企业生产经营困难。', codebookLexicon)).toBeNull();
  });

  it('weighs the diagnosis over a theme mentioned in passing', () => {
    // The head is about attention; 舆情 comes later as an example.
    expect(matchCues('二是对意识形态工作的重视程度需要进一步提高，对舆情信息的发现、收集、处置、反馈等环节研究不够，还需要进一步完善制度。', codebookLexicon)?.theme).toBe(
      'attention',
    );
    // An example in the body, however long, does not outvote the diagnosis.
    expect(
      matchCues('三是政治敏锐性不强。如在一起网络舆情中，对舆情走势预判不足，舆论引导滞后，负面信息扩散，舆情处置被动。', codebookLexicon)?.theme,
    ).toBe('attention');
  });

  it('takes the theme a counter-cue points to: study methods are theory study, not working methods', () => {
    expect(matchCues('学习形式单一，多以读文件为主。', codebookLexicon)?.theme).toBe('theory-study');
    expect(matchCues('工作形式单一，多以读文件为主。', codebookLexicon)?.theme).toBe('work-innovation');
  });

  it('reads a diagnostic sub-heading when the statement itself names no theme, and ignores a section title', () => {
    expect(matchCues('一是记录不规范、内容混淆。', codebookLexicon, '工作压力传导不够')?.theme).toBe('responsibility');
    expect(matchCues('一是记录不规范、内容混淆。', codebookLexicon, '存在的主要问题')).toBeNull();
    expect(isDiagnosticHeading('阵地管理存在薄弱环节', codebookLexicon)).toBe(true);
    expect(isDiagnosticHeading('当前存在的问题和不足', codebookLexicon)).toBe(false);
  });

  it('reads the lead-in when the diagnosis names no theme', () => {
    expect(matchCues('理论学习方面，存在浮于表面的现象。', codebookLexicon)?.theme).toBe('theory-study');
  });

  it('credits a reviewer’s cue, and the cues of a merged theme, to the theme that holds them', () => {
    const lex = compileLexicon(codebook, { cues: [{ theme: 'f7', cue: '垃圾分类' }], mergedInto: new Map([['f7', 'f2']]) });
    expect(matchCues('垃圾分类知识普及率低', lex)?.theme).toBe('f2');
  });
});

describe('the seeds’ problem sections', () => {
  // Cut by hand from seed/samples: [file, the item's opening words, the theme a committee member gives it].
  const items: Array<[string, string, string]> = [
    ['000', '意识形态工作开展存在难度，创新不够', 'work-innovation'],
    ['000', '满足教职工文化需求的工作有待加强', 'culture-demand'],
    ['000', '提高引导舆论的本领需要进一步增强', 'online-opinion'],
    ['001', '一是理论武装还不够深入', 'theory-study'],
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
    expect(matchCues(cut(file, opening), codebookLexicon)?.theme).toBe(theme);
  });

  it('assigns them all and discovers nothing from so few', () => {
    const statements = items.map(([file, opening]) => ({ text: cut(file, opening), report: Number(file), themeId: null }));
    const r = assignThemes(statements, codebookThemeDefs(), counter());
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
    const statements: ThemeStatement[] = [...budget, ...ecology].map((text, i) => ({ text, report: i, themeId: null }));
    const r = assignThemes(statements, codebookThemeDefs(), counter());
    expect(r.discovered.map((t) => t.id)).toEqual(['f1', 'f2']);
    expect(r.discovered[0]!.terms).toContain('收支');
    expect(budget.some((b) => b.startsWith(r.discovered[0]!.label))).toBe(true);
    expect(r.assignments).toEqual(['f1', 'f1', 'f1', 'f1', 'f2', 'f2', 'f2']);
  });

  it('does not make a theme of one report repeating itself', () => {
    const statements = budget.map((text) => ({ text, report: 1, themeId: null }));
    expect(assignThemes(statements, codebookThemeDefs(), counter()).discovered).toEqual([]);
  });
});

describe('assigning again', () => {
  const first: ThemeStatement[] = [
    { text: '财政收支矛盾突出，地方财政收入增长乏力', report: 1, themeId: null },
    { text: '财政收支矛盾加剧，财政收入增长放缓', report: 2, themeId: null },
    { text: '地方财政收支矛盾突出，收入增长乏力', report: 3, themeId: null },
  ];

  it('keeps found themes by their earlier members, files newcomers there before discovering more', () => {
    const themes = codebookThemeDefs();
    const next = counter();
    const r1 = assignThemes(first, themes, next);
    expect(r1.discovered).toHaveLength(1);
    const found = r1.discovered[0]!;
    const stored = first.map((s, i) => ({ ...s, themeId: r1.assignments[i]! }));
    const added: ThemeStatement[] = [
      { text: '财政收支矛盾仍然突出，刚性支出增长较快', report: 4, themeId: null },
      { text: '一是理论学习不够深入，学用脱节', report: 4, themeId: null },
      { text: '生态环境保护任务艰巨，大气污染治理压力较大', report: 5, themeId: null },
      { text: '大气污染防治形势严峻，生态环境质量有待改善', report: 6, themeId: null },
      { text: '生态环境治理任务繁重，污染防治攻坚压力大', report: 7, themeId: null },
    ];
    const r2 = assignThemes([...stored, ...added], [...themes, found], next);
    expect(r2.assignments.slice(0, 4)).toEqual([found.id, found.id, found.id, found.id]);
    expect(r2.assignments[4]).toBe('theory-study');
    expect(r2.discovered.map((t) => t.id)).toEqual(['f2']);
    expect(r2.assignments.slice(5)).toEqual(['f2', 'f2', 'f2']);
  });

  it('revises a statement whose earlier theme no cue supports any more, but never a pinned one', () => {
    const statements: ThemeStatement[] = [
      { text: '一是理论学习不够深入，学用脱节', report: 1, themeId: 'attention' },
      { text: '二是理论学习不够深入，以会代学', report: 2, themeId: 'attention', pinned: true },
      { text: '三是宣传干部多为兼职', report: 3, themeId: null, pinned: true },
    ];
    expect(assignThemes(statements, codebookThemeDefs(), counter()).assignments).toEqual(['theory-study', 'attention', null]);
  });

  it('assigns against stored themes only when discovery is off', () => {
    const r = assignThemes(first, codebookThemeDefs(), () => 'never', { ...DEFAULT_THEME_OPTIONS, discover: false });
    expect(r.discovered).toEqual([]);
    expect(r.assignments).toEqual([null, null, null]);
  });
});

describe('labels of discovered themes', () => {
  it('drop a leading filler but keep words that only look like one (对外开放)', () => {
    const statements: ThemeStatement[] = ['主要是，对外开放水平不高，利用外资规模偏小', '对外开放水平不高，外贸依存度偏低', '对外开放水平还不高，开放型经济规模偏小'].map(
      (text, i) => ({ text, report: i, themeId: null }),
    );
    const r = assignThemes(statements, codebookThemeDefs(), counter());
    expect(r.discovered).toHaveLength(1);
    expect(r.discovered[0]!.label.startsWith('对外开放水平')).toBe(true);
  });
});
