// Recurrence: the same unit naming the same problem theme in consecutive reporting periods — a sign that
// its rectification did not work.
//
// "Consecutive" is defined on reporting dates, the month a report's period ends (annual and H2 → December,
// H1 → June, Qn → month 3n; a report without a period counts as annual). A unit's reporting dates are put in
// order; two of them are consecutive when no other report of the unit falls between them and the later
// one is at most 12 months after the earlier. So annual 2022 → annual 2023, H1 → H2 or the annual report
// of the same year, H2 2022 → H1 2023, Q1 → Q2 are consecutive; annual 2021 → annual 2023 (a year
// missing) is not. Reports of one unit that end on the same date (an H2 and an annual report) share it.
import { reportingDate } from '../../shared/periods.js';
import type { Span } from '../../shared/types.js';

export { reportingDate };

export const MAX_GAP_MONTHS = 12;

export interface ThemeMention {
  report: number;
  unit: number;
  year: number | null;
  period: string | null;
  theme: string;
  /** The statement naming the theme; absent when only the runs are wanted. */
  statement?: Span;
}

export interface RecurrenceEntry {
  report: number;
  year: number;
  period: string | null;
  statements: Span[];
}

export interface RecurrenceRun {
  unit: number;
  theme: string;
  /** The reports naming the theme, in date order; at least two consecutive reporting dates. */
  entries: RecurrenceEntry[];
  /** How many consecutive reporting dates the run spans. */
  periods: number;
}

/**
 * Runs of consecutive reporting dates on which a unit named a theme. `reports` are all reports of the
 * units concerned (with or without mentions), since a report without the theme breaks a run.
 */
export function recurrenceRuns(
  reports: ReadonlyArray<{ id: number; unit: number; year: number | null; period: string | null }>,
  mentions: readonly ThemeMention[],
): RecurrenceRun[] {
  const datesByUnit = new Map<number, number[]>();
  for (const r of reports) {
    const d = reportingDate(r.year, r.period);
    if (d === null) continue;
    const list = datesByUnit.get(r.unit) ?? [];
    list.push(d);
    datesByUnit.set(r.unit, list);
  }
  for (const [u, list] of datesByUnit) datesByUnit.set(u, [...new Set(list)].sort((a, b) => a - b));

  // unit → theme → date → report → statements
  const grouped = new Map<number, Map<string, Map<number, Map<number, RecurrenceEntry>>>>();
  for (const m of mentions) {
    const d = reportingDate(m.year, m.period);
    if (d === null) continue;
    const themes = grouped.get(m.unit) ?? new Map<string, Map<number, Map<number, RecurrenceEntry>>>();
    grouped.set(m.unit, themes);
    const dates = themes.get(m.theme) ?? new Map<number, Map<number, RecurrenceEntry>>();
    themes.set(m.theme, dates);
    const byReport = dates.get(d) ?? new Map<number, RecurrenceEntry>();
    dates.set(d, byReport);
    const entry = byReport.get(m.report) ?? { report: m.report, year: m.year!, period: m.period, statements: [] };
    byReport.set(m.report, entry);
    if (m.statement) entry.statements.push(m.statement);
  }

  const runs: RecurrenceRun[] = [];
  for (const [unit, themes] of grouped) {
    const dates = datesByUnit.get(unit) ?? [];
    for (const [theme, byDate] of themes) {
      let run: number[] = [];
      const flush = () => {
        if (run.length >= 2) {
          const entries = run.flatMap((d) => [...byDate.get(d)!.values()].sort((a, b) => a.report - b.report));
          for (const e of entries) e.statements.sort((a, b) => a.start - b.start);
          runs.push({ unit, theme, entries, periods: run.length });
        }
        run = [];
      };
      // A date without the theme ends the run, so the run's last date is always the previous date.
      for (const d of dates) {
        if (!byDate.has(d)) {
          flush();
          continue;
        }
        const prev = run[run.length - 1];
        if (prev !== undefined && d - prev > MAX_GAP_MONTHS) flush();
        run.push(d);
      }
      flush();
    }
  }
  // Theme ids are ASCII: code-unit order, not the (slow) locale collation.
  return runs.sort((a, b) => b.periods - a.periods || a.unit - b.unit || (a.theme < b.theme ? -1 : a.theme > b.theme ? 1 : 0));
}
