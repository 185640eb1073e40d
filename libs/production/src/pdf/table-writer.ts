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
 * runs onto. A row taller than a page is split across pages line by line. Nothing of a row is kept once drawn.
 */
export class TableWriter {
  private readonly widths: number[];
  private readonly headerLines: TextLine[][];

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
  }

  /** Draws the title and header row, on a new page if they and one row would not fit. */
  begin(): void {
    this.frame.ensureRoom(this.titleHeight() + this.headerHeight() + 3 * this.frame.lineHeight(this.style));
    this.drawTitleAndHeader(this.title);
    this.frame.onPageBreak = () => this.drawTitleAndHeader(`${this.title} (continued)`);
  }

  addRow(cells: readonly TableCell[]): void {
    const lines = cells.map((cell, index) => this.layoutCell(cell, this.widths[index] - 2 * PADDING));
    const lineHeight = this.frame.lineHeight(this.style);
    const total = Math.max(1, ...lines.map((cellLines) => cellLines.length));
    const freshPageCapacity = Math.floor((this.frame.bottom - this.frame.top - this.titleHeight() - this.headerHeight() - 2 * PADDING) / lineHeight);
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
      this.drawRowSlice(lines, drawn, count, lineHeight);
      drawn += count;
    }
  }

  end(): void {
    this.frame.onPageBreak = null;
    this.frame.y += this.frame.lineHeight(this.style);
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
        this.frame.drawLine(cellLines[index], x + PADDING, top + (index - first) * lineHeight, this.style, { data: this.cellsAreData });
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

  private titleHeight(): number {
    return this.frame.lineHeight(TITLE_STYLE) * 2 + 2;
  }

  private headerHeight(): number {
    return Math.max(1, ...this.headerLines.map((lines) => lines.length)) * this.frame.lineHeight(SMALL_BOLD) + 2 * PADDING;
  }
}
