import { fontBytes, fontFiles, FontWeight } from './font-files';
import { currentEmbeddedFont, useDirectGlyphLayout } from './pdfkit-internals';

/** Drawn instead of a character no font in the stack has (neither font carries U+FFFD). */
export const REPLACEMENT_CHARACTER = '?';

/** Which face draws a character and its advance in thousandths of an em; `replaced` when no face has it. */
export interface GlyphChoice {
  readonly face: string;
  readonly advance: number;
  readonly replaced: boolean;
}

interface Face {
  name: string;
  covers(codePoint: number): boolean;
  advance(character: string): number;
}

/**
 * The embedded fonts of one document and, per character, which of them draws it. Faces are registered under
 * names like "regular-0" and selected per run of text, so names in any covered script render and extract.
 */
export class FontSet {
  private readonly faces: Record<FontWeight, Face[]>;
  private readonly choices: Record<FontWeight, Map<number, GlyphChoice>> = { regular: new Map(), bold: new Map() };
  private missing = 0;
  /** Ascent of the primary face in thousandths of an em, for placing baselines. */
  readonly ascent: number;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    const files = fontFiles();
    this.faces = { regular: this.register('regular', files.regular), bold: this.register('bold', files.bold) };
    doc.font('regular-0');
    this.ascent = currentEmbeddedFont(doc).ascender;
  }

  /** Characters drawn as REPLACEMENT_CHARACTER because no font covers them. */
  get missingGlyphs(): number {
    return this.missing;
  }

  /** The face for one code point; counts it when it must be replaced. Cached, so bounded by distinct characters. */
  choose(codePoint: number, weight: FontWeight): GlyphChoice {
    let choice = this.choices[weight].get(codePoint);
    if (!choice) {
      const face = this.faces[weight].find((candidate) => candidate.covers(codePoint));
      const drawn = face ?? this.faces[weight][0];
      choice = { face: drawn.name, advance: drawn.advance(face ? String.fromCodePoint(codePoint) : REPLACEMENT_CHARACTER), replaced: !face };
      this.choices[weight].set(codePoint, choice);
    }
    if (choice.replaced) this.missing++;
    return choice;
  }

  /** Selects a face for the next pdfkit text() call. */
  use(face: string, size: number): void {
    this.doc.font(face).fontSize(size);
  }

  private register(weight: FontWeight, files: string[]): Face[] {
    return files.map((file, index) => {
      const name = `${weight}-${index}`;
      this.doc.registerFont(name, fontBytes(file));
      this.doc.font(name);
      const font = currentEmbeddedFont(this.doc);
      useDirectGlyphLayout(font);
      return {
        name,
        covers: (codePoint: number) => font.font.hasGlyphForCodePoint(codePoint),
        advance: (character: string) => font.layout(character, undefined, true).advanceWidth,
      };
    });
  }
}
