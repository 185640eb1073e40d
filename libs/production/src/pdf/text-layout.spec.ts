import fc from 'fast-check';
import { FontSet, UndrawableCharacterError } from './font-set';
import { createPdfDocument } from './pdf-document';
import { printableText } from './printable-text';
import { layoutText, TextStyle } from './text-layout';

const style: TextStyle = { weight: 'regular', size: 8 };
const fonts = new FontSet(createPdfDocument({ title: 'Test', createdAt: new Date(0) }));
const textOf = (value: string, width: number) => layoutText(fonts, value, style, width).map((line) => line.runs.map((run) => run.text).join(''));

describe('layoutText', () => {
  it('breaks Latin text at spaces and CJK text between characters', () => {
    expect(textOf('alpha beta gamma', 30)).toEqual(['alpha', 'beta', 'gamma']);
    expect(textOf('图书馆借阅记录', 20).length).toBeGreaterThan(2);
  });

  it('splits a word only when it alone is too wide', () => {
    expect(textOf('Müller-Lüdenscheidt', 60)).toEqual(['Müller-', 'Lüdenscheidt']);
    expect(textOf('23000000012345678901234', 40).length).toBeGreaterThan(1);
  });

  it('picks, per character, a font that has it', () => {
    const [line] = layoutText(fonts, 'Łukasz 王 Ελένη', style, Infinity);
    expect(line.runs.map((run) => run.text)).toEqual(['Łukasz ', '王', ' Ελένη']);
    expect(new Set(line.runs.map((run) => run.face)).size).toBe(2);
  });

  it('draws every script that needs shaping with its own shaped face, though the Latin face has Devanagari glyphs', () => {
    const [line] = layoutText(fonts, 'Priya प्रिया', style, Infinity);
    expect(line.runs.map((run) => [run.text, run.face])).toEqual([
      ['Priya ', 'regular-latin'],
      ['प्रिया', 'regular-devanagari'],
    ]);
    expect(fonts.isShaped('regular-devanagari')).toBe(true);
    const samples: [string, string][] = [['ਹਰਪ੍ਰੀਤ', 'gurmukhi'], ['সৌমিত্র', 'bengali'], ['கிருஷ்ணன்', 'tamil'], ['สมชาย', 'thai'], ['ສົມພອນ', 'lao'], ['សុខា', 'khmer'], ['အောင်', 'myanmar'], ['محمد', 'arabic'], ['שרה', 'hebrew']];
    for (const [name, family] of samples) {
      const runs = layoutText(fonts, name, { ...style, weight: 'bold' }, Infinity)[0].runs;
      expect({ name, faces: [...new Set(runs.map((run) => run.face))] }).toEqual({ name, faces: [`bold-${family}`] });
    }
  });

  it('refuses a character no font has rather than printing a substitute', () => {
    expect(textOf('김민준', Infinity)).toEqual(['김민준']);
    expect(() => textOf('Ana\u{10FFFD}', Infinity)).toThrow(UndrawableCharacterError);
  });

  it('orders a right-to-left line for display: runs right to left, each run kept in reading order', () => {
    // The space stays in the Arabic run, so an extractor reverses the phrase whole.
    expect(layoutText(fonts, 'Case 12 محمد رضا', style, Infinity)[0].runs.map((run) => [run.text, run.direction])).toEqual([
      ['Case 12 ', 'ltr'],
      ['محمد رضا', 'rtl'],
    ]);
    // Hebrew, Latin, Hebrew in a left-to-right line: each Hebrew word is a right-to-left run of its own.
    expect(layoutText(fonts, 'שרה Zoë כהן', style, Infinity)[0].runs.map((run) => [run.text, run.direction])).toEqual([
      ['שרה', 'rtl'],
      [' ', 'ltr'],
      ['Zoë ', 'ltr'],
      ['כהן', 'rtl'],
    ]);
  });

  it('keeps every character in order and every line within the width', () => {
    const scripts = fc.constantFrom('Zoë Núñez ', 'Дмитрий ', 'Ελένη ', '王小明', 'O’Brien-Smith ', 'a', ' ', 'Ólafsdóttir');
    fc.assert(
      fc.property(fc.array(scripts, { maxLength: 30 }).map((parts) => parts.join('')), fc.integer({ min: 20, max: 300 }), (value, width) => {
        const lines = layoutText(fonts, value, style, width);
        expect(lines.map((line) => line.runs.map((run) => run.text).join('')).join('').replace(/ /g, '')).toBe(printableText(value).replace(/ /g, ''));
        for (const line of lines) {
          expect(line.width).toBeCloseTo(line.runs.reduce((sum, run) => sum + run.width, 0), 6);
          if ([...line.runs.map((run) => run.text).join('')].length > 1) expect(line.width).toBeLessThanOrEqual(width + 1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });
});
