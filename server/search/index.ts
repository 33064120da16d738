// Full-text search. Every match is an index lookup, never a scan of the texts, on either database:
// - a query of three characters or more is an exact substring match through a trigram index (SQLite:
//   the FTS5 table report_trigrams; PostgreSQL: pg_trgm over the texts' lines), together with a phrase match
//   over the jieba words (SQLite: the FTS5 table report_words; PostgreSQL: report_word_vectors, see
//   words.ts), which also finds the words when punctuation or a line break stands between them;
// - a shorter query (below a trigram) matches the jieba words that contain it (search_terms lists them),
//   so 舆情 finds 舆情 and 网络舆情 alike; it misses only a pair of characters split across two words.
//   On SQLite the list of words is brought up to date at the end of each batch (refreshSearchTerms), on
//   PostgreSQL as each report is stored.
// - what neither index can answer (one or two characters that are no word, such as ** or 5%, or a
//   character so common that over MAX_TERMS words contain it) is found by scanning the texts: slower
//   (about a third of a second at 10,000 reports) but never wrong.
// Letters match in either case (XX and xx, ＡＩ and ａｉ) in both.
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Filters } from '../../shared/filters.js';
import type { Db } from '../db/connection.js';
import { insertRows } from '../db/insert.js';
import { isPostgres } from '../db/migrations/util.js';
import { reportTexts } from '../db/texts.js';
import { applyFilters, nullsLow, reportsWithUnits } from '../queries/filters.js';
import { cutWords } from '../tokenize/jieba.js';
import { allWordsQuery, anyWordQuery, foldToken, phraseQuery, searchWordsOf, textTokens, wordsTokens, wordVectors } from './words.js';

/** The shortest query the trigram index answers. */
const TRIGRAM = 3;
/** At most this many words containing a short query are searched as words; beyond, the texts are scanned. */
const MAX_TERMS = 500;
/** Characters the word index keeps (unicode61 drops the rest: punctuation, symbols, spaces). */
const WORD_CHARS = /^[\p{L}\p{N}\p{M}]+$/u;

/** Index a stored report for search; called inside the ingest transaction. `words`: searchWordsOf(text), when already cut. */
export async function indexReportText(db: Db, reportId: number, text: string, words: string = searchWordsOf(text)): Promise<void> {
  if (isPostgres(db)) return indexPostgres(db, reportId, wordsTokens(words));
  await sql`insert into report_words (rowid, words) values (${reportId}, ${words})`.execute(db);
  await sql`insert into report_trigrams (rowid, text) values (${reportId}, ${text})`.execute(db);
}

/**
 * PostgreSQL: the report's lines for the trigram index (split from its stored text as migration 024 split
 * those stored before it), its words as tsvectors, and its new words into search_terms.
 */
async function indexPostgres(db: Db, reportId: number, tokens: readonly string[]): Promise<void> {
  await sql`insert into report_paragraphs (report_id, ord, text)
    select t.report_id, p.ord, p.line from report_texts t, string_to_table(t.text, chr(10)) with ordinality as p(line, ord)
    where t.report_id = ${reportId} and p.line <> ''`.execute(db);
  await indexWordVectors(db, reportId, tokens);
}

/**
 * PostgreSQL: the report's words as tsvectors, and its new words into search_terms. The words go in
 * sorted, so that two processes storing reports at once take the same order of locks on search_terms
 * and never deadlock.
 */
async function indexWordVectors(db: Db, reportId: number, tokens: readonly string[]): Promise<void> {
  await insertRows(db, 'report_word_vectors', wordVectors(tokens).map((words, part) => ({ report_id: reportId, part, words })));
  const terms = [...new Set(tokens)].sort();
  if (terms.length) await sql`insert into search_terms (term) select unnest(${terms}::text[]) order by 1 on conflict do nothing`.execute(db);
}

/**
 * PostgreSQL: index the words of reports stored before the word index existed (SQLite's migrations fill
 * its indexes themselves). Returns how many were indexed.
 */
