// The vocabulary files load and validate, a broken edit is refused with a message naming the file, and the
// data does what it claims (each stale-reference rule flags its own example, categories cover the domain).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseVocab, VOCAB_DIR, VOCAB_FILES, VOCAB_SCHEMAS, vocab } from './vocab.js';
import { analyzeReport } from './index.js';

const read = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(VOCAB_DIR, file), 'utf8')) as Record<string, unknown>;

describe('vocabularies', () => {
  it('every file validates against its schema', () => {
    for (const [key, file] of Object.entries(VOCAB_FILES) as Array<[keyof typeof VOCAB_FILES, string]>) {
      const schema: z.ZodType<unknown> = VOCAB_SCHEMAS[key];
      expect(() => parseVocab(file, schema, read(file)), file).not.toThrow();
    }
  });

  it('refuses a pattern that does not compile, and a missing field, naming the file', () => {
    const placeholders = read(VOCAB_FILES.placeholders) as { patterns: Array<{ pattern: string }> };
    placeholders.patterns[0]!.pattern = '([unclosed';
    expect(() => parseVocab(VOCAB_FILES.placeholders, VOCAB_SCHEMAS.placeholders, placeholders)).toThrow(/placeholders\.json.*正则/);
    const figures = read(VOCAB_FILES.figures);
    delete figures.measures;
    expect(() => parseVocab(VOCAB_FILES.figures, VOCAB_SCHEMAS.figures, figures)).toThrow(/figures\.json.*measures/);
    const stale = read(VOCAB_FILES.stale) as { rules: Array<Record<string, unknown>> };
    delete stale.rules[0]!.anniversaryOf;
    expect(() => parseVocab(VOCAB_FILES.stale, VOCAB_SCHEMAS.stale, stale)).toThrow(/from\/to 或 anniversaryOf/);
  });

  it('each stale-reference rule flags its example in its example year', () => {
    for (const rule of vocab.stale.rules) {
      const flags = analyzeReport(`一、工作情况\n${rule.example}。`, { year: rule.exampleYear }).flags.filter((f) => f.kind === 'stale_reference');
      expect(flags.length, rule.id).toBeGreaterThan(0);
    }
  });

  it('names the activity categories the dashboard counts', () => {
    const categories = vocab.categories.categories.map((c) => c.category);
    for (const c of ['理论学习/中心组学习', '党课', '主题党日/三会一课', '专题会议/分析研判', '培训', '宣传报道/信息发布', '阵地建设', '文明创建/志愿服务', '谈心谈话']) {
      expect(categories).toContain(c);
    }
    expect(new Set(categories).size).toBe(categories.length);
  });

  it('keeps the measure words of events among the measure words', () => {
    for (const m of [...vocab.figures.verbalMeasures, ...vocab.figures.smallNumeralMeasures]) expect(vocab.figures.measures).toContain(m);
  });

  it('knows every province once and no city twice', () => {
    const names = vocab.places.provinces.flatMap((p) => p.cities.filter((c) => c !== p.name));
    expect(vocab.places.provinces).toHaveLength(31);
    expect(new Set(names).size).toBe(names.length);
  });
});
