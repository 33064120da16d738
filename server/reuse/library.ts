// The template library (范文库) as the reuse engine queries it: every template's fingerprints by hash and
// its normalised text, in memory (a library holds tens to hundreds of texts). One per database is kept
// between calls and checked against the stored fingerprints before use.
import { sql } from 'kysely';
import { TEMPLATE_KINDS, type TemplateKind } from '../../shared/types.js';
import { type DbOrTrx, decodePostings } from './corpus.js';
import { type NormalizedText, normalizeText } from './normalize.js';

export interface LibraryTemplate {
  id: number;
  kind: TemplateKind;
  norm: NormalizedText;
}

export function asTemplateKind(kind: string): TemplateKind {
  if (!(TEMPLATE_KINDS as readonly string[]).includes(kind)) throw new Error(`unknown template kind ${kind}`);
  return kind as TemplateKind;
}

export class TemplateLibrary {
  /** Per hash, the postings [template, start, …]. */
  private readonly byHash = new Map<number, number[]>();
  private readonly templates = new Map<number, LibraryTemplate>();
  /** The stored fingerprints it was loaded from (librarySignature). */
  signature = '';

  static async load(db: DbOrTrx): Promise<TemplateLibrary> {
    const library = new TemplateLibrary();
    const rows = await db
      .selectFrom('reuse_template_fingerprints as f')
      .innerJoin('templates as t', 't.id', 'f.template_id')
      .select(['t.id', 't.kind', 't.text', 'f.postings'])
      .orderBy('t.id')
      .execute();
    for (const r of rows) {
      library.templates.set(r.id, { id: r.id, kind: asTemplateKind(r.kind), norm: normalizeText(r.text) });
      const p = decodePostings(r.postings);
      for (let i = 0; i < p.hashes.length; i++) {
        const list = library.byHash.get(p.hashes[i]!);
        if (list) list.push(r.id, p.starts[i]!);
        else library.byHash.set(p.hashes[i]!, [r.id, p.starts[i]!]);
      }
    }
    library.signature = await librarySignature(db);
    return library;
  }

  get size(): number {
    return this.templates.size;
  }

  template(id: number): LibraryTemplate {
    return this.templates.get(id)!;
  }

  /** The postings of these hashes by template: [hash, start, …] (start in the template's stored text). */
  postingsByTemplate(hashes: Iterable<number>): Map<number, number[]> {
    const out = new Map<number, number[]>();
    for (const h of hashes) {
      const list = this.byHash.get(h);
      if (!list) continue;
      for (let i = 0; i < list.length; i += 2) {
        const hits = out.get(list[i]!);
        if (hits) hits.push(h, list[i + 1]!);
        else out.set(list[i]!, [h, list[i + 1]!]);
      }
    }
    return out;
  }
}

/** Indexed templates: how many, and the largest id (ids are never reused). */
async function librarySignature(db: DbOrTrx): Promise<string> {
  const r = await db
    .selectFrom('reuse_template_fingerprints')
    .select([sql<number>`count(*)`.as('n'), sql<number | null>`max(template_id)`.as('m')])
    .executeTakeFirstOrThrow();
  return `${Number(r.n)}:${Number(r.m ?? 0)}`;
}

/** The library kept per database (its Kysely adapter: shared by the instance and its transactions). */
const libraries = new WeakMap<object, TemplateLibrary>();

/** The kept library if it still matches the stored templates, else one loaded anew. */
export async function currentLibrary(db: DbOrTrx): Promise<TemplateLibrary> {
  const key = db.getExecutor().adapter;
  const kept = libraries.get(key);
  if (kept && kept.signature === (await librarySignature(db))) return kept;
  const fresh = await TemplateLibrary.load(db);
  libraries.set(key, fresh);
  return fresh;
}
