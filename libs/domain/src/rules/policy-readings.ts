/**
 * How the seed policy (Palm Desert Library LIBR-010) is read where it is looser than the statute, or silent. The
 * product follows the statute and says so, citing both (domain.md §§ 1, 9).
 */
export interface PolicyReading {
  key: string;
  policyText: string;
  policyCitation: string;
  reading: string;
  statuteCitation: string;
}

export const POLICY_READINGS: readonly PolicyReading[] = [
  {
    key: 'duly_authorized_request',
    policyText: 'Records are made available to law enforcement on a "duly authorized request".',
    policyCitation: 'Palm Desert Library policy LIBR-010',
    reading:
      'Read as legal process that satisfies Gov. Code § 7927.105(c): an order of the appropriate superior court (a state search warrant counts only if counsel so decides), or the written consent of the patron. A badge, a letter or an emergency claim is not a duly authorized request; the statute controls where the policy is looser.',
    statuteCitation: 'Gov. Code § 7927.105(c) (formerly § 6267)',
  },
  {
    key: 'desk_procedure',
    policyText: 'LIBR-010 says nothing about identity checks, logging or releasing the minimum necessary.',
    policyCitation: 'Palm Desert Library policy LIBR-010 (silent)',
    reading: 'Those steps come from the American Library Association\'s procedures for law-enforcement requests, and are cited to ALA, not to LIBR-010.',
    statuteCitation: 'ALA, Policy on Confidentiality of Library Records; law-enforcement guidelines',
  },
  {
    key: 'director_approval',
    policyText: 'The director approves releases.',
    policyCitation: 'Palm Desert Library policy LIBR-010',
    reading: "A director's approval is not a legal basis of its own: it only ratifies a completed legal review that found one, within that review's scope.",
    statuteCitation: 'Gov. Code § 7927.105(c)',
  },
  {
    key: 'public_records_portal',
    policyText: "Public-records requests go through the city's records portal.",
    policyCitation: 'Palm Desert Library policy LIBR-010',
    reading: "The 10-day determination runs from the city's receipt through the portal (its number and date are recorded at intake), not from when the library hears of it.",
    statuteCitation: 'Gov. Code § 7922.535(a)',
  },
];
