// The one set of filters every view honours (and that lives in the URL).
import type { Period } from './types.js';

export interface Filters {
  department?: string;
  unit?: string;
  year?: number;
  period?: Period;
}

export const FILTER_KEYS = ['department', 'unit', 'year', 'period'] as const;
