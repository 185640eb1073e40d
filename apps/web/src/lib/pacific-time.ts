/** The library keeps California time: dates and times it records are Pacific, whatever the browser's zone. */
export const LIBRARY_TIME_ZONE = 'America/Los_Angeles';

function parts(date: Date, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const list = new Intl.DateTimeFormat('en-US', { timeZone: LIBRARY_TIME_ZONE, hourCycle: 'h23', ...options }).formatToParts(date);
  return Object.fromEntries(list.map((p) => [p.type, p.value]));
}

/** Today's date in the library's zone, YYYY-MM-DD. */
export function libraryToday(now = new Date()): string {
  const p = parts(now, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return `${p.year}-${p.month}-${p.day}`;
}

/** An instant as the library's wall-clock time, for a datetime-local input: YYYY-MM-DDTHH:mm. */
export function toLibraryLocal(instant: string | Date): string {
  const p = parts(new Date(instant), { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The zone's UTC offset (e.g. -08:00) at an instant. */
function offsetAt(instant: Date): string {
  const name = parts(instant, { timeZoneName: 'longOffset' }).timeZoneName ?? 'GMT';
  const match = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return match ? `${match[1]}:${match[2] ?? '00'}` : '+00:00';
}

/** A wall-clock time in the library's zone (YYYY-MM-DDTHH:mm) as ISO 8601 with its offset. */
export function libraryLocalToIso(local: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return local;
  const guess = new Date(`${local}:00Z`);
  const offset = offsetAt(new Date(guess.getTime() + 8 * 3600_000));
  return `${local}:00${offset}`;
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  return Math.round((Date.parse(`${toIsoDate}T00:00:00Z`) - Date.parse(`${fromIsoDate}T00:00:00Z`)) / 86_400_000);
}
