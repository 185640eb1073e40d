import { ApiClient } from '../support/api-client';
import { caseInLegalReview, importRecords, reviewedCase } from '../support/case-journey';
import { OTHER_PATRON, PATRON_IN_SCOPE } from '../support/koha-fixture';
import { withDatabase } from '../support/services';
import { SUFFICIENT_COURT_ORDER_REVIEW, TestSystem } from '../support/system';

jest.setTimeout(240_000);

const SCOPE = { cardNumbers: [PATRON_IN_SCOPE.cardnumber], from: '2026-01-01', to: '2026-10-31', recordTypes: ['patron', 'loans'] };
// Another patron's first name: that patron's rows are withheld whole, so the alias would print a withheld value.
const REVEALING_ALIAS = `Patron ${OTHER_PATRON.firstname}`;
// A patron the first export did not hold: the alias was safe at review and is not after this export.
const LATE_PATRON = { borrowernumber: 103, cardnumber: '23000000077777', surname: 'Marchetti', firstname: 'Livia', branchcode: 'PDL', categorycode: 'ADULT', dateenrolled: '2021-02-01' };
const LATE_ALIAS = `Patron ${LATE_PATRON.surname}`;

// Decision 0054: the rule the worker applies before rendering, applied by the API once the records are imported.
describe('an alias that would print a withheld value', () => {
  let system: TestSystem;
  let attorney: ApiClient;
  let director: ApiClient;

  beforeAll(async () => {
    system = await TestSystem.start('alias-refusals');
    attorney = await system.as('attorney');
    director = await system.as('director');
  });
  afterAll(() => system?.stop());

  /** Every row a review or decision would write or change, and the successful audit events. */
  const stateOf = (caseId: string) =>
    withDatabase(system.environment.databaseUrl!, async (db) => {
      const one = async (sql: string) => (await db.query(sql, [caseId])).rows;
      return {
        case: await one('SELECT status, version, "pendingStep", "approvedScope"::text AS "approvedScope", "reviewingAttorneyId", "decidingDirectorId" FROM cases WHERE id = $1'),
        reviews: await one('SELECT id FROM reviews WHERE "caseId" = $1'),
        decisions: await one('SELECT id FROM decisions WHERE "caseId" = $1'),
        productions: await one('SELECT id FROM productions WHERE "caseId" = $1'),
        outbox: await one(`SELECT "jobId" FROM outbox WHERE "jobId" LIKE $1 || '%'`),
        audit: await one(`SELECT action FROM audit_events WHERE "caseId" = $1 AND outcome = 'success' ORDER BY seq`),
      };
    });

  function expectAliasRefusal(response: { status: number; body: any }, position: string) {
    expect(response.status).toBe(422);
    expect(response.body.message).toMatch(/alias in the scope contains a value the production withholds/);
    expect(response.body.details).toEqual([{ field: 'scope.aliases', message: `alias ${position} contains a value the production withholds` }]);
  }

  it('refuses at review a narrowing that names a patron by an alias holding another patron’s name, changing nothing', async () => {
    const { caseId } = await caseInLegalReview(system, { caseOverrides: { scope: SCOPE } });
    const before = await stateOf(caseId);
    const refused = await attorney.post(`/api/cases/${caseId}/review`, { ...SUFFICIENT_COURT_ORDER_REVIEW, scope: { ...SCOPE, aliases: [{ cardNumber: PATRON_IN_SCOPE.cardnumber, alias: REVEALING_ALIAS }] } });
    expectAliasRefusal(refused, '1 of 1');
    expect(JSON.stringify(refused.body)).not.toMatch(/Siobh|O'Connor/i);
    expect(await stateOf(caseId)).toEqual(before);

    // The same review with a harmless alias is accepted: it was the alias.
    const accepted = await attorney.post(`/api/cases/${caseId}/review`, { ...SUFFICIENT_COURT_ORDER_REVIEW, scope: { ...SCOPE, aliases: [{ cardNumber: PATRON_IN_SCOPE.cardnumber, alias: 'Patron A' }] } });
    expect(accepted.status).toBe(202);
  });

  it('refuses at review a requested alias holding a withheld value of the patron’s own records', async () => {
    // The patron's date of birth is withheld (no authority names it).
    const aliases = [{ cardNumber: PATRON_IN_SCOPE.cardnumber, alias: `Born ${PATRON_IN_SCOPE.dateofbirth}` }];
    const { caseId } = await caseInLegalReview(system, { caseOverrides: { scope: { ...SCOPE, aliases } } });
    const before = await stateOf(caseId);
    const refused = await attorney.post(`/api/cases/${caseId}/review`, SUFFICIENT_COURT_ORDER_REVIEW);
    expectAliasRefusal(refused, '1 of 1');
    expect(JSON.stringify(refused.body)).not.toContain(PATRON_IN_SCOPE.dateofbirth);
    expect(await stateOf(caseId)).toEqual(before);
  });

  it('refuses the approval when records imported after the review make the alias print a withheld value, changing nothing', async () => {
    const aliases = [{ cardNumber: PATRON_IN_SCOPE.cardnumber, alias: LATE_ALIAS }];
    const { caseId } = await reviewedCase(system, { caseOverrides: { scope: { ...SCOPE, aliases } } });
    const warned = async () => {
      const preview = await director.get(`/api/cases/${caseId}/decision/preview/release`);
      expect(preview.status).toBe(200);
      return preview.body.aliasesRevealingWithheld;
    };
    // The director's preview says so before the approval is refused, by the alias's position (it lists the aliases
    // themselves already, and never names the withheld value or whose it is).
    expect(await warned()).toEqual([]);
    await importRecords(system, caseId, JSON.stringify({ borrowers: [LATE_PATRON] }));
    expect(await warned()).toEqual([1]);
    const before = await stateOf(caseId);
    const refused = await director.post(`/api/cases/${caseId}/decision`, { decision: 'approve', note: 'Approved.' });
    expectAliasRefusal(refused, '1 of 1');
    expect(JSON.stringify(refused.body)).not.toContain(LATE_PATRON.surname);
    expect(await stateOf(caseId)).toEqual(before);
    expect(before.case[0].status).toBe('awaiting_approval');

    // A denial does not print the alias: the director may still deny.
    expect((await director.post(`/api/cases/${caseId}/decision`, { decision: 'deny', note: 'Denied.' })).status).toBe(202);
  });

  it('never writes the aliases or the values they hold to a process log', () => {
    const logs = `${system.api.output()}\n${system.worker!.output()}`;
    for (const value of [REVEALING_ALIAS, OTHER_PATRON.firstname, LATE_ALIAS, LATE_PATRON.surname, PATRON_IN_SCOPE.dateofbirth]) expect(`${value}: ${logs.includes(value)}`).toBe(`${value}: false`);
  });
});
