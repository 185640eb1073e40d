import type { RequestType } from '../request-types';
import type { NationalSecurityOption } from './transparency-settings';

/** National-security process: reported only in bands, never in any exact figure (50 U.S.C. § 1874). */
export const NATIONAL_SECURITY_TYPES: readonly RequestType[] = ['national_security_letter', 'fisa_order'];

export function isNationalSecurity(type: RequestType): boolean {
  return NATIONAL_SECURITY_TYPES.includes(type);
}

export interface Band {
  band: string;
  low: number;
  high: number;
}

/** The band holding `n`: bands of `width` starting with 0–(width−1). */
export function bandOf(n: number, width: number): Band {
  const low = Math.floor(Math.max(0, n) / width) * width;
  return { band: `${low}-${low + width - 1}`, low, high: low + width - 1 };
}

export interface NationalSecurityStructure {
  option: NationalSecurityOption;
  unit: 'half_year' | 'year';
  width: number;
  combined: boolean;
  citation: string;
  description: string;
}

export const NATIONAL_SECURITY_STRUCTURES: Readonly<Record<NationalSecurityOption, NationalSecurityStructure>> = {
  separate_1000_semiannual: {
    option: 'separate_1000_semiannual', unit: 'half_year', width: 1000, combined: false, citation: '50 U.S.C. § 1874(a)(1), (b)(1)',
    description: 'Per half-year, NSLs and FISA orders separately, with the patrons (customer selectors) targeted, in bands of 1000 starting 0–999.',
  },
  separate_500_semiannual: {
    option: 'separate_500_semiannual', unit: 'half_year', width: 500, combined: false, citation: '50 U.S.C. § 1874(a)(2), (b)(1)',
    description: 'Per half-year, NSLs and FISA orders separately, with the patrons (customer selectors) targeted, in bands of 500 starting 0–499.',
  },
  combined_250_semiannual: {
    option: 'combined_250_semiannual', unit: 'half_year', width: 250, combined: true, citation: '50 U.S.C. § 1874(a)(3), (b)(2)',
    description: 'Per half-year, all national-security process combined, with the patrons targeted, in bands of 250 starting 0–249.',
  },
  combined_100_annual: {
    option: 'combined_100_annual', unit: 'year', width: 100, combined: true, citation: '50 U.S.C. § 1874(a)(4), (b)(3)',
    description: 'Per year, all national-security process combined, with the patrons targeted, in bands of 100 starting 0–99.',
  },
};

export interface NationalSecurityCategory {
  key: string;
  label: string;
  /** Which request types (and for FISA, contents or not) the category counts. */
  counts: (c: { requestType: RequestType; fisaContents: boolean }) => boolean;
  /** FISA figures wait for the publication delay; NSL figures only for the period to end. */
  fisa: boolean;
}

export function nationalSecurityCategories(structure: NationalSecurityStructure): NationalSecurityCategory[] {
  if (structure.combined) {
    return [{ key: 'all_national_security_process', label: 'All national-security process (NSLs and FISA orders, combined)', counts: (c) => isNationalSecurity(c.requestType), fisa: true }];
  }
  return [
    { key: 'national_security_letters', label: 'National Security Letters', counts: (c) => c.requestType === 'national_security_letter', fisa: false },
    { key: 'fisa_contents', label: 'FISA orders for contents', counts: (c) => c.requestType === 'fisa_order' && c.fisaContents, fisa: true },
    { key: 'fisa_noncontents', label: 'FISA orders for non-contents (e.g. business records)', counts: (c) => c.requestType === 'fisa_order' && !c.fisaContents, fisa: true },
  ];
}
