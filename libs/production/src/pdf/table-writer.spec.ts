import { PassThrough } from 'node:stream';
import { renderPlainPdf } from '../reports/public-pdf';
import { PageFrame } from './page-frame';
import { TableWriter } from './table-writer';

/** Draws into a real pdfkit document and returns what `draw` saw of the frame. */
async function withFrame<T>(draw: (frame: PageFrame) => T): Promise<T> {
  let seen: T | undefined;
  const out = new PassThrough();
  out.resume();
  await renderPlainPdf(out, { title: 'table spec', createdAt: new Date('2026-12-02T00:00:00Z'), reference: 'spec' }, (frame) => {
    frame.startPage();
    seen = draw(frame);
  });
  return seen as T;
}

describe('TableWriter', () => {
  const columns = [{ header: 'Card', weight: 1 }, { header: 'Title', weight: 3 }];

  it.each([
    [1, 'stays on the page'],
    [2, 'stays on the page'],
    [3, 'starts on a new page'],
    [6, 'starts on a new page'],
  ])('a table with a %i-line title and room for a two-line one %s, never drawing into the footer', async (titleLines, expected) => {
    const result = await withFrame((frame) => {
      // The longest title of words that lays out in `titleLines` lines at the title size.
      const linesOf = (text: string) => frame.layout(text, { weight: 'bold', size: 11 }, frame.contentWidth).length;
      let title = 'Word0';
      for (let i = 1; linesOf(`${title} Word${i}`) <= titleLines; i++) title = `${title} Word${i}`;
      const lines = linesOf(title);
      // Exactly the room for a two-line title, the one-line header (padded 2.5 above and below) and three rows.
      const header = frame.lineHeight({ weight: 'bold', size: 7.5 }) + 5;
      frame.y = frame.bottom - (frame.lineHeight({ weight: 'bold', size: 11 }) * 2 + 2 + header + 3 * frame.lineHeight({ weight: 'regular', size: 7.5 }));
      const pageBefore = frame.pageCount;
      const table = new TableWriter(frame, columns, title);
      table.begin();
      const afterHeader = frame.y;
      table.addRow(['23000000012345', 'A title']);
      table.end();
      return { lines, pageBefore, pageAfter: frame.pageCount, afterHeader, bottom: frame.bottom };
    });
    expect(result.lines).toBe(titleLines);
    // Title and header are drawn inside the page, never into the footer below `bottom`.
    expect(result.afterHeader).toBeLessThanOrEqual(result.bottom);
    expect(result.pageAfter).toBe(expected === 'stays on the page' ? result.pageBefore : result.pageBefore + 1);
  });

  it('keeps a short table on the page when it fits', async () => {
    const pages = await withFrame((frame) => {
      const before = frame.pageCount;
      const table = new TableWriter(frame, columns, 'Loans');
      table.begin();
      table.addRow(['23000000012345', 'A title']);
      table.end();
      return { before, after: frame.pageCount };
    });
    expect(pages.after).toBe(pages.before);
  });
});
