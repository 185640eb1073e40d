import { CITATIONS } from '@custodian/domain';
import { FooterPainter, PageFrame } from './page-frame';
import { TextStyle } from './text-layout';

const FOOTER_TEXT: TextStyle = { weight: 'regular', size: 7 };
const FOOTER_MARK: TextStyle = { weight: 'bold', size: 9 };
const GUTTER = 12;

export const CONFIDENTIALITY_NOTICE = `CONFIDENTIAL library patron records, ${CITATIONS.patronRecords}: no further disclosure except as the law allows.`;

/**
 * The footer every page carries: the confidentiality notice on the left; on the right the case (and letter)
 * reference above a per-page mark (the Bates number of a production, the page number of a letter).
 */
export function footerPainter(reference: string, pageMark: (pageNumber: number) => string): FooterPainter {
  return (frame: PageFrame, pageNumber: number) => {
    const top = frame.bottom + 12;
    const right = frame.left + frame.contentWidth;
    const [referenceLine] = frame.layout(reference, FOOTER_TEXT, Infinity);
    const [mark] = frame.layout(pageMark(pageNumber), FOOTER_MARK, Infinity);
    const rightWidth = Math.max(referenceLine?.width ?? 0, mark.width);
    const noticeLines = frame.layout(CONFIDENTIALITY_NOTICE, FOOTER_TEXT, frame.contentWidth - rightWidth - GUTTER);
    noticeLines.forEach((line, index) => frame.drawLine(line, frame.left, top + index * frame.lineHeight(FOOTER_TEXT), FOOTER_TEXT, { color: '#333333' }));
    if (referenceLine) frame.drawLine(referenceLine, right, top, FOOTER_TEXT, { align: 'right', color: '#333333' });
    // Page-specific marks stay out of the document's collected wording (they differ on every page).
    frame.drawLine(mark, right, top + frame.lineHeight(FOOTER_TEXT), FOOTER_MARK, { align: 'right', data: true });
  };
}
