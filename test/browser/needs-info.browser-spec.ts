/// <reference lib="dom" />
import { browserSuite, caseInLegalReview, downloadBytes, screenshot, signIn, waitForState } from './browser';

jest.setTimeout(180_000);

describe('a request that needs information from the requester, in Chromium', () => {
  const suite = browserSuite('browser-needs-info', ['clerk', 'attorney']);

  it('the attorney asks for a cure, the cure letter downloads from the case page, the clerk resumes the case to legal review', async () => {
    const { id, caseNumber } = await caseInLegalReview(await suite.system.as('clerk'), { summary: 'Order served as an unsigned copy' });
    const caseReads = async () => ((await suite.system.admin.get(`/api/cases/${id}/events`)).body.items as { action: string }[]).filter((e) => e.action === 'case.read').length;
    const readsBefore = await caseReads();

    const attorney = await signIn(suite.browser, suite.system, 'attorney', `/cases/${id}/review`);
    suite.pages.push(attorney);
    await attorney.getByRole('heading', { name: `Review case ${caseNumber}` }).waitFor();
    await attorney.getByLabel('Needs information from the requester').check();
    await attorney.getByLabel('What the requester must cure').fill('Send a copy of the order signed by the judge.');
    await attorney.getByLabel('Deny', { exact: true }).check();
    const reasons = attorney.getByRole('group', { name: 'Reasons for the recommendation' });
    await reasons.getByRole('checkbox', { name: /^Order of the appropriate superior court/ }).uncheck();
    await reasons.getByText(/^Other reasons/).click();
    await reasons.getByRole('checkbox', { name: /^Not signed by the issuing judge/ }).check();
    expect(await reasons.getByText(/^Other reasons \(\d+, 1 ticked\)/).count()).toBe(1);
    await attorney.getByRole('button', { name: 'Record review' }).click();

    // The case page follows the legal-review step, then waits for the cure letter the worker writes after it.
    await attorney.getByRole('heading', { name: `Case ${caseNumber}` }).waitFor();
    await waitForState(attorney, 'Needs information');
    const review = attorney.getByRole('region', { name: 'Legal review' });
    await review.getByText('Send a copy of the order signed by the judge.').waitFor();
    await review.getByText('Not signed by the issuing judge, magistrate or patron').waitFor();
    const letter = await downloadBytes(attorney, 'Download letter asking the requester to cure (PDF)', 60_000);
    expect(letter.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(letter.filename).toBe(`needs_info-letter-${caseNumber}.pdf`);
    await screenshot(attorney, 'case-page-needs-info');

    const clerkPage = await signIn(suite.browser, suite.system, 'clerk');
    suite.pages.push(clerkPage);
    const waiting = clerkPage.getByRole('region', { name: 'Waiting for the requester' });
    await waiting.getByRole('link', { name: caseNumber }).click();
    await clerkPage.getByRole('heading', { name: `Case ${caseNumber}` }).waitFor();
    const clerkCopy = await downloadBytes(clerkPage, 'Download letter asking the requester to cure (PDF)');
    expect(clerkCopy.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    await clerkPage.getByLabel('What the requester sent').fill('Signed copy of the order received by e-mail.');
    await clerkPage.getByRole('button', { name: 'Information received: back to legal review' }).click();
    await waitForState(clerkPage, 'Legal review');

    // Back in the assigned attorney's queue.
    await attorney.getByRole('link', { name: 'Today' }).click();
    await attorney.getByRole('region', { name: 'Your review queue' }).getByRole('link', { name: caseNumber }).waitFor();

    // Watching the steps used the status probe: the case was read in full (an audited read) only on opening a
    // page and when something had changed, not once a second while the steps ran.
    expect((await caseReads()) - readsBefore).toBeLessThanOrEqual(10);
  });
});
