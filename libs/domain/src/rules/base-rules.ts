import { CLOCKS_BY_REQUEST_TYPE } from '../deadlines/clock-catalogue';
import { REQUEST_TYPE_LABELS, RequestType } from '../request-types';
import { CHECKLISTS } from './checklists';
import type { ReleaseRoute, RequestRule } from './rule-types';

const COURT_ORDER_ROUTE: ReleaseRoute = {
  text: 'A superior court order for the records has been obtained',
  citation: 'Gov. Code § 7927.105(c)(3)',
  requires: ['court_order_obtained'],
};

type RuleData = Omit<RequestRule, 'requestType' | 'label' | 'checklist' | 'clocks' | 'unprotectedRelease'>;

/** The fines bypass applies only where the rules say so: records of fines released on a public-records request. */
const UNPROTECTED_RELEASE: Partial<Record<RequestType, RequestRule['unprotectedRelease']>> = {
  public_records: { recordTypes: ['fines'], citation: 'Gov. Code §§ 7927.100(b), 7927.105(b)(2)' },
};

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
    gagHandling: { when: 'if_ordered', text: 'If the order forbids disclosure, tell no one, the patron included, until it lapses or is lifted. For electronic information sought under CalECPA the delay of notice is Penal Code § 1546.2(b); otherwise the order\'s own terms govern.', citation: "The order's own terms; Penal Code § 1546.2(b) for CalECPA process" },
    notes: ['Produce only the records the order names.'],
  },
  search_warrant: {
    basisForRelease: { text: 'A search warrant, treated as an order of the superior court (counsel setting)', citation: 'Gov. Code § 7927.105(c)(3); Penal Code §§ 1523-1534' },
    releaseRoutes: [],
    releaseWithoutBasis: 'RELEASE_WITHOUT_BASIS',
    defaultRecommendation: 'fulfil',
    defaultReasonCodes: ['RELEASE_COURT_ORDER'],
    requiresPreservationHold: false,
    gagHandling: { when: 'if_ordered', text: 'If the warrant carries a nondisclosure order, tell no one, the patron included, until it lapses or is lifted. For electronic information under CalECPA the delay of notice is Penal Code § 1546.2(b).', citation: "The warrant's own terms; Penal Code § 1546.2(b) for CalECPA process" },
    notes: ['Void if not executed within 10 days of issuance; executable at once.', 'Produce only what is named; view no other patron\'s records.'],
  },
  civil_subpoena: {
    basisForRelease: null,
    releaseRoutes: [COURT_ORDER_ROUTE],
    releaseWithoutBasis: 'SUBPOENA_WITHOUT_COURT_ORDER',
    defaultRecommendation: 'deny',
    defaultReasonCodes: ['COURT_ORDER_REQUIRED', 'SUBPOENA_OBJECTION'],
    requiresPreservationHold: false,
    gagHandling: null,
    notes: [
      'Default outcome: a written objection (Code Civ. Proc. § 1985.3(k)) or a motion to quash (§ 1987.1), not a denial letter; production only on a court order.',
      "Production stops on the patron's objection or motion to quash unless a court orders otherwise (Code Civ. Proc. § 1985.3(g)).",
      'Mail service on the patron adds 5 days within California, 10 outside it, 20 outside the United States (Code Civ. Proc. § 1013(a)); a deposition subpoena sets production at least 15 days after service (§ 2020.410(c)).',
    ],
  },
  criminal_subpoena: {
    basisForRelease: null,
    releaseRoutes: [COURT_ORDER_ROUTE],
    releaseWithoutBasis: 'SUBPOENA_WITHOUT_COURT_ORDER',
    defaultRecommendation: 'deny',
    defaultReasonCodes: ['COURT_ORDER_REQUIRED'],
    requiresPreservationHold: false,
    gagHandling: null,
    notes: [
      'A criminal subpoena may be issued by a court, a grand jury or a district attorney (Penal Code § 1326(a)); by itself it is not an order of the superior court.',
      'Any records produced go sealed to the court with the custodian\'s affidavit (Penal Code § 1326(b), (c); Evid. Code §§ 1560(b), 1561, 1562).',
      'ALA: resist until good cause is shown in court.',
    ],
  },
  national_security_letter: {
    basisForRelease: null,
    releaseRoutes: [],
    releaseWithoutBasis: 'FEDERAL_PROCESS_NOT_CLEARED',
    defaultRecommendation: 'deny',
    defaultReasonCodes: ['NSL_NOT_COVERED_PROVIDER', 'FEDERAL_PROCESS_COUNSEL'],
    requiresPreservationHold: false,
    gagHandling: { when: 'always', text: 'Statutory nondisclosure: restrict the case to those assigned; disclosure to counsel is allowed.', citation: '18 U.S.C. § 2709(c)' },
    notes: [
      'A library is not a covered provider unless it acts as an electronic communication service provider (18 U.S.C. § 2709(f)).',
      'Where counsel allows compliance, only subscriber information and toll-billing or electronic-communication transactional records, for a specific selection term; never loans, holds or searches (18 U.S.C. § 2709(a), (b)).',
      'Judicial review is available (18 U.S.C. § 3511).',
    ],
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
  federal_search_warrant: {
    basisForRelease: null,
    releaseRoutes: [],
    releaseWithoutBasis: 'FEDERAL_PROCESS_NOT_CLEARED',
    defaultRecommendation: 'deny',
    defaultReasonCodes: ['FEDERAL_PROCESS_COUNSEL'],
    requiresPreservationHold: false,
    gagHandling: { when: 'if_ordered', text: 'If the warrant or a court order delays notice, tell no one until it lapses or is lifted.', citation: "The warrant's own terms; Fed. R. Crim. P. 41(f)" },
    notes: ['A federal warrant is not an order of a California superior court; counsel decides how to answer it (federal supremacy).', 'Executed within the time it names, at most 14 days (Fed. R. Crim. P. 41(e)(2)(A)(i)). Do not obstruct agents executing it; call counsel at once.'],
  },
  sca_2703_process: {
    basisForRelease: null,
    releaseRoutes: [],
    releaseWithoutBasis: 'FEDERAL_PROCESS_NOT_CLEARED',
    defaultRecommendation: 'deny',
    defaultReasonCodes: ['FEDERAL_PROCESS_COUNSEL'],
    requiresPreservationHold: false,
    gagHandling: { when: 'if_ordered', text: 'A preclusion-of-notice order bars telling the patron until it lapses.', citation: '18 U.S.C. § 2705(b)' },
    notes: ['May reach a library that provides public internet as an electronic communication service; § 2709(f)\'s carve-out is "for purposes of this section" only.', 'A § 2703(c)(2) subpoena reaches basic subscriber records only; content and other records need a § 2703(d) order or a warrant.'],
  },
  federal_administrative_subpoena: {
    basisForRelease: null,
    releaseRoutes: [COURT_ORDER_ROUTE],
    releaseWithoutBasis: 'FEDERAL_PROCESS_NOT_CLEARED',
    defaultRecommendation: 'deny',
    defaultReasonCodes: ['FEDERAL_PROCESS_COUNSEL'],
    requiresPreservationHold: false,
    gagHandling: null,
    notes: ['An agency subpoena is enforced only by a court; counsel answers it, and nothing is produced without a court order or counsel finding it binding.'],
  },
  immigration_administrative_warrant: {
    basisForRelease: null,
    releaseRoutes: [],
    releaseWithoutBasis: 'IMMIGRATION_NOT_JUDICIAL',
    defaultRecommendation: 'deny',
    defaultReasonCodes: ['IMMIGRATION_WARRANT_NOT_JUDICIAL'],
    requiresPreservationHold: false,
    gagHandling: null,
    notes: ['Forms I-200 and I-205 are signed by immigration officers, not judges: not a judicial warrant. Refer to counsel; release nothing (California Attorney General model policy for libraries, Gov. Code § 7284.8).'],
  },
  federal_civil_subpoena: {
    basisForRelease: null,
    releaseRoutes: [COURT_ORDER_ROUTE],
    releaseWithoutBasis: 'SUBPOENA_WITHOUT_COURT_ORDER',
    defaultRecommendation: 'deny',
    defaultReasonCodes: ['RULE45_OBJECTION', 'COURT_ORDER_REQUIRED'],
    requiresPreservationHold: false,
    gagHandling: null,
    notes: ['Serve written objections by the earlier of the compliance date or 14 days after service (Fed. R. Civ. P. 45(d)(2)(B)); the serving party may then move to compel.'],
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
    { requestType: type, label: REQUEST_TYPE_LABELS[type], checklist: CHECKLISTS[type], clocks: CLOCKS_BY_REQUEST_TYPE[type], unprotectedRelease: UNPROTECTED_RELEASE[type] ?? null, ...RULE_DATA[type] },
  ]),
) as Record<RequestType, RequestRule>;
