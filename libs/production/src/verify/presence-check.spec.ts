import { PresenceCheck } from './presence-check';

// Which produced values must be found, and how, from PresenceCheck's documented rules; the page texts are written
// out as an extractor returns them.
const missingAfter = (expected: string[], ...pages: string[]) => {
  const check = new PresenceCheck(expected);
  for (const text of pages) check.scan(text);
  return check.missing();
};

describe('PresenceCheck', () => {
  it('finds a value whatever its case, accents and line breaks, and reports one that is not there', () => {
    expect(missingAfter(['Zoë Núñez'], 'Patron: ZOE\nNUNEZ')).toEqual({ count: 0, byScript: {} });
    expect(missingAfter(['Zoë Núñez'], 'Patron: Zoe Nunes')).toEqual({ count: 1, byScript: { Latin: 1 } });
  });

  it('checks a right-to-left value word by word, as extractors return its words in drawing order', () => {
    // "דוד כהן" drawn left to right in a left-to-right line: extractors give the words in the other order.
    expect(missingAfter(['דוד כהן'], 'Patron: כהן דוד')).toEqual({ count: 0, byScript: {} });
    expect(missingAfter(['דוד כהן'], 'Patron: כהן')).toEqual({ count: 1, byScript: { Hebrew: 1 } });
    // Mixed with digits: the number is its own run.
    expect(missingAfter(['סניף 12'], '12 סניף')).toEqual({ count: 0, byScript: {} });
    expect(new PresenceCheck(['דוד כהן']).checked).toBe(2);
    expect(new PresenceCheck(['David Cohen']).checked).toBe(1);
  });

  it('names the script of the first letter outside Latin, else Latin, else other', () => {
    expect(missingAfter(['Ana Зоя'], '')).toEqual({ count: 1, byScript: { Cyrillic: 1 } });
    expect(missingAfter(['12 Зоя'], '')).toEqual({ count: 1, byScript: { Cyrillic: 1 } });
    expect(missingAfter(['Ana 12'], '')).toEqual({ count: 1, byScript: { Latin: 1 } });
    expect(missingAfter(['12-3456'], '')).toEqual({ count: 1, byScript: { other: 1 } });
  });

  it('checks the first 20,000 distinct Basic Latin values and every value outside Basic Latin', () => {
    const latin = Array.from({ length: 20_001 }, (_, index) => `title${index}`);
    expect(new PresenceCheck(latin).checked).toBe(20_000);
    expect(new PresenceCheck([...latin, 'Straße', 'Зоя']).checked).toBe(20_002);
    // Judged after normalisation: "Zoë" compares as "zoe", Basic Latin, so it is past the limit too.
    expect(new PresenceCheck([...latin, 'Zoë']).checked).toBe(20_000);
    expect(new PresenceCheck(latin.slice(0, 20_000)).checked).toBe(20_000);
  });

  it('counts a value once however often it is given, and skips values with nothing to compare', () => {
    expect(new PresenceCheck(['Kindred', 'KINDRED', 'kindred ', ' ', '']).checked).toBe(1);
  });

  it('finds a value split over a page break in what it carries over from the previous page', () => {
    expect(missingAfter(['Bartholomew Quince'], 'Borrower: Barthol', 'omew Quince returned')).toEqual({ count: 0, byScript: {} });
    expect(missingAfter(['Bartholomew Quince'], 'Barthol', 'omew Quince')).toEqual({ count: 0, byScript: {} });
  });

  it('with nothing expected, scanning does nothing and nothing is missing', () => {
    const check = new PresenceCheck();
    check.scan('any text');
    expect(check.checked).toBe(0);
    expect(check.missing()).toEqual({ count: 0, byScript: {} });
  });
});