export async function indexUnindexedTexts(db: Db): Promise<number> {
  if (!isPostgres(db)) return 0;
  const missing = await db
    .selectFrom('report_texts as t')
    .select('t.report_id')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('report_word_vectors as w').select('w.report_id').whereRef('w.report_id', '=', 't.report_id'))))
    .orderBy('t.report_id')
    .execute();
  for (const { report_id: id } of missing) {
    await db.transaction().execute(async (trx) => indexWordVectors(trx, id, textTokens((await reportTexts(trx, [id])).get(id) ?? '')));
  }
  return missing.length;
}

/**
 * Add the words indexed since the last call to search_terms (SQLite; PostgreSQL adds them as reports are
 * stored). Once per batch rather than per report: reading the word index's vocabulary costs about as
 * much as inserting one report's words.
 */
export async function refreshSearchTerms(db: Db): Promise<void> {
  if (isPostgres(db)) return;
  await sql`create virtual table if not exists temp.report_words_terms using fts5vocab(main, report_words, 'row')`.execute(db);
  await sql`insert into search_terms (term) select term from temp.report_words_terms where true on conflict do nothing`.execute(db);
}

/** An FTS5 string literal: quotes doubled, so that user input can never become query syntax. */
const ftsString = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** An FTS5 phrase of the query's jieba words, or null when it has none. */
export function ftsPhrase(query: string): string | null {
  const words = cutWords(query);
  return words.length ? ftsString(words.join(' ')) : null;
}

/** The condition on r.id that a report matches the query. */
async function matching(db: Db, q: string): Promise<Expression<SqlBool> | null> {
  const pg = isPostgres(db);
  const scan = pg
    ? sql<SqlBool>`r.id in (select report_id from report_texts where strpos(lower(text), lower(${q})) > 0)`
    : sql<SqlBool>`r.id in (select report_id from report_texts where instr(lower(text), lower(${q})) > 0)`;
  const inWords = (query: string) =>
    pg
      ? sql<SqlBool>`r.id in (select report_id from report_word_vectors where words @@ ${query}::tsquery)`
      : sql<SqlBool>`r.id in (select rowid from report_words where report_words match ${query})`;
  if ([...q].length >= TRIGRAM) {
    if (pg) return substringOrPhrasePg(q);
    const substring = sql<SqlBool>`r.id in (select rowid from report_trigrams where report_trigrams match ${ftsString(q)})`;
    const phrase = ftsPhrase(q);
    return phrase ? sql<SqlBool>`(${substring} or ${inWords(phrase)})` : substring;
  }
  if (!WORD_CHARS.test(q)) return scan;
  // The words are stored folded (lower case), as the index folds them.
  const folded = foldToken(q);
  const terms = await db
    .selectFrom('search_terms')
    .select('term')
    .where(pg ? sql<SqlBool>`strpos(term, ${folded}) > 0` : sql<SqlBool>`instr(term, ${folded}) > 0`)
    .limit(MAX_TERMS + 1)
    .execute();
  if (terms.length > MAX_TERMS) return scan;
  if (terms.length === 0) return null;
  const words = terms.map((t) => t.term);
  return inWords(pg ? anyWordQuery(words) : words.map(ftsString).join(' OR '));
}

/**
 * PostgreSQL: the reports holding the query as a substring of a line, or its words as a phrase. Both
 * indexes only propose candidates that must be read again (pg_trgm the line, GIN the word vector for the
 * words' positions), and a phrase in most reports would have both read for most of the corpus. So the
 * word vectors are read only for the reports holding all the words (which GIN answers exactly, without
 * reading them) that the substring has not already found.
 */
