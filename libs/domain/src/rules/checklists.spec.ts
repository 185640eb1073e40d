import type { RequestType } from '../request-types';
import { CHECKLISTS } from './checklists';

/*
 * The checks domain.md § 3 says the reviewer must complete, per request type, as checklist keys. The checklists are
 * data read at load time, which mutation testing skips (static mutants), so this table is their oracle: a required
 * check made optional, or a question's supporting answer flipped, fails here.
 */
const REQUIRED_BY_DOMAIN_BRIEF: Partial<Record<RequestType, Record<string, boolean>>> = {
  // signed by the patron the records concern; identity verified; only that patron's records, within the consent
  patron_consent: { signed_by_patron: true, identity_verified: true, consent_scope_matches_request: true },
  // issuing court, judge's signature, case number, records named with particularity, date range
  court_order: { issuing_court_superior: true, judge_signature: true, case_number: true, records_named_with_particularity: true, date_range_stated: true },
  // issued ≤ 10 days ago; signed by a magistrate; names the library and the records
  search_warrant: { issued_within_10_days: true, signed_by_magistrate: true, names_library: true, names_records_with_particularity: true },
  // proof of consumer notice; objection received? (no objection supports release); none by itself: a court order
  civil_subpoena: { proof_of_consumer_notice: true, objection_received: false, court_order_obtained: true },
  // none by itself: good cause shown in court (ALA), and a court order
  criminal_subpoena: { good_cause_shown_in_court: true, court_order_obtained: true },
  // a library is not a covered provider unless it acts as an electronic communication service provider (§ 2709(f))
  national_security_letter: { library_is_ecs_provider: true, counsel_consulted: true },
  // authority lapsed 15 March 2020 (grandfathered investigations only); counsel
  fisa_order: { grandfathered_investigation: true, counsel_consulted: true },
  // route to counsel at once; preservation hold; wait for a court order
  emergency: { counsel_notified: true, preservation_hold_placed: true, court_order_obtained: true },
  // determination within 10 days; written denial naming responsible persons
  public_records: { determination_within_10_days: true, denial_names_responsible_persons: true },
  // staff member, purpose within duties; logged like any other disclosure
  internal: { staff_member_identified: true, purpose_within_duties: true, disclosure_logged: true },
};

describe('checklists hold the checks of domain.md § 3', () => {
  it.each(Object.entries(REQUIRED_BY_DOMAIN_BRIEF))('%s: each listed check is required, with the answer that supports release', (type, required) => {
    const items = CHECKLISTS[type as RequestType];
    for (const [key, supportingAnswer] of Object.entries(required!)) {
      expect({ key, item: items.find((i) => i.key === key) }).toEqual({ key, item: expect.objectContaining({ required: true, supportingAnswer }) });
    }
  });

  it('cites a source for every item', () => {
    for (const items of Object.values(CHECKLISTS)) for (const item of items) expect(item.citation).toMatch(/§|U\.S\.C\.|ALA|Fed\. R\.|Const\.|procedure|statute|Attorney General/);
  });
});
