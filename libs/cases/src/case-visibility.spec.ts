import fc from 'fast-check';
import type { Actor } from '@custodian/auth';
import { REQUEST_TYPES, ROLES, addDays, type RequestType, type Role } from '@custodian/domain';
import { assigneeIds, canSeeCase, caseGag, isUnderNondisclosure, pacificToday, type CaseVisibilityFields } from './case-visibility';

const TODAY = '2026-12-01';
const STATUTORY: readonly RequestType[] = ['national_security_letter', 'fisa_order'];
const ASSIGNEE_FIELDS = ['intakeClerkId', 'assignedAttorneyId', 'reviewingAttorneyId', 'assignedDirectorId', 'decidingDirectorId'] as const;

function row(overrides: Partial<CaseVisibilityFields> = {}): CaseVisibilityFields {
  return {
    requestType: 'subpoena',
    nondisclosureUntil: null,
    nondisclosureBasis: null,
    gagLift: null,
    intakeClerkId: null,
    assignedAttorneyId: null,
    reviewingAttorneyId: null,
    assignedDirectorId: null,
    decidingDirectorId: null,
    ...overrides,
  } as CaseVisibilityFields;
}

function actor(id: string, roles: Role[]): Actor {
  return { id, username: id, displayName: id, title: '', roles };
}

// The oracle, written from domain.md § 9 rather than from gagState: NSL and FISA are gagged until a recorded lift,
// any other type while a court's date has not passed (the date itself included) and no lift is recorded.
function gaggedByTheRules(facts: { requestType: RequestType; until: string | null; lifted: boolean }): boolean {
  if (facts.lifted) return false;
  if (STATUTORY.includes(facts.requestType)) return true;
  return facts.until !== null && facts.until >= TODAY;
}

const factsArb = fc.record({
  requestType: fc.constantFrom(...REQUEST_TYPES),
  until: fc.option(fc.integer({ min: -30, max: 30 }).map((days) => addDays(TODAY, days)), { nil: null }),
  lifted: fc.boolean(),
  assignees: fc.tuple(...ASSIGNEE_FIELDS.map(() => fc.option(fc.constantFrom('u1', 'u2', 'u3'), { nil: null }))),
  actorId: fc.constantFrom('u1', 'u2', 'u3', 'u4'),
  roles: fc.subarray([...ROLES]),
});

function rowOf(facts: { requestType: RequestType; until: string | null; lifted: boolean; assignees: (string | null)[] }): CaseVisibilityFields {
  const assigned = Object.fromEntries(ASSIGNEE_FIELDS.map((field, index) => [field, facts.assignees[index]]));
  return row({
    requestType: facts.requestType,
    nondisclosureUntil: facts.until,
    gagLift: facts.lifted ? { kind: 'court_order', reference: 'order lifting the gag', liftedOn: TODAY, recordedById: 'director-1', recordedAt: `${TODAY}T17:00:00Z` } : null,
    ...assigned,
  });
}

describe('case visibility (a gagged case exists only for its assignees, auditors and admins)', () => {
  it('agrees with the rules for every request type, date, lift, assignment and role set', () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const caseRow = rowOf(facts);
        const gagged = gaggedByTheRules(facts);
        const assigned = (facts.assignees as (string | null)[]).includes(facts.actorId);
        const overseer = facts.roles.includes('auditor') || facts.roles.includes('admin');
        expect(isUnderNondisclosure(caseRow, TODAY)).toBe(gagged);
        expect(canSeeCase(actor(facts.actorId, facts.roles), caseRow, TODAY)).toBe(!gagged || assigned || overseer);
      }),
      { numRuns: 500 },
    );
  });

  it('hides a gagged case from every unassigned staff role but auditor and admin', () => {
    const gagged = row({ requestType: 'national_security_letter', intakeClerkId: 'clerk-1' });
    expect(canSeeCase(actor('clerk-2', ['clerk']), gagged, TODAY)).toBe(false);
    expect(canSeeCase(actor('attorney-1', ['attorney']), gagged, TODAY)).toBe(false);
    expect(canSeeCase(actor('director-1', ['director', 'clerk', 'attorney']), gagged, TODAY)).toBe(false);
    expect(canSeeCase(actor('auditor-1', ['auditor']), gagged, TODAY)).toBe(true);
    expect(canSeeCase(actor('admin-1', ['admin']), gagged, TODAY)).toBe(true);
    expect(canSeeCase(actor('clerk-1', ['clerk']), gagged, TODAY)).toBe(true);
  });

  it('shows an ungagged case to everyone, with or without roles', () => {
    expect(canSeeCase(actor('nobody', []), row(), TODAY)).toBe(true);
    expect(canSeeCase(actor('nobody', []), row({ nondisclosureUntil: addDays(TODAY, -1) }), TODAY)).toBe(true);
  });

  it('lets each of the five duties see its gagged case, and no one by a null duty', () => {
    for (const field of ASSIGNEE_FIELDS) {
      const gagged = row({ requestType: 'fisa_order', [field]: 'assigned-user' });
      expect(canSeeCase(actor('assigned-user', ['clerk']), gagged, TODAY)).toBe(true);
      expect(canSeeCase(actor('other-user', ['clerk']), gagged, TODAY)).toBe(false);
    }
    expect(assigneeIds(row())).toEqual([]);
    expect(assigneeIds(row({ intakeClerkId: 'a', assignedAttorneyId: 'b', reviewingAttorneyId: 'c', assignedDirectorId: 'd', decidingDirectorId: 'e' }))).toEqual([
      'a', 'b', 'c', 'd', 'e',
    ]);
  });

  it('keeps a court order in force through its last day and lifts it the day after', () => {
    const order = row({ requestType: 'search_warrant', nondisclosureUntil: TODAY, nondisclosureBasis: 'calecpa_delayed_notice' });
    expect(isUnderNondisclosure(order, TODAY)).toBe(true);
    expect(isUnderNondisclosure(order, addDays(TODAY, 1))).toBe(false);
    expect(caseGag(order, TODAY)).toMatchObject({ kind: 'ordered', until: TODAY, citation: 'Penal Code § 1546.2(b)' });
    expect(caseGag(row(), TODAY)).toBeNull();
  });

  it('reads optional basis and lift as absent when a row leaves them out', () => {
    const { nondisclosureBasis: _basis, gagLift: _lift, ...partial } = row({ requestType: 'national_security_letter' });
    expect(caseGag(partial, TODAY)).toMatchObject({ kind: 'statutory', active: true, lifted: null });
    const { nondisclosureBasis: _b, gagLift: _l, ...ordered } = row({ nondisclosureUntil: TODAY });
    expect(caseGag(ordered, TODAY)).toMatchObject({ citation: "the court's nondisclosure order (its own terms)" });
  });

  it("dates 'today' by the library's calendar (Pacific), not UTC's", () => {
    // 02:00 UTC on 2 December is still 1 December in California (UTC-8 in winter).
    expect(pacificToday(new Date('2026-12-02T02:00:00Z'))).toBe('2026-12-01');
    expect(pacificToday(new Date('2026-12-02T09:00:00Z'))).toBe('2026-12-02');
  });
});
