import { LeakDetector } from './leak-detector';

// Word edges, duplicates and the exemption bookkeeping of the leak check, each stated from its documented rule.
const leaks = (withheld: string[], text: string) => new LeakDetector(withheld).leaksIn(text);

describe('LeakDetector edges', () => {
  it('treats the start and end of the text, punctuation and unspaced script as word edges, letters and digits not', () => {
    expect(leaks(['Ann'], 'Ann')).toEqual(['withheld[0]']);
    expect(leaks(['Ann'], '(Ann)')).toEqual(['withheld[0]']);
    expect(leaks(['Ann'], '借Ann阅')).toEqual(['withheld[0]']);
    expect(leaks(['Ann'], 'Ann1')).toEqual([]);
    expect(leaks(['Ann'], '1Ann')).toEqual([]);
    expect(leaks(['123456'], 'A123456')).toEqual([]);
    expect(leaks(['123456'], '1234567')).toEqual([]);
    expect(leaks(['123456'], 'no. 123456')).toEqual(['withheld[0]']);
  });

  it('matches a short value with a space as the whole phrase, and a letterless value with punctuation as a token', () => {
    expect(leaks(['Jo Li'], 'signed by Jo Li.')).toEqual(['withheld[0]']);
    expect(leaks(['Jo Li'], 'Jo Lina')).toEqual([]);
    expect(leaks(['12-34-56'], 'ref 12-34-56 filed')).toEqual(['withheld[0]']);
  });

  it('tests two base letters of an abugida (vowel signs are dropped), and skips one', () => {
    expect(new LeakDetector(['कम']).untested).toBe(0);
    expect(new LeakDetector(['क']).untested).toBe(1);
    expect(leaks(['कम'], 'नाम कम है')).toEqual(['withheld[0]']);
  });

  it('reports a value given twice under its first reference only', () => {
    expect(new LeakDetector(['Maria', { ref: 'second', value: 'MARIA' }]).leaksIn('Maria')).toEqual(['withheld[0]']);
    expect(new LeakDetector(['Bartholomew', { ref: 'second', value: 'bartholomew' }]).leaksIn('Bartholomew')).toEqual(['withheld[0]']);
    expect(new LeakDetector(['Bartholomew', 'Maria']).leaksIn('Maria met Bartholomew').sort()).toEqual(['withheld[0]', 'withheld[1]']);
  });

  it('keeps exempt values findable for a later decision, and says which are exempt', () => {
    const detector = new LeakDetector(['Palm Desert', 'Ramona Diaz']);
    detector.exemptWithin('Palm Desert Library');
    expect(detector.allFoundIn('Palm Desert, Ramona Diaz').sort()).toEqual(['withheld[0]', 'withheld[1]']);
    expect(detector.leaksIn('Palm Desert, Ramona Diaz')).toEqual(['withheld[1]']);
    expect(detector.isExempt('withheld[0]')).toBe(true);
    expect(detector.isExempt('withheld[1]')).toBe(false);
    detector.exemptWithin('Palm Desert');
    expect(detector.exemptCount).toBe(1);
  });
});
