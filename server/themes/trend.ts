// Which themes rise and which fall: the least-squares slope of a theme's share of reports over the years.

/** Change of share per year below which a theme counts as steady (two percentage points). */
export const STEADY_SLOPE = 0.02;

export type TrendDirection = 'rising' | 'falling' | 'steady';

export function slope(points: ReadonlyArray<{ x: number; y: number }>): number {
  if (points.length < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / points.length;
  const my = points.reduce((s, p) => s + p.y, 0) / points.length;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.x - mx) * (p.y - my);
    den += (p.x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

export function direction(s: number): TrendDirection {
  return s >= STEADY_SLOPE ? 'rising' : s <= -STEADY_SLOPE ? 'falling' : 'steady';
}
