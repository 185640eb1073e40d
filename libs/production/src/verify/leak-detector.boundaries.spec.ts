import { LeakDetector } from './leak-detector';

// The documented thresholds of the leak check, each tested on both sides of its edge: a check that silently
// stops testing six-digit numbers or six-letter names would let exactly those values out.
describe('LeakDetector thresholds', () => {
  const leaks = (withheld: string[], text: string) => new LeakDetector(withheld).leaksIn(text);

  it('tests numbers of six digits or more as whole tokens, and skips shorter ones', () => {
    expect(leaks(['123456'], 'Card 123456 was used')).toEqual(['withheld[0]']);
    expect(leaks(['1234567'], 'id 1234567.')).toEqual(['withheld[0]']);
    expect(leaks(['123456'], 'Bates PDL-0123456')).toEqual([]);
    expect(new LeakDetector(['12345']).untested).toBe(1);
    expect(new LeakDetector(['123456']).untested).toBe(0);
    expect(leaks(['12345'], 'page 12345')).toEqual([]);
  });

  it('counts digits, not characters, for letterless values', () => {
    expect(new LeakDetector(['76-555']).untested).toBe(1);
    expect(new LeakDetector(['760-555-0100']).untested).toBe(0);
    expect(leaks(['760-555-0100'], 'phone 760-555-0100 on file')).toEqual(['withheld[0]']);
  });

  it('finds names of six letters or more even when broken across lines or cells', () => {
    for (const name of ['Ramona', 'Bartholomew', 'Alexandrina', 'Maximiliana']) {
      const split = `${name.slice(0, 3)}\n${name.slice(3)}`;
      expect(leaks([name], `Borrower: ${split} returned`)).toEqual(['withheld[0]']);
    }
  });

  it('matches names shorter than six letters only as whole words', () => {
    expect(leaks(['Maria'], 'signed by Maria today')).toEqual(['withheld[0]']);
    expect(leaks(['Maria'], 'Mariana Lopez')).toEqual([]);
    expect(leaks(['Ann'], 'Joanne')).toEqual([]);
    expect(leaks(['Ann'], 'to Ann.')).toEqual(['withheld[0]']);
  });

  it('skips values under three characters, except two in scripts written without spaces', () => {
    expect(new LeakDetector(['Al']).untested).toBe(1);
    expect(new LeakDetector(['Ali']).untested).toBe(0);
    expect(new LeakDetector(['李娜']).untested).toBe(0);
    expect(leaks(['李娜'], '借阅人李娜已归还')).toEqual(['withheld[0]']);
    expect(new LeakDetector(['李']).untested).toBe(1);
  });

  it('compares without case, diacritics or typographic quotes', () => {
    expect(leaks(['José Núñez'], 'JOSE NUNEZ')).toEqual(['withheld[0]']);
    expect(leaks(["O'Brien"], 'Mr O\u2019BRIEN')).toEqual(['withheld[0]']);
  });

  it('exempts only a value found inside legitimately printed text', () => {
    const detector = new LeakDetector(['Palm Desert', 'Ramona Diaz']);
    detector.exemptWithin('Palm Desert Library');
    expect(detector.exemptCount).toBe(1);
    expect(detector.leaksIn('Palm Desert, Ramona Diaz')).toEqual(['withheld[1]']);
  });

  it('reports the reference given with a value rather than the value', () => {
    expect(new LeakDetector([{ ref: 'loan #3 note', value: 'overdue forever' }]).leaksIn('note: overdue forever')).toEqual(['loan #3 note']);
  });
});
