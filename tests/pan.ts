// The PAN text-alignment measures (Potthast, Stein, Barrón-Cedeño, Rosso: "An Evaluation Framework for
// Plagiarism Detection", COLING 2010): character-level precision and recall over the characters of both
// documents of a case, granularity (detections per detected case) and plagdet = F1 / log2(1 + gran).

/** A passage in a suspicious document and the source passage it comes from (character ranges). */
export interface AlignmentCase {
  susp: string;
  suspStart: number;
  suspEnd: number;
  src: string;
  srcStart: number;
  srcEnd: number;
}

export interface PanScores {
  precision: number;
  recall: number;
  granularity: number;
  plagdet: number;
  cases: number;
  detections: number;
  detected: number;
}

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/** r detects s when they overlap in the suspicious document and in the source document. */
function detects(s: AlignmentCase, r: AlignmentCase): boolean {
  return (
    s.susp === r.susp &&
    s.src === r.src &&
    overlap(s.suspStart, s.suspEnd, r.suspStart, r.suspEnd) > 0 &&
    overlap(s.srcStart, s.srcEnd, r.srcStart, r.srcEnd) > 0
  );
}

/** |∪_{o ∈ others, detecting} (x ∩ o)| over both documents, divided by |x|. */
function coveredShare(x: AlignmentCase, others: AlignmentCase[]): number {
  const cover = (lo: number, hi: number, ranges: Array<[number, number]>) => {
    const marks = new Uint8Array(hi - lo);
    for (const [a, b] of ranges) for (let i = Math.max(a, lo); i < Math.min(b, hi); i++) marks[i - lo] = 1;
    return marks.reduce((n, m) => n + m, 0);
  };
  const hits = others.filter((o) => detects(x, o));
  const susp = cover(x.suspStart, x.suspEnd, hits.map((o) => [o.suspStart, o.suspEnd]));
  const src = cover(x.srcStart, x.srcEnd, hits.map((o) => [o.srcStart, o.srcEnd]));
  return (susp + src) / (x.suspEnd - x.suspStart + (x.srcEnd - x.srcStart));
}

export function panScores(cases: AlignmentCase[], detections: AlignmentCase[]): PanScores {
  const precision = detections.length === 0 ? 0 : detections.reduce((n, r) => n + coveredShare(r, cases), 0) / detections.length;
  const recall = cases.length === 0 ? 0 : cases.reduce((n, s) => n + coveredShare(s, detections), 0) / cases.length;
  const detectedCases = cases.filter((s) => detections.some((r) => detects(s, r)));
  const granularity =
    detectedCases.length === 0
      ? 1
      : detectedCases.reduce((n, s) => n + detections.filter((r) => detects(s, r)).length, 0) / detectedCases.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    precision,
    recall,
    granularity,
    plagdet: f1 / Math.log2(1 + granularity),
    cases: cases.length,
    detections: detections.length,
    detected: detectedCases.length,
  };
}
