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
    expect(new PresenceCheck(Array.from({ length: 20_001 }, (_, index) => `title${index}`)).checked).toBe(20_000);
    // The same rule at a limit of 3 Basic Latin values.
    const latin = ['Kindred', 'Dawn', 'Wild Seed', 'Fledgling'];
    expect(new PresenceCheck(latin, 3).checked).toBe(3);
    expect(new PresenceCheck(latin.slice(0, 3), 3).checked).toBe(3);
    expect(new PresenceCheck([...latin, 'Straße', 'Зоя'], 3).checked).toBe(5);
    // "Zoë" needs a glyph outside Basic Latin (a dropped "ë" reads "Zo") though it compares as "zoe": always checked.
    expect(new PresenceCheck([...latin, 'Zoë'], 3).checked).toBe(4);
    // Values outside Basic Latin do not use up the limit.
    expect(new PresenceCheck(['Зоя', 'Straße', ...latin], 3).checked).toBe(5);
  });

  it('counts a value once however often it is given, and skips values with nothing to compare', () => {
    expect(new PresenceCheck(['Kindred', 'KINDRED', 'kindred ', ' ', '']).checked).toBe(1);
  });

  it('finds a value split over a page break in what it carries over from the previous page', () => {
    expect(missingAfter(['Bartholomew Quince'], 'Borrower: Barthol', 'omew Quince returned')).toEqual({ count: 0, byScript: {} });
    expect(missingAfter(['Bartholomew Quince'], 'Barthol', 'omew Quince')).toEqual({ count: 0, byScript: {} });
  });

  it('carries over the last 400 characters only: a longer value split deeper into its page is not proved present', () => {
    const long = 'q'.repeat(440) + 'Z'.repeat(60);
    expect(missingAfter([long], long.slice(0, 399), long.slice(399))).toEqual({ count: 0, byScript: {} });
    expect(missingAfter([long], long.slice(0, 401), long.slice(401))).toEqual({ count: 1, byScript: { Latin: 1 } });
  });

  it('remembers a value found on an earlier page while later pages are scanned', () => {
    expect(missingAfter(['Kindred', 'Wild Seed'], 'Title: Kindred', 'Title: Wild Seed', 'Title: Dawn')).toEqual({ count: 0, byScript: {} });
  });

  it('checks a right-to-left word run by run of one direction, as extractors return a word mixing directions', () => {
    // "כהן2026" (no space): the Hebrew run and the number come back as two runs, in drawing order.
    expect(new PresenceCheck(['כהן2026']).checked).toBe(2);
    expect(missingAfter(['כהן2026'], '2026כהן')).toEqual({ count: 0, byScript: {} });
    expect(missingAfter(['כהן2026'], 'כהן')).toEqual({ count: 1, byScript: { Hebrew: 1 } });
    expect(missingAfter(['דוד  כהן'], 'כהן דוד')).toEqual({ count: 0, byScript: {} });
  });

  it('with nothing expected, scanning does nothing and nothing is missing', () => {
    const check = new PresenceCheck();
    check.scan('any text');
    expect(check.checked).toBe(0);
    expect(check.missing()).toEqual({ count: 0, byScript: {} });
  });
});
