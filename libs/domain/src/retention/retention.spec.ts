import { RetentionCase, decidePatronNotice, defaultRetention, planPurge, validateRetentionSettings } from '../index';

const aCase = (overrides: Partial<RetentionCase> = {}): RetentionCase => ({
  caseId: 'c1', caseNumber: 'CUST-1', closedOn: '2026-01-10', items: { patron_records: 5, documents: 1, productions: 1, letters: 1, case_metadata: 1 }, holds: [], ...overrides,
});

describe('retention schedule and purge plan', () => {
  it('enforces the legal minimums and purges the case metadata last', () => {
    expect(validateRetentionSettings(defaultRetention())).toEqual([]);
    expect(validateRetentionSettings({ ...defaultRetention(), auditEventsDays: 364 })).toEqual([expect.stringMatching(/^auditEventsDays.*365/)]);
    expect(validateRetentionSettings({ ...defaultRetention(), documentsDays: 729 })).toEqual([expect.stringMatching(/^documentsDays/)]);
    expect(validateRetentionSettings({ ...defaultRetention(), patronRecordsDays: 4000 })).toEqual([expect.stringMatching(/^caseMetadataDays/)]);
  });

  it('plans by class from the close date, lists held cases apart, and never purges audit events', () => {
    const settings = defaultRetention(30);
    const plan = planPurge([aCase(), aCase({ caseId: 'c2', caseNumber: 'CUST-2', holds: [{ kind: 'preservation', id: 'h' }] }), aCase({ caseId: 'c3', caseNumber: 'CUST-3', closedOn: null })], settings, '2026-03-01');
    const byClass = Object.fromEntries(plan.classes.map((c) => [c.recordClass, c]));
    expect(byClass.patron_records).toMatchObject({ items: 5, cases: [{ caseNumber: 'CUST-1', items: 5 }], rule: { days: 30, closedOnOrBefore: '2026-01-30' } });
    expect(byClass.documents.cases).toEqual([]);
    expect(plan.blocked).toEqual([expect.objectContaining({ caseNumber: 'CUST-2', classes: ['patron_records'] })]);
    expect(plan.auditEvents.purged).toBe(0);
    const years = planPurge([aCase({ closedOn: '2019-01-01' })], settings, '2026-03-01');
    expect(years.classes.map((c) => c.items)).toEqual([5, 1, 1, 1, 1]);
    expect(planPurge([aCase({ items: { patron_records: 0, documents: 0, productions: 0, letters: 0, case_metadata: 1 } })], settings, '2026-03-01').classes.every((c) => c.items === 0)).toBe(true);
  });
});

describe('the patron notice predicate', () => {
  const facts = { requestType: 'court_order' as const, status: 'legal_review', nondisclosureInForce: false, nondisclosureUntil: null, statutoryGagInForce: false, patrons: 1 };
  it('allows notice when nothing forbids it, and refuses under a court order, a statutory gag, in intake or without patrons', () => {
    expect(decidePatronNotice(facts)).toMatchObject({ allowed: true });
    expect(decidePatronNotice({ ...facts, nondisclosureInForce: true, nondisclosureUntil: '2099-01-01' })).toMatchObject({ allowed: false, refusal: 'NONDISCLOSURE_ORDER', message: expect.stringContaining('2099-01-01') });
    expect(decidePatronNotice({ ...facts, requestType: 'fisa_order', statutoryGagInForce: true })).toMatchObject({ allowed: false, refusal: 'STATUTORY_GAG', citation: expect.stringContaining('1861(d)') });
    expect(decidePatronNotice({ ...facts, requestType: 'fisa_order', statutoryGagInForce: false })).toMatchObject({ allowed: true });
    expect(decidePatronNotice({ ...facts, status: 'intake' })).toMatchObject({ refusal: 'STILL_IN_INTAKE' });
    expect(decidePatronNotice({ ...facts, patrons: 0 })).toMatchObject({ refusal: 'NO_PATRONS' });
    expect(decidePatronNotice({ ...facts, requestType: 'internal' })).toMatchObject({ refusal: 'NOT_APPLICABLE' });
  });
});
