// Agglomerative clustering of statement vectors, average linkage over cosine similarity.
// With L2-normalised vectors the mean pairwise similarity of two clusters is exactly
// dot(ΣA, ΣB) / (|A|·|B|), so each cluster keeps only its sum vector. Candidate pairs are restricted to
// clusters linked in a k-nearest-neighbour graph (built through an inverted index): clusters with no
// similar members at all are never compared, which keeps 10,000 statements at well under O(n²) memory.
import type { SparseVector } from './tfidf.js';

export interface ClusterOptions {
  /** Merging stops when the best average similarity falls below this. */
  threshold: number;
  /** Neighbours kept per statement in the candidate graph. */
  neighbours: number;
}

/** Binary max-heap of merge candidates (a, b and their versions when pushed), in parallel arrays. */
class CandidateHeap {
  private sims: number[] = [];
  private as: number[] = [];
  private bs: number[] = [];
  private vas: number[] = [];
  private vbs: number[] = [];

  get size(): number {
    return this.sims.length;
  }

  push(sim: number, a: number, b: number, va: number, vb: number): void {
    let i = this.sims.length;
    this.sims.push(sim);
    this.as.push(a);
    this.bs.push(b);
    this.vas.push(va);
    this.vbs.push(vb);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.sims[p]! >= sim) break;
      this.move(p, i);
      i = p;
    }
    this.set(i, sim, a, b, va, vb);
  }

  /** Removes the best candidate; returns [sim, a, b, va, vb]. */
  pop(): [number, number, number, number, number] {
    const top: [number, number, number, number, number] = [this.sims[0]!, this.as[0]!, this.bs[0]!, this.vas[0]!, this.vbs[0]!];
    const sim = this.sims.pop()!;
    const a = this.as.pop()!;
    const b = this.bs.pop()!;
    const va = this.vas.pop()!;
    const vb = this.vbs.pop()!;
    const n = this.sims.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const m = l + 1 < n && this.sims[l + 1]! > this.sims[l]! ? l + 1 : l;
        if (this.sims[m]! <= sim) break;
        this.move(m, i);
        i = m;
      }
      this.set(i, sim, a, b, va, vb);
    }
    return top;
  }

  private move(from: number, to: number): void {
    this.set(to, this.sims[from]!, this.as[from]!, this.bs[from]!, this.vas[from]!, this.vbs[from]!);
  }

  private set(i: number, sim: number, a: number, b: number, va: number, vb: number): void {
    this.sims[i] = sim;
    this.as[i] = a;
    this.bs[i] = b;
    this.vas[i] = va;
    this.vbs[i] = vb;
  }
}

/** The k best-scored items offered, kept in a min-heap of typed arrays (rows can offer thousands). */
class TopK {
  private readonly item: Int32Array;
  private readonly score: Float64Array;
  private size = 0;

  constructor(private readonly k: number) {
    this.item = new Int32Array(k);
    this.score = new Float64Array(k);
  }

  offer(item: number, score: number): void {
    const { k } = this;
    if (this.size === k && score <= this.score[0]!) return;
    let c: number;
    if (this.size < k) {
      c = this.size++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (this.score[p]! <= score) break;
        this.score[c] = this.score[p]!;
        this.item[c] = this.item[p]!;
        c = p;
      }
    } else {
      c = 0;
      for (;;) {
        const l = 2 * c + 1;
        if (l >= this.size) break;
        const m = l + 1 < this.size && this.score[l + 1]! < this.score[l]! ? l + 1 : l;
        if (this.score[m]! >= score) break;
        this.score[c] = this.score[m]!;
        this.item[c] = this.item[m]!;
        c = m;
      }
    }
    this.score[c] = score;
    this.item[c] = item;
  }

  /** The items in no particular order; empties the heap. */
  drain(): Int32Array {
    const out = this.item.slice(0, this.size);
    this.size = 0;
    return out;
  }

  /** The items with their scores, best first; empties the heap. */
  take(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let h = 0; h < this.size; h++) out.push([this.item[h]!, this.score[h]!]);
    this.size = 0;
    return out.sort((a, b) => b[1] - a[1]);
  }
}

function dotSparse(a: SparseVector, b: SparseVector): number {
  let s = 0;
  for (let i = 0, j = 0; i < a.ids.length && j < b.ids.length; ) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) s += a.w[i++]! * b.w[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return s;
}

/**
 * For each vector, its k most similar others (similarity ≥ floor). Candidates come from an inverted index
 * over the rarer terms only (a term in more than 2% of the statements carries little weight and would
 * make every row touch every statement), plus each statement's two rarest terms whatever their
 * frequency; the best 4k candidates are then scored exactly.
 */
