import type { ReasonCodeTable } from '../api/schema';
import { caseLevelCodes, reasonChoices, reasonEntry } from './reason-codes';

const table: ReasonCodeTable = {
  PATRON_CONTACT: { label: 'Contact details of the patron', citation: 'Gov. Code § 7927.105', levels: ['field'] },
  RELEASE_COURT_ORDER: { label: 'Order of the appropriate superior court', citation: 'Gov. Code § 7927.105(c)(3)', levels: ['case'] },
  NOT_SIGNED: { label: 'Not signed by the issuing judge', citation: 'Penal Code § 1529', levels: ['case'] },
  OUTSIDE_SCOPE: { label: 'Outside what the authority allows', citation: 'Gov. Code § 7927.105(c)', levels: ['case', 'record'] },
};

describe('reason codes', () => {
  it('offers the case-level codes in catalogue order', () => {
    expect(caseLevelCodes(table)).toEqual(['RELEASE_COURT_ORDER', 'NOT_SIGNED', 'OUTSIDE_SCOPE']);
  });

  it('keeps the suggested and chosen codes in view, once each, and the other case-level codes after them', () => {
    expect(reasonChoices(table, ['NOT_SIGNED', 'PATRON_CONTACT', 'NOT_SIGNED'])).toEqual({ pinned: ['NOT_SIGNED', 'PATRON_CONTACT'], others: ['RELEASE_COURT_ORDER', 'OUTSIDE_SCOPE'] });
  });

  it('looks codes up exactly', () => {
    expect(reasonEntry(table, 'NOT_SIGNED')?.citation).toBe('Penal Code § 1529');
    expect(reasonEntry(table, 'toString')).toBeUndefined();
    expect(reasonEntry(undefined, 'NOT_SIGNED')).toBeUndefined();
  });
});
