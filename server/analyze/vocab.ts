// The analysis vocabularies: JSON files under shared/vocab/, read once at module load and validated, so
// that a reviewer can extend them without touching code and a broken edit fails loudly at start-up.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { MASK_KINDS, SECTION_KINDS } from '../../shared/types.js';

export const VOCAB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'vocab');

const words = z.array(z.string().min(1)).min(1);
/** A JavaScript regular expression in source form; rejected at load if it does not compile. */
const regexSource = z.string().refine((s) => {
  try {
    new RegExp(s, 'u');
    return true;
  } catch {
    return false;
  }
}, '不是合法的正则表达式');

const bodyKinds = z.object({ problems: words, plans: words, achievements: words });
const sectionKindsSchema = z.object({
  heading: z.object(Object.fromEntries(SECTION_KINDS.filter((k) => k !== 'preamble').map((k) => [k, words])) as Record<
    Exclude<(typeof SECTION_KINDS)[number], 'preamble'>,
    typeof words
  >),
  body: bodyKinds,
  minBodyScore: z.number().positive(),
  closingPlans: words,
  planDocuments: words,
  reportDocuments: words,
  worldScope: words,
  situationWords: words,
});

const problemsSchema = z.object({
  admission: words,
  leadIn: words,
  closing: words,
  enumerator: regexSource,
});

const figuresSchema = z.object({
  measures: words,
  verbalMeasures: words,
  smallNumeralMeasures: words,
  money: words,
  percent: words,
  approxPrefixes: words,
  approxSuffixes: words,
  readCounts: words,
  lightVerbs: words,
  trailingVerbs: words,
  leadingFillers: words,
  followingCuts: words,
  changeVerbs: words,
  existentialVerbs: words,
  actionVerbs: words,
  listVerbs: words,
  reachVerbs: words,
  /** A verb alone (参与, 参训, 覆盖): what a figure counts when its object is missing; not an activity to list as 未归类. */
  bareVerbs: words,
  background: z.object({
    standingNouns: words,
    populationWords: words,
    subordinateCues: words,
    staffWords: words,
    holdingVerbs: words,
    holdingNotBefore: z.string(),
    doneAfter: words,
    stockShareWords: words,
    stockShareOfDone: words,
  }),
  maxActivityChars: z.number().int().positive(),
  notFigure: z.object({
    frequencyCues: words,
    ordinalPrefixes: words,
    wordBefore: words,
    followers: words,
    setPhrases: words,
    measureCompounds: words,
    quotedMaxChars: z.number().int().positive(),
    sessionMarker: z.string().min(1),
    moneyClassFollowers: words,
    quotedSloganMaxChars: z.number().int().positive(),
    sessionFollowers: regexSource,
    setMembership: words,
    comparisonCues: words,
    durationCues: words,
    sloganMeasures: words,
    durationNouns: words,
  }),
  implausible: z.object({
    rateWords: words,
    meetingCategories: words,
    maxMeetingCount: z.number().positive(),
  }),
});

const categoriesSchema = z.object({
  categories: z.array(z.object({ category: z.string().min(1), cues: words })).min(1),
});

const placeholdersSchema = z.object({
  patterns: z.array(z.object({ kind: z.string().min(1), label: z.string().min(1), pattern: regexSource })).min(1),
  masks: z.array(z.object({ kind: z.enum(MASK_KINDS), label: z.string().min(1), pattern: regexSource })).min(1),
  partyMaskAfterEvidence: regexSource,
  starMaskAfterEvidence: regexSource,
  underscoreMaskAfterEvidence: regexSource,
  dotMaskAfterEvidence: regexSource,
  wordMask: regexSource,
  wordMaskMin: z.number().int().positive(),
  letterCodeAllowed: words,
  letterCodeNotBefore: words,
  bulkCount: z.number().int().positive(),
  bulkDensity: z.number().positive(),
  selfName: regexSource,
});

const staleSchema = z.object({
  rules: z
    .array(
      z
        .object({
          id: z.string().min(1),
          pattern: regexSource,
          from: z.number().int().optional(),
          to: z.number().int().optional(),
          anniversaryOf: z.number().int().optional(),
          message: z.string().min(1),
          example: z.string().min(1),
          exampleYear: z.number().int(),
        })
        .refine((r) => r.from !== undefined || r.to !== undefined || r.anniversaryOf !== undefined, '规则须给出 from/to 或 anniversaryOf'),
    )
    .min(1),
  retrospective: words,
});

