import { HEADING, PageFrame, SMALL, SMALL_BOLD } from './page-frame';
import { TextLine, TextStyle } from './text-layout';

export interface TableColumn {
  header: string;
  /** Relative width; the table spans the content width. */
  weight: number;
}

/** A cell is one value, or several paragraphs stacked in the cell. */
export type TableCell = string | number | null | readonly string[];

const PADDING = 2.5;
const HEADER_FILL = '#e6e6e6';
const TITLE_STYLE: TextStyle = { ...HEADING, size: 11 };

/**
 * A table drawn row by row as rows arrive, with its title and header row repeated at the top of every page it
 * runs onto. A row that fits on a page is never split: it moves to the next page whole. A row taller than a page is
 * split across pages line by line, and each continued part opens with its first cell marked "(cont.)", so the
 * lines under the repeated header read as the rest of that row, not as a row of their own. Nothing of a row is kept
 * once drawn.
 */
export class TableWriter {
  private readonly widths: number[];
  private readonly headerLines: TextLine[][];
  /** Height of the "(continued)" title on the pages the table runs onto; laid out once, not per row. */
  private readonly continuedTitleHeight: number;

  constructor(
    private readonly frame: PageFrame,
    columns: readonly TableColumn[],
    private readonly title: string,
    private readonly style: TextStyle = SMALL,
    /** Whether cell contents are record data (not the document's own wording). */
    private readonly cellsAreData = true,
  ) {
    const totalWeight = columns.reduce((sum, column) => sum + column.weight, 0);
    this.widths = columns.map((column) => (frame.contentWidth * column.weight) / totalWeight);
    this.headerLines = columns.map((column, index) => frame.layout(column.header, SMALL_BOLD, this.widths[index] - 2 * PADDING));
    this.continuedTitleHeight = frame.layout(this.continuedTitle, TITLE_STYLE, frame.contentWidth).length * frame.lineHeight(TITLE_STYLE) + 2;
  }

  /** Draws the title and header row, on a new page if they and one row would not fit. */
  begin(): void {
    this.frame.ensureRoom(this.titleHeight() + this.headerHeight() + 3 * this.frame.lineHeight(this.style));
    this.drawTitleAndHeader(this.title);
    this.frame.onPageBreak = () => this.drawTitleAndHeader(this.continuedTitle);
  }

  addRow(cells: readonly TableCell[]): void {
    const lines = cells.map((cell, index) => this.layoutCell(cell, this.widths[index] - 2 * PADDING));
    const lineHeight = this.frame.lineHeight(this.style);
    const total = Math.max(1, ...lines.map((cellLines) => cellLines.length));
    // What a continued page holds below its real title and header: an estimate split rows that would have fitted.
    const freshPageCapacity = Math.floor((this.frame.bottom - this.frame.top - this.continuedTitleHeight - this.headerHeight() - 2 * PADDING) / lineHeight);
    let drawn = 0;
    let onFreshPage = false;
    while (drawn < total) {
      const remaining = total - drawn;
      const fits = Math.floor((this.frame.bottom - this.frame.y - 2 * PADDING) / lineHeight);
      if (!onFreshPage && fits < remaining && (fits < 1 || remaining <= freshPageCapacity)) {
        this.frame.startPage();
        this.frame.onPageBreak?.();
        onFreshPage = true;
        continue;
      }
      // On a fresh page at least one line is drawn, so an oversized header cannot stall the table.
      const count = Math.max(1, Math.min(fits, remaining));
      onFreshPage = false;
      this.drawRowSlice(drawn > 0 ? this.markedContinued(cells, lines, drawn, count) : lines, drawn, count, lineHeight);
      drawn += count;
    }
  }

  end(): void {
    this.frame.onPageBreak = null;
    this.frame.y += this.frame.lineHeight(this.style);
  }

  /**
   * The row's lines with its first cell, when that has ended on an earlier page, replaced from line `first` on by
   * "<first cell> (cont.)" (as many of its lines as the part has; short, as the first column is narrow).
   */
  private markedContinued(cells: readonly TableCell[], lines: TextLine[][], first: number, count: number): TextLine[][] {
    const lead = cells[0];
    if (lines[0].length > first || (typeof lead !== 'string' && typeof lead !== 'number')) return lines;
    const mark = this.layoutCell(`${lead} (cont.)`, this.widths[0] - 2 * PADDING).slice(0, count);
    const column: TextLine[] = [];
    mark.forEach((line, index) => (column[first + index] = line));
    return [column, ...lines.slice(1)];
  }

  private layoutCell(cell: TableCell, width: number): TextLine[] {
    const paragraphs = Array.isArray(cell) ? cell : [cell as string | number | null];
    return paragraphs.flatMap((paragraph) => this.frame.layout(paragraph, this.style, width));
  }

  private drawRowSlice(lines: TextLine[][], first: number, count: number, lineHeight: number): void {
    const top = this.frame.y + PADDING;
    let x = this.frame.left;
    lines.forEach((cellLines, column) => {
      for (let index = first; index < Math.min(first + count, cellLines.length); index++) {
        if (cellLines[index]) this.frame.drawLine(cellLines[index], x + PADDING, top + (index - first) * lineHeight, this.style, { data: this.cellsAreData });
      }
      x += this.widths[column];
    });
    this.frame.y = top + count * lineHeight + PADDING;
    this.frame.rule(this.frame.y);
  }

  private drawTitleAndHeader(title: string): void {
    const titleLines = this.frame.layout(title, TITLE_STYLE, this.frame.contentWidth);
    for (const line of titleLines) {
      this.frame.drawLine(line, this.frame.left, this.frame.y, TITLE_STYLE);
      this.frame.y += this.frame.lineHeight(TITLE_STYLE);
    }
    this.frame.y += 2;
    const height = this.headerHeight();
    this.frame.doc.save().rect(this.frame.left, this.frame.y, this.frame.contentWidth, height).fill(HEADER_FILL).restore();
    let x = this.frame.left;
    this.headerLines.forEach((cellLines, column) => {
      cellLines.forEach((line, index) => this.frame.drawLine(line, x + PADDING, this.frame.y + PADDING + index * this.frame.lineHeight(SMALL_BOLD), SMALL_BOLD));
      x += this.widths[column];
    });
    this.frame.y += height;
  }

  private get continuedTitle(): string {
    return `${this.title} (continued)`;
  }

  /** Room for the title as laid out, and never less than two lines (the slack a one-line title always had). */
  private titleHeight(): number {
    const lines = this.frame.layout(this.title, TITLE_STYLE, this.frame.contentWidth).length;
    return this.frame.lineHeight(TITLE_STYLE) * Math.max(2, lines) + 2;
  }

  private headerHeight(): number {
    return Math.max(1, ...this.headerLines.map((lines) => lines.length)) * this.frame.lineHeight(SMALL_BOLD) + 2 * PADDING;
  }
}
