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