const traceSchema = z.object({
  markers: z.array(regexSource).min(1),
  notices: z.array(regexSource).min(1),
  noticeLineMaxChars: z.number().int().positive(),
  incompleteNotices: z.array(regexSource).min(1),
  chromeLabels: words,
  chromeLines: z.array(regexSource).min(1),
  chromeLineMaxChars: z.number().int().positive(),
  outlineStart: regexSource,
  leadInCues: z.object({ strong: z.array(regexSource).min(1), weak: z.array(regexSource).min(1) }),
  leadInMaxChars: z.number().int().positive(),
  collectionMarkers: z.array(regexSource).min(1),
  collectionTitles: z.array(regexSource).min(1),
  collectionTitleMaxChars: z.number().int().positive(),
  collectionTitleStart: regexSource,
  chromeLineStart: regexSource,
  truncations: z.array(regexSource).min(1),
  relatedListHeads: words,
  collectionLineMarker: regexSource,
  relatedItemMaxChars: z.number().int().positive(),
});

const placesSchema = z.object({
  provinces: z.array(z.object({ name: z.string().min(2), full: z.string().min(2), cities: z.array(z.string().min(2)) })).min(1),
  requireSuffix: words,
  contextExclusions: words,
  address: regexSource,
});

const unitNamesSchema = z.object({
  suffixes: words,
  partyOrgans: words,
  partyPrefixes: words,
  levels: words,
  generic: words,
  levelBodies: words,
  pronounStarts: words,
  notUnits: words,
  notInNames: words,
  references: words,
  selfVerbs: words,
  titleFollowers: words,
  submittedBy: words,
  officeKinds: words,
  placeholderChars: z.string().min(1),
});

/** Validates the content of a vocabulary file; throws with a Chinese message naming the file and the fault. */
export function parseVocab<T>(file: string, schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`词表 ${file} 格式有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  return parsed.data;
}

function load<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(path.join(VOCAB_DIR, file), 'utf8'));
  } catch (e) {
    throw new Error(`词表 ${file} 无法读取或不是合法 JSON：${(e as Error).message}`);
  }
  return parseVocab(file, schema, raw);
}

export type SectionKindVocab = z.infer<typeof sectionKindsSchema>;
export type ProblemVocab = z.infer<typeof problemsSchema>;
export type FigureVocab = z.infer<typeof figuresSchema>;
export type CategoryVocab = z.infer<typeof categoriesSchema>;
export type PlaceholderVocab = z.infer<typeof placeholdersSchema>;
export type StaleVocab = z.infer<typeof staleSchema>;
export type TraceVocab = z.infer<typeof traceSchema>;
export type PlaceVocab = z.infer<typeof placesSchema>;
export type UnitNameVocab = z.infer<typeof unitNamesSchema>;

export const VOCAB_FILES = {
  sectionKinds: 'section-kinds.json',
  problems: 'problems.json',
  figures: 'figures.json',
  categories: 'activity-categories.json',
  placeholders: 'placeholders.json',
  stale: 'stale-references.json',
  traces: 'template-traces.json',
  places: 'places.json',
  unitNames: 'unit-names.json',
} as const;

export const VOCAB_SCHEMAS = {
  sectionKinds: sectionKindsSchema,
  problems: problemsSchema,
  figures: figuresSchema,
  categories: categoriesSchema,
  placeholders: placeholdersSchema,
  stale: staleSchema,
  traces: traceSchema,
  places: placesSchema,
  unitNames: unitNamesSchema,
};

export const vocab = {
  sectionKinds: load(VOCAB_FILES.sectionKinds, sectionKindsSchema),
  problems: load(VOCAB_FILES.problems, problemsSchema),
  figures: load(VOCAB_FILES.figures, figuresSchema),
  categories: load(VOCAB_FILES.categories, categoriesSchema),
  placeholders: load(VOCAB_FILES.placeholders, placeholdersSchema),
  stale: load(VOCAB_FILES.stale, staleSchema),
  traces: load(VOCAB_FILES.traces, traceSchema),
  places: load(VOCAB_FILES.places, placesSchema),
  unitNames: load(VOCAB_FILES.unitNames, unitNamesSchema),
};

/** Escapes a word for use inside a regular expression. */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An alternation of words, longest first so that 人次 wins over 人. */
export function alternation(list: readonly string[]): string {
  return [...new Set(list)].sort((a, b) => b.length - a.length).map(escapeRegex).join('|');
}
