/// <reference lib="dom" />
import { eventually } from '../support/api-client';
import { courtOrderCase } from '../support/system';
import { browserSuite, checkScreen, instrumentPdf, libraryDate, signIn, waitForState } from './browser';

jest.setTimeout(240_000);

const REQUEST_ALIASED = '23000000012345';
const NAMED = '23000000067890';
const OUT_OF_SCOPE = { borrowernumber: 3, cardnumber: '23000000099999', surname: 'Castellanos', firstname: 'Inés' };
/** A patron the export did not hold: the attorney's alias for the other patron is harmless until this patron's row is imported. */
const LATE_PATRON = { borrowernumber: 4, cardnumber: '23000000044444', surname: 'Marchetti', firstname: 'Livia' };
const NAMED_ALIAS = `Patron ${LATE_PATRON.surname}`;
/** Two patrons the request names and one it does not: that one's rows are withheld whole, their name with them. */
const EXPORT = JSON.stringify({
  borrowers: [
    { borrowernumber: 1, cardnumber: REQUEST_ALIASED, surname: 'Doe', firstname: 'Jane' },
    { borrowernumber: 2, cardnumber: NAMED, surname: 'Haddad', firstname: 'Omar' },
    OUT_OF_SCOPE,
  ],
  issues: [
    { issue_id: 10, borrowernumber: 1, itemnumber: 5, title: 'A Field Guide to Birds', issuedate: `${libraryDate(-40)} 10:00:00` },
    { issue_id: 11, borrowernumber: 2, itemnumber: 6, title: 'Local History', issuedate: `${libraryDate(-30)} 11:30:00` },
    { issue_id: 12, borrowernumber: 3, itemnumber: 7, title: 'Not Asked For', issuedate: `${libraryDate(-20)} 09:00:00` },
  ],
});

