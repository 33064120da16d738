// Cuts a text into segments at every annotation boundary, so overlapping spans can be highlighted
// without nesting (pure; the report view renders the segments as escaped text).
export interface Annotation {
  start: number;
  end: number;
  /** Higher wins where annotations overlap. */
  priority: number;
  key: string;
}

export interface Segment<A extends Annotation> {
  start: number;
  end: number;
  /** Active annotations, highest priority first. */
  active: A[];
}

export function segmentText<A extends Annotation>(length: number, annotations: A[]): Array<Segment<A>> {
  const cuts = new Set<number>([0, length]);
  for (const a of annotations) {
    if (a.end <= a.start) continue;
    cuts.add(Math.max(0, Math.min(length, a.start)));
    cuts.add(Math.max(0, Math.min(length, a.end)));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const byStart = [...annotations].filter((a) => a.end > a.start).sort((x, y) => x.start - y.start);
  const out: Array<Segment<A>> = [];
  let open: A[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i]!;
    const e = points[i + 1]!;
    open = open.filter((a) => a.end > s);
    while (next < byStart.length && byStart[next]!.start <= s) {
      if (byStart[next]!.end > s) open.push(byStart[next]!);
      next++;
    }
    out.push({ start: s, end: e, active: [...open].sort((x, y) => y.priority - x.priority) });
  }
  return out;
}
