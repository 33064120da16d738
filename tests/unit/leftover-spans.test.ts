// Ingest hands the analysis's leftover spans to the registry's reading (withRegistryMentions) instead of
// finding them again: the spans read back from the analysis's flags must be the ones findLeftovers gives,
// on the real excerpts where site leftovers abound, or a registry name inside a page's furniture would count.
import { describe, expect, it } from 'vitest';
import { analyzeReport } from '../../server/analyze/index.js';
import { leftoverSpansOf } from '../../server/analyze/leftovers.js';
import { leftoverSpans, registryMentions } from '../../server/analyze/meta.js';
import { UnitRegistry } from '../../server/analyze/units.js';
import { loadExcerpts, realpagesAvailable } from '../gold/realpages.js';
import { freshExcerptCases, realExcerptCases } from '../gold/meta-gold.js';

describe.runIf(realpagesAvailable())('leftover spans handed from the analysis to the registry', () => {
  it('are those findLeftovers gives, and the registry reads the same mentions with them', () => {
    const excerpts = [...loadExcerpts().values()];
    const names = [...realExcerptCases(), ...freshExcerptCases(), ...freshExcerptCases('unseen')].flatMap((c) => (c.unit ? [c.unit] : []));
    const registry = new UnitRegistry([...new Set(names)].map((name, id) => ({ id, name, aliases: [] })));
    let withLeftovers = 0;
    let mentioned = 0;
    for (const { id, text } of excerpts) {
      const handed = leftoverSpansOf(analyzeReport(text).flags);
      const found = leftoverSpans(text);
      expect(handed.map((s) => `${s.start}-${s.end}`).sort(), id).toEqual(found.map((s) => `${s.start}-${s.end}`).sort());
      const mentions = registryMentions(text, registry, handed);
      expect(mentions, id).toEqual(registryMentions(text, registry));
      if (found.length > 0) withLeftovers++;
      if (mentions.length > 0) mentioned++;
    }
    console.log(`${excerpts.length} excerpts, ${withLeftovers} with site leftovers, ${mentioned} naming a registry unit`);
    expect(withLeftovers).toBeGreaterThan(50);
    expect(mentioned).toBeGreaterThan(20);
  });
});
