import { LIBRARY_TIME_ZONE } from './pacific-time';

const dateFormat = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const shortDateFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: LIBRARY_TIME_ZONE });

/** A calendar date (YYYY-MM-DD) as "Mon, Mar 2, 2026". */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? isoDate : dateFormat.format(d);
}

export function formatShortDate(isoDate: string): string {
  return shortDateFormat.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** An instant in the library's time: "Mar 2, 2026, 4:05 PM". */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? instant : `${dateTimeFormat.format(d)} PT`;
}

/**
 * A full ISO 8601 instant: date, time (seconds and fraction optional) and a zone, "Z" or an offset. Bare
 * dates and times without a zone are left alone, since they are already local or not instants at all.
 */
const ISO_INSTANT = /(?<![\w.:])\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})(?![\w:])/g;

/**
 * Rewrites the instants in a sentence from the server (such as a deadline's working, "Start: receipt of the
 * request, 2026-11-20T18:15:00.000Z → …") in the library's time; every other word is kept as it is.
 */
export function instantsInLibraryTime(text: string): string {
  return text.replace(ISO_INSTANT, (instant) => {
    const d = new Date(instant);
    return Number.isNaN(d.getTime()) ? instant : `${dateTimeFormat.format(d)} PT`;
  });
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "case.review_recorded" → "Case review recorded". */
export function humanize(code: string): string {
  const text = code.replace(/[._]/g, ' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