export function nearestNeighbours(vectors: readonly SparseVector[], dims: number, k: number, floor: number): Array<Array<[number, number]>> {
  const n = vectors.length;
  const df = new Int32Array(dims);
  for (const v of vectors) for (const id of v.ids) df[id]!++;
  const offsets = new Int32Array(dims + 1);
  for (let t = 0; t < dims; t++) offsets[t + 1] = offsets[t]! + df[t]!;
  const postDoc = new Int32Array(offsets[dims]!);
  const postW = new Float32Array(offsets[dims]!);
  const fill = offsets.slice(0, dims);
  vectors.forEach((v, doc) => {
    for (let q = 0; q < v.ids.length; q++) {
      const at = fill[v.ids[q]!]!++;
      postDoc[at] = doc;
      postW[at] = v.w[q]!;
    }
  });
  const cap = Math.max(50, Math.ceil(n * 0.02));
  const acc = new Float64Array(n);
  const touched: number[] = [];
  const candidates = new TopK(4 * k);
  const best = new TopK(k);
  return vectors.map((v, i) => {
    // The two rarest terms of the row (positions in v.ids), used whatever their frequency.
    let r1 = -1;
    let r2 = -1;
    for (let q = 0; q < v.ids.length; q++) {
      const d = df[v.ids[q]!]!;
      if (r1 < 0 || d < df[v.ids[r1]!]!) [r1, r2] = [q, r1];
      else if (r2 < 0 || d < df[v.ids[r2]!]!) r2 = q;
    }
    for (let q = 0; q < v.ids.length; q++) {
      const t = v.ids[q]!;
      if (df[t]! > cap && q !== r1 && q !== r2) continue;
      const wi = v.w[q]!;
      for (let at = offsets[t]!; at < offsets[t + 1]!; at++) {
        const j = postDoc[at]!;
        if (j === i) continue;
        if (acc[j] === 0) touched.push(j);
        acc[j]! += wi * postW[at]!;
      }
    }
    for (const j of touched) {
      candidates.offer(j, acc[j]!);
      acc[j] = 0;
    }
    touched.length = 0;
    for (const j of candidates.drain()) {
      const sim = dotSparse(v, vectors[j]!);
      if (sim >= floor) best.offer(j, sim);
    }
    return best.take();
  });
}

function sparseToMap(v: SparseVector): Map<number, number> {
  const m = new Map<number, number>();
  for (let k = 0; k < v.ids.length; k++) m.set(v.ids[k]!, v.w[k]!);
  return m;
}

function dotMaps(a: Map<number, number>, b: Map<number, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [id, x] of small) {
    const y = large.get(id);
    if (y !== undefined) s += x * y;
  }
  return s;
}

/**
 * Clusters of vector indices (singletons included), largest first.
 *
 * Average linkage is reducible: the similarity of A∪B to X is the size-weighted mean of A's and B's, so it
 * never exceeds the larger of the two. Hence a candidate pushed for (A, X) or (B, X) bounds (A∪B, X) from
 * above, and merging can be lazy: a popped candidate whose clusters changed since it was pushed is
 * re-scored exactly and pushed back; one whose clusters did not change is the true best pair. Pairs below
 * the threshold are never pushed: no merger of their parts can reach it through them.
 */
export function averageLinkage(vectors: readonly SparseVector[], dims: number, opts: ClusterOptions): number[][] {
  const n = vectors.length;
  const sums = vectors.map(sparseToMap);
  const members: number[][] = vectors.map((_, i) => [i]);
  const version = new Int32Array(n);
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const heap = new CandidateHeap();
  nearestNeighbours(vectors, dims, opts.neighbours, opts.threshold).forEach((list, i) => {
    for (const [j, sim] of list) heap.push(sim, i, j, 0, 0);
  });

  while (heap.size > 0) {
    const [sim, a0, b0, va, vb] = heap.pop();
    if (sim < opts.threshold) break; // an upper bound: nothing left can reach the threshold
    const a1 = find(a0);
    const b1 = find(b0);
    if (a1 === b1) continue;
    if (a1 !== a0 || b1 !== b0 || version[a1] !== va || version[b1] !== vb) {
      const exact = dotMaps(sums[a1]!, sums[b1]!) / (members[a1]!.length * members[b1]!.length);
      if (exact >= opts.threshold) heap.push(exact, a1, b1, version[a1]!, version[b1]!);
      continue;
    }
    // The larger cluster absorbs the smaller: its sum map is updated in place.
    const [a, b] = members[a1]!.length >= members[b1]!.length ? [a1, b1] : [b1, a1];
    const sa = sums[a]!;
    for (const [id, x] of sums[b]!) sa.set(id, (sa.get(id) ?? 0) + x);
    for (const m of members[b]!) members[a]!.push(m);
    members[b] = [];
    sums[b]!.clear();
    parent[b] = a;
    version[a]!++;
  }
  return members.filter((m) => m.length > 0).sort((x, y) => y.length - x.length);
}
