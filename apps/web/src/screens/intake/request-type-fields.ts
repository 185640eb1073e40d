import type { RequestType } from '../../api/schema';

export type InstrumentField = 'issuedBy' | 'judge' | 'docketNumber' | 'issuedAt' | 'complianceDate' | 'consentingCardNumber' | 'description';
export type RequesterExtra = 'agency' | 'badgeNumber' | 'barNumber';

/**
 * What intake asks for each kind of request: which instrument and requester fields appear, what they are
 * called for that kind, and which the server requires before the case can be submitted for legal review
 * (the API's intake-completeness check answers 422 naming any that are missing; this only marks them).
 */
export interface TypeFields {
  instrumentTitle: string;
  instrument: Partial<Record<InstrumentField, string>>;
  requester: Partial<Record<RequesterExtra, string>>;
  requiredToSubmit: string[];
}

const POLICE = { agency: 'Agency', badgeNumber: 'Badge number' };

export const TYPE_FIELDS: Record<RequestType, TypeFields> = {
  patron_consent: {
    instrumentTitle: 'The written consent',
    instrument: { consentingCardNumber: 'Card number of the patron who signed', issuedAt: 'Date signed', description: 'What the consent covers' },
    requester: {},
    requiredToSubmit: ['instrument.consentingCardNumber'],
  },
  court_order: {
    instrumentTitle: 'The court order',
    instrument: { issuedBy: 'Issuing court', judge: 'Judge', docketNumber: 'Case (docket) number', issuedAt: 'Date issued', complianceDate: 'Comply by', description: 'Records the order names' },
    requester: { ...POLICE, barNumber: 'Bar number (if an attorney)' },
    requiredToSubmit: ['instrument.issuedBy', 'instrument.issuedAt', 'instrument.docketNumber', 'requester.agency'],
  },
  search_warrant: {
    instrumentTitle: 'The search warrant',
    instrument: { issuedBy: 'Issuing court', judge: 'Magistrate', docketNumber: 'Warrant number', issuedAt: 'Date issued', description: 'Records the warrant names' },
    requester: POLICE,
    requiredToSubmit: ['instrument.issuedBy', 'instrument.issuedAt', 'requester.agency'],
  },
  civil_subpoena: {
    instrumentTitle: 'The civil subpoena',
    instrument: { issuedBy: 'Issuing court', docketNumber: 'Case (docket) number', issuedAt: 'Date issued', complianceDate: 'Production date', description: 'Records the subpoena names' },
    requester: { agency: 'Law firm or party', barNumber: 'Bar number' },
    requiredToSubmit: ['instrument.issuedBy', 'instrument.issuedAt', 'instrument.docketNumber'],
  },
  criminal_subpoena: {
    instrumentTitle: 'The criminal or grand-jury subpoena',
    instrument: { issuedBy: 'Issuing court or grand jury', judge: 'Judge', docketNumber: 'Case (docket) number', issuedAt: 'Date issued', complianceDate: 'Comply by', description: 'Records the subpoena names' },
    requester: { ...POLICE, barNumber: 'Bar number (if a prosecutor)' },
    requiredToSubmit: ['instrument.issuedBy', 'instrument.issuedAt', 'instrument.docketNumber', 'requester.agency'],
  },
  national_security_letter: {
    instrumentTitle: 'The National Security Letter',
    instrument: { issuedBy: 'Issuing FBI office', issuedAt: 'Date of the letter', complianceDate: 'Response date asked for', description: 'Records the letter asks for' },
    requester: POLICE,
    requiredToSubmit: ['requester.agency'],
  },
  fisa_order: {
    instrumentTitle: 'The FISA order',
    instrument: { issuedBy: 'Issuing court', docketNumber: 'Docket number', issuedAt: 'Date issued', description: 'Records the order names' },
    requester: { agency: 'Agency' },
    requiredToSubmit: [],
  },
  emergency: {
    instrumentTitle: 'The emergency',
    instrument: { description: 'The claimed emergency, as the requester described it' },
    requester: POLICE,
    requiredToSubmit: ['requester.agency'],
  },
  public_records: {
    instrumentTitle: 'The public-records request',
    instrument: { issuedAt: 'Date of the request', description: 'What the request asks for' },
    requester: { agency: 'Organisation (if any)' },
    requiredToSubmit: [],
  },
  federal_search_warrant: {
    instrumentTitle: 'The federal search warrant',
    instrument: { issuedBy: 'Issuing federal court', judge: 'Magistrate or district judge', docketNumber: 'Case number', issuedAt: 'Date issued', complianceDate: 'Execute by (as stated)', description: 'Place and records the warrant names' },
    requester: { agency: 'Federal agency', badgeNumber: 'Badge or credential number' },
    requiredToSubmit: ['instrument.issuedBy', 'instrument.issuedAt', 'requester.agency'],
  },
  sca_2703_process: {
    instrumentTitle: 'The § 2703 order or subpoena',
    instrument: { issuedBy: 'Issuing court or agency', judge: 'Judge (for a § 2703(d) order)', docketNumber: 'Case or subpoena number', issuedAt: 'Date issued', complianceDate: 'Comply by', description: 'Records it names' },
    requester: { agency: 'Agency', badgeNumber: 'Badge or credential number' },
    requiredToSubmit: ['requester.agency'],
  },
  federal_administrative_subpoena: {
    instrumentTitle: 'The administrative subpoena',
    instrument: { issuedBy: 'Issuing agency and statute', docketNumber: 'Subpoena number', issuedAt: 'Date issued', complianceDate: 'Comply by', description: 'Records it names' },
    requester: { agency: 'Agency' },
    requiredToSubmit: ['requester.agency'],
  },
  immigration_administrative_warrant: {
    instrumentTitle: 'The immigration warrant (Form I-200 / I-205)',
    instrument: { issuedBy: 'Issuing officer', issuedAt: 'Date issued', description: 'What the officer asked for' },
    requester: { agency: 'Agency', badgeNumber: 'Badge or credential number' },
    requiredToSubmit: ['requester.agency'],
  },
  federal_civil_subpoena: {
    instrumentTitle: 'The federal civil subpoena (Rule 45)',
    instrument: { issuedBy: 'Issuing federal court', docketNumber: 'Case number', issuedAt: 'Date issued', complianceDate: 'Compliance date', description: 'Records the subpoena names' },
    requester: { agency: 'Law firm or party', barNumber: 'Bar number' },
    requiredToSubmit: ['instrument.issuedBy', 'instrument.issuedAt'],
  },
  internal: {
    instrumentTitle: 'The internal request',
    instrument: { description: 'Purpose within library duties' },
    requester: { agency: 'Department' },
    requiredToSubmit: [],
  },
};

export const INSTRUMENT_FIELDS: InstrumentField[] = ['issuedBy', 'judge', 'docketNumber', 'issuedAt', 'complianceDate', 'consentingCardNumber', 'description'];
export const DATE_FIELDS: InstrumentField[] = ['issuedAt', 'complianceDate'];
