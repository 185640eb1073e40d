import fc from 'fast-check';
import { CARD_NUMBER_MAX_LENGTH, cardNumberProblem, isCardNumber } from './card-number';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'.split('');
const LETTERS = ALNUM.filter((c) => /[A-Za-z]/.test(c));
const DIGITS = '0123456789'.split('');

describe('library card numbers', () => {
  it('accepts the formats libraries issue', () => {
    for (const card of ['23000000012345', '21234000123456', 'P0012345', 'LIB-12-3456', 'B1234567X', '2300 0001 2345', '42', '1', '1'.repeat(CARD_NUMBER_MAX_LENGTH)]) {
      expect({ card, problem: cardNumberProblem(card) }).toEqual({ card, problem: null });
    }
  });

  it('refuses words, lists, signs, edge spaces and overlong values, saying why', () => {
    expect(cardNumberProblem('abc')).toBe('has no digit: library card numbers are numbered');
    expect(cardNumberProblem('abc-def')).toBe('has no digit: library card numbers are numbered');
    expect(cardNumberProblem('abc, 123')).toBe('may hold only letters, digits, dashes and inner spaces');
    for (const card of ['', ' 123', '123 ', '-123', '123-', '12/34', '12.34', '1234\n', '1234;5678', '１２３']) expect(isCardNumber(card)).toBe(false);
    expect(cardNumberProblem('1'.repeat(CARD_NUMBER_MAX_LENGTH + 1))).toBe(`is longer than ${CARD_NUMBER_MAX_LENGTH} characters`);
    expect(cardNumberProblem(12345)).toBe('is not text');
  });

  it('accepts every value of 1-32 letters, digits, dashes and inner spaces that has a digit', () => {
    const inner = fc.array(fc.constantFrom(...ALNUM, '-', ' '), { maxLength: CARD_NUMBER_MAX_LENGTH - 2 }).map((cs) => cs.join(''));
    const card = fc.tuple(fc.constantFrom(...ALNUM), inner, fc.constantFrom(...DIGITS)).map(([first, middle, last]) => `${first}${middle}${last}`);
    fc.assert(fc.property(card, (value) => isCardNumber(value)));
  });

  it('refuses every value without a digit, and every value with another character', () => {
    const word = fc.array(fc.constantFrom(...LETTERS, '-', ' '), { minLength: 1, maxLength: CARD_NUMBER_MAX_LENGTH }).map((cs) => cs.join(''));
    fc.assert(fc.property(word, (value) => !isCardNumber(value)));
    const other = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }).filter((c) => !/^[A-Za-z0-9 -]$/.test(c));
    fc.assert(fc.property(fc.string({ maxLength: 10 }), other, fc.string({ maxLength: 10 }), (before, sign, after) => !isCardNumber(`1${before}${sign}${after}1`)));
  });
});
