// Character diff of two aligned passages (pure): which characters both hold and which one side changed,
// so the side-by-side view can show a light edit (a unit name swapped, a number changed) at a glance.
export interface DiffPart {
  text: string;
  same: boolean;
}

export interface PassageDiff {
  a: DiffPart[];
  b: DiffPart[];
  /** Characters both hold, in order. */
  common: number;
}

function push(parts: DiffPart[], ch: string, same: boolean) {
  const last = parts[parts.length - 1];
  if (last && last.same === same) last.text += ch;
  else parts.push({ text: ch, same });
}

/** LCS diff; passages longer than `limit` characters are compared as wholes (no quadratic blow-up). */
export function diffPassages(a: string, b: string, limit = 3000): PassageDiff {
  if (a.length > limit || b.length > limit) {
    const same = a === b;
    return { a: [{ text: a, same }], b: [{ text: b, same }], common: same ? a.length : 0 };
  }
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = LCS length of a[i..] and b[j..], in one flat array.
  const lcs = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = a[i] === b[j] ? lcs[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
    }
  }
  const pa: DiffPart[] = [];
  const pb: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(pa, a[i]!, true);
      push(pb, b[j]!, true);
      i++;
      j++;
    } else if (lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!) push(pa, a[i++]!, false);
    else push(pb, b[j++]!, false);
  }
  while (i < n) push(pa, a[i++]!, false);
  while (j < m) push(pb, b[j++]!, false);
  return { a: pa, b: pb, common: lcs[0]! };
}
