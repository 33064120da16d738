// TF-IDF vectors of problem statements: sublinear term frequency, smoothed IDF, L2-normalised, sparse
// (sorted term ids), so that a dot product is a cosine similarity and 10,000 statements fit in a few MB.

export interface SparseVector {
  ids: Int32Array;
  w: Float32Array;
}

export interface TfIdfModel {
  vocab: string[];
  index: Map<string, number>;
  idf: Float64Array;
  vectors: SparseVector[];
}

export function buildTfIdf(docs: readonly string[][]): TfIdfModel {
  const index = new Map<string, number>();
  const vocab: string[] = [];
  const counted = docs.map((terms) => {
    const tf = new Map<number, number>();
    for (const t of terms) {
      let id = index.get(t);
      if (id === undefined) {
        id = vocab.length;
        index.set(t, id);
        vocab.push(t);
      }
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    return tf;
  });
  const df = new Float64Array(vocab.length);
  for (const tf of counted) for (const id of tf.keys()) df[id]!++;
  const n = docs.length;
  const idf = df.map((d) => Math.log((1 + n) / (1 + d)) + 1);
  const vectors = counted.map((tf) => {
    const ids = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
    const w = new Float32Array(ids.length);
    let norm = 0;
    ids.forEach((id, k) => {
      const x = (1 + Math.log(tf.get(id)!)) * idf[id]!;
      w[k] = x;
      norm += x * x;
    });
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < w.length; k++) w[k]! /= norm;
    return { ids, w };
  });
  return { vocab, index, idf, vectors };
}

/** A sum of vectors (a theme's or a cluster's members), dense over the vocabulary. */
export function sumVectors(vectors: Iterable<SparseVector>, dims: number): Float64Array {
  const sum = new Float64Array(dims);
  for (const v of vectors) for (let k = 0; k < v.ids.length; k++) sum[v.ids[k]!]! += v.w[k]!;
  return sum;
}

export function norm(dense: Float64Array): number {
  let s = 0;
  for (const x of dense) s += x * x;
  return Math.sqrt(s);
}

/** Dot product of a sparse vector with a dense one. */
export function dotDense(v: SparseVector, dense: Float64Array): number {
  let s = 0;
  for (let k = 0; k < v.ids.length; k++) s += v.w[k]! * dense[v.ids[k]!]!;
  return s;
}

/** The terms with the highest weight in a dense sum, best first, among those `keep` accepts. */
export function topTerms(sum: Float64Array, vocab: readonly string[], k: number, keep: (term: string) => boolean): string[] {
  const ids: number[] = [];
  sum.forEach((x, id) => {
    if (x > 0 && keep(vocab[id]!)) ids.push(id);
  });
  return ids
    .sort((a, b) => sum[b]! - sum[a]!)
    .slice(0, k)
    .map((id) => vocab[id]!);
}
