// How close a text read back from a document is to its source: the Chinese characters of both in
// order (longest common subsequence), over the longer of the two — a misread character, a dropped one
// and an inserted one each cost one. Punctuation, digits and layout do not count. Quadratic: for a few
// pages; compare chineseCharacters() for long texts that must come back whole.

/** The Chinese characters of a text, in order. */
export function chineseCharacters(s: string): string {
  return Array.from(s)
    .filter((c) => /[\u3400-\u9FFF\uF900-\uFAFF]/.test(c))
    .join('');
}

const cjk = (s: string): string[] => Array.from(chineseCharacters(s));

export function cjkInOrder(expected: string, actual: string): number {
  const a = cjk(expected);
  const b = cjk(actual);
  if (a.length === 0 && b.length === 0) return 1;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]! / Math.max(a.length, b.length);
}
