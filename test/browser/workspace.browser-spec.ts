/// <reference lib="dom" />
import { eventually } from '../support/api-client';
import { browserSuite, caseInLegalReview, checkScreen, libraryDate, signIn, waitForState } from './browser';

jest.setTimeout(300_000);

/** The actions and screens added for a records office: deadlines, safeguards, documents, notifications, sessions. */
describe('the workspace a records office runs on, in Chromium', () => {
  const suite = browserSuite('browser-workspace', ['clerk', 'attorney', 'director']);

  it('says how long is left next to each deadline, names it in the case list, and lays deadlines out on a month calendar', async () => {
    const { id, caseNumber } = await caseInLegalReview(await suite.system.as('clerk'));
    const page = await signIn(suite.browser, suite.system, 'clerk', `/cases/${id}`);
    suite.pages.push(page);
    const deadlines = page.getByRole('region', { name: 'Deadlines' });
    await deadlines.getByText(/due in \d+ working days?|due tomorrow|due today/).first().waitFor();
    await checkScreen(page, 'case-page-deadlines');

    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    const row = page.getByRole('row', { name: new RegExp(caseNumber) });
    await row.getByText('Legal review target').waitFor();
    await row.getByText(/due in \d+ working days?|due tomorrow|due today/).waitFor();
    await checkScreen(page, 'case-list');

    await page.getByRole('link', { name: 'Calendar' }).click();
    await page.getByRole('heading', { name: 'Deadline calendar' }).waitFor();
    const calendar = page.locator('table.calendar');
    await calendar.getByRole('link', { name: caseNumber }).first().waitFor();
    await checkScreen(page, 'calendar');
    await page.getByRole('button', { name: 'Next month' }).click();
    await page.getByRole('button', { name: 'This month' }).click();
    await calendar.getByRole('link', { name: caseNumber }).first().waitFor();
  });

  it('opens the attached order inside the page (an audited read) and warns when a case has no instrument', async () => {
    const clerk = await suite.system.as('clerk');
    const withOrder = await caseInLegalReview(clerk);
    const withoutOrder = await caseInLegalReview(clerk, { summary: 'Order said to follow by mail' }, false);
    const attorney = await signIn(suite.browser, suite.system, 'attorney', `/cases/${withOrder.id}`);
    suite.pages.push(attorney);
    const readsBefore = ((await suite.system.admin.get(`/api/cases/${withOrder.id}/events`)).body.items as { action: string }[]).filter((e) => e.action === 'document.read').length;
    await attorney.getByRole('button', { name: 'View signed-order.pdf' }).click();
    const viewer = attorney.getByRole('region', { name: 'Document signed-order.pdf' });
    await viewer.locator('iframe[title="signed-order.pdf (PDF)"]').waitFor();
    await eventually(
      async () => ((await suite.system.admin.get(`/api/cases/${withOrder.id}/events`)).body.items as { action: string }[]).filter((e) => e.action === 'document.read').length,
      (n) => n === readsBefore + 1,
    );
    await checkScreen(attorney, 'document-viewer');
    await attorney.getByRole('button', { name: /Close the document/ }).click();
    // Exactly one audited read for one opening, however often the page re-rendered meanwhile (resizes, axe).
    expect(((await suite.system.admin.get(`/api/cases/${withOrder.id}/events`)).body.items as { action: string }[]).filter((e) => e.action === 'document.read').length).toBe(readsBefore + 1);

    await attorney.goto(`/cases/${withoutOrder.id}/review`);
    await attorney.getByRole('heading', { name: 'No copy of the court order is attached' }).waitFor();
    const checklist = attorney.locator('fieldset.checklist');
    for (const box of await checklist.locator('input[type=checkbox]').all()) await box.check();
    await attorney.getByLabel('Sufficient', { exact: true }).check();
    await attorney.getByRole('button', { name: 'Record review' }).click();
    expect(await attorney.locator('#field-sufficiency-error').textContent()).toMatch(/No copy of the court order is attached/);
    await checkScreen(attorney, 'review-missing-instrument');
    expect((await suite.system.admin.get(`/api/cases/${withoutOrder.id}`)).body.reviews).toEqual([]);
  });

  it('renews and releases a preservation hold, and extends a public-records determination with its reasons', async () => {
    const clerk = await suite.system.as('clerk');
    const emergency = await caseInLegalReview(clerk, { requestType: 'emergency', emergency: true, instrument: { description: 'Officer reports an exigent threat' } }, false);
    const attorney = await signIn(suite.browser, suite.system, 'attorney', `/cases/${emergency.id}`);
    suite.pages.push(attorney);
    const holds = attorney.getByRole('region', { name: 'Preservation holds' });
    await holds.getByText(/^Active: placed/).waitFor();
    await holds.getByRole('button', { name: 'Renew hold' }).click();
    await holds.getByRole('button', { name: 'Yes, renew hold' }).click();
    await holds.getByText(/renewed 1×/).waitFor();
    expect(await holds.getByRole('button', { name: 'Renew hold' }).count()).toBe(0);
    await checkScreen(attorney, 'holds');
    await holds.getByRole('button', { name: 'Release hold' }).click();
    await holds.getByRole('button', { name: 'Yes, release hold' }).click();
    await holds.getByText(/^Released: placed/).waitFor();

    const cpra = await caseInLegalReview(clerk, { requestType: 'public_records', requester: { name: 'A. Reporter', verification: 'not_verified' }, instrument: {}, receivedAt: `${libraryDate(-2)}T09:00:00-08:00` }, false);
    // The head of the agency names the attorney as designee to sign the extension (Gov. Code § 7922.535(b)).
    expect((await (await suite.system.as('director')).post(`/api/cases/${cpra.id}/extension-designee`, { userId: suite.system.userId('attorney') })).status).toBeLessThan(300);
    await attorney.goto(`/cases/${cpra.id}`);
    await attorney.getByRole('button', { name: 'Extend the determination deadline' }).click();
    await attorney.getByLabel(/Days added/).fill('20');
    await attorney.getByLabel(/How it applies/).fill('short');
    await attorney.getByRole('button', { name: 'Extend and send the extension letter' }).click();
    // Both problems in one round, before anything is sent.
    expect(await attorney.locator('#field-days-error').textContent()).toMatch(/from 1 to 14/);
    expect(await attorney.locator('#field-detail-error').textContent()).toMatch(/at least 10 characters/);
    expect(await attorney.locator('#field-ground-error').textContent()).toMatch(/§ 7922\.535\(c\)/);
    await checkScreen(attorney, 'extension-form-errors');
    await attorney.getByLabel(/Days added/).fill('14');
    await attorney.getByLabel(/Unusual circumstance/).first().selectOption('field_facilities');
    await attorney.getByLabel(/How it applies/).fill('The records must be searched for at the branch library, a separate facility.');
    await attorney.getByRole('button', { name: 'Extend and send the extension letter' }).click();
    await attorney.getByRole('region', { name: 'Deadlines' }).getByText(/Extended by 14 days/).first().waitFor({ state: 'attached' });
    expect(await attorney.getByRole('button', { name: 'Extend the determination deadline' }).count()).toBe(0);
  });

  it('triages notifications: filter by case, mark one case read, then all', async () => {
    const clerk = await suite.system.as('clerk');
    const first = await caseInLegalReview(clerk);
    const second = await caseInLegalReview(clerk);
    const attorney = await signIn(suite.browser, suite.system, 'attorney', '/notifications');
    suite.pages.push(attorney);
    await attorney.getByRole('heading', { name: 'Notifications' }).waitFor();
    const caseFilter = attorney.getByLabel('Case', { exact: true });
    await caseFilter.selectOption({ label: first.caseNumber });
    await attorney.getByText(/unread on this case/).waitFor();
    await checkScreen(attorney, 'notifications');
    await attorney.getByRole('button', { name: 'Mark this case’s notifications read' }).click();
    await attorney.getByText(/^0 unread on this case/).waitFor();
    await caseFilter.selectOption({ label: 'All cases' });
    const unread = Number((await attorney.getByText(/^\d+ unread;/).textContent())!.match(/^(\d+)/)![1]);
    expect(unread).toBeGreaterThan(0);
    const mine = (await (await suite.system.as('attorney')).get('/api/notifications')).body as { items: { caseId: string; readAt: string | null }[] };
    expect(mine.items.filter((n) => n.caseId === first.id).every((n) => n.readAt)).toBe(true);
    expect(mine.items.some((n) => n.caseId === second.id && !n.readAt)).toBe(true);
    await attorney.getByRole('button', { name: 'Mark all read' }).click();
    await attorney.getByText(/^0 unread;/).waitFor();
  });

  it('withdraws a case after asking, and explains a session that ended while the tab was away', async () => {
    const { id, caseNumber } = await caseInLegalReview(await suite.system.as('clerk'));
    const clerk = await signIn(suite.browser, suite.system, 'clerk', `/cases/${id}`);
    suite.pages.push(clerk);
    await clerk.getByRole('button', { name: 'Withdraw case' }).click();
    await clerk.getByRole('group', { name: 'Confirm: Withdraw case' }).waitFor();
    await checkScreen(clerk, 'withdraw-confirm');
    await clerk.getByRole('button', { name: 'Yes, withdraw case' }).click();
    await waitForState(clerk, 'Withdrawn');

    // The token kept in the tab no longer works (expired, or the account was signed out elsewhere).
    await clerk.evaluate(() => {
      for (const key of Object.keys(sessionStorage)) sessionStorage.setItem(key, 'expired.token.value');
    });
    await clerk.reload();
    await clerk.getByRole('heading', { name: 'Your session ended' }).waitFor();
    await checkScreen(clerk, 'sign-in-session-ended');
    await clerk.getByLabel('Username').fill('clerk.kim');
    await clerk.getByLabel('Password').fill('correct-horse-battery');
    await clerk.getByRole('button', { name: 'Sign in' }).click();
    await clerk.getByRole('heading', { name: `Case ${caseNumber}` }).waitFor();
  });

  it('keeps what was typed when the session ends mid-task, and sends it after signing in again', async () => {
    const { id } = await caseInLegalReview(await suite.system.as('clerk'), { requestType: 'public_records', requester: { name: 'A. Reporter', verification: 'not_verified' }, instrument: {} }, false);
    await suite.system.as('attorney');
    expect((await (await suite.system.as('director')).post(`/api/cases/${id}/extension-designee`, { userId: suite.system.userId('attorney') })).status).toBeLessThan(300);
    const attorney = await signIn(suite.browser, suite.system, 'attorney', `/cases/${id}`);
    suite.pages.push(attorney);
    await attorney.getByRole('button', { name: 'Extend the determination deadline' }).click();
    await attorney.getByLabel(/Unusual circumstance/).first().selectOption('voluminous_records');
    await attorney.getByLabel(/How it applies/).fill('A voluminous amount of separate records is demanded.');
    await attorney.evaluate(() => {
      for (const key of Object.keys(sessionStorage)) sessionStorage.setItem(key, 'expired.token.value');
    });
    await attorney.getByRole('button', { name: 'Extend and send the extension letter' }).click();
    const dialog = attorney.getByRole('dialog', { name: 'Your session has ended' });
    await dialog.waitFor();
    await checkScreen(attorney, 'session-expired-dialog');
    await dialog.getByLabel('Password').fill('correct-horse-battery');
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await attorney.getByLabel(/How it applies/).inputValue()).toBe('A voluminous amount of separate records is demanded.');
    await attorney.getByRole('button', { name: 'Extend and send the extension letter' }).click();
    await attorney.getByRole('region', { name: 'Deadlines' }).getByText(/Extended by 14 days/).first().waitFor({ state: 'attached' });
  });

  it('lets the administrator set the deadline numbers and the city calendar, change roles and reset a password', async () => {
    const admin = await signIn(suite.browser, suite.system, 'admin', '/settings');
    suite.pages.push(admin);
    await admin.getByRole('heading', { name: 'Settings' }).waitFor();
    await admin.getByLabel('CPRA determination (days)').fill('12');
    await admin.getByRole('button', { name: 'Save deadline settings' }).click();
    // The law's ceiling is the server's to enforce, and it says so in words.
    await admin.getByRole('alert').filter({ hasText: 'The deadline settings were not saved' }).waitFor();
    expect(await admin.getByRole('alert').filter({ hasText: 'The deadline settings were not saved' }).textContent()).toMatch(/7922\.535|at most 10/);
    await admin.getByLabel('CPRA determination (days)').fill('9');
    await admin.getByRole('button', { name: 'Save deadline settings' }).click();
    await admin.getByText('Saved 1 change(s).').waitFor();
    const holidays = admin.getByRole('form', { name: 'Add a city holiday' });
    await holidays.getByLabel('Date').fill(libraryDate(30));
    await holidays.getByLabel('Name').fill('Founders Day (city)');
    await holidays.getByRole('button', { name: 'Add holiday' }).click();
    await admin.getByText(/Founders Day \(city\)/).first().waitFor();
    await checkScreen(admin, 'settings');
    const stored = (await suite.system.admin.get('/api/settings')).body.deadlines;
    expect(stored.cpraDeterminationDays).toBe(9);
    expect(stored.cityHolidays).toEqual([{ date: libraryDate(30), name: 'Founders Day (city)' }]);

    await admin.getByRole('link', { name: 'Users' }).click();
    await admin.getByRole('button', { name: 'Edit roles or reset password of Kim Records' }).click();
    const edit = admin.getByRole('form', { name: 'Edit the account of Kim Records' });
    await edit.getByLabel('Auditor').check();
    await edit.getByLabel('New password').fill('short');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    expect(await admin.locator('#field-password-error').textContent()).toMatch(/at least 12 characters/);
    await edit.getByLabel('New password').fill('a-new-long-password-2026');
    await checkScreen(admin, 'users-edit');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await admin.getByRole('row', { name: /Kim Records/ }).getByText('Records clerk, Auditor').waitFor();
    await suite.system.anonymous.login('clerk.kim', 'a-new-long-password-2026');
  });
});
