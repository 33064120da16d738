// A submission's unit, year and period, decided in the contract's order — the run's options, the manifest,
// the registry (names matched in the file name and the text), the file name, the text — each with where it
// came from and the rule and span that named it. A report whose unit or year stays unknown is pending.
import { mergeMeta } from '../../shared/meta.js';
import type { MetaEvidence, MetaFinding, MetaRule, MetaSource, ReportMeta, Span, UnitMention } from '../../shared/types.js';
import { chooseUnit, registryMentions } from '../analyze/meta.js';
import { unitKey } from '../analyze/units.js';
import type { UnitDirectory, UnitRow } from './units.js';

export interface Given {
  /** Set for the whole run or confirmed by the user (yanpan ingest --unit …, the upload page). */
  options?: Partial<ReportMeta>;
  manifest?: Partial<ReportMeta>;
}

export interface Provenance {
  source: MetaSource | null;
  rule: MetaRule | null;
  span: Span | null;
}

export interface Resolution {
  meta: ReportMeta;
  /** The stored unit the name found (registry or named before); null with meta.unit set: a unit new to the store. */
  unit: UnitRow | null;
  /** Unit or year unknown. */
  pending: boolean;
  provenance: Record<'unit' | 'year' | 'period', Provenance>;
}

const NONE: Provenance = { source: null, rule: null, span: null };

function sourceOf(rule: MetaRule): MetaSource {
  return rule === 'file-name' ? 'file' : rule === 'title' ? 'title' : 'text';
}

function fromFinding<T>(f: MetaFinding<T> | null): Provenance {
  return f ? { source: sourceOf(f.rule), rule: f.rule, span: f.span } : NONE;
}

/** The value the options or the manifest give, and which of them gave it. */
function givenField<K extends keyof ReportMeta>(given: Given, k: K): { value: NonNullable<ReportMeta[K]>; source: MetaSource } | null {
  for (const [source, meta] of [
    ['option', given.options],
    ['manifest', given.manifest],
  ] as const) {
    const v = meta?.[k];
    if (v !== null && v !== undefined && v !== '') return { value: v as NonNullable<ReportMeta[K]>, source };
  }
  return null;
}

/**
 * The evidence with the registry's spellings found where the report names its author (see registryMentions).
 * `notReport`: the spans of the site's leftovers, when the analysis has found them already.
 */
export function withRegistryMentions(evidence: MetaEvidence, text: string, dir: UnitDirectory, notReport?: readonly Span[]): MetaEvidence {
  // A spelling inside a name the rules already read (市信访局 in 市信访局党组) is that mention, not another.
  const read = evidence.units.flatMap((m) => (m.span ? [m.span] : []));
  const named = registryMentions(text, dir.registry, notReport).filter((m) => !read.some((r) => m.span!.start >= r.start && m.span!.end <= r.end));
  return named.length ? { ...evidence, units: [...evidence.units, ...named] } : evidence;
}

export function resolveSubmission(given: Given, evidence: MetaEvidence, title: string | null, dir: UnitDirectory): Resolution {
  // What the submission says of its unit.
  let found: { unit: UnitRow | null; name: string; provenance: Provenance } | null = null;
  const chosen = chooseUnit(evidence.units, dir.registry);
  if (chosen) {
    const unit = chosen.match ? dir.unit(chosen.match.unitId)! : (dir.find(chosen.mention.name)?.unit ?? null);
    const source = chosen.match ? 'registry' : sourceOf(chosen.mention.rule);
    found = { unit, name: unit?.name ?? chosen.mention.name, provenance: { source, rule: chosen.mention.rule, span: chosen.mention.span } };
  }
  // A given unit wins; where the user only confirmed what was found, the grounds of the finding are kept.
  const givenUnit = givenField(given, 'unit');
  let unit = found?.unit ?? null;
  let unitName = found?.name ?? null;
  let unitProvenance = found?.provenance ?? NONE;
  if (givenUnit) {
    const match = dir.find(givenUnit.value);
    const sameAsFound = found !== null && (match ? found.unit?.id === match.unit.id : unitKey(found.name) === unitKey(givenUnit.value));
    if (!(sameAsFound && givenUnit.source === 'option')) {
      unit = match?.unit ?? null;
      unitName = unit?.name ?? givenUnit.value.trim();
      const key = unitKey(unitName);
      const named = evidence.units.find((m) => (unit ? dir.find(m.name)?.unit.id === unit!.id : m.key === key));
      unitProvenance = { source: givenUnit.source, rule: named?.rule ?? null, span: named?.span ?? null };
    }
  }
  const field = <K extends 'year' | 'period'>(k: K, f: MetaFinding<NonNullable<ReportMeta[K]>> | null) => {
    const g = givenField(given, k);
    if (g && !(g.source === 'option' && f && f.value === g.value)) return { value: g.value, provenance: { ...NONE, source: g.source } };
    return { value: f?.value ?? null, provenance: fromFinding(f) };
  };
  const year = field('year', evidence.year);
  const period = field('period', evidence.period);
  // Departments come from the registry; what a run or manifest says fills a unit that has none.
  const department = unit?.department ?? givenField(given, 'department')?.value ?? null;
  const meta = mergeMeta({ unit: unitName, department, year: year.value, period: period.value }, { title: givenField(given, 'title')?.value ?? title });
  return {
    meta,
    unit,
    pending: meta.unit === null || meta.year === null,
    provenance: { unit: unitProvenance, year: year.provenance, period: period.provenance },
  };
}
