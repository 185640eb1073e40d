import { REQUEST_TYPES, RequestType } from '@custodian/domain';

/** National-security process may be reported only in bands (50 U.S.C. § 1874). */
const BANDED: RequestType[] = ['national_security_letter', 'fisa_order'];
const BAND_WIDTH = 500;

export interface CaseForReport {
  requestType: RequestType;
  status: string;
  decision: 'approve' | 'deny' | null;
  patrons: number;
}

export type Count = number | { band: string };

export interface TransparencyRow {
  requestType: RequestType;
  received: Count;
  produced: Count;
  denied: Count;
  withdrawn: Count;
  pending: Count;
  patronsAffected: Count;
  percentWithDataProduced: number | null;
}

function band(n: number): { band: string } {
  const low = Math.floor(n / BAND_WIDTH) * BAND_WIDTH;
  return { band: `${low}-${low + BAND_WIDTH - 1}` };
}

/** Counts by request type and outcome, national-security process in bands of 500. */
export function transparencyRows(cases: CaseForReport[]): TransparencyRow[] {
  return REQUEST_TYPES.map((requestType) => {
    const ofType = cases.filter((c) => c.requestType === requestType);
    const produced = ofType.filter((c) => c.decision === 'approve').length;
    const counts = {
      received: ofType.length,
      produced,
      denied: ofType.filter((c) => c.decision === 'deny').length,
      withdrawn: ofType.filter((c) => c.status === 'withdrawn').length,
      pending: ofType.filter((c) => c.decision === null && c.status !== 'withdrawn').length,
      patronsAffected: ofType.filter((c) => c.decision === 'approve').reduce((sum, c) => sum + c.patrons, 0),
    };
    const banded = BANDED.includes(requestType);
    const shown = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, banded ? band(v) : v])) as Record<keyof typeof counts, Count>;
    return { requestType, ...shown, percentWithDataProduced: banded || !ofType.length ? null : Math.round((produced / ofType.length) * 1000) / 10 };
  });
}
