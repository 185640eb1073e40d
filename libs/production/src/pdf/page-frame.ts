import { FontSet } from './font-set';
import { PageContentWriter } from './pdfkit-internals';
import { printableText } from './printable-text';
import { layoutText, TextLine, TextStyle } from './text-layout';

export type Orientation = 'portrait' | 'landscape';

export const BODY: TextStyle = { weight: 'regular', size: 10 };
export const BODY_BOLD: TextStyle = { weight: 'bold', size: 10 };
export const HEADING: TextStyle = { weight: 'bold', size: 13 };
export const SMALL: TextStyle = { weight: 'regular', size: 7.5 };
export const SMALL_BOLD: TextStyle = { weight: 'bold', size: 7.5 };

const LINE_SPACING = 1.3;
/** zlib level of page content: 1 deflates about three times faster than pdfkit's 6, for files about a fifth larger. */
const CONTENT_COMPRESSION = 1;
const MARGIN: Record<Orientation, number> = { portrait: 60, landscape: 36 };
const FOOTER_HEIGHT = 40;
const LETTER: Record<Orientation, { width: number; height: number }> = {
  portrait: { width: 612, height: 792 },
  landscape: { width: 792, height: 612 },
};

/** Draws the footer of a fresh page; the frame's cursor is not used. */
export type FooterPainter = (frame: PageFrame, pageNumber: number) => void;

interface DrawOptions {
  /** Record data, as opposed to the document's own wording (see `ownWording`). */
  data?: boolean;
  align?: 'left' | 'right';
  color?: string;
}

/**
 * Pages, a cursor and text drawing for one document, laid out by hand so pdfkit never adds a page on its own:
 * pdfkit's margins are 0 and every text() call has lineBreak: false. Each page gets its footer when it is
 * created, so with bufferPages off a page is final once the next one starts.
 */
export class PageFrame {
  private pages = 0;
  private orientation: Orientation = 'portrait';
  /** Fill colour last set on this page: setting it writes an operator, and most lines are black. */
  private fill: string | null = null;
  /** Called after a page break the frame makes itself, e.g. to repeat a table header. */
  onPageBreak: (() => void) | null = null;
  y = 0;
  /**
   * Everything the document prints that is not record data: letter text, headings, labels, footers. Verification
   * treats a withheld value found inside this wording as the wording, not a leak. Bounded: it is deduplicated
   * and page-specific strings (Bates numbers) are not collected.
   */
  readonly ownWording = new Set<string>();

  private readonly content: PageContentWriter;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly fonts: FontSet,
    private readonly footer: FooterPainter,
  ) {
    this.content = new PageContentWriter(doc, CONTENT_COMPRESSION);
  }

  get pageCount(): number {
    return this.pages;
  }
  get width(): number {
    return LETTER[this.orientation].width;
  }
  get height(): number {
    return LETTER[this.orientation].height;
  }
  get left(): number {
    return MARGIN[this.orientation];
  }
  get contentWidth(): number {
    return this.width - 2 * MARGIN[this.orientation];
  }
  get top(): number {
    return MARGIN[this.orientation];
  }
  get bottom(): number {
    return this.height - FOOTER_HEIGHT;
  }

  startPage(orientation: Orientation = this.orientation): void {
    this.orientation = orientation;
    this.doc.addPage({ size: [LETTER[orientation].width, LETTER[orientation].height], margin: 0 });
    this.pages++;
    this.fill = null;
    // Rules are the only strokes: set their style once per page rather than once per row.
    this.doc.lineWidth(0.4).strokeColor('#888888');
    this.footer(this, this.pages);
    this.y = this.top;
  }

  /** Starts a new page when `height` points do not fit below the cursor. */
  ensureRoom(height: number): void {
    if (this.pages > 0 && this.y + height <= this.bottom) return;
    this.startPage();
    this.onPageBreak?.();
  }

  lineHeight(style: TextStyle): number {
    return style.size * LINE_SPACING;
  }

  layout(value: string | number | null | undefined, style: TextStyle, maxWidth: number): TextLine[] {
    return layoutText(this.fonts, value, style, maxWidth);
  }

  /** Draws one laid-out line with its top at `top`. */
  drawLine(line: TextLine, x: number, top: number, style: TextStyle, options: DrawOptions = {}): void {
    const baseline = top + (this.fonts.ascent * style.size) / 1000;
    let cursor = options.align === 'right' ? x - line.width : x;
    const fill = options.color ?? 'black';
    if (fill !== this.fill) {
      this.doc.fillColor(fill);
      this.fill = fill;
    }
    for (const run of line.runs) {
      if (this.fonts.isShaped(run.face)) {
        this.fonts.use(run.face, style.size, run.direction);
        this.doc.text(run.text, cursor, baseline, { lineBreak: false, baseline: 'alphabetic' });
      } else {
        const { font, codes } = this.fonts.encode(run.face, run.text, run.direction);
        this.content.text(font, style.size, cursor, baseline, codes);
      }
      cursor += run.width;
    }
    // A right-to-left line's runs are in drawing order; its wording is collected whole by paragraph()/labelled().
    if (!options.data && line.runs.every((run) => run.direction === 'ltr')) this.ownWording.add(line.runs.map((run) => run.text).join(''));
  }

  /** Wrapped text at the cursor, breaking pages as needed. */
  paragraph(text: string, style: TextStyle = BODY, options: DrawOptions & { indent?: number; gapAfter?: number } = {}): void {
    const indent = options.indent ?? 0;
    const height = this.lineHeight(style);
    for (const line of this.layout(text, style, this.contentWidth - indent)) {
      this.ensureRoom(height);
      this.drawLine(line, this.left + indent, this.y, style, options);
      this.y += height;
    }
    // Whole, too: a withheld value that happens to read like this wording may span its line breaks.
    if (!options.data) this.ownWording.add(printableText(text));
    this.y += options.gapAfter ?? height * 0.5;
  }

  /** A label and its wrapped value side by side, as in a manifest or an address block. */
  labelled(label: string, value: string, labelWidth = 150, style: TextStyle = BODY): void {
    const height = this.lineHeight(style);
    const lines = this.layout(value, style, this.contentWidth - labelWidth);
    const labelLines = this.layout(label, { ...style, weight: 'bold' }, labelWidth - 8);
    const rows = Math.max(lines.length, labelLines.length, 1);
    for (let row = 0; row < rows; row++) {
      this.ensureRoom(height);
      if (labelLines[row]) this.drawLine(labelLines[row], this.left, this.y, { ...style, weight: 'bold' });
      if (lines[row]) this.drawLine(lines[row], this.left + labelWidth, this.y, style);
      this.y += height;
    }
    this.ownWording.add(printableText(value));
    this.y += height * 0.25;
  }

  /** A horizontal rule across the content width at `y`. */
  rule(y: number, x = this.left, width = this.contentWidth): void {
    this.content.horizontalLine(x, y, width);
  }
}

