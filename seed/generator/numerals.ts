// How reports write numbers: Arabic or Chinese numerals, approximations (100余篇, 近200人次), percentages
// (98%, 百分之九十五), money (3.5万元).
import type { Rng } from './prng.js';
import type { FigureSpec } from './bank/figures.js';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 0–9999 in Chinese numerals: 12 → 十二, 105 → 一百零五, 120 → 一百二十. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new Error(`chineseNumber: ${n}`);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10]! : '');
  const units = ['', '十', '百', '千'];
  const ds = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  ds.forEach((d, i) => {
    const u = units[ds.length - 1 - i]!;
    if (d === 0) zero = out !== '';
    else {
      if (zero) out += '零';
      zero = false;
      out += DIGITS[d]! + u;
    }
  });
  return out;
}

export interface RenderedFigure {
  text: string;
  value: number;
  approx: boolean;
}

function roundTo(v: number, up: boolean): number {
  const step = v >= 1000 ? 100 : v >= 100 ? (v >= 300 ? 100 : 50) : 10;
  const r = up ? Math.ceil(v / step) * step : Math.floor(v / step) * step;
  return Math.max(step, r);
}

export function renderCount(rng: Rng, value: number, unit: string): RenderedFigure {
  if (value >= 30 && rng.chance(0.35)) {
    const form = rng.int(0, 4);
    if (form === 0) {
      const r = roundTo(value, false);
      return { text: `${r}余${unit}`, value: r, approx: true };
    }
    if (form === 1) {
      const r = roundTo(value, true);
      return { text: `近${r}${unit}`, value: r, approx: true };
    }
    if (form === 2) {
      const r = roundTo(value, false);
      return { text: `超过${r}${unit}`, value: r, approx: true };
    }
    if (form === 3) {
      const r = roundTo(value, false);
      return { text: `${r}多${unit}`, value: r, approx: true };
    }
    const r = roundTo(value, false);
    return { text: `逾${r}${unit}`, value: r, approx: true };
  }
  if (value <= 30 && rng.chance(0.3)) {
    const cn = value === 2 && rng.chance(0.6) ? '两' : chineseNumber(value);
    return { text: cn + unit, value, approx: false };
  }
  return { text: `${value}${unit}`, value, approx: false };
}

export function renderPercent(rng: Rng, value: number): RenderedFigure {
  if (value < 100 && rng.chance(0.12)) {
    const v = value + 0.5;
    return { text: `${v}%`, value: v, approx: false };
  }
  if (value <= 100 && rng.chance(0.1)) return { text: `百分之${chineseNumber(value)}`, value, approx: false };
  return { text: `${value}%`, value, approx: false };
}

export function renderMoney(rng: Rng, yuan: number): RenderedFigure {
  if (yuan >= 10000) {
    const wan = Math.round(yuan / 1000) / 10;
    if (rng.chance(0.15)) {
      const w = Math.floor(wan);
      return { text: `${w}万余元`, value: w * 10000, approx: true };
    }
    if (rng.chance(0.2)) {
      const v = Math.round(yuan / 100) * 100;
      return { text: `${v}元`, value: v, approx: false };
    }
    return { text: `${wan}万元`, value: Math.round(wan * 10000), approx: false };
  }
  const v = Math.round(yuan / 100) * 100;
  return { text: `${v}元`, value: v, approx: false };
}

/** A value for the spec: sparse reporters report less, rich ones more. */
export function drawValue(rng: Rng, spec: FigureSpec, bias: number): number {
  const u = Math.pow(rng.next(), bias);
  if (spec.kind === 'money') return Math.round((spec.min + (spec.max - spec.min) * u) / 100) * 100;
  if (spec.kind === 'percent') return Math.min(100, Math.round(spec.min + (spec.max - spec.min) * (1 - Math.pow(rng.next(), 1.5))));
  return Math.round(spec.min + (spec.max - spec.min) * u);
}

export function renderFigure(rng: Rng, spec: FigureSpec, value: number): RenderedFigure {
  if (spec.kind === 'percent') return renderPercent(rng, value);
  if (spec.kind === 'money') return renderMoney(rng, value);
  return renderCount(rng, value, spec.unit);
}
