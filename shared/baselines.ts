// What a figure is compared with: the unit's peers (its department's median and upper quartile) and its
// own previous report. Colour in the dashboard and emphasis in the briefing are kept for outliers by these
// rules, since stock formulas and the like are normal in this genre and a rate alone says little.
import type { ReuseShares } from './types.js';

/** The rates compared: the total and each kind of reused text. */
export const BASELINE_RATES = ['reuse', 'stock', 'copied', 'shared', 'model', 'directive', 'self'] as const;
export type BaselineRate = (typeof BASELINE_RATES)[number];

/** A department needs this many units before its upper quartile says anything. */
export const MIN_PEERS = 4;
/** Above the upper quartile and at least this far above the median (a tight department has no outliers by noise). */
export const PEER_MARGIN = 0.05;
/** A rise from the unit's previous report by at least this much (15 percentage points). */
export const JUMP = 0.15;

/** The q-quantile (0..1) of the values, linearly interpolated; null when there are none. */
export function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export interface Spread {
  /** Units the spread is taken over. */
  units: number;
  p25: number;
  median: number;
  p75: number;
}

export function spreadOf(values: number[]): Spread | null {
  if (values.length === 0) return null;
  return { units: values.length, p25: quantile(values, 0.25)!, median: quantile(values, 0.5)!, p75: quantile(values, 0.75)! };
}

/** Why a unit's rate is coloured: above its department's upper quartile, or a jump from its own previous report. */
export type OutlierReason = 'peer' | 'jump';

export function outlierReasons(value: number, peers: Spread | null, previous: number | null): OutlierReason[] {
  const out: OutlierReason[] = [];
  if (peers && peers.units >= MIN_PEERS && value > peers.p75 && value - peers.median >= PEER_MARGIN) out.push('peer');
  if (previous !== null && value - previous >= JUMP) out.push('jump');
  return out;
}

export const pickRates = (r: ReuseShares): Record<BaselineRate, number> => ({
  reuse: r.reuse,
  stock: r.stock,
  copied: r.copied,
  shared: r.shared,
  model: r.model,
  directive: r.directive,
  self: r.self,
});
