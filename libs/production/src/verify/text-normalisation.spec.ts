import fc from 'fast-check';
import { compactText, joinNormalised, normaliseText } from './text-normalisation';

// Each step of the documented comparison form, with the expected text written out by hand (Unicode escapes name
// the characters that are hard to see), so a dropped or widened step shows as a wrong string.
describe('normaliseText', () => {
  it('decomposes compatibility forms and drops diacritics (NFKD, marks)', () => {
    expect(normaliseText('Zoë Núñez')).toBe('zoe nunez');
    expect(normaliseText('\ufb01ne \u2460')).toBe('fine 1'); // the ﬁ ligature and a circled digit one
    expect(normaliseText('Ｍａｒｉａ')).toBe('maria'); // full-width letters
  });

  it('drops invisible format characters (zero-width space, soft hyphen, word joiner)', () => {
    expect(normaliseText('Bar\u200btho\u00adlo\u2060mew')).toBe('bartholomew');
  });

  it('folds typographic quotes and dashes to their ASCII forms', () => {
    expect(normaliseText('\u2018a\u2019 \u201ab\u201b \u2032c\u0060')).toBe("'a' 'b' 'c'");
    expect(normaliseText('\u201cq\u201d \u201er\u201f')).toBe('"q" "r"');
    // NFKD comes first: the acute accent becomes a space and a mark, the double prime two primes.
    expect(normaliseText('d\u00b4 s\u2033')).toBe("d s''");
    expect(normaliseText('a\u2010b\u2011c\u2012d\u2013e\u2014f\u2015g\u2212h')).toBe('a-b-c-d-e-f-g-h');
    expect(normaliseText('a\u2016b')).toBe('a\u2016b'); // a double vertical line is not a dash
  });

  it('collapses every run of whitespace, including no-break and ideographic spaces, and trims', () => {
    expect(normaliseText('  a \t\n b\u00a0\u00a0c\u3000d  ')).toBe('a b c d');
    expect(normaliseText('a    b')).toBe('a b');
  });

  it('lower-cases', () => {
    expect(normaliseText('ÉLODIE')).toBe('elodie');
  });

  it('drops the shaping-reordered sequences: reph, Khmer subscripts and Myanmar kinzi', () => {
    expect(normaliseText('\u0915\u0930\u094d\u092e')).toBe('\u0915\u092e'); // Devanagari क र्म → कम
    expect(normaliseText('\u0915\u09b0\u09cd\u0995')).toBe('\u0915\u0995'); // Bengali ra + hasanta
    expect(normaliseText('\u09f0\u09cd\u0995')).toBe('\u0995'); // Assamese ra + hasanta
    expect(normaliseText('\u0a30\u0a4d\u0a15')).toBe('\u0a15'); // Gurmukhi ra + virama
    expect(normaliseText('\u1780\u17d2\u1781\u17d2\u17b3')).toBe('\u1780'); // Khmer coeng + consonant, twice
    expect(normaliseText('\u1780\u17d2\u17b4')).toBe('\u1780'); // coeng before a non-consonant: the sign is a mark, dropped alone
    expect(normaliseText('\u1019\u1004\u103a\u1039\u1002')).toBe('\u1019\u1002'); // Myanmar kinzi
    expect(normaliseText('\u0930\u0915')).toBe('\u0930\u0915'); // ra without virama stays
  });
});

describe('compactText', () => {
  it('is the normalised text without any whitespace', () => {
    expect(compactText(' Bar tho\nlo\u00a0mew ')).toBe('bartholomew');
    expect(compactText('Zoë  Núñez')).toBe('zoenunez');
    expect(compactText('')).toBe('');
  });
});

// The comparison form as it was first written, one regular expression per step: the oracle for the faster form.
function stepByStep(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\u0930\u094d|[\u09b0\u09f0]\u09cd|\u0a30\u0a4d|\u17d2[\u1780-\u17b3]|\u1004\u103a\u1039/gu, '')
    .replace(/\p{M}/gu, '')
    .replace(/\p{Cf}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\p{Z}]+/gu, ' ')
    .trim();
}

describe('joinNormalised', () => {
  // Characters for each rule that could reach across a space: combining marks and their canonical order, the final
  // sigma and case-ignorable characters around it, the reph/coeng/kinzi sequences, format characters, compatibility
  // forms that decompose to spaces or to several letters, quotes, dashes, every kind of whitespace, surrogate halves.
  const tricky = fc.constantFrom(
    'A', 'a', 'Σ', 'σ', 'Ω', "'", '.', ':', '\u00b7', '\u0301', '\u0323', '\u0308', '\u0344', '\u0f73', 'e', 'İ', 'ß',
    '\u0930', '\u094d', '\u0915', '\u09b0', '\u09cd', '\u0a30', '\u0a4d', '\u17d2', '\u1780', '\u1004', '\u103a', '\u1039',
    '\u200d', '\u00ad', '\u2019', '\u201c', '\u2013', '\u00b4', '\u00a8', '\ufb01', 'Ａ', '\u2460', '\u3000', '\u00a0', '\u2028',
    ' ', '\t', '\n', '\ud841', '\ude28', '𠘨', '王', '1', '\u2018', '\u201a', '\u201b', '\u2032', '`', '\u201d', '\u201e', '\u201f', '\u2033',
    '\u2010', '\u2011', '\u2012', '\u2014', '\u2015', '\u2212', '\u2016', '-', '"', '\u0300', '\u20dd', '\u0903', '\u2060', '\ufeff', '\u200b',
  );
  const part = fc.oneof(fc.array(tricky, { maxLength: 8 }).map((characters) => characters.join('')), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 }));

  it('equals normalising the parts joined by a space', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 5 }), (parts) => {
        expect(joinNormalised(parts.map(normaliseText))).toBe(normaliseText(parts.join(' ')));
      }),
      { numRuns: 3000 },
    );
  });

  it('normaliseText equals the step-by-step form (one pass for marks and format characters, one for quotes and dashes)', () => {
    fc.assert(
      fc.property(part, (text) => {
        expect(normaliseText(text)).toBe(stepByStep(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives printable ASCII, which it reads by a shorter way, the step-by-step form too', () => {
    const ascii = fc.string({ unit: fc.constantFrom('A', 'z', 'Q', '`', "'", '"', '-', ' ', ' ', '0', '~', '!'), maxLength: 20 });
    fc.assert(
      fc.property(fc.oneof(ascii, fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 20 })), (text) => {
        expect(normaliseText(text)).toBe(stepByStep(text));
      }),
      { numRuns: 2000 },
    );
    expect(normaliseText('  Gardening `in`  the DESERT ')).toBe("gardening 'in' the desert");
  });

  it('leaves out empty parts, so no space is doubled or left at an end', () => {
    expect(joinNormalised(['', 'a b', '', 'c', ''])).toBe('a b c');
    expect(joinNormalised([])).toBe('');
  });
});
