import { LeakDetector, valuesHoldingWithheld } from './leak-detector';

describe('LeakDetector', () => {
  it('matches regardless of case, diacritics, quotes and whitespace', () => {
    const detector = new LeakDetector(['Zoë Núñez-O’Brien']);
    expect(detector.leaksIn('… ZOE NUNEZ-O\'BRIEN …')).toEqual(['withheld[0]']);
    expect(detector.leaksIn('zoe nu\nnez-o’bri en')).toEqual(['withheld[0]']);
  });

  it('finds long values anywhere, even split across lines and cells', () => {
    const detector = new LeakDetector(['Banned from the 3D printer']);
    expect(detector.leaksIn('Title Banned from the 3D pri nter Due')).toEqual(['withheld[0]']);
  });

  it('counts short values only as whole words', () => {
    const detector = new LeakDetector(['Ann']);
    expect(detector.leaksIn('Joanne Smith')).toEqual([]);
    expect(detector.leaksIn('Smith, Ann (guarantor)')).toEqual(['withheld[0]']);
  });

  it('tests two-character CJK names, which have no word boundaries', () => {
    const detector = new LeakDetector(['李娜']);
    expect(detector.leaksIn('借阅人张李娜')).toEqual(['withheld[0]']);
  });

  it('skips values too short or generic to test', () => {
    const detector = new LeakDetector(['F', '12', '4711', '12.50', '2026', 'abc', '1234567']);
    expect(detector.untested).toBe(5);
    expect(detector.leaksIn('PDL-004711 abc 1234567')).toEqual(['withheld[5]', 'withheld[6]']);
  });

  it('finds numbers only as whole tokens, so neighbouring numeric cells cannot fake one', () => {
    const detector = new LeakDetector(['1003900', '760-555-0101']);
    expect(detector.leaksIn('1003 900 3900000100390 x1003900 760-555-01012')).toEqual([]);
    expect(detector.leaksIn('Phone 760-555-0101 (mobile), id 1003900.').sort()).toEqual(['withheld[0]', 'withheld[1]']);
  });

  it('exempts values that also occur inside a legitimately printed value', () => {
    const detector = new LeakDetector(['Main', 'Palm Desert']);
    detector.exemptWithin('Main');
    detector.exemptWithin('Palm Desert Police');
    expect(detector.exemptCount).toBe(2);
    expect(detector.leaksIn('Main Palm Desert')).toEqual([]);
  });

  it('reports the caller’s reference, never the value', () => {
    const detector = new LeakDetector([{ ref: 'loan #3 note', value: 'Secret note 17' }]);
    expect(detector.leaksIn('xx secret note 17 yy')).toEqual(['loan #3 note']);
  });
});

describe('LeakDetector: values never exempt', () => {
  it('keeps reporting a neverExempt value found inside a printed one, under whichever ref it also came with', () => {
    const detector = new LeakDetector(['23000000012345', { ref: 'aliased card', value: '23000000012345', neverExempt: true }, 'Zoë Núñez']);
    detector.exemptWithin('for the patrons with card numbers 23000000012345');
    detector.exemptWithin('Zoë Núñez');
    expect(detector.leaksIn('1 23000000012345 Zoë Núñez')).toEqual(['withheld[0]']);
    expect(detector.exemptCount).toBe(1);
  });

  it('keeps a lettered card number never exempt too (found with whitespace removed, not as a whole word)', () => {
    // Koha card numbers may hold letters (e.g. "PDL-A12345"); six or more characters with a letter take the compact path.
    const detector = new LeakDetector(['PDL-A12345', { ref: 'aliased card', value: 'PDL-A12345', neverExempt: true }]);
    detector.exemptWithin('card PDL-A12345 referred to as Patron A');
    expect(detector.leaksIn('loan row: PDL-A1\n2345')).toEqual(['withheld[0]']);
    expect(detector.exemptCount).toBe(0);
  });
});

describe('valuesHoldingWithheld: aliases that would print a withheld value', () => {
  it('names the printed values holding a withheld one by the leak check’s own rules, and no others', () => {
    const withheld = ['Asked about immigration forms', 'Ann', '1984-02-29', '42'];
    expect(valuesHoldingWithheld(withheld, ['Patron A', 'Patron Asked About Immigration Forms', 'Ann', 'Joanne', 'Witness 1984-02-29', 'Patron 42'])).toEqual([
      'Patron Asked About Immigration Forms',
      'Ann',
      'Witness 1984-02-29',
    ]);
    expect(valuesHoldingWithheld([], ['Patron A'])).toEqual([]);
  });
});
