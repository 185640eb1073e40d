// Request bodies the bench sends: a small court-order case, a sufficient review, approve and deny decisions.
'use strict';

function courtOrderCase(n = 0) {
  return {
    requestType: 'court_order',
    receivedAt: new Date().toISOString(),
    channel: 'in_person',
    requester: { name: 'Det. A. Ruiz', agency: 'Palm Desert Police', email: 'aruiz@example.gov', phone: '760-555-0100', badgeNumber: '4411', verification: 'id_copied' },
    instrument: { issuedBy: 'Superior Court of California, County of Riverside', judge: 'Hon. L. Ortega', docketNumber: `RIC26${String(n).padStart(5, '0')}`, issuedAt: '2026-11-18', complianceDate: '2026-12-30' },
    scope: { cardNumbers: ['23000000012345'], from: '2026-01-01', to: '2026-10-31', recordTypes: ['patron', 'loans'] },
    nondisclosureUntil: null,
    emergency: false,
    summary: `Bench order ${n}`,
  };
}

const SUFFICIENT_REVIEW = {
  checklist: { issuing_court_superior: true, judge_signature: true, case_number: true, records_named_with_particularity: true, date_range_stated: true, patron_identified: true },
  sufficiency: 'sufficient',
  recommendation: 'fulfil',
  reasons: [],
  memo: 'Order is facially valid.',
};

const APPROVE = { decision: 'approve', note: 'Produce as reviewed.' };
const DENY = { decision: 'deny', reasons: ['NOT_PARTICULAR'], note: 'The order does not name the records with particularity.' };

module.exports = { courtOrderCase, SUFFICIENT_REVIEW, APPROVE, DENY };
