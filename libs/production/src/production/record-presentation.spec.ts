import { columnLabel, columnWeight, sectionCaption } from './record-presentation';

describe('record presentation', () => {
  it('says when the export does not say what was borrowed', () => {
    expect(sectionCaption('loans', 'issues', ['cardnumber', 'issuedate', 'itemnumber'])).toBe("Loans (issues): the library's export gives no title or barcode for these rows");
    expect(sectionCaption('holds', 'reserves', ['cardnumber', 'reservedate'])).toContain('no title or barcode');
    expect(sectionCaption('loans', 'old_issues', ['cardnumber', 'title', 'barcode'])).toBe('Loans (old_issues)');
    expect(sectionCaption('fines', 'accountlines', ['cardnumber', 'amount'])).toBe('Fines and fees (accountlines)');
  });

  it('labels what was borrowed and gives identifiers room to print on one line', () => {
    expect(['title', 'author', 'barcode', 'itemcallnumber', 'cardnumber'].map(columnLabel)).toEqual(['Title', 'Author', 'Barcode', 'Call number', 'Card number']);
    expect(columnWeight('barcode')).toBeGreaterThan(columnWeight('renewals_count'));
    expect(columnWeight('cardnumber')).toBeGreaterThan(columnWeight('renewals_count'));
  });
});
