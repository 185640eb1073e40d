/// <reference lib="dom" />
import { courtOrderCase } from '../support/system';
import { browserSuite, caseInLegalReview, downloadBytes, libraryDate, screenshot, signIn, waitForState } from './browser';

jest.setTimeout(240_000);

describe('a denial with an overridden contradiction, and a gag-order case out of reach, in Chromium', () => {
  const suite = browserSuite('browser-denial-and-gag', ['clerk', 'attorney', 'director', 'otherClerk']);

  it('the attorney is shown the contradictions with their citations and must give an override reason; the director denies; the letter downloads', async () => {
    const { id, caseNumber } = await caseInLegalReview(await suite.system.as('clerk'));

    const attorney = await signIn(suite.browser, suite.system, 'attorney', `/cases/${id}/review`);
    suite.pages.push(attorney);
    await attorney.getByRole('heading', { name: `Review case ${caseNumber}` }).waitFor();
    const checklist = attorney.locator('fieldset.checklist');
    for (const box of await checklist.locator('input[type=checkbox]').all()) await box.check();
    await attorney.getByLabel(/^Signed by the judge/).uncheck();
    await attorney.getByLabel('Sufficient', { exact: true }).check();
    await attorney.getByLabel('Memo to the director').fill('Unsigned copy; the signed original is said to be on its way.');
    await attorney.getByRole('button', { name: 'Record review' }).click();

    const panel = attorney.getByRole('alert').filter({ has: attorney.getByRole('heading', { name: 'The review contradicts the rules for this request' }) });
    await panel.waitFor();
    expect(await panel.textContent()).toMatch(/REQUIRED_ITEM_UNSATISFIED/);
    expect(await panel.textContent()).toMatch(/Gov\. Code § 7927\.105\(c\)\(3\)/);
    expect(await attorney.locator('#field-checklist-judge-signature-error').textContent()).toMatch(/Signed by the judge/);
    expect(await attorney.getByLabel('Memo to the director').inputValue()).toMatch(/Unsigned copy/);

    await attorney.getByLabel(/Reason for overriding/).fill('short');
    await attorney.getByRole('button', { name: 'Record review with override' }).click();
    await attorney.locator('#field-overrideReason-error').waitFor();
    await screenshot(attorney, 'review-contradictions');
    await attorney.getByLabel(/Reason for overriding/).fill('The court clerk confirmed by phone that the judge signed the original.');
    await attorney.getByRole('button', { name: 'Record review with override' }).click();
    await attorney.getByRole('heading', { name: `Case ${caseNumber}` }).waitFor();
    await waitForState(attorney, 'Awaiting approval');

    const director = await signIn(suite.browser, suite.system, 'director', `/cases/${id}`);
    suite.pages.push(director);
    await director.getByRole('heading', { name: 'Rule contradictions overridden' }).waitFor();
    await director.getByLabel(/^Deny/).check();
    // The review recommended release, so its reason is offered but not ticked; the director picks another.
    const reasons = director.getByRole('group', { name: 'Reasons for the denial letter' });
    expect(await reasons.getByRole('checkbox', { name: /^Order of the appropriate superior court/ }).isChecked()).toBe(false);
    await reasons.getByText(/^Other reasons/).click();
    await reasons.getByRole('checkbox', { name: /^Not signed by the issuing judge/ }).check();
    await director.getByLabel('Note for the file').fill('No signed order; deny until a signed order is served.');
    await director.getByRole('button', { name: 'Record decision' }).click();
    await director.getByRole('button', { name: 'Yes, deny and write the letter' }).click();
    await waitForState(director, 'Denied', 90_000);
    const decision = director.getByRole('region', { name: 'Decision' });
    await decision.getByText('Not signed by the issuing judge, magistrate or patron').waitFor();
    await decision.locator('code', { hasText: 'NOT_SIGNED' }).waitFor();
    const letter = await downloadBytes(director, 'Download denial letter (PDF)');
    expect(letter.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    await screenshot(director, 'case-page-denied');

    const clerkPage = await signIn(suite.browser, suite.system, 'clerk', `/cases/${id}`);
    suite.pages.push(clerkPage);
    const clerkCopy = await downloadBytes(clerkPage, 'Download denial letter (PDF)');
    expect(clerkCopy.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(clerkCopy.filename).toBe(`denial-letter-${caseNumber}.pdf`);
  });

  it('a clerk not assigned to a case under a gag order cannot reach it by URL, list or search', async () => {
    const gagged = await (await suite.system.as('clerk')).post('/api/cases', courtOrderCase({ nondisclosureUntil: libraryDate(60), summary: 'Sealed warrant for one patron' }));
    expect(gagged.status).toBe(201);
    const { id, caseNumber } = gagged.body;

    const other = await signIn(suite.browser, suite.system, 'otherClerk', `/cases/${id}`);
    suite.pages.push(other);
    await other.getByRole('heading', { name: 'Case not found' }).waitFor();
    expect(await other.locator('main').textContent()).not.toContain(caseNumber);
    await screenshot(other, 'case-not-found');
    await other.goto(`/cases?q=${caseNumber}`);
    await other.getByText('0 cases found.').waitFor();
    expect(await other.locator('main').textContent()).not.toContain('Sealed warrant');

    const owner = await signIn(suite.browser, suite.system, 'clerk', `/cases/${id}`);
    suite.pages.push(owner);
    await owner.getByRole('heading', { name: `Case ${caseNumber}` }).waitFor();
    await owner.getByText(/^Gag order until/).waitFor();
  });
});
