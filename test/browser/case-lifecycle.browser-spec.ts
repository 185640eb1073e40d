/// <reference lib="dom" />
import { KOHA_EXPORT, browserSuite, checkScreen, caseIdFrom, downloadBytes, libraryDate, signIn, waitForState } from './browser';

jest.setTimeout(240_000);

describe('a court order from intake to production, in Chromium', () => {
  const suite = browserSuite('browser-lifecycle', ['clerk', 'attorney', 'director', 'auditor']);
  let caseId: string;
  let caseNumber: string;

  it('a clerk records a court order, keeps the form on errors, attaches the order, imports records and submits', async () => {
    const page = await signIn(suite.browser, suite.system, 'clerk');
    suite.pages.push(page);
    await page.getByRole('heading', { name: 'Deadline board' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');

    await page.getByRole('link', { name: 'New case' }).first().click();
    await page.getByRole('heading', { name: 'New case' }).waitFor();
    await page.getByLabel('Kind of request').selectOption('court_order');
    await page.getByLabel('Name', { exact: true }).fill('Det. A. Ruiz');
    await page.getByLabel('Agency').fill('Palm Desert Police');
    await page.getByLabel('Badge number').fill('4411');
    await page.getByLabel('E-mail', { exact: true }).fill('not-an-email');
    await page.getByLabel('How was their identity checked?').selectOption('id_copied');
    await page.getByLabel('Issuing court').fill('Superior Court of California, County of Riverside');
    await page.getByLabel('Judge').fill('Hon. L. Ortega');
    await page.getByLabel('Case (docket) number').fill('RIC2600123');
    await page.getByLabel('Date issued').fill(libraryDate(-2));
    await page.getByLabel('Comply by').fill(libraryDate(20));
    await page.getByLabel('Library card numbers').fill('abc, 12-');
    await page.getByLabel('From', { exact: true }).fill(libraryDate(-90));
    await page.getByLabel('To', { exact: true }).fill(libraryDate(-1));
    await page.getByLabel('Patron registration').check();
    await page.getByLabel('Loans', { exact: true }).check();
    await page.getByLabel('Summary for the file').fill('Order for the circulation records of one patron');
    await page.getByRole('button', { name: 'Save case' }).click();

    // Both mistakes are named in one round, in plain words, next to their fields; nothing typed is lost.
    const emailError = page.locator('#field-requester-email-error');
    await emailError.waitFor();
    expect(await emailError.textContent()).toMatch(/Enter an e-mail address such as name@agency\.gov/);
    expect(await page.locator('#field-scope-cardNumbers-error').textContent()).toMatch(/“abc”, “12-” are not library card numbers/);
    expect(await page.getByRole('alert').first().textContent()).toMatch(/not saved/);
    expect(await page.getByLabel('Judge').inputValue()).toBe('Hon. L. Ortega');
    expect(await page.getByLabel('Library card numbers').inputValue()).toBe('abc, 12-');
    await checkScreen(page, 'intake-form-with-errors');

    await page.getByLabel('E-mail', { exact: true }).fill('aruiz@example.gov');
    await page.getByLabel('Library card numbers').fill('23000000012345');
    await page.getByRole('button', { name: 'Save case' }).click();
    await page.getByRole('heading', { name: /^Case \d{4}-\d{4}$/ }).waitFor();
    caseId = caseIdFrom(page);
    caseNumber = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('Case ', '');
    await waitForState(page, 'Intake');

    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'court-order.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% scanned order\n') });
    await page.getByRole('button', { name: 'Attach document' }).click();
    await page.getByRole('rowheader', { name: 'court-order.pdf' }).waitFor();

    await page.getByLabel('ILS export file').setInputFiles({ name: 'koha-export.json', mimeType: 'application/json', buffer: Buffer.from(KOHA_EXPORT) });
    await page.getByRole('button', { name: 'Import records' }).click();
    await page.getByText(/\d+ rows? imported/).waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Submit for legal review' }).click();
    await waitForState(page, 'Legal review');
    await page.getByText('Ravi Patel, Deputy City Attorney').waitFor();
    await page.locator('.deadline').first().waitFor();
    await page.locator('.deadline summary').first().click();
    await page.locator('.explanation').first().waitFor();
    await checkScreen(page, 'case-page-legal-review');

    await page.getByRole('link', { name: 'Today' }).click();
    const board = page.getByRole('region', { name: 'Deadline board' });
    await board.getByRole('link', { name: caseNumber }).first().waitFor();
    await page.getByRole('img', { name: /Deadlines over the next/ }).waitFor();
    await checkScreen(page, 'clerk-home');
  });

  it('the attorney finds it in the review queue, reads the rule checklist with citations, narrows the scope and recommends release', async () => {
    const page = await signIn(suite.browser, suite.system, 'attorney');
    suite.pages.push(page);
    const queue = page.getByRole('region', { name: 'Your review queue' });
    await queue.getByRole('link', { name: caseNumber }).waitFor();
    await checkScreen(page, 'attorney-home');
    await queue.getByRole('link', { name: caseNumber }).click();

    await page.getByRole('heading', { name: `Review case ${caseNumber}` }).waitFor();
    const checklist = page.locator('fieldset.checklist');
    await checklist.getByText('Gov. Code § 7927.105(c)(3)').first().waitFor();
    for (const box of await checklist.locator('input[type=checkbox]').all()) await box.check();
    await page.getByLabel('Sufficient', { exact: true }).check();
    expect(await page.getByLabel('Fulfil', { exact: true }).isChecked()).toBe(true);
    // The rule's default reason is ticked, shown with its label and citation; the code is kept in small type.
    const reasons = page.getByRole('group', { name: 'Reasons for the recommendation' });
    const courtOrder = reasons.getByRole('checkbox', { name: /^Order of the appropriate superior court Gov\. Code § 7927\.105\(c\)\(3\) RELEASE_COURT_ORDER/ });
    expect(await courtOrder.isChecked()).toBe(true);
    // The other case-level reasons are one keyboard step away, behind a disclosure.
    await reasons.getByText(/^Other reasons/).focus();
    await page.keyboard.press('Enter');
    await reasons.getByRole('checkbox', { name: /^No basis for release under the patron-records statute/ }).waitFor();
    await page.getByLabel('Narrow the scope of what is produced').check();
    await page.getByRole('group', { name: 'Kinds of record' }).getByLabel('Patron registration').uncheck();
    await page.getByLabel('Memo to the director').fill('Facially valid order; produce the loans only.');
    await checkScreen(page, 'review-screen');
    await page.getByRole('button', { name: 'Record review' }).click();

    await page.getByRole('heading', { name: `Case ${caseNumber}` }).waitFor();
    await page.getByText(/Review of case .* recorded/).waitFor();
    await waitForState(page, 'Awaiting approval');
  });

  it('the director sees the recommendation in the approval queue and approves; the production renders', async () => {
    const page = await signIn(suite.browser, suite.system, 'director');
    suite.pages.push(page);
    const card = page.getByRole('article', { name: new RegExp(caseNumber) });
    await card.getByText('Recommends: Fulfil').waitFor();
    await card.getByText('Order of the appropriate superior court').waitFor();
    await page.getByRole('img', { name: /Cases by state/ }).waitFor();
    await checkScreen(page, 'director-home');
    await card.getByRole('link', { name: /Open and decide/ }).click();

    await page.getByRole('heading', { name: 'Decide this case' }).waitFor();
    // The screen leads with what will be released, then the review, then the decision.
    const release = page.getByRole('region', { name: 'What will be released' });
    await release.getByRole('rowheader', { name: 'Loans' }).waitFor();
    await release.getByText(/Under the scope as the attorney narrowed it/).waitFor();
    const order = await page.locator('main h2').allTextContents();
    expect(order.indexOf('What will be released')).toBeLessThan(order.indexOf('The review’s findings'));
    expect(order.indexOf('The review’s findings')).toBeLessThan(order.indexOf('Decide this case'));
    await page.getByText('Facially valid order; produce the loans only.').waitFor();
    await page.getByLabel(/^Approve/).check();
    await page.getByLabel('Note for the file').fill('Approved as narrowed by counsel.');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.getByRole('alertdialog').getByText(/Approve the release of 1 kind\(s\) of record/).waitFor();
    await checkScreen(page, 'approval-confirm');
    await page.getByRole('button', { name: 'Yes, approve and produce' }).click();
    await page.getByRole('heading', { name: 'Production' }).waitFor();
    await waitForState(page, 'Fulfilled', 90_000);
    await page.getByRole('button', { name: 'Download production (PDF)' }).waitFor();
    await checkScreen(page, 'case-page-fulfilled');
  });

  it('the clerk downloads the production PDF, then closes the case', async () => {
    const page = await signIn(suite.browser, suite.system, 'clerk', `/cases/${caseId}`);
    suite.pages.push(page);
    const { bytes, filename } = await downloadBytes(page, 'Download production (PDF)');
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(filename).toBe(`production-${caseNumber}.pdf`);

    // Closing needs a recorded delivery: the deadline is met when the requester has the file, not when it exists.
    await page.getByRole('button', { name: 'Record delivery' }).click();
    await page.getByLabel(/How it was delivered/).selectOption('in_person');
    await page.getByRole('form', { name: 'Record delivery' }).getByRole('button', { name: 'Record delivery' }).click();
    await page.getByRole('form', { name: 'Record delivery' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Close case' }).click();
    await page.getByRole('button', { name: 'Yes, close case' }).click();
    await waitForState(page, 'Closed');
  });

  it('the auditor sees the audit chain intact, reads the case timeline and the transparency report', async () => {
    const page = await signIn(suite.browser, suite.system, 'auditor');
    suite.pages.push(page);
    await page.getByText(/^Intact: all \d+ events verify/).waitFor();
    await page.getByLabel('Case number, requester or summary').fill(caseNumber);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('button', { name: caseNumber }).click();
    const timeline = page.getByRole('list', { name: 'Case timeline' });
    await timeline.getByText(/Kim Records submitted the intake for legal review\./).waitFor();
    await timeline.getByText(/approved the release\./).waitFor();
    expect(await timeline.textContent()).not.toMatch(/[{}]|[0-9a-f]{8}-[0-9a-f]{4}-/);
    const { bytes, filename } = await downloadBytes(page, /Export all \d+ events as CSV/);
    expect(filename).toBe(`audit-${caseNumber}.csv`);
    expect(bytes.toString('utf8')).toMatch(/^"seq","at","actor","action","outcome","description","details"\r\n/);
    await checkScreen(page, 'auditor-home');

    await page.getByRole('link', { name: 'Transparency report' }).first().click();
    await page.getByRole('heading', { name: 'Transparency report' }).waitFor();
    await page.getByRole('rowheader', { name: 'Superior court order' }).waitFor();
    await checkScreen(page, 'transparency-report');
  });

  it('the administrator sees the accounts by role and is told clearly what is wrong with a new account', async () => {
    const page = await signIn(suite.browser, suite.system, 'admin');
    suite.pages.push(page);
    await page.getByRole('heading', { name: 'Accounts' }).waitFor();
    await page.getByRole('region', { name: 'Audit log' }).getByText(/^\d+ events in the audit log$/).waitFor();
    await checkScreen(page, 'admin-home');
    await page.getByRole('link', { name: 'Manage users' }).click();
    await page.getByRole('rowheader', { name: 'Kim Records' }).waitFor();
    await page.getByLabel('Username').fill('new.clerk');
    await page.getByLabel('Full name').fill('New Clerk');
    await page.getByLabel('Title').fill('Records Clerk');
    await page.getByLabel('Initial password').fill('too-short');
    await page.getByLabel('Records clerk').check();
    await page.getByRole('button', { name: 'Create account' }).click();
    expect(await page.locator('#field-password-error').textContent()).toMatch(/12 characters/);
    expect(await page.getByLabel('Full name').inputValue()).toBe('New Clerk');
    await page.getByLabel('Initial password').fill('a-long-enough-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('rowheader', { name: 'New Clerk' }).waitFor();
    await checkScreen(page, 'users');
  });
});
