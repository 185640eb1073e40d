import type { CaseSummary, DueItem, Urgency } from '../api/schema';
import { addDays, daysBetween } from '../lib/pacific-time';
import { formatShortDate } from '../lib/format';
import type { Bar } from './BarChart';

/**
 * Counts the server already made (GET /api/reports/caseload) as bars in the order of `keys`; a key the
 * workspace does not know yet is added at the end under its code rather than dropped.
 */
export function tallyBars<K extends string>(counts: Partial<Record<K, number>>, keys: K[], labels: Record<K, string>, keepZero = false): Bar[] {
  const unknown = (Object.keys(counts) as K[]).filter((k) => !keys.includes(k));
  return [...keys, ...unknown].map((k) => ({ label: labels[k] ?? k, value: counts[k] ?? 0, tone: `tone-${k}` })).filter((b) => keepZero || b.value > 0);
}

export const RESPONSE_BUCKETS: { label: string; max: number }[] = [
  { label: '0–5 days', max: 5 },
  { label: '6–10 days', max: 10 },
  { label: '11–20 days', max: 20 },
  { label: '21–30 days', max: 30 },
  { label: 'Over 30 days', max: Infinity },
];

/** Days from receipt to the director's decision, for cases that have one (each case once). */
export function responseDays(cases: Pick<CaseSummary, 'id' | 'receivedAt' | 'decidedAt'>[]): number[] {
  const seen = new Set<string>();
  return cases
    .filter((c) => c.decidedAt && !seen.has(c.id) && seen.add(c.id))
    .map((c) => Math.max(0, Math.round((Date.parse(c.decidedAt!) - Date.parse(c.receivedAt)) / 86_400_000)));
}

export function responseTimeBars(days: number[]): Bar[] {
  return RESPONSE_BUCKETS.map((bucket, i) => ({
    label: bucket.label,
    value: days.filter((d) => d <= bucket.max && (i === 0 || d > RESPONSE_BUCKETS[i - 1].max)).length,
  }));
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

export interface WeekColumn {
  label: string;
  from: string | null;
  to: string;
  items: DueItem[];
}

/** Open deadlines in columns: overdue, then one column per week starting today. */
export function weekColumns(items: DueItem[], today: string, weeks: number): WeekColumn[] {
  const columns: WeekColumn[] = [{ label: 'Overdue', from: null, to: addDays(today, -1), items: [] }];
  for (let w = 0; w < weeks; w++) {
    const from = addDays(today, 7 * w);
    const to = addDays(from, 6);
    columns.push({ label: w === 0 ? 'Next 7 days' : `From ${formatShortDate(from)}`, from, to, items: [] });
  }
  for (const item of items) {
    const offset = daysBetween(today, item.dueDate);
    const index = offset < 0 ? 0 : Math.floor(offset / 7) + 1;
    if (index < columns.length) columns[index].items.push(item);
  }
  return columns;
}

export const URGENCY_ORDER: Urgency[] = ['overdue', 'due_today', 'due_soon', 'later'];
