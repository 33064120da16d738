// The theme vocabularies (shared/vocab/problem-themes.json, the codebook; theme-stopwords.json): read once,
// validated, so that a reviewer's edit that breaks them fails loudly at start-up rather than silently
// mis-assigning. The codebook's hash goes into the settings with the stored themes: when a reviewer edits
// the file, the stored statements are assigned again (server/derive/stale.ts).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';

const words = z.array(z.string().min(1));
const themeId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'id 只能用小写字母、数字和连字符');

const codebookSchema = z.object({
  minScore: z.number().positive(),
  margin: z.number().min(0),
  aliases: z.record(z.string().min(1), z.string().min(1)),
  absorbed: z.record(themeId, themeId),
  shortcomings: words.min(1),
  themes: z
    .array(
      z.object({
        id: themeId,
        label: z.string().min(2),
        definition: z.string().min(4),
        terms: words.min(1),
        cues: words.min(1),
        counterCues: words,
      }),
    )
    .min(1)
    .refine((ts) => new Set(ts.map((t) => t.id)).size === ts.length, '主题 id 重复'),
});

const stopwordsSchema = z.object({ general: words.min(1), domain: words.min(1) });

export type Codebook = z.infer<typeof codebookSchema>;
export type CodebookTheme = Codebook['themes'][number];

function read(name: string): string {
  return fs.readFileSync(new URL(`../../shared/vocab/${name}`, import.meta.url), 'utf8');
}

function parse<T>(name: string, raw: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new Error(`词表 ${name} 格式有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  return parsed.data;
}

/** Checks a codebook as a reviewer may have edited it; throws a Chinese message naming what is wrong. */
export function parseCodebook(raw: string): Codebook {
  const book = parse('problem-themes.json', raw, codebookSchema);
  const ids = new Set(book.themes.map((t) => t.id));
  for (const [from, into] of Object.entries(book.absorbed)) {
    if (ids.has(from)) throw new Error(`词表 problem-themes.json 格式有误：主题 ${from} 已并入 ${into}，不能再单独列出`);
    if (!ids.has(into)) throw new Error(`词表 problem-themes.json 格式有误：absorbed 指向不存在的主题 ${into}`);
  }
  return book;
}

const codebookRaw = read('problem-themes.json');
export const codebook: Codebook = parseCodebook(codebookRaw);

const stopRaw = read('theme-stopwords.json');
const stop = parse('theme-stopwords.json', stopRaw, stopwordsSchema);
export const stopwords: ReadonlySet<string> = new Set([...stop.general, ...stop.domain]);

/**
 * Bumped when the way statements are assigned changes (not the vocabularies, which are hashed): stored
 * assignments made under older rules are then redone.
 */
export const THEME_RULES = 'themes-2';

/** What the stored assignments depend on besides the corpus and the reviewers' corrections. */
export const CODEBOOK_HASH = createHash('sha256').update(THEME_RULES).update(codebookRaw).update(stopRaw).digest('hex').slice(0, 16);
