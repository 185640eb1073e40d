import { createHash, randomBytes } from 'node:crypto';
import ical from 'ical-generator';
import { DataSource, In, LessThanOrEqual } from 'typeorm';
import type { Actor } from '@custodian/auth';
import { canSeeCase, pacificToday } from '@custodian/cases';
import { addDays, OPEN_STATES } from '@custodian/domain';
import { CaseEntity, DeadlineEntity } from '@custodian/persistence';

/** A feed secret: 32 random bytes, URL-safe. Only its SHA-256 is stored. */
export function newFeedToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: feedTokenHash(token) };
}

export function feedTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** How far ahead the feed reaches; overdue open deadlines are always in it. */
const FEED_DAYS_AHEAD = 366;

/**
 * The person's deadlines as iCalendar: one all-day event per open deadline on an open case they may see (gag
 * orders apply as in the app). Each event says only the case number, the clock and a link: no requester, no
 * patron, no instrument, since a calendar is read on phones and shared more widely than the app.
 */
export async function calendarFeed(dataSource: DataSource, actor: Actor, publicUrl: string): Promise<string> {
  const today = pacificToday();
  const deadlines = await dataSource.getRepository(DeadlineEntity).find({ where: { status: 'open', dueDate: LessThanOrEqual(addDays(today, FEED_DAYS_AHEAD)) }, order: { dueDate: 'ASC' } });
  const cases = deadlines.length
    ? await dataSource.getRepository(CaseEntity).find({ where: { id: In([...new Set(deadlines.map((d) => d.caseId))]), status: In([...OPEN_STATES]) } })
    : [];
  const visible = new Map(cases.filter((row) => canSeeCase(actor, row, today)).map((row) => [row.id, row]));
  const calendar = ical({ name: 'Custodian deadlines', prodId: { company: 'Custodian', product: 'deadlines', language: 'EN' }, ttl: 3600 });
  for (const d of deadlines) {
    const row = visible.get(d.caseId);
    if (!row || !d.dueDate) continue;
    const link = `${publicUrl}/cases/${row.id}`;
    calendar.createEvent({
      id: `${d.caseId}-${d.clock}@custodian`,
      start: new Date(`${d.dueDate}T00:00:00Z`),
      allDay: true,
      summary: `Case ${row.caseNumber}: ${d.label}`,
      description: `${d.label} for case ${row.caseNumber}${d.dueDate < today ? ' (overdue)' : ''}. Open the case: ${link}`,
      url: link,
    });
  }
  return calendar.toString();
}
