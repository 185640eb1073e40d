import { ApiClient, eventually } from '../support/api-client';
import { SUFFICIENT_COURT_ORDER_REVIEW, TestSystem, courtOrderCase } from '../support/system';

jest.setTimeout(180_000);

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const localDate = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date(iso));
const NARROWED = { cardNumbers: ['23000000012345'], from: '2026-03-01', to: '2026-06-30', recordTypes: ['loans'] };

/** Issue 9 over HTTP: approval follows the review, statutory gags, extension timing, clocks in intake, new request types. */
describe('legal review that cannot be bypassed', () => {
  let system: TestSystem;
  let clerk: ApiClient;
  let attorney: ApiClient;
  let director: ApiClient;
  let auditor: ApiClient;
  let otherClerk: ApiClient;

  beforeAll(async () => {
    system = await TestSystem.start('legal-gates');
    [clerk, attorney, director, auditor, otherClerk] = [await system.as('clerk'), await system.as('attorney'), await system.as('director'), await system.as('auditor'), await system.as('otherClerk')];
  });
  afterAll(() => system?.stop());

  const caseOf = (id: string, as = clerk) => as.get(`/api/cases/${id}`).then((r) => r.body);
  async function inReview(overrides: Record<string, unknown> = {}) {
    const created = await clerk.post('/api/cases', courtOrderCase(overrides));
    expect(created.status).toBe(201);
    expect((await clerk.post(`/api/cases/${created.body.id}/submit`)).status).toBe(202);
    return eventually(() => caseOf(created.body.id), (c) => c.status === 'legal_review');
  }
  async function reviewed(row: { id: string }, review: Record<string, unknown>) {
    const posted = await attorney.post(`/api/cases/${row.id}/review`, review);
    expect(posted.status).toBe(202);
    return eventually(() => caseOf(row.id), (c) => c.status === 'awaiting_approval');
  }
  const events = async (id: string) => (await auditor.get(`/api/cases/${id}/events`)).body.items.map((e: { action: string }) => e.action);

  describe('approval gate', () => {
    it('refuses to approve a review that recommends denial; the director sends it back with a reason; approval then produces only the narrowed scope', async () => {
      const row = await inReview();
      const denying = await reviewed(row, { ...SUFFICIENT_COURT_ORDER_REVIEW, sufficiency: 'insufficient', recommendation: 'deny', reasons: ['NOT_PARTICULAR'] });
      expect(denying.approval).toMatchObject({ allowed: false, code: 'REVIEW_NOT_SUFFICIENT' });
      const refused = await director.post(`/api/cases/${row.id}/decision`, { decision: 'approve' });
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(/Approval refused.*7927\.105/);
      expect(await caseOf(row.id)).toMatchObject({ status: 'awaiting_approval', decision: null, approvedScope: null, production: null });

      expect((await director.post(`/api/cases/${row.id}/send-back`, { reason: 'short' })).status).toBe(400);
      expect((await attorney.post(`/api/cases/${row.id}/send-back`, { reason: 'Please look at the order again.' })).status).toBe(403);
      const sent = await director.post(`/api/cases/${row.id}/send-back`, { reason: 'The order does name the loans; please review the particularity again.' });
      expect(sent.status).toBe(200);
      expect(sent.body).toMatchObject({ status: 'legal_review', sentBack: [expect.objectContaining({ reason: expect.stringMatching(/particularity/) })] });
      expect(await events(row.id)).toContain('case.sent_back');

      const partial = await reviewed(row, { ...SUFFICIENT_COURT_ORDER_REVIEW, recommendation: 'partial', reasons: ['OUTSIDE_SCOPE'], scope: NARROWED });
      expect(partial.approval).toMatchObject({ allowed: true, narrowed: true, scope: NARROWED });
      expect((await director.post(`/api/cases/${row.id}/decision`, { decision: 'approve' })).status).toBe(202);
      const approved = await caseOf(row.id);
      expect(approved.approvedScope).toEqual(NARROWED);
      expect(approved.approvedScope).not.toEqual(approved.scope);
    });

    it('refuses a partial release that names no scope, and an approval resting on an overridden missing basis', async () => {
      const row = await inReview();
      const partial = await attorney.post(`/api/cases/${row.id}/review`, { ...SUFFICIENT_COURT_ORDER_REVIEW, recommendation: 'partial', reasons: ['OUTSIDE_SCOPE'], overrideReason: 'The director will choose the scope.' });
      expect(partial.status).toBe(422);
      expect(partial.body.details).toEqual([expect.objectContaining({ code: 'PARTIAL_WITHOUT_SCOPE' })]);

      const subpoena = await inReview({ requestType: 'civil_subpoena', requester: { name: 'J. Counsel', agency: 'Counsel LLP', verification: 'court_record' } });
      const noOrder = {
        checklist: { proof_of_consumer_notice: true, notice_timing_ccp_1985_3: true, objection_received: false, court_order_obtained: false },
        sufficiency: 'sufficient', recommendation: 'fulfil', reasons: [], overrideReason: 'The subpoena looks proper to me, release.',
      };
      const refused = await attorney.post(`/api/cases/${subpoena.id}/review`, noOrder);
      expect(refused.status).toBe(422);
      expect(refused.body.message).toMatch(/no legal basis/);
      expect(refused.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'SUBPOENA_WITHOUT_COURT_ORDER' })]));
      expect((await caseOf(subpoena.id)).reviews).toEqual([]);
    });
  });

  describe('statutory gags', () => {
    const nsl = () => courtOrderCase({
      requestType: 'national_security_letter', nondisclosureUntil: null, receivedAt: daysAgo(1),
      requester: { name: 'SA J. Doe', agency: 'FBI Los Angeles', verification: 'id_copied' }, instrument: { issuedBy: 'FBI Los Angeles Field Office', issuedAt: localDate(daysAgo(2)) },
      scope: { cardNumbers: ['23000000012345'], from: '2026-01-01', to: '2026-10-31', recordTypes: ['patron', 'sessions'] },
    });

    it('hides an NSL case from unassigned staff without any date, blocks patron notice until a recorded lift, then allows it', async () => {
      const created = (await clerk.post('/api/cases', nsl())).body;
      expect(created).toMatchObject({ underNondisclosure: true, gag: { kind: 'statutory', citation: '18 U.S.C. § 2709(c)', until: null, endsBy: 'recorded_event' } });
      expect((await otherClerk.get(`/api/cases/${created.id}`)).status).toBe(404);
      expect((await otherClerk.get('/api/cases')).body.items.map((c: { id: string }) => c.id)).not.toContain(created.id);
      expect((await auditor.get(`/api/cases/${created.id}`)).status).toBe(200);

      const notice = await clerk.post(`/api/cases/${created.id}/patron-notice`, { method: 'mail' });
      expect(notice.status).toBe(409);
      expect(notice.body.message).toMatch(/2709\(c\)/);
      // Typing a past date does not lift a statutory gag.
      expect((await clerk.patch(`/api/cases/${created.id}`, { nondisclosureUntil: '2020-01-01' })).body.underNondisclosure).toBe(true);

      expect((await clerk.post(`/api/cases/${created.id}/gag-lift`, { kind: 'court_order', reference: 'Order 26-mc-1', liftedOn: localDate(daysAgo(0)) })).status).toBe(403);
      expect((await director.post(`/api/cases/${created.id}/gag-lift`, { kind: 'court_order', reference: 'Order 26-mc-1', liftedOn: localDate(daysAgo(0)) })).status).toBe(404);
      await clerk.post(`/api/cases/${created.id}/submit`);
      await eventually(() => caseOf(created.id), (c) => c.status === 'legal_review');
      expect((await attorney.post(`/api/cases/${created.id}/gag-lift`, { kind: 'court_order', reference: 'Order 26-mc-1', liftedOn: '2099-01-01' })).status).toBe(422);
      expect((await attorney.post(`/api/cases/${created.id}/gag-lift`, { kind: 'rumour', reference: 'heard', liftedOn: '2026-01-01' })).status).toBe(400);
      const lifted = await attorney.post(`/api/cases/${created.id}/gag-lift`, { kind: 'government_notice', reference: 'FBI letter of termination of nondisclosure', liftedOn: localDate(daysAgo(0)) });
      expect(lifted.status).toBe(200);
      expect(lifted.body).toMatchObject({ underNondisclosure: false, gag: { active: false, lifted: { kind: 'government_notice' } } });
      expect(await events(created.id)).toContain('gag.lifted');
      expect((await otherClerk.get(`/api/cases/${created.id}`)).status).toBe(200);
      expect((await clerk.post(`/api/cases/${created.id}/patron-notice`, { method: 'mail' })).status).toBe(200);
    });

    it('treats a FISA order as gagged too, and accepts a CalECPA delayed-notice basis only for electronic records on a warrant or order', async () => {
      const fisa = (await clerk.post('/api/cases', courtOrderCase({ requestType: 'fisa_order', nondisclosureUntil: null, receivedAt: daysAgo(1) }))).body;
      expect(fisa.gag).toMatchObject({ active: true, citation: '50 U.S.C. § 1861(d)' });
      expect((await otherClerk.get(`/api/cases/${fisa.id}`)).status).toBe(404);
      const wrong = await clerk.post('/api/cases', courtOrderCase({ nondisclosureUntil: '2099-01-01', nondisclosureBasis: 'calecpa_delayed_notice' }));
      expect(wrong.status).toBe(422);
      expect(wrong.body.message).toMatch(/electronic/);
      const calecpa = await clerk.post('/api/cases', courtOrderCase({ nondisclosureUntil: '2099-01-01', nondisclosureBasis: 'calecpa_delayed_notice', scope: { cardNumbers: ['23000000012345'], from: '2026-01-01', to: '2026-10-31', recordTypes: ['sessions'] } }));
      expect(calecpa.status).toBe(201);
      expect(calecpa.body.gag).toMatchObject({ kind: 'ordered', citation: 'Penal Code § 1546.2(b)', until: '2099-01-01' });
    });
  });

  describe('clocks and intake facts', () => {
    it('refuses a receipt date in the future', async () => {
      const future = await clerk.post('/api/cases', courtOrderCase({ receivedAt: new Date(Date.now() + 3 * 86_400_000).toISOString() }));
      expect(future.status).toBe(422);
      expect(future.body.message).toMatch(/receivedAt is in the future/);
      const draft = (await clerk.post('/api/cases', courtOrderCase())).body;
      expect((await clerk.patch(`/api/cases/${draft.id}`, { receivedAt: new Date(Date.now() + 86_400_000).toISOString() })).status).toBe(422);
    });

    it("computes a warrant's 10 days and an emergency's same-day review while the case is still in intake, naming the calendar", async () => {
      const issued = localDate(daysAgo(3));
      const warrant = (await clerk.post('/api/cases', courtOrderCase({ requestType: 'search_warrant', receivedAt: daysAgo(1), instrument: { issuedBy: 'Superior Court, Riverside', issuedAt: issued } }))).body;
      expect(warrant.status).toBe('intake');
      const expiry = warrant.deadlines.find((d: { clock: string }) => d.clock === 'search_warrant_expiry');
      expect(expiry).toMatchObject({ status: 'open', explanation: { start: issued, calendar: { name: 'Court days (judicial holidays)' } } });
      const emergency = (await clerk.post('/api/cases', courtOrderCase({ requestType: 'emergency', emergency: true, receivedAt: daysAgo(0), instrument: { description: 'Exigent claim' } }))).body;
      const sameDay = emergency.deadlines.find((d: { clock: string }) => d.clock === 'emergency_review_target');
      expect(sameDay.dueDate).toBe(localDate(daysAgo(0)));
      expect(sameDay.explanation.calendar.name).toBe('City closure calendar');
    });

    it("starts the CPRA clock at the city's portal receipt", async () => {
      const cityAt = daysAgo(4);
      const created = await clerk.post('/api/cases', courtOrderCase({
        requestType: 'public_records', channel: 'portal', receivedAt: daysAgo(2), requester: { name: 'A. Reporter', verification: 'not_verified' },
        instrument: { cityPortalNumber: 'PRR-2026-118', cityReceivedAt: cityAt },
      }));
      expect(created.status).toBe(201);
      const cpra = created.body.deadlines.find((d: { clock: string }) => d.clock === 'cpra_determination');
      expect(cpra.explanation.start).toBe(localDate(cityAt));
      expect(created.body.deadlines.map((d: { clock: string }) => d.clock)).toContain('cpra_extension_notice');
      const missing = (await clerk.post('/api/cases', courtOrderCase({ requestType: 'public_records', channel: 'portal', requester: { name: 'A. Reporter', verification: 'not_verified' }, instrument: {} }))).body;
      const submit = await clerk.post(`/api/cases/${missing.id}/submit`);
      expect(submit.status).toBe(422);
      expect(JSON.stringify(submit.body.details)).toMatch(/cityPortalNumber[\s\S]*cityReceivedAt/);
    });
  });

  describe('CPRA extension timing', () => {
    const cpra = (receivedAt: string) => courtOrderCase({ requestType: 'public_records', receivedAt, requester: { name: 'A. Reporter', verification: 'not_verified' }, instrument: {} });
    const ground = { days: 14, ground: 'voluminous_records', detail: 'Ten years of meeting-room bookings across three branches.' };

    it('refuses an extension after the 10 days (409) and for a ground the statute does not list (400)', async () => {
      const late = (await clerk.post('/api/cases', cpra(daysAgo(20)))).body;
      const refused = await director.post(`/api/cases/${late.id}/extension`, ground);
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(/within the 10 days.*7922\.535\(b\)/);
      const early = (await clerk.post('/api/cases', cpra(daysAgo(1)))).body;
      expect((await director.post(`/api/cases/${early.id}/extension`, { ...ground, ground: 'staff_shortage' })).status).toBe(400);
      expect((await director.post(`/api/cases/${early.id}/extension`, { ...ground, detail: 'busy' })).status).toBe(400);
      const granted = await director.post(`/api/cases/${early.id}/extension`, ground);
      expect(granted.status).toBe(200);
      const determination = granted.body.deadlines.find((d: { clock: string }) => d.clock === 'cpra_determination');
      expect(determination.explanation.extension).toMatchObject({ grantedDays: 14, reason: expect.stringMatching(/7922\.535\(c\)\(2\)/) });
      expect(await events(early.id)).toContain('deadline.extended');
    });
  });

  describe('request types that were missing', () => {
    it('refers an immigration administrative warrant to counsel: no release is possible', async () => {
      const row = await inReview({ requestType: 'immigration_administrative_warrant', requester: { name: 'Officer K.', agency: 'ICE ERO', verification: 'id_copied' }, instrument: { issuedBy: 'Supervisory officer', issuedAt: localDate(daysAgo(2)) } });
      const release = await attorney.post(`/api/cases/${row.id}/review`, {
        checklist: { counsel_notified: true, signed_by_judge: true, no_records_released_pending_counsel: true }, sufficiency: 'sufficient', recommendation: 'fulfil', reasons: [], overrideReason: 'Agent insisted it is urgent.',
      });
      expect(release.status).toBe(422);
      expect(release.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'IMMIGRATION_NOT_JUDICIAL' })]));
    });

    it('gives a federal civil subpoena its Rule 45 objection date (the earlier of 14 days or the compliance date), and the rules API lists every new type with citations', async () => {
      const compliance = localDate(daysAgo(-7));
      const created = (await clerk.post('/api/cases', courtOrderCase({ requestType: 'federal_civil_subpoena', receivedAt: daysAgo(1), requester: { name: 'J. Counsel', agency: 'Counsel LLP', verification: 'court_record' }, instrument: { issuedBy: 'U.S. District Court, C.D. Cal.', issuedAt: localDate(daysAgo(3)), complianceDate: compliance } }))).body;
      const objections = created.deadlines.find((d: { clock: string }) => d.clock === 'rule45_objections');
      expect(objections).toMatchObject({ dueDate: compliance, explanation: { citation: 'Fed. R. Civ. P. 45(d)(2)(B); Fed. R. Civ. P. 6(a)' } });
      const rules = (await clerk.get('/api/rules')).body;
      for (const type of ['federal_search_warrant', 'sca_2703_process', 'federal_administrative_subpoena', 'immigration_administrative_warrant', 'federal_civil_subpoena']) {
        expect(rules[type].checklist.every((i: { citation: string }) => i.citation.length > 0)).toBe(true);
      }
      expect(rules.immigration_administrative_warrant.notes.join(' ')).toMatch(/7284\.8/);
      const legal = (await clerk.get('/api/legal-rules')).body;
      expect(legal.policyReadings.find((p: { key: string }) => p.key === 'duly_authorized_request')).toMatchObject({ policyCitation: expect.stringMatching(/LIBR-010/), statuteCitation: expect.stringMatching(/7927\.105\(c\)/) });
      expect(legal.clocks.every((c: { citation: string; calendar: { citation: string } }) => c.citation && c.calendar.citation)).toBe(true);
      const calendars = (await clerk.get('/api/calendars?year=2026')).body;
      expect(calendars.court.closed.map((d: { date: string }) => d.date)).toEqual(expect.arrayContaining(['2026-02-12', '2026-07-03', '2026-09-25', '2026-11-27']));
      expect(calendars.city.closed.map((d: { date: string }) => d.date)).not.toContain('2026-07-03');
    });
  });

  it('lets the admin edit the city calendar with effective years, validated and audited', async () => {
    const current = (await system.admin.get('/api/settings')).body.deadlines.cityClosureRules;
    const bad = await system.admin.request('PUT', '/api/settings/deadlines', { cityClosureRules: [{ name: 'Founders Day', date: { type: 'fixed', month: 2, day: 30 }, observance: 'none', citation: 'Res. 2026-1' }] });
    expect(bad.status).toBe(400);
    const edited = [...current.filter((r: { name: string }) => r.name !== 'Columbus Day'), { name: 'Founders Day', date: { type: 'fixed', month: 10, day: 14 }, observance: 'none', citation: 'City Council Res. 2026-14', fromYear: 2026 }];
    expect((await system.admin.request('PUT', '/api/settings/deadlines', { cityClosureRules: edited })).status).toBe(200);
    const city = (await clerk.get('/api/calendars?year=2026')).body.city.closed.map((d: { date: string }) => d.date);
    expect(city).toContain('2026-10-14');
    expect(city).not.toContain('2026-10-12');
    expect((await clerk.request('PUT', '/api/settings/deadlines', { cityClosureRules: edited })).status).toBe(403);
    expect((await system.admin.request('PUT', '/api/settings/deadlines', { additionalStateHolidayRules: [] })).status).toBe(400);
  });
});
