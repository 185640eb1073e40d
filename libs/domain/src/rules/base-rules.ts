import { CLOCKS_BY_REQUEST_TYPE } from '../deadlines/clock-catalogue';
import { REQUEST_TYPE_LABELS, RequestType } from '../request-types';
import { CHECKLISTS } from './checklists';
import type { ReleaseRoute, RequestRule } from './rule-types';

const COURT_ORDER_ROUTE: ReleaseRoute = {
  text: 'A superior court order for the records has been obtained',
  citation: 'Gov. Code § 7927.105(c)(3)',
  requires: ['court_order_obtained'],
};

type RuleData = Omit<RequestRule, 'requestType' | 'label' | 'checklist' | 'clocks'>;

/** The default rules of domain.md § 3, before counsel settings. Checklists and clocks come from their catalogues. */
const RULE_DATA: Record<RequestType, RuleData> = {
  patron_consent: {
    basisForRelease: { text: 'Written authorization by the patron the records concern', citation: 'Gov. Code § 7927.105(c)(2)' },
    releaseRoutes: [],
    releaseWithoutBasis: 'RELEASE_WITHOUT_BASIS',
    defaultRecommendation: 'fulfil',
    defaultReasonCodes: ['RELEASE_PATRON_CONSENT'],
    requiresPreservationHold: false,
    gagHandling: null,
    notes: ["Release only the consenting patron's records, within the consent's scope."],
  },
  court_order: {
    basisForRelease: { text: 'Order of the appropriate superior court', citation: 'Gov. Code § 7927.105(c)(3)' },
    releaseRoutes: [],
    releaseWithoutBasis: 'RELEASE_WITHOUT_BASIS',
    defaultRecommendation: 'fulfil',
    defaultReasonCodes: ['RELEASE_COURT_ORDER'],
    requiresPreservationHold: false,
    gagHandling: { when: 'if_ordered', text: 'If the order forbids disclosure, tell no one, the patron included, until it lapses.', citation: 'Penal Code § 1546.2(b)' },
    notes: ['Produce only the records the order names.'],
  },
  search_warrant: {
    basisForRelease: { text: 'A search warrant, treated as an order of the superior court (counsel setting)', citation: 'Gov. Code § 7927.105(c)(3); Penal Code §§ 1523-1534' },
    releaseRoutes: [],
    releaseWithoutBasis: 'RELEASE_WITHOUT_BASIS',
    defaultRecommendation: 'fulfil',
    defaultReasonCodes: ['RELEASE_COURT_ORDER'],
    requiresPreservationHold: false,
    gagHandling: { when: 'if_ordered', text: 'If the warrant carries a nondisclosure order, tell no one, the patron included, until it lapses.', citation: 'Penal Code § 1546.2(b)' },
    notes: ['Void if not executed within 10 days of issuance; executable at once.', 'Produce only what is named; view no other patron\'s records.'],
  },
  civil_subpoena: {
    basisForRelease: null,
    releaseRoutes: [COURT_ORDER_ROUTE],
    releaseWithoutBasis: 'SUBPOENA_WITHOUT_COURT_ORDER',
    defaultRecommendation: 'deny',
    defaultReasonCodes: ['COURT_ORDER_REQUIRED'],
    requiresPreservationHold: false,
    gagHandling: null,
    notes: ['Default outcome: object, or decline until a court order.', "Production stops on the patron's objection or motion to quash unless a court orders otherwise (Code Civ. Proc. § 1985.3(g))."],
  },
  criminal_subpoena: {
    basisForRelease: null,
    releaseRoutes: [COURT_ORDER_ROUTE],
    releaseWithoutBasis: 'SUBPOENA_WITHOUT_COURT_ORDER',
    defaultRecommendation: 'deny',
    defaultReasonCodes: ['COURT_ORDER_REQUIRED'],
    requiresPreservationHold: false,
    gagHandling: null,
    notes: ['ALA: resist until good cause is shown in court.'],
  },
  national_security_letter: {
    basisForRelease: null,
    releaseRoutes: [],
    releaseWithoutBasis: 'FEDERAL_PROCESS_NOT_CLEARED',
    defaultRecommendation: 'deny',
    defaultReasonCodes: ['NSL_NOT_COVERED_PROVIDER', 'FEDERAL_PROCESS_COUNSEL'],
    requiresPreservationHold: false,
    gagHandling: { when: 'always', text: 'Statutory nondisclosure: restrict the case to those assigned; disclosure to counsel is allowed.', citation: '18 U.S.C. § 2709(c)' },
    notes: ['A library is not a covered provider unless it acts as an electronic communication service provider (18 U.S.C. § 2709(f)).', 'Judicial review is available (18 U.S.C. § 3511).'],
  },
  fisa_order: {
    basisForRelease: null,
    releaseRoutes: [],
    releaseWithoutBasis: 'FEDERAL_PROCESS_NOT_CLEARED',
    defaultRecommendation: 'deny',
    defaultReasonCodes: ['FISA_215_LAPSED', 'FEDERAL_PROCESS_COUNSEL'],
    requiresPreservationHold: false,
    gagHandling: { when: 'always', text: 'Statutory nondisclosure: restrict the case to those assigned; disclosure to counsel is allowed.', citation: '50 U.S.C. § 1861(d)' },
    notes: ['Section 215 authority lapsed on 15 March 2020; only investigations begun before then are grandfathered.'],
  },
  emergency: {
    basisForRelease: null,
    releaseRoutes: [COURT_ORDER_ROUTE],
    releaseWithoutBasis: 'NO_EMERGENCY_EXCEPTION',
    defaultRecommendation: 'deny',
    defaultReasonCodes: ['NO_EMERGENCY_EXCEPTION'],
    requiresPreservationHold: true,
    gagHandling: null,
    notes: ['Route to counsel at once, place a preservation hold and wait for a court order.'],
  },
  public_records: {
    basisForRelease: null,
    releaseRoutes: [],
    releaseWithoutBasis: 'PUBLIC_RECORDS_RELEASE',
    defaultRecommendation: 'deny',
    defaultReasonCodes: ['CPRA_EXEMPT_PATRON_RECORDS'],
    requiresPreservationHold: false,
    gagHandling: null,
    notes: [
      'Patron use records are exempt (Gov. Code §§ 7927.100, 7927.105); records of fines and statistical reports are not.',
      'Determination within 10 days; a denial is in writing and names each person responsible, with title (Gov. Code § 7922.540).',
    ],
  },
  internal: {
    basisForRelease: { text: 'Disclosure by staff acting within the scope of library administration duties', citation: 'Gov. Code § 7927.105(c)(1)' },
    releaseRoutes: [],
    releaseWithoutBasis: 'RELEASE_WITHOUT_BASIS',
    defaultRecommendation: 'fulfil',
    defaultReasonCodes: ['RELEASE_LIBRARY_ADMINISTRATION'],
    requiresPreservationHold: false,
    gagHandling: null,
    notes: ['Logged like any other disclosure.'],
  },
};

export const BASE_RULES: Readonly<Record<RequestType, RequestRule>> = Object.fromEntries(
  (Object.keys(RULE_DATA) as RequestType[]).map((type) => [
    type,
    { requestType: type, label: REQUEST_TYPE_LABELS[type], checklist: CHECKLISTS[type], clocks: CLOCKS_BY_REQUEST_TYPE[type], ...RULE_DATA[type] },
  ]),
) as Record<RequestType, RequestRule>;
