// The grouping against a reviewer's: the development set of real problem statements (../shared/corpus/dev,
// hand-grouped in tests/gold/themes/dev.json), scored by adjusted Rand index and by the share assigned,
// on the part the rules were tuned on and on the held-out part nobody tuned on.
import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, loadThemeDevSet, scoreGrouping } from '../../tests/gold/themes/score.js';
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

  it.each(['dev', 'heldout'] as const)('groups the %s part as a reviewer does (ARI ≥ 0.7) and assigns at least 85 per cent', (part) => {
    const score = scoreGrouping(set!, grouped(), (s) => s.split === part);
    console.log(`[themes] ${part}: ${score.statements} statements, ARI ${score.ari.toFixed(3)}, assigned ${(100 * score.coverage).toFixed(1)}%`);
    expect(score.statements).toBeGreaterThan(50);
    expect(score.ari).toBeGreaterThanOrEqual(0.7);
    expect(score.coverage).toBeGreaterThanOrEqual(0.85);
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
