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
}
