import type { VerificationMethod } from '@custodian/domain';

/** Who asked, and how the desk checked who they are (ALA procedure). */
export interface Requester {
  name: string;
  agency?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
  badgeNumber?: string | null;
  barNumber?: string | null;
  verification: VerificationMethod;
  verificationNote?: string | null;
}

/** The legal instrument served on the library (warrant, order, subpoena, consent, letter). */
export interface Instrument {
  issuedBy?: string | null;
  judge?: string | null;
  docketNumber?: string | null;
  issuedAt?: string | null;
  complianceDate?: string | null;
  /** For consent: the card number of the patron who signed it. */
  consentingCardNumber?: string | null;
  description?: string | null;
  /** A request that came through the city's records portal: the portal's number and the city's receipt (starts the CPRA clock). */
  cityPortalNumber?: string | null;
  cityReceivedAt?: string | null;
  /** The instrument seeks electronic communication information under CalECPA (Penal Code § 1546 et seq.). */
  electronicRecords?: boolean | null;
}

/** The event that lifted a statutory gag: a court order or the government's notice, recorded by a person. */
export interface GagLiftRecord {
  kind: 'court_order' | 'government_notice';
  reference: string;
  liftedOn: string;
  recordedById: string;
  recordedAt: string;
}

export type NondisclosureBasis = 'calecpa_delayed_notice' | 'court_order';

/** One extension of a clock; a public-records extension also records its statutory ground and signer. */
export interface ClockExtensionRecord {
  days: number;
  reason: string;
  grantedAt: string;
  ground?: string;
  detail?: string;
  signedById?: string;
  signedAs?: 'head_of_agency' | 'designee';
}
