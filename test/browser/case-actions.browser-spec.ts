/// <reference lib="dom" />
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { eventually } from '../support/api-client';
import { SUFFICIENT_COURT_ORDER_REVIEW, courtOrderCase } from '../support/system';
import { KOHA_EXPORT, browserSuite, caseInLegalReview, checkScreen, libraryDate, signIn, waitForState } from './browser';

jest.setTimeout(400_000);

/**
 * The actions the API allowed that the workspace lacked: the director's send-back and letter preview, secure
 * delivery links (create, state, revoke), the recorded lift of a statutory gag, and the admin's settings (rules,
 * calendar, retention) persisting, with refusals in words.
 */
describe('sending back, previewing, delivering by link, lifting a gag and the admin’s settings, in Chromium', () => {
  const suite = browserSuite('browser-case-actions', ['clerk', 'attorney', 'director', 'otherClerk']);
  const eventsOf = async (caseId: string) => ((await suite.system.admin.get(`/api/cases/${caseId}/events`)).body.items as { action: string }[]).map((e) => e.action);
  let fulfilled: { id: string; caseNumber: string };

  async function reviewed(caseId: string) {
    const attorney = await suite.system.as('attorney');
    expect((await attorney.post(`/api/cases/${caseId}/review`, SUFFICIENT_COURT_ORDER_REVIEW)).status).toBe(202);
    await eventually(() => attorney.get(`/api/cases/${caseId}`).then((r) => r.body), (c) => c.status === 'awaiting_approval' && !c.pendingStep, 60_000);
  }

  it('the director sends a review back with a reason the attorney reads, then approves after seeing the cover letter', async () => {
    fulfilled = await caseInLegalReview(await suite.system.as('clerk'), {}, true, KOHA_EXPORT);
    const { id, caseNumber } = fulfilled;
    await reviewed(id);

    const director = await signIn(suite.browser, suite.system, 'director', `/cases/${id}`);
    suite.pages.push(director);
    await director.getByRole('heading', { name: 'Decide this case' }).waitFor();
    await director.getByRole('button', { name: 'Send back for another review' }).click();
    const sendBack = director.getByRole('form', { name: 'Send back for another review' });
    await sendBack.getByLabel(/Why it goes back/).fill('too short');
    await sendBack.getByRole('button', { name: 'Send back', exact: true }).click();
    expect(await director.locator('#field-reason-error').textContent()).toMatch(/at least 10 characters/);
    const reason = 'The order names two patrons; check whether the second card number is in scope.';
    await sendBack.getByLabel(/Why it goes back/).fill(reason);
    await sendBack.getByRole('button', { name: 'Send back', exact: true }).click();
    await sendBack.getByRole('alertdialog').waitFor();
    await checkScreen(director, 'send-back-confirm');
    await director.getByRole('button', { name: 'Yes, send it back' }).click();
    await waitForState(director, 'Legal review');
    await director.getByRole('region', { name: 'Sent back by the director' }).getByText(reason).waitFor();
    expect(await eventsOf(id)).toContain('case.sent_back');

    const attorney = await signIn(suite.browser, suite.system, 'attorney', `/cases/${id}/review`);
    suite.pages.push(attorney);
    await attorney.getByRole('heading', { name: `Review case ${caseNumber}` }).waitFor();
    await attorney.getByRole('region', { name: 'Sent back by the director' }).getByText(reason).waitFor();
    await attorney.getByRole('region', { name: 'Sent back by the director' }).getByText(/Maria Lopez, Library Director/).waitFor();
    await checkScreen(attorney, 'review-sent-back');
    await reviewed(id);

    await director.reload();
    await director.getByRole('heading', { name: 'Decide this case' }).waitFor();
    await director.getByLabel(/^Approve/).check();
    await director.getByRole('button', { name: 'Record decision' }).click();
    const preview = director.getByRole('region', { name: 'Preview of the production cover letter' });
    await preview.locator('iframe[title="production cover letter (PDF preview)"]').waitFor();
    // The counts come from the production's own redaction over the sealed records.
    const counts = director.getByRole('region', { name: 'What the production will contain' });
    await counts.getByRole('row', { name: /Loans/ }).waitFor();
    await eventually(() => eventsOf(id), (actions) => actions.includes('decision.previewed') && actions.includes('release.previewed'));
    await checkScreen(director, 'approval-letter-preview');
    await director.getByRole('button', { name: 'Yes, approve and produce' }).click();
    await waitForState(director, 'Fulfilled', 90_000);
  });

  it('the director previews the denial letter with the reasons ticked before denying', async () => {
    const { id } = await caseInLegalReview(await suite.system.as('clerk'));
    await reviewed(id);
    const director = await signIn(suite.browser, suite.system, 'director', `/cases/${id}`);
    suite.pages.push(director);
    await director.getByLabel(/^Deny/).check();
    const reasons = director.getByRole('group', { name: 'Reasons for the denial letter' });
    // The review recommended release without reasons, so none is pinned and the list of reasons starts open.
    await reasons.getByRole('checkbox', { name: /^Not signed by the issuing judge/ }).check();
    await director.getByRole('button', { name: 'Record decision' }).click();
    await director.getByRole('region', { name: 'Preview of the denial letter' }).locator('iframe').waitFor();
    await checkScreen(director, 'denial-letter-preview');
    // Going back changes nothing: the preview is not stored and the case still waits for the decision.
    await director.getByRole('button', { name: 'Go back' }).click();
    expect((await suite.system.admin.get(`/api/cases/${id}`)).body).toMatchObject({ status: 'awaiting_approval', decision: null });
  });

  it('the clerk issues secure links, sees each one’s downloads, expiry and revocation, and the address only once', async () => {
    const { id } = fulfilled;
    const clerk = await signIn(suite.browser, suite.system, 'clerk', `/cases/${id}`);
    suite.pages.push(clerk);
    const delivery = clerk.getByRole('region', { name: 'Delivery' });
    await delivery.getByText(/Nothing delivered yet/).waitFor();

    const createLink = async (hours: string, downloads: string) => {
      await delivery.getByRole('button', { name: 'Record delivery' }).click();
      await delivery.getByLabel(/How it was delivered/).selectOption('secure_link');
      await delivery.getByLabel(/Link works for/).fill(hours);
      await delivery.getByLabel(/Downloads allowed/).fill(downloads);
      await clerk.getByRole('button', { name: 'Create the link' }).click();
    };
    await createLink('0', '11');
    // Both mistakes in one round, in words, before anything is sent.
    expect(await clerk.locator('#field-expiresInHours-error').textContent()).toMatch(/from 1 to 720/);
    expect(await clerk.locator('#field-maxDownloads-error').textContent()).toMatch(/from 1 to 10/);
    await checkScreen(clerk, 'secure-link-errors');
    await delivery.getByLabel(/Link works for/).fill('48');
    await delivery.getByLabel(/Downloads allowed/).fill('2');
    await clerk.getByRole('button', { name: 'Create the link' }).click();
    const notice = delivery.getByRole('status').filter({ has: clerk.getByRole('heading', { name: 'Secure link for Det. A. Ruiz' }) });
    await notice.getByText(/shown only now/).waitFor();
    const firstUrl = await clerk.getByLabel('Link address').inputValue();
    expect(firstUrl).toMatch(/^http:\/\/[^/]+\/api\/public\/deliveries\/[A-Za-z0-9_-]{43}$/);
    await checkScreen(clerk, 'secure-link-created');

    // The requester downloads once: the first download is the delivery.
    const first = await fetch(firstUrl);
    expect(first.status).toBe(200);
    expect(Buffer.from(await first.arrayBuffer()).subarray(0, 4).toString('latin1')).toBe('%PDF');
    await delivery.getByRole('button', { name: 'Check again' }).click();
    await delivery.getByText(/^Active until .*; 1 of 2 downloads used/).waitFor();
    // The download delivered the file but is no acknowledgement; the requester then acknowledges it by its SHA-256.
    await delivery.getByText(/downloaded, not yet acknowledged$/).waitFor();
    const acknowledged = await fetch(`${firstUrl}/acknowledgement`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sha256: first.headers.get('x-content-sha256') }) });
    expect(acknowledged.status).toBe(200);
    await delivery.getByRole('button', { name: 'Check again' }).click();
    await delivery.getByText(/^Delivered .*; acknowledged /).waitFor();

    await createLink('72', '3');
    // The new link's notice replaces the first one's.
    await clerk.waitForFunction((previous) => (document.getElementById('new-link-url') as HTMLInputElement | null)?.value !== previous, firstUrl);
    const secondUrl = await clerk.getByLabel('Link address').inputValue();
    expect(secondUrl).toMatch(/\/api\/public\/deliveries\/[A-Za-z0-9_-]{43}$/);
    const db = new Client({ connectionString: suite.system.environment.databaseUrl });
    await db.connect();
    try {
      const tokenHash = createHash('sha256').update(secondUrl.split('/').pop()!, 'utf8').digest('hex');
      expect((await db.query(`UPDATE delivery_links SET "expiresAt" = now() - interval '1 minute' WHERE "tokenHash" = $1`, [tokenHash])).rowCount).toBe(1);
    } finally {
      await db.end();
    }
    await delivery.getByRole('button', { name: 'Check again' }).click();
    await delivery.getByText(/^Expired .*; 0 of 3 downloads used/).waitFor();

    await delivery.getByRole('button', { name: 'Revoke the link for Det. A. Ruiz' }).click();
    await delivery.getByText(/^Revoked .*; 1 of 2 downloads used/).waitFor();
    expect(await delivery.getByRole('button', { name: /^Revoke/ }).count()).toBe(0);
    expect((await fetch(firstUrl)).status).toBe(404);
    expect((await fetch(secondUrl)).status).toBe(404);

    // After a reload the addresses are gone for good: only their hashes are stored.
    await clerk.reload();
    await delivery.getByText(/^Revoked/).waitFor();
    const text = (await clerk.locator('main').textContent()) ?? '';
    for (const url of [firstUrl, secondUrl]) expect(text).not.toContain(url.split('/').pop());
    await checkScreen(clerk, 'deliveries-list');
    const actions = await eventsOf(id);
    expect(actions.filter((a) => a === 'delivery.link_created')).toHaveLength(2);
    expect(actions).toEqual(expect.arrayContaining(['delivery.downloaded', 'delivery.link_revoked']));
  });

  it('the attorney records the court order that lifted a national security letter’s gag; the case is then visible to all staff', async () => {
    const nsl = courtOrderCase({
      requestType: 'national_security_letter', nondisclosureUntil: null, receivedAt: `${libraryDate(-1)}T10:15:00-08:00`,
      requester: { name: 'SA J. Doe', agency: 'FBI Los Angeles', verification: 'id_copied' }, instrument: { issuedBy: 'FBI Los Angeles Field Office', issuedAt: libraryDate(-2) },
    });
    const { id, caseNumber } = await caseInLegalReview(await suite.system.as('clerk'), nsl);
    const other = await suite.system.as('otherClerk');
    expect((await other.get(`/api/cases/${id}`)).status).toBe(404);

    const attorney = await signIn(suite.browser, suite.system, 'attorney', `/cases/${id}`);
    suite.pages.push(attorney);
    const gag = attorney.getByRole('region', { name: 'Gag order' });
    await gag.getByText('Only when a court order or the government lifts it').waitFor();
    await gag.getByRole('button', { name: 'Record that the gag was lifted' }).click();
    await gag.getByLabel(/Lifted on/).fill(libraryDate(3));
    await gag.getByRole('button', { name: 'Record the lift' }).click();
    expect(await attorney.locator('#field-liftKind-error').textContent()).toMatch(/Choose what lifted the gag/);
    expect(await attorney.locator('#field-reference-error').textContent()).toMatch(/docket number/);
    expect(await attorney.locator('#field-liftedOn-error').textContent()).toMatch(/cannot be in the future/);
    await checkScreen(attorney, 'gag-lift-errors');
    await gag.getByLabel('A court order lifted it').check();
    await gag.getByLabel(/Reference/).fill('Order 26-mc-1 (C.D. Cal.)');
    await gag.getByLabel(/Lifted on/).fill(libraryDate(0));
    await gag.getByRole('button', { name: 'Record the lift' }).click();
    await gag.getByRole('alertdialog').waitFor();
    await checkScreen(attorney, 'gag-lift-confirm');
    await attorney.getByRole('button', { name: 'Yes, record the lift' }).click();
    await gag.getByText(/^By court order on /).waitFor();
    expect(await attorney.locator('.case-flags').textContent()).not.toMatch(/Gagged by statute/);
    expect(await gag.getByRole('button', { name: 'Record that the gag was lifted' }).count()).toBe(0);
    await checkScreen(attorney, 'gag-lifted');

    expect((await other.get(`/api/cases/${id}`)).body).toMatchObject({ caseNumber, underNondisclosure: false });
    expect(await eventsOf(id)).toContain('gag.lifted');
  });

  it('the attorney places and releases a litigation hold; the director names the attorney to sign a CPRA extension', async () => {
    const clerk = await suite.system.as('clerk');
    const { id } = await caseInLegalReview(clerk);
    const attorney = await signIn(suite.browser, suite.system, 'attorney', `/cases/${id}`);
    suite.pages.push(attorney);
    const holds = attorney.getByRole('region', { name: 'Litigation holds' });
    await holds.getByText(/^None\./).waitFor();
    await holds.getByRole('button', { name: 'Place a litigation hold' }).click();
    await holds.getByLabel(/Why the records must be kept/).fill('lawsuit');
    await holds.getByRole('button', { name: 'Place hold' }).click();
    expect(await attorney.locator('#field-holdReason-error').textContent()).toMatch(/at least 10 characters/);
    await holds.getByLabel(/Why the records must be kept/).fill('Doe v. City of Palm Desert, claim filed; keep everything.');
    await holds.getByRole('button', { name: 'Place hold' }).click();
    await holds.getByText(/^Active: nothing of this case is purged/).waitFor();
    await checkScreen(attorney, 'litigation-hold');
    await holds.getByRole('button', { name: 'Release litigation hold' }).click();
    await holds.getByRole('button', { name: 'Yes, release litigation hold' }).click();
    await holds.getByText(/^Released /).waitFor();
    expect(await eventsOf(id)).toEqual(expect.arrayContaining(['legal_hold.placed', 'legal_hold.released']));

    const cpra = await caseInLegalReview(clerk, { requestType: 'public_records', requester: { name: 'A. Reporter', verification: 'not_verified' }, instrument: {} }, false);
    const director = await signIn(suite.browser, suite.system, 'director', `/cases/${cpra.id}`);
    suite.pages.push(director);
    await director.getByText('Extension signed by: a director').waitFor();
    await director.getByRole('button', { name: 'Name Ravi Patel as designee' }).click();
    await director.getByText('Extension signed by: Ravi Patel, Deputy City Attorney (designee)').waitFor();
    await checkScreen(director, 'extension-designee');
    expect((await suite.system.admin.get(`/api/cases/${cpra.id}`)).body.cpraDesigneeId).toBe(suite.system.userId('attorney'));
  });

  it('the administrator reassigns a review to another attorney, with a reason', async () => {
    expect((await suite.system.admin.post('/api/users', { username: 'atty.second', displayName: 'Noor Second', title: 'Deputy City Attorney', roles: ['attorney'], password: 'quiet-meadow-lantern-93' })).status).toBe(201);
    const { id } = await caseInLegalReview(await suite.system.as('clerk'));
    const admin = await signIn(suite.browser, suite.system, 'admin', `/cases/${id}`);
    suite.pages.push(admin);
    const people = admin.getByRole('region', { name: 'People' });
    await people.getByRole('button', { name: 'Reassign' }).click();
    const form = admin.getByRole('form', { name: 'Reassign the case' });
    await form.getByRole('button', { name: 'Reassign' }).click();
    expect(await admin.locator('#field-slot-error').textContent()).toMatch(/Choose the review or the decision/);
    expect(await admin.locator('#field-reassignReason-error').textContent()).toMatch(/Say why/);
    await form.getByLabel('Duty').selectOption('attorney');
    await form.getByLabel(/Give it to/).selectOption({ label: 'Noor Second, Deputy City Attorney' });
    await form.getByLabel('Why').fill('Ravi Patel is on leave until the deadline has passed.');
    await checkScreen(admin, 'reassign');
    await form.getByRole('button', { name: 'Reassign' }).click();
    await people.locator('dd', { hasText: 'Noor Second, Deputy City Attorney' }).waitFor();
    expect((await suite.system.admin.get(`/api/cases/${id}`)).body.assignments.assignedAttorney.displayName).toBe('Noor Second');
  });

  it('the administrator changes counsel’s answers, the city calendar, the transparency settings and Koha’s anonymous patrons, and all survive a reload', async () => {
    const admin = await signIn(suite.browser, suite.system, 'admin', '/settings');
    suite.pages.push(admin);
    const counsel = admin.getByRole('form', { name: 'Counsel’s answers' });
    const warrant = counsel.getByLabel(/A search warrant counts as the court order/);
    const wasChecked = await warrant.isChecked();
    await warrant.setChecked(!wasChecked);
    await counsel.getByLabel(/Federal process/).selectOption('comply_when_valid');
    await counsel.getByRole('button', { name: 'Save counsel’s answers' }).click();
    await counsel.getByText('Saved.').waitFor();

    const holidays = admin.getByRole('form', { name: 'Add a city holiday' });
    await holidays.getByLabel('Date').fill(libraryDate(40));
    await holidays.getByRole('button', { name: 'Add holiday' }).click();
    expect(await admin.locator('#field-holidayName-error').textContent()).toMatch(/Name the holiday/);
    await holidays.getByLabel('Name').fill('Cesar Chavez Day (city)');
    await holidays.getByRole('button', { name: 'Add holiday' }).click();
    await admin.getByText(/Cesar Chavez Day \(city\)/).waitFor();

    const koha = admin.getByRole('form', { name: 'Koha settings' });
    await koha.getByLabel('AnonymousPatron borrowernumbers').fill('abc, 7');
    await koha.getByRole('button', { name: 'Save Koha settings' }).click();
    expect(await admin.locator('#field-anonymousPatrons-error').textContent()).toMatch(/“abc” is not a borrowernumber/);
    await koha.getByLabel('AnonymousPatron borrowernumbers').fill('7, 12');
    await koha.getByRole('button', { name: 'Save Koha settings' }).click();
    await koha.getByText(/^Saved\./).waitFor();

    const transparency = admin.getByRole('form', { name: 'Transparency report settings' });
    await transparency.getByLabel(/FISA figures published after/).fill('90');
    await transparency.getByRole('button', { name: 'Save transparency settings' }).click();
    // The statute's floor is the server's to state, next to the field.
    expect(await admin.locator('#field-fisaPublicationDelayDays-error').textContent()).toMatch(/from 180 \(50 U\.S\.C\. § 1874\(b\)\)/);
    await transparency.getByLabel(/FISA figures published after/).fill('200');
    await transparency.getByLabel('Requests under a court’s nondisclosure order').selectOption('by_type');
    await transparency.getByRole('button', { name: 'Save transparency settings' }).click();
    await transparency.getByText(/^Saved 2 change\(s\)/).waitFor();

    await admin.reload();
    await admin.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await admin.getByLabel('AnonymousPatron borrowernumbers').inputValue()).toBe('7, 12');
    expect(await admin.getByLabel(/FISA figures published after/).inputValue()).toBe('200');
    expect(await admin.getByLabel('Requests under a court’s nondisclosure order').inputValue()).toBe('by_type');
    expect(await admin.getByLabel(/A search warrant counts as the court order/).isChecked()).toBe(!wasChecked);
    expect(await admin.getByLabel(/Federal process/).inputValue()).toBe('comply_when_valid');
    await admin.getByText(/Cesar Chavez Day \(city\)/).waitFor();
    await checkScreen(admin, 'settings-saved');
    const stored = (await suite.system.admin.get('/api/settings')).body;
    expect(stored.rules).toMatchObject({ searchWarrantTreatedAsCourtOrder: !wasChecked, federalProcessHandling: 'comply_when_valid' });
    expect(stored.deadlines.cityHolidays).toEqual([{ date: libraryDate(40), name: 'Cesar Chavez Day (city)' }]);

    await admin.getByRole('button', { name: 'Remove Cesar Chavez Day (city)' }).click();
    await admin.getByText('No city holidays set.').waitFor();
    await admin.reload();
    await admin.getByText('No city holidays set.').waitFor();
  });

  it('the administrator changes the retention schedule; a period below the legal minimum is refused in words and nothing is saved', async () => {
    const admin = await signIn(suite.browser, suite.system, 'admin', '/settings');
    suite.pages.push(admin);
    await admin.getByRole('link', { name: 'retention screen' }).click();
    const editor = admin.getByRole('form', { name: 'Change the retention schedule' });
    const auditDays = editor.locator('#field-auditEventsDays');
    const before = await auditDays.inputValue();
    await auditDays.fill('30');
    await editor.getByRole('button', { name: 'Save retention schedule' }).click();
    const refusal = admin.getByRole('alert').filter({ hasText: 'The retention schedule was not saved' });
    await refusal.waitFor();
    // The server's reason, next to the field it names and in the summary, linked to it.
    expect(await refusal.textContent()).toMatch(/Audit events \(hash-chained log\) \(days\) — must be a whole number of days from 365/i);
    expect(await admin.locator('#field-auditEventsDays-error').textContent()).toMatch(/from 365/);
    expect(await auditDays.inputValue()).toBe('30');
    await checkScreen(admin, 'retention-refused');
    expect(String((await suite.system.admin.get('/api/settings/retention')).body.auditEventsDays)).toBe(before);

    await auditDays.fill('2000');
    await editor.getByRole('button', { name: 'Save retention schedule' }).click();
    await editor.getByText(/^Saved 1 change\(s\)/).waitFor();
    await admin.reload();
    await admin.getByRole('heading', { name: 'Retention' }).waitFor();
    expect(await admin.locator('#field-auditEventsDays').inputValue()).toBe('2000');
    await admin.getByRole('row', { name: /Audit events/ }).getByRole('cell', { name: '2000' }).waitFor();
    await checkScreen(admin, 'retention-saved');
    expect((await suite.system.admin.get('/api/settings/retention')).body.auditEventsDays).toBe(2000);
  });
});