// Issue #11 and decisions 0052, 0054: the alias screens of the workspace, intake and the attorney's narrowing.
describe('patrons named by an alias, in Chromium', () => {
  const suite = browserSuite('browser-aliases', ['clerk', 'attorney', 'director']);
  let caseId: string;
  let caseNumber: string;

  it('the clerk gives a patron an alias at intake; mistakes in the aliases are named at the field, the form keeps what was typed', async () => {
    const clerk = await suite.system.as('clerk');
    const created = await clerk.post('/api/cases', courtOrderCase({
      receivedAt: `${libraryDate(-1)}T10:15:00-08:00`,
      instrument: { ...courtOrderCase().instrument, issuedAt: libraryDate(-3) },
      scope: { cardNumbers: [REQUEST_ALIASED, NAMED], from: libraryDate(-90), to: libraryDate(-1), recordTypes: ['patron', 'loans'] },
    }));
    expect(created.status).toBe(201);
    ({ id: caseId, caseNumber } = created.body);

    const page = await signIn(suite.browser, suite.system, 'clerk', `/cases/${caseId}/edit`);
    suite.pages.push(page);
    const aliases = page.getByLabel('Aliases (optional)');
    const aliasError = page.locator('#field-scope-aliases-error');

    // Caught in the browser: a line without "=", an alias for a patron the scope does not name.
    await aliases.fill(`${REQUEST_ALIASED} Patron A\n23000000011111 = Patron Z`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await aliasError.waitFor();
    expect(await aliasError.textContent()).toMatch(/Write each alias as “card number = alias” \(line 1\)\..*Each alias must be for one of the card numbers above\./);
    expect(await aliases.inputValue()).toBe(`${REQUEST_ALIASED} Patron A\n23000000011111 = Patron Z`);

    // Caught by the server: an alias holding another named patron's card number would print it.
    await aliases.fill(`${REQUEST_ALIASED} = Patron ${NAMED}`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('alert').getByText('The case was not saved: correct the fields marked below').waitFor();
    await aliasError.waitFor();
    expect(await aliasError.textContent()).not.toContain(NAMED);
    await checkScreen(page, 'intake-aliases-with-errors');

    await aliases.fill(`${REQUEST_ALIASED} = Patron A`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: `Case ${caseNumber}` }).waitFor();
    await page.getByText(`Patron A (${REQUEST_ALIASED}), ${NAMED}`).first().waitFor();
    await page.getByText('The production prints each alias instead of its card number, which it withholds').first().waitFor();
    expect((await clerk.get(`/api/cases/${caseId}`)).body.scope.aliases).toEqual([{ cardNumber: REQUEST_ALIASED, alias: 'Patron A' }]);
  });

  it('the attorney sees the request’s alias fixed and gives the other patron one; an alias that would print a withheld name is refused at the field', async () => {
    const clerk = await suite.system.as('clerk');
    const attached = await clerk.upload(`/api/cases/${caseId}/documents`, { kind: 'instrument' }, { name: 'signed-order.pdf', content: await instrumentPdf(), type: 'application/pdf' });
    expect(attached.status).toBe(201);
    const upload = await clerk.upload(`/api/cases/${caseId}/records`, {}, { name: 'koha-export.json', content: EXPORT, type: 'application/json' });
    expect(upload.status).toBe(202);
    await eventually(() => clerk.get(`/api/cases/${caseId}/records/imports/${upload.body.id}`).then((r) => r.body.status), (s) => s === 'completed' || s === 'failed', 60_000);
    expect((await clerk.post(`/api/cases/${caseId}/submit`)).status).toBe(202);
    await eventually(() => clerk.get(`/api/cases/${caseId}/status`).then((r) => r.body), (c) => c.status === 'legal_review' && !c.pendingStep, 60_000);

    const page = await signIn(suite.browser, suite.system, 'attorney', `/cases/${caseId}/review`);
    suite.pages.push(page);
    await page.getByRole('heading', { name: `Review case ${caseNumber}` }).waitFor();
    for (const box of await page.locator('fieldset.checklist').locator('input[type=checkbox]').all()) await box.check();
    await page.getByLabel('Sufficient', { exact: true }).check();
    await page.getByLabel('Narrow the scope of what is produced').check();

    const printedAs = page.getByRole('group', { name: 'Printed as (optional alias)' });
    const fixed = printedAs.getByLabel(REQUEST_ALIASED);
    expect(await fixed.inputValue()).toBe('Patron A');
    expect(await fixed.isDisabled()).toBe(true);
    await printedAs.getByText('The request names this patron by this alias; the production keeps it.').waitFor();

    // Another patron's surname, from the imported records: the production withholds it, the alias would print it.
    await printedAs.getByLabel(NAMED).fill(`Patron ${OUT_OF_SCOPE.surname}`);
    await page.getByRole('button', { name: 'Record review' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('The review was not recorded').waitFor();
    await alert.getByText(/An alias in the scope contains a value the production withholds/).waitFor();
    await printedAs.getByText('alias 2 of 2 contains a value the production withholds').waitFor();
    expect(await alert.textContent()).not.toContain(OUT_OF_SCOPE.surname);
    await checkScreen(page, 'review-alias-refused');

    await printedAs.getByLabel(NAMED).fill(NAMED_ALIAS);
    await page.getByRole('button', { name: 'Record review' }).click();
    await page.getByRole('heading', { name: `Case ${caseNumber}` }).waitFor();
    await waitForState(page, 'Awaiting approval');
  });

  it('the director reads both aliases in what will be released', async () => {
    const page = await signIn(suite.browser, suite.system, 'director', `/cases/${caseId}`);
    suite.pages.push(page);
    const release = page.getByRole('region', { name: 'What will be released' });
    await release.getByText(`Patron A (${REQUEST_ALIASED}), ${NAMED_ALIAS} (${NAMED})`).waitFor();
    await release.getByText('An aliased patron’s rows carry the alias; their card number is withheld from the production').waitFor();
    await checkScreen(page, 'decision-with-aliases');
  });

  it('the director is told before approving that records imported since the review make an alias print a withheld value', async () => {
    const clerk = await suite.system.as('clerk');
    const upload = await clerk.upload(`/api/cases/${caseId}/records`, {}, { name: 'late-borrowers.json', content: JSON.stringify({ borrowers: [LATE_PATRON] }), type: 'application/json' });
    expect(upload.status).toBe(202);
    expect(await eventually(() => clerk.get(`/api/cases/${caseId}/records/imports/${upload.body.id}`).then((r) => r.body.status), (s) => s === 'completed' || s === 'failed', 60_000)).toBe('completed');

    const page = await signIn(suite.browser, suite.system, 'director', `/cases/${caseId}`);
    suite.pages.push(page);
    const form = page.getByRole('form', { name: 'Decision' });
    await form.getByLabel('Approve: produce the records in the approved scope').check();
    await form.getByRole('button', { name: 'Record decision' }).click();
    const contents = form.getByRole('region', { name: 'What the production will contain' });
    const warning = contents.getByRole('alert');
    await warning.getByText('This approval will be refused').waitFor();
    await warning.getByText(/Alias 2 of 2 contains a value the production withholds/).waitFor();
    expect(await warning.textContent()).not.toMatch(/Marchetti|Livia|23000000044444/);
    await checkScreen(page, 'decision-alias-warning');

    // The server refuses it as the warning said, and the case stays with the director.
    await form.getByRole('button', { name: 'Yes, approve and produce' }).click();
    await page.getByRole('alert').getByText('The decision was not recorded').waitFor();
    expect((await clerk.get(`/api/cases/${caseId}/status`)).body.status).toBe('awaiting_approval');
  });
});
