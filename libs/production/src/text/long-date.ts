const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "March 4, 2026" from an ISO date or date-time, using the calendar date as written. */
export function longDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso.trim());
  if (!match) throw new Error(`Not an ISO date: "${iso}"`);
  const [, year, month, day] = match;
  const monthName = MONTHS[Number(month) - 1];
  if (!monthName) throw new Error(`Not an ISO date: "${iso}"`);
  return `${monthName} ${Number(day)}, ${year}`;
}