function substringOrPhrasePg(q: string): Expression<SqlBool> {
  // ILIKE lowers every candidate line whole: only when the query has letters with a case.
  const like = q.toLowerCase() === q.toUpperCase() ? sql`like` : sql`ilike`;
  const substring = sql`select report_id from report_paragraphs where text ${like} ${likePattern(q)}`;
  const tokens = textTokens(q);
  const phrase = phraseQuery(tokens);
  if (!phrase) return sql<SqlBool>`r.id in (${substring})`;
  // A case rather than an and: the planner orders the conditions of an and as it likes.
  return sql<SqlBool>`r.id in (
    with found as materialized (${substring})
    select report_id from found
    union all
    select w.report_id from report_word_vectors w
    where w.words @@ ${allWordsQuery(tokens)}::tsquery
      and case when w.report_id in (select report_id from found) then false else w.words @@ ${phrase}::tsquery end)`;
}

/** A LIKE pattern for a substring: the wildcards and the escape character in it taken literally. */
const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Runs a search's match (and nothing else) so that it goes through the indexes. On PostgreSQL sequential
 * scans are priced out for it: the planner prices a scan of report_texts or report_word_vectors by their
 * rows, which hold only pointers to the compressed texts and vectors stored apart (TOAST), and so would
 * read every text rather than the index (on the province corpus: 640 ms instead of 20 ms). What no index
 * answers (the scans above) is still scanned.
 */
export async function throughIndexes<T>(db: Db, match: (db: Db) => Promise<T>): Promise<T> {
  if (!isPostgres(db)) return match(db);
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    return match(trx);
  });
}

export interface KwicLine {
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
}

/** Letters folded to lower case where that keeps their length (Ａ→ａ, A→a), so offsets stay those of the text. */
const foldCase = (s: string) =>
  s.replace(/\p{Lu}/gu, (c) => {
    const lower = c.toLowerCase();
    return lower.length === c.length ? lower : c;
  });

/** Keyword in context: each occurrence of the needle (letters in either case, as the index matches) with `width` characters either side. */
export function kwic(text: string, needle: string, limit = 3, width = 30): { count: number; lines: KwicLine[] } {
  const lines: KwicLine[] = [];
  let count = 0;
  if (!needle) return { count, lines };
  const haystack = foldCase(text);
  const folded = foldCase(needle);
  for (let at = haystack.indexOf(folded); at !== -1; at = haystack.indexOf(folded, at + folded.length)) {
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

/** Reports in scope that contain the query, newest first, a page at a time, each with its hits in context. */
export async function searchReports(db: Db, input: SearchInput) {
  // Control characters (a NUL would end an FTS5 string early) are no part of any text worth finding.
  const q = input.q.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  const condition = q ? await matching(db, q) : null;
  if (!condition) return { total: 0, hits: [] };
  // One pass over the index: the ids in order give the total and the page.
  const ids = (
    await throughIndexes(db, (idx) =>
      applyFilters(reportsWithUnits(idx), input)
        .where(condition)
        .select('r.id')
        .orderBy('r.year', nullsLow('desc'))
        .orderBy('r.id', 'desc')
        .execute(),
    )
  ).map((r) => r.id);
  const page = ids.slice((input.page - 1) * input.pageSize, input.page * input.pageSize);
  if (page.length === 0) return { total: ids.length, hits: [] };
  const [heads, texts] = await Promise.all([
    reportsWithUnits(db).where('r.id', 'in', page).select(['r.id', 'u.name as unit', 'u.department', 'r.year', 'r.period', 'r.title']).execute(),
    reportTexts(db, page),
  ]);
  const headOf = new Map(heads.map((h) => [h.id, h]));
  const longestWord = [...cutWords(q)].sort((a, b) => b.length - a.length)[0];
  const hits = page.map((id) => {
    const head = headOf.get(id)!;
    const text = texts.get(id) ?? '';
    let found = kwic(text, q);
    // Matched through the words but not verbatim (or through a longer word): show the query's longest word.
    if (found.count === 0 && longestWord) found = kwic(text, longestWord);
    return { ...head, occurrences: found.count, kwic: found.lines };
  });
  return { total: ids.length, hits };
}
