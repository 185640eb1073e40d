import { REQUEST_TYPES, RequestType } from '../request-types';
import { PATRON_NOTICE_RULES, PatronNoticeFacts, decidePatronNotice } from './patron-notice-rules';

const facts = (overrides: Partial<PatronNoticeFacts> = {}): PatronNoticeFacts => ({
  requestType: 'court_order',
  status: 'review',
  nondisclosureInForce: false,
  nondisclosureUntil: null,
  statutoryGagInForce: false,
  patrons: 1,
  ...overrides,
});

describe('decidePatronNotice', () => {
  /*
   * The order of the answers, restated: use within library administration is not a request (§ 7927.105(c)(1)), so
   * no notice at all; then a statutory gag (18 U.S.C. § 2709(c), 50 U.S.C. § 1861(d)) binds before anything else;
   * then a court's nondisclosure order; only then the case's own state: out of intake, with a patron named.
   */
  it('gives, for every request type and every state of the case, the first reason that forbids notice', () => {
    for (const requestType of REQUEST_TYPES) {
      for (const statutoryGagInForce of [false, true]) {
        for (const nondisclosureInForce of [false, true]) {
          for (const status of ['intake', 'review']) {
            for (const patrons of [0, 2]) {
              const expected =
                requestType === 'internal' ? 'NOT_APPLICABLE'
                : statutoryGagInForce ? 'STATUTORY_GAG'
                : nondisclosureInForce ? 'NONDISCLOSURE_ORDER'
                : status === 'intake' ? 'STILL_IN_INTAKE'
                : patrons === 0 ? 'NO_PATRONS'
                : null;
              const decision = decidePatronNotice(facts({ requestType, statutoryGagInForce, nondisclosureInForce, status, patrons }));
              expect({ requestType, statutoryGagInForce, nondisclosureInForce, status, patrons, refusal: decision.refusal, allowed: decision.allowed }).toEqual({
                requestType, statutoryGagInForce, nondisclosureInForce, status, patrons, refusal: expected, allowed: expected === null,
              });
            }
          }
        }
      }
    }
  });

  it('holds only NSL and FISA process to a lifted gag, and sends nothing for internal use', () => {
    const basis = (type: RequestType) => PATRON_NOTICE_RULES[type].basis;
    expect(REQUEST_TYPES.filter((t) => basis(t) === 'after_gag_lifted')).toEqual(['national_security_letter', 'fisa_order']);
    expect(REQUEST_TYPES.filter((t) => basis(t) === 'not_applicable')).toEqual(['internal']);
  });

  it('when allowed, says why with the request type’s citation', () => {
    expect(decidePatronNotice(facts({ requestType: 'civil_subpoena' }))).toEqual({
      allowed: true, refusal: null, message: 'The subpoenaing party must serve the patron; the library may tell the patron too, so they can object.', citation: 'Code Civ. Proc. §§ 1985.3(b), (g), 1985.4',
    });
  });

  it('cites the gag’s statute when a statutory gag forbids notice', () => {
    expect(decidePatronNotice(facts({ requestType: 'national_security_letter', statutoryGagInForce: true }))).toEqual({
      allowed: false, refusal: 'STATUTORY_GAG', citation: '18 U.S.C. §§ 2709(c), 3511(b)',
      message: 'A statutory nondisclosure requirement forbids notice to the patron until it is lifted (18 U.S.C. §§ 2709(c), 3511(b))',
    });
  });

  it('names the nondisclosure order’s end date and its law when known, and the order’s own terms otherwise', () => {
    expect(decidePatronNotice(facts({ nondisclosureInForce: true, nondisclosureUntil: '2027-02-15', nondisclosureCitation: 'Penal Code § 1546.2(b)' }))).toEqual({
      allowed: false, refusal: 'NONDISCLOSURE_ORDER', citation: 'Penal Code § 1546.2(b)',
      message: 'A nondisclosure order forbids notice to the patron until 2027-02-15 (Penal Code § 1546.2(b))',
    });
    expect(decidePatronNotice(facts({ nondisclosureInForce: true }))).toEqual({
      allowed: false, refusal: 'NONDISCLOSURE_ORDER', citation: "the court's nondisclosure order (its own terms)",
      message: "A nondisclosure order forbids notice to the patron (the court's nondisclosure order (its own terms))",
    });
  });

  it('explains the case-state refusals with the request type’s citation', () => {
    expect(decidePatronNotice(facts({ status: 'intake' }))).toMatchObject({ message: 'Notice follows intake: submit the case first', citation: PATRON_NOTICE_RULES.court_order.citation });
    expect(decidePatronNotice(facts({ patrons: 0 }))).toMatchObject({ message: 'The request names no patron to notify', citation: PATRON_NOTICE_RULES.court_order.citation });
    expect(decidePatronNotice(facts({ requestType: 'internal' }))).toEqual({
      allowed: false, refusal: 'NOT_APPLICABLE', message: 'Use within library administration is not a request from outside; no notice is sent.', citation: 'Gov. Code § 7927.105(c)(1)',
    });
  });
});
