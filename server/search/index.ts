// Full-text search: FTS5 over jieba words (fast word and phrase matches), plus exact substring matching
// for what word boundaries miss (a query that cuts across jieba's words, or a single character).
// The FTS part is SQLite-only and isolated here; elsewhere the substring match alone serves.
import { sql } from 'kysely';
import type { Filters } from '../../shared/filters.js';
import type { Period } from '../../shared/types.js';
import type { Db } from '../db/connection.js';
import { isPostgres } from '../db/migrations/util.js';
import { applyFilters, reportsWithUnits } from '../queries/filters.js';
import { cutWords } from '../tokenize/jieba.js';

export async function indexReportWords(db: Db, reportId: number, text: string): Promise<void> {
  if (isPostgres(db)) return;
  const words = text
    .split('\n')
    .map((p) => cutWords(p).join(' '))
    .join('\n');
  await sql`insert into report_words (rowid, words) values (${reportId}, ${words})`.execute(db);
}

export async function removeReportWords(db: Db, reportId: number): Promise<void> {
  if (isPostgres(db)) return;
  await sql`delete from report_words where rowid = ${reportId}`.execute(db);
}

/** An FTS5 phrase of the query's words; quotes doubled so user input cannot become query syntax. */
export function ftsPhrase(query: string): string | null {
  const words = cutWords(query);
  if (words.length === 0) return null;
  return `"${words.map((w) => w.replace(/"/g, '""')).join(' ')}"`;
}

export interface KwicLine {
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
}

/** Keyword in context: each occurrence of the needle with `width` characters either side. */
export function kwic(text: string, needle: string, limit = 3, width = 30): { count: number; lines: KwicLine[] } {
  const lines: KwicLine[] = [];
  let count = 0;
  if (!needle) return { count, lines };
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    count++;
    if (lines.length < limit) {
      const end = at + needle.length;
      lines.push({
        start: at,
        end,
        before: text.slice(Math.max(0, at - width), at).replace(/\n/g, ' '),
        match: text.slice(at, end),
        after: text.slice(end, end + width).replace(/\n/g, ' '),
      });
    }
  }
  return { count, lines };
}

export interface SearchInput extends Filters {
  q: string;
  page: number;
  pageSize: number;
}

export async function searchReports(db: Db, input: SearchInput) {
  const q = input.q.trim();
  if (!q) return { total: 0, hits: [] };
  const base = applyFilters(reportsWithUnits(db), input);
  const phrase = isPostgres(db) ? null : ftsPhrase(q);
  const substring = isPostgres(db) ? sql<boolean>`strpos(r.text, ${q}) > 0` : sql<boolean>`instr(r.text, ${q}) > 0`;
  const wordMatch = phrase ? sql<boolean>`r.id in (select rowid from report_words where report_words match ${phrase})` : null;
  const matching = base.where((eb) => (wordMatch ? eb.or([wordMatch, substring]) : substring));
  const total = Number((await matching.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const rows = await matching
    .select(['r.id', 'u.name as unit', 'u.department', 'r.year', 'r.period', 'r.title', 'r.text'])
    .orderBy('r.year', 'desc')
    .orderBy('r.id', 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  const words = cutWords(q);
  const hits = rows.map(({ text, ...r }) => {
    let found = kwic(text, q);
    // Matched through the word index but not verbatim: show the query's longest word in context.
    if (found.count === 0 && words.length) found = kwic(text, [...words].sort((a, b) => b.length - a.length)[0]!);
    return { ...r, period: r.period as Period | null, occurrences: found.count, kwic: found.lines };
  });
  return { total, hits };
}
