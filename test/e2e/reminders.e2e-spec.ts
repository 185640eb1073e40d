import { ApiClient, eventually } from '../support/api-client';
import { withDatabase } from '../support/services';
import { TestMailServer } from '../support/smtp';
import { TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(180_000);

const PUBLIC_URL = 'https://custodian.example.gov';
const ATTORNEY_MAIL = 'ravi.patel@library.example.gov';
const DIRECTOR_MAIL = 'maria.lopez@library.example.gov';

function libraryDate(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Reminders outside the app: e-mail through a real SMTP server, and the private calendar feed. */
describe('reminders by e-mail and calendar feed', () => {
  let mail: TestMailServer;
  let system: TestSystem;
  let clerk: ApiClient;
  let attorney: ApiClient;
  let director: ApiClient;

  beforeAll(async () => {
    mail = await TestMailServer.start();
    system = await TestSystem.start('reminders', { env: { SMTP_URL: mail.url, MAIL_FROM: 'Custodian <records@library.example.gov>', MAIL_SWEEP_MS: '300', PUBLIC_URL } });
    clerk = await system.as('clerk');
    attorney = await system.as('attorney');
    director = await system.as('director');
    for (const [key, email] of [['attorney', ATTORNEY_MAIL], ['director', DIRECTOR_MAIL]] as const) {
      expect((await system.admin.patch(`/api/users/${system.userId(key)}`, { email })).status).toBe(200);
    }
  });
  afterAll(async () => {
    await system?.stop();
    await mail?.stop();
  });

  /** A court order whose compliance date has passed: due-soon goes to the attorney, overdue escalates to the director. */
  async function lateOrder(summary: string) {
    const created = await clerk.post('/api/cases', courtOrderCase({
      receivedAt: `${libraryDate(-6)}T10:00:00-08:00`,
      instrument: { ...courtOrderCase().instrument, issuedAt: libraryDate(-6), complianceDate: libraryDate(-2) },
      summary,
    }));
    expect(created.status).toBe(201);
    expect((await clerk.post(`/api/cases/${created.body.id}/submit`)).status).toBe(202);
    await eventually(() => clerk.get(`/api/cases/${created.body.id}`).then((r) => r.body), (c) => c.status === 'legal_review' && !c.pendingStep);
    return created.body as { id: string; caseNumber: string };
  }

  const attorneyMailsInFlight = () => withDatabase(system.environment.databaseUrl!, async (db) => (await db.query(
    `SELECT count(*)::int AS n FROM notification_emails e JOIN notifications n ON n.id = e."notificationId" WHERE n."userId" = $1 AND e.status = 'sending'`,
    [system.userId('attorney')],
  )).rows[0].n as number);

  it('refuses e-mail for an account without an address, and takes only true or false', async () => {
    expect((await clerk.put('/api/me/preferences', { emailReminders: true })).status).toBe(422);
    expect((await attorney.put('/api/me/preferences', { emailReminders: 'yes' })).status).toBe(400);
    expect((await attorney.put('/api/me/preferences', { emailReminders: true, extra: 1 })).status).toBe(400);
    const on = await attorney.put('/api/me/preferences', { emailReminders: true });
    expect(on.body).toMatchObject({ emailReminders: true, email: ATTORNEY_MAIL, mailConfigured: true });
    expect((await director.put('/api/me/preferences', { emailReminders: true })).status).toBe(200);
  });

  it('e-mails the assignment, the reminder and the escalation to the people who opted in: the case number and a link, no patron data', async () => {
    const order = await lateOrder('Circulation records of Jane Doe, card 23000000012345');
    const link = `${PUBLIC_URL}/cases/${order.id}`;
    const subjects = (address: string) => mail.to(address).map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1] ?? '');
    await eventually(async () => subjects(ATTORNEY_MAIL), (s) => s.some((x) => x.includes('Case assigned to you')) && s.some((x) => x.includes('Deadline coming up')), 60_000);
    await eventually(async () => subjects(DIRECTOR_MAIL), (s) => s.some((x) => x.includes('Deadline missed')), 60_000);
    for (const message of [...mail.to(ATTORNEY_MAIL), ...mail.to(DIRECTOR_MAIL)]) {
      expect(message.from).toBe('records@library.example.gov');
      expect(message.text).toContain(order.caseNumber);
      expect(message.text).toContain(link);
      for (const secret of ['Jane Doe', '23000000012345', 'Ruiz', 'Palm Desert Police', 'RIC2600123', 'Ortega', 'aruiz@example.gov', 'Circulation records']) {
        expect(message.text).not.toContain(secret);
        expect(message.raw).not.toContain(secret);
      }
    }
    expect(subjects(ATTORNEY_MAIL).find((s) => s.includes('Deadline coming up'))).toBe(`[Custodian] Deadline coming up: case ${order.caseNumber}`);
  });

  it('reminds the clerk who holds a late case at intake, and the attorney again once it is theirs', async () => {
    const created = await clerk.post('/api/cases', courtOrderCase({
      receivedAt: `${libraryDate(-6)}T10:00:00-08:00`,
      instrument: { ...courtOrderCase().instrument, issuedAt: libraryDate(-6), complianceDate: libraryDate(-2) },
      summary: 'Entered late',
    }));
    expect(created.status).toBe(201);
    const dueSoon = async (who: ApiClient) => ((await who.get('/api/notifications')).body.items as { caseId: string; kind: string }[])
      .filter((n) => n.caseId === created.body.id && n.kind === 'due_soon');
    // The reminder fires at once (the date has passed) while the clerk still holds the case...
    await eventually(() => dueSoon(clerk), (n) => n.length > 0, 60_000);
    expect(await dueSoon(attorney)).toEqual([]);
    // ...and the hand-over to the attorney plans one for the attorney, who was never told.
    expect((await clerk.post(`/api/cases/${created.body.id}/submit`)).status).toBe(202);
    await eventually(() => dueSoon(attorney), (n) => n.length > 0, 60_000);
  });

  it('stops e-mailing a person who turns it off, while the in-app notifications go on', async () => {
    expect((await attorney.put('/api/me/preferences', { emailReminders: false })).body.emailReminders).toBe(false);
    // A mail the worker was already sending (it read the preference before the change: the last test's case) still
    // arrives, so count from once nothing of the attorney's is in flight; every later send reads the new preference.
    await eventually(() => attorneyMailsInFlight(), (n) => n === 0, 60_000);
    const before = mail.to(ATTORNEY_MAIL).length;
    const order = await lateOrder('Second order');
    // The director's mail for the new case proves the mailer has passed the attorney's new notifications.
    await eventually(async () => mail.to(DIRECTOR_MAIL).filter((m) => m.text.includes(order.caseNumber)).length, (n) => n >= 2, 60_000);
    const inApp = (await attorney.get('/api/notifications')).body.items as { caseId: string }[];
    expect(inApp.filter((n) => n.caseId === order.id).length).toBeGreaterThan(0);
    expect(mail.to(ATTORNEY_MAIL).length).toBe(before);
  });

  it('serves a private, revocable iCalendar feed of the person’s deadlines', async () => {
    const order = await lateOrder('Third order');
    const created = await attorney.post('/api/me/calendar-feed');
    expect(created.status).toBe(201);
    const url: string = created.body.url;
    expect(url).toMatch(new RegExp(`^${PUBLIC_URL}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    const feedPath = url.slice(PUBLIC_URL.length);
    const feed = await system.anonymous.get(feedPath);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    // Lines longer than 75 octets are folded (RFC 5545 § 3.1); read the feed unfolded.
    const ics = String(feed.body).replace(/\r\n[ \t]/g, '');
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics).toContain(`SUMMARY:Case ${order.caseNumber}: Compliance date`);
    expect(ics).toContain(`DTSTART;VALUE=DATE:${libraryDate(-2).replace(/-/g, '')}`);
    expect(ics).toContain(`${PUBLIC_URL}/cases/${order.id}`);
    for (const secret of ['Jane Doe', '23000000012345', 'Ruiz', 'Palm Desert Police', 'Third order']) expect(ics).not.toContain(secret);
    expect((await attorney.get('/api/me/preferences')).body.calendarFeedActive).toBe(true);

    // A new address replaces the old one; revoking ends it; guesses and other names are 404.
    const rotated = (await attorney.post('/api/me/calendar-feed')).body.url as string;
    expect((await system.anonymous.get(feedPath)).status).toBe(404);
    expect((await system.anonymous.get(rotated.slice(PUBLIC_URL.length))).status).toBe(200);
    expect((await attorney.request('DELETE', '/api/me/calendar-feed')).status).toBe(204);
    expect((await system.anonymous.get(rotated.slice(PUBLIC_URL.length))).status).toBe(404);
    expect((await system.anonymous.get('/calendar/not-a-token.ics')).status).toBe(404);
    expect((await system.anonymous.get('/api/me/preferences')).status).toBe(401);
  });
});
