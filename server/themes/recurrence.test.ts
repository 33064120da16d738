import { describe, expect, it } from 'vitest';
import { recurrenceRuns, reportingDate, type ThemeMention } from './recurrence.js';
import { direction, slope } from './trend.js';

const r = (id: number, year: number | null, period: string | null, unit = 1) => ({ id, unit, year, period });
const m = (report: { id: number; unit: number; year: number | null; period: string | null }, theme: string, start = 0): ThemeMention => ({
  report: report.id,
  unit: report.unit,
  year: report.year,
  period: report.period,
  theme,
  statement: { start, end: start + 10 },
});

describe('reporting dates', () => {
  it('puts a report at the month its period ends', () => {
    expect(reportingDate(2023, 'H1')! - reportingDate(2022, 'annual')!).toBe(6);
    expect(reportingDate(2023, 'annual')).toBe(reportingDate(2023, 'H2'));
    expect(reportingDate(2023, null)).toBe(reportingDate(2023, 'annual'));
    expect(reportingDate(null, 'H1')).toBeNull();
  });
});

describe('recurrence runs', () => {
  it('links H1 → annual → next H1, breaks on a report without the theme', () => {
    const reps = [r(1, 2022, 'H1'), r(2, 2022, 'annual'), r(3, 2023, 'H1'), r(4, 2023, 'annual'), r(5, 2024, 'H1')];
    const runs = recurrenceRuns(reps, [m(reps[0]!, 'a'), m(reps[1]!, 'a'), m(reps[2]!, 'a'), m(reps[4]!, 'a'), m(reps[3]!, 'b')]);
    expect(runs).toEqual([
      {
        unit: 1,
        theme: 'a',
        periods: 3,
        entries: [
          { report: 1, year: 2022, period: 'H1', statements: [{ start: 0, end: 10 }] },
          { report: 2, year: 2022, period: 'annual', statements: [{ start: 0, end: 10 }] },
          { report: 3, year: 2023, period: 'H1', statements: [{ start: 0, end: 10 }] },
        ],
      },
    ]);
  });

  it('does not link across a missing year, nor across units', () => {
    const reps = [r(1, 2021, 'annual'), r(2, 2023, 'annual'), r(3, 2022, 'annual', 2)];
    expect(recurrenceRuns(reps, reps.map((x) => m(x, 'a')))).toEqual([]);
  });

  it('lets an H2 and an annual report of the same year share a date, and keeps all statements', () => {
    const reps = [r(1, 2022, 'H2'), r(2, 2022, 'annual'), r(3, 2023, 'H1')];
    const runs = recurrenceRuns(reps, [m(reps[1]!, 'a', 50), m(reps[1]!, 'a', 5), m(reps[2]!, 'a')]);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.periods).toBe(2);
    expect(runs[0]!.entries.map((e) => e.report)).toEqual([2, 3]);
    expect(runs[0]!.entries[0]!.statements.map((s) => s.start)).toEqual([5, 50]);
  });
});

describe('trend', () => {
  it('is the least-squares slope of the share per year', () => {
    expect(slope([{ x: 2020, y: 0.5 }, { x: 2021, y: 0.4 }, { x: 2022, y: 0.3 }])).toBeCloseTo(-0.1);
    expect(direction(-0.1)).toBe('falling');
    expect(direction(0.01)).toBe('steady');
    expect(slope([{ x: 2020, y: 0.5 }])).toBe(0);
  });
});
