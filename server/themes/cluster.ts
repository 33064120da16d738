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

/** Binary max-heap of merge candidates. */
class CandidateHeap {
  private sims: number[] = [];
  private pairs: Array<[number, number, number, number]> = [];

  get size(): number {
    return this.sims.length;
  }

  push(sim: number, pair: [number, number, number, number]): void {
    this.sims.push(sim);
    this.pairs.push(pair);
    let i = this.sims.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.sims[p]! >= this.sims[i]!) break;
      this.swap(i, p);
      i = p;
    }
  }

  pop(): { sim: number; pair: [number, number, number, number] } {
    const top = { sim: this.sims[0]!, pair: this.pairs[0]! };
    const lastSim = this.sims.pop()!;
    const lastPair = this.pairs.pop()!;
    if (this.sims.length > 0) {
      this.sims[0] = lastSim;
      this.pairs[0] = lastPair;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.sims.length && this.sims[l]! > this.sims[m]!) m = l;
        if (r < this.sims.length && this.sims[r]! > this.sims[m]!) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }

  private swap(i: number, j: number): void {
    [this.sims[i], this.sims[j]] = [this.sims[j]!, this.sims[i]!];
    [this.pairs[i], this.pairs[j]] = [this.pairs[j]!, this.pairs[i]!];
  }
}

/** For each vector, its most similar others (similarity ≥ floor), through an inverted index. */
export function nearestNeighbours(vectors: readonly SparseVector[], dims: number, k: number, floor: number): Array<Array<[number, number]>> {
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
  const acc = new Float64Array(vectors.length);
  const touched: number[] = [];
  return vectors.map((v, i) => {
    for (let q = 0; q < v.ids.length; q++) {
      const t = v.ids[q]!;
      const wi = v.w[q]!;
      for (let at = offsets[t]!; at < offsets[t + 1]!; at++) {
        const j = postDoc[at]!;
        if (j === i) continue;
        if (acc[j] === 0) touched.push(j);
        acc[j]! += wi * postW[at]!;
      }
    }
    const near: Array<[number, number]> = [];
    for (const j of touched) {
      if (acc[j]! >= floor) near.push([j, acc[j]!]);
      acc[j] = 0;
    }
    touched.length = 0;
    near.sort((a, b) => b[1] - a[1]);
    return near.slice(0, k);
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

/** Clusters of vector indices (singletons included), largest first. */
export function averageLinkage(vectors: readonly SparseVector[], dims: number, opts: ClusterOptions): number[][] {
  const n = vectors.length;
  const sums = vectors.map(sparseToMap);
  const members: number[][] = vectors.map((_, i) => [i]);
  const version = new Int32Array(n);
  const alive = new Uint8Array(n).fill(1);
  const links: Array<Set<number>> = vectors.map(() => new Set<number>());
  const heap = new CandidateHeap();

  // Pairs below half the threshold cannot pull two clusters above it on their own; they still count,
  // exactly, in the cluster sums once their clusters are linked by a closer pair.
  const near = nearestNeighbours(vectors, dims, opts.neighbours, opts.threshold / 2);
  near.forEach((list, i) => {
    for (const [j, sim] of list) {
      if (links[i]!.has(j)) continue;
      links[i]!.add(j);
      links[j]!.add(i);
      heap.push(sim, [i, j, 0, 0]);
    }
  });

  while (heap.size > 0) {
    const { sim, pair } = heap.pop();
    const [a0, b0, va, vb] = pair;
    if (!alive[a0] || !alive[b0] || version[a0] !== va || version[b0] !== vb) continue;
    if (sim < opts.threshold) break;
    // The larger cluster absorbs the smaller: its sum map is updated in place.
    const [a, b] = members[a0]!.length >= members[b0]!.length ? [a0, b0] : [b0, a0];
    const sa = sums[a]!;
    for (const [id, x] of sums[b]!) sa.set(id, (sa.get(id) ?? 0) + x);
    for (const m of members[b]!) members[a]!.push(m);
    members[b] = [];
    sums[b]!.clear();
    alive[b] = 0;
    version[a]!++;
    const la = links[a]!;
    for (const c of links[b]!) {
      links[c]!.delete(b);
      if (c !== a) {
        la.add(c);
        links[c]!.add(a);
      }
    }
    links[b]!.clear();
    la.delete(b);
    const size = members[a]!.length;
    for (const c of la) {
      const s = dotMaps(sa, sums[c]!) / (size * members[c]!.length);
      if (s >= opts.threshold) heap.push(s, [a, c, version[a]!, version[c]!]);
    }
  }
  return members.filter((m, i) => alive[i] && m.length > 0).sort((x, y) => y.length - x.length);
}
