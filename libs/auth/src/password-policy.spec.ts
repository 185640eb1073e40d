import fc from 'fast-check';
import { PASSWORD_MIN_LENGTH, isRepetitive, passwordProblems } from './password-policy';

describe('password policy', () => {
  it.each([
    ['twelve spaces', ' '.repeat(12), /only spaces/],
    ['one character repeated', 'a'.repeat(20), /repeated/],
    ['a short pattern repeated', 'abcabcabcabc', /repeated/],
    ['two characters alternating', 'ababababababab', /repeated/],
    ['a common password', 'password1234', /common or breached|too easy/],
    ['a keyboard walk', 'qwertyuiop12', /common or breached|too easy/],
    ['too short', 'Zq8#kP2', /at least 12/],
  ])('refuses %s', (_label, password, message) => {
    const problems = passwordProblems(password);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('accepts passphrases and random strings', () => {
    for (const password of ['correct-horse-battery', 'admin-password-for-tests', 'demo-password-2026', 'v8#Lq2!mZr0w', 'Kf3nV9_qP1sW2x']) {
      expect(passwordProblems(password)).toEqual([]);
    }
  });

  it('refuses what is not a string, and anything longer than 200 characters', () => {
    expect(passwordProblems(12345678901234 as unknown as string)).toEqual(['password must be a string']);
    const random = 'vQ8#mZ2!rK5wT9pL'.repeat(13); // 208 characters, strong and not repetitive at 200
    expect(passwordProblems(random.slice(0, 201))).toEqual(['password must be at most 200 characters']);
    expect(passwordProblems(random.slice(0, 200))).toEqual([]);
  });

  it('refuses a password of two distinct characters however they are mixed, and a half repeated', () => {
    expect(passwordProblems('abbabaababbbaab')).toEqual(['password must not be one character or a short pattern repeated']);
    expect(isRepetitive('Tr0ub4dor&3xTr0ub4dor&3x')).toBe(true);
    expect(isRepetitive('Tr0ub4dor&3xTr0ub4dor&3y')).toBe(false);
  });

  it('refuses a password too easy to guess by zxcvbn (score below 3), saying why, and accepts one of score 3', () => {
    // zxcvbn-ts rates "johnsmith1234" 2 (no warning, one suggestion) and "kimberlypark1" 3.
    expect(passwordProblems('johnsmith1234')).toEqual(['password is too easy to guess: Add more words that are less common.; a few unrelated words make a strong one']);
    expect(passwordProblems('kimberlypark1')).toEqual([]);
  });

  it("counts the user's own details against a password, word by word, ignoring what is not text", () => {
    // The same "kimberlypark1" drops to 2 once the user is Kimberly Park.
    const refusal = ['password is too easy to guess: There should not be any personal or page related data. Add more words that are less common.; a few unrelated words make a strong one'];
    expect(passwordProblems('kimberlypark1', ['Kimberly Park'])).toEqual(refusal);
    expect(passwordProblems('kimberlypark1', ['k.park@kimberly.org'])).toEqual(refusal);
    expect(passwordProblems('kimberlypark1', [42 as unknown as string, 'ab'])).toEqual([]);
  });

  it("builds its estimator from zxcvbn's English and common dictionaries", () => {
    // A fresh copy of the module, so that this test is the one that builds the (lazily built, then kept) estimator.
    jest.isolateModules(() => {
      const fresh = require('./password-policy') as typeof import('./password-policy');
      expect(fresh.passwordProblems('baseball2026!')).toEqual(['password is too easy to guess: This is similar to a commonly used password. Add more words that are less common.; a few unrelated words make a strong one']);
    });
  });

  it('skips the strength estimate when asked, but not the other rules', () => {
    expect(passwordProblems('johnsmith1234', [], { estimate: false })).toEqual([]);
    expect(passwordProblems('johnsmith1234', [], { estimate: true })).toHaveLength(1);
    expect(passwordProblems('password1234', [], { estimate: false })).toEqual(['password is on a list of common or breached passwords; choose another']);
  });

  it('refuses anything shorter than the minimum, whatever it is', () => {
    fc.assert(fc.property(fc.string({ maxLength: PASSWORD_MIN_LENGTH - 1 }), (password) => passwordProblems(password).length === 1));
  });

  it('refuses any short unit repeated to full length', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 4 }), fc.integer({ min: 12, max: 40 }), (unit, length) => {
        const password = unit.repeat(Math.ceil(length / unit.length));
        return isRepetitive(password) && passwordProblems(password).length === 1;
      }),
      { numRuns: 200 },
    );
  });
});
