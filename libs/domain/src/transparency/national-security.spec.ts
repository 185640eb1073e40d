import { bandOf, isNationalSecurity, NATIONAL_SECURITY_STRUCTURES, nationalSecurityCategories } from './national-security';

describe('national-security bands (50 U.S.C. § 1874)', () => {
  it('bands a count into ranges of the structure’s width starting at 0', () => {
    expect(bandOf(0, 500)).toEqual({ band: '0-499', low: 0, high: 499 });
    expect(bandOf(499, 500)).toEqual({ band: '0-499', low: 0, high: 499 });
    expect(bandOf(500, 500)).toEqual({ band: '500-999', low: 500, high: 999 });
    expect(bandOf(1234, 250)).toEqual({ band: '1000-1249', low: 1000, high: 1249 });
    expect(bandOf(-3, 100)).toEqual({ band: '0-99', low: 0, high: 99 });
  });

  it('knows national-security process from every other kind', () => {
    expect(isNationalSecurity('national_security_letter')).toBe(true);
    expect(isNationalSecurity('fisa_order')).toBe(true);
    expect(isNationalSecurity('court_order')).toBe(false);
    expect(isNationalSecurity('sca_2703_process')).toBe(false);
  });

  it('reports NSLs, FISA contents and FISA non-contents apart in the separate structures', () => {
    const [nsl, contents, noncontents] = nationalSecurityCategories(NATIONAL_SECURITY_STRUCTURES.separate_500_semiannual);
    const kinds = [
      { requestType: 'national_security_letter' as const, fisaContents: false },
      { requestType: 'fisa_order' as const, fisaContents: true },
      { requestType: 'fisa_order' as const, fisaContents: false },
      { requestType: 'court_order' as const, fisaContents: true },
    ];
    expect([nsl, contents, noncontents].map((category) => category.label)).toEqual(['National Security Letters', 'FISA orders for contents', 'FISA orders for non-contents (e.g. business records)']);
    expect([nsl, contents, noncontents].map((category) => [category.key, category.fisa, kinds.map(category.counts)])).toEqual([
      ['national_security_letters', false, [true, false, false, false]],
      ['fisa_contents', true, [false, true, false, false]],
      ['fisa_noncontents', true, [false, false, true, false]],
    ]);
  });

  it('reports all national-security process as one figure in the combined structures, waiting as FISA does', () => {
    for (const structure of [NATIONAL_SECURITY_STRUCTURES.combined_250_semiannual, NATIONAL_SECURITY_STRUCTURES.combined_100_annual]) {
      const categories = nationalSecurityCategories(structure);
      expect(categories.map((c) => [c.key, c.label, c.fisa])).toEqual([['all_national_security_process', 'All national-security process (NSLs and FISA orders, combined)', true]]);
      expect([categories[0].counts({ requestType: 'national_security_letter', fisaContents: false }), categories[0].counts({ requestType: 'fisa_order', fisaContents: true }), categories[0].counts({ requestType: 'emergency', fisaContents: false })]).toEqual([true, true, false]);
    }
  });
});
