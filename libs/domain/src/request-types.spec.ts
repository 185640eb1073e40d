import { REQUEST_TYPES, hasStatutoryGag } from './request-types';

describe('request types', () => {
  it('gag by statute exactly National Security Letters (18 U.S.C. § 2709(c)) and FISA orders (50 U.S.C. § 1861(d))', () => {
    expect(REQUEST_TYPES.filter(hasStatutoryGag)).toEqual(['national_security_letter', 'fisa_order']);
  });
});
