// The grouping against a reviewer's: the development set of real problem statements (cut from the seeds and
// the realpages excerpts in ../shared by the offsets in tests/gold/themes/dev.json, hand-grouped there),
// scored by adjusted Rand index and by the share assigned, on the part the rules were tuned on and on the
// held-out part nobody tuned on.
import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, cutStatements, type DevAnnotation, loadThemeDevSet, scoreGrouping, splitOfSource } from '../../tests/gold/themes/score.js';
import { assignThemes, codebookThemeDefs } from './assign.js';

const set = loadThemeDevSet();

// The collector runs even when skipped: nothing here may touch the set before a test runs.
describe.skipIf(!set)('theme development set', () => {
  const grouped = () => {
    const sources = [...new Set(set!.map((s) => s.source))];
    let n = 0;
    return assignThemes(
      set!.map((s) => ({ text: s.text, heading: s.heading, report: sources.indexOf(s.source), themeId: null })),
      codebookThemeDefs(),
      () => `f${++n}`,
    ).assignments;
  };

  // The material holds few problem statements (34: 27 dev, 7 held out); a part shrinking means lost gold. A
  // statement no theme fits counts as unassigned, so 85 per cent is near the ceiling (24 of 27, 6 of 7).
  it.each([
    ['dev', 27],
    ['heldout', 7],
  ] as const)('groups the %s part as a reviewer does (ARI ≥ 0.7) and assigns at least 85 per cent', (part, least) => {
    const score = scoreGrouping(set!, grouped(), (s) => s.split === part);
    console.log(`[themes] ${part}: ${score.statements} statements, ARI ${score.ari.toFixed(3)}, assigned ${(100 * score.coverage).toFixed(1)}%`);
    expect(score.statements).toBeGreaterThanOrEqual(least);
    expect(score.ari).toBeGreaterThanOrEqual(0.7);
    expect(score.coverage).toBeGreaterThanOrEqual(0.85);
  });
});

describe('the development set as offsets into its sources', () => {
  const text = '二、存在的问题\n一是理论学习不够深入。二是阵地管理不严。';
  const source = 'rp999';
  const at = (phrase: string): DevAnnotation => {
    const start = text.indexOf(phrase);
    return { id: 'ts1', source, start, end: start + phrase.length, key: phrase.slice(0, 4), heading: null, split: splitOfSource(source), gold: 'theory-study' };
  };

  it('cuts each statement, and its sub-heading, from the source text', () => {
    const heading = { start: 2, end: 7, key: '存在的问题' };
    const [s] = cutStatements([{ ...at('理论学习不够深入。'), heading }], () => text);
    expect(s).toMatchObject({ text: '理论学习不够深入。', heading: '存在的问题', gold: 'theory-study' });
  });

  it('fails loudly when the source changed under the offsets, is missing, or a statement left its source’s split', () => {
    const a = at('理论学习不够深入。');
    expect(() => cutStatements([a], () => text.replace('一是', '一是、'))).toThrow(/不在原文/);
    expect(() => cutStatements([{ ...a, heading: { start: 0, end: 4, key: '存在的问题' } }], () => text)).toThrow(/小标题/);
    expect(() => cutStatements([a], () => undefined)).toThrow(/找不到原文/);
    expect(() => cutStatements([{ ...a, split: a.split === 'dev' ? 'heldout' : 'dev' }], () => text)).toThrow(/划分/);
  });

  it('holds out the sources whose SHA-1 is 0 mod 3', () => {
    // sha1('rp153') = 7b257382…, 0 mod 3; sha1('rp151') = 3f31883b…, 1 mod 3.
    expect(splitOfSource('rp153')).toBe('heldout');
    expect(splitOfSource('rp151')).toBe('dev');
  });
});

describe('adjusted Rand index', () => {
  it('is 1 for the same grouping under other names, and chance-corrected otherwise', () => {
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], ['x', 'x', 'y', 'y'])).toBe(1);
    // The textbook case (scikit-learn's documentation): 0.2424…
    expect(adjustedRandIndex(['0', '0', '0', '1', '1', '1'], ['0', '0', '1', '1', '2', '2'])).toBeCloseTo(0.242424, 5);
  });

  it('counts an unassigned statement as a group of its own, so leaving statements out is not free', () => {
    const gold = ['a', 'a', 'a', 'b', 'b', 'b'];
    expect(adjustedRandIndex(['a', 'a', null, 'b', 'b', null], gold)).toBeLessThan(1);
    expect(adjustedRandIndex([null, null, null, null, null, null], gold)).toBe(0);
  });
});
