// The theme vocabularies (shared/vocab/problem-themes.json, theme-stopwords.json): read once, validated,
// so that a reviewer's edit that breaks them fails loudly at start-up rather than silently mis-assigning.
import fs from 'node:fs';
import { z } from 'zod';

const words = z.array(z.string().min(1)).min(1);

const seedThemesSchema = z.object({
  minScore: z.number().positive(),
  shortcomings: words,
  themes: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'id 只能用小写字母、数字和连字符'),
        label: z.string().min(2),
        terms: words,
        cues: words,
      }),
    )
    .min(1)
    .refine((ts) => new Set(ts.map((t) => t.id)).size === ts.length, '主题 id 重复'),
});

const stopwordsSchema = z.object({ general: words, domain: words });

export type SeedThemeVocab = z.infer<typeof seedThemesSchema>;
export type SeedTheme = SeedThemeVocab['themes'][number];

function load<T>(name: string, schema: z.ZodType<T>): T {
  const url = new URL(`../../shared/vocab/${name}`, import.meta.url);
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(url, 'utf8')));
  if (!parsed.success) throw new Error(`词表 ${name} 格式有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  return parsed.data;
}

export const seedThemes: SeedThemeVocab = load('problem-themes.json', seedThemesSchema);

const stop = load('theme-stopwords.json', stopwordsSchema);
export const stopwords: ReadonlySet<string> = new Set([...stop.general, ...stop.domain]);
