import { Writable } from 'node:stream';
import { FontSet } from '../pdf/font-set';
import { HashingSink } from '../pdf/hashing-sink';
import { FooterPainter, PageFrame } from '../pdf/page-frame';
import { createPdfDocument } from '../pdf/pdf-document';
import { TextStyle } from '../pdf/text-layout';

const FOOTER_TEXT: TextStyle = { weight: 'regular', size: 7 };

/** A footer for documents meant for the public or the file, not patron records: a reference and the page number. */
export function plainFooter(reference: string): FooterPainter {
  return (frame, pageNumber) => {
    const top = frame.bottom + 12;
    const [left] = frame.layout(reference, FOOTER_TEXT, frame.contentWidth * 0.8);
    const [right] = frame.layout(`Page ${pageNumber}`, FOOTER_TEXT, Infinity);
    if (left) frame.drawLine(left, frame.left, top, FOOTER_TEXT, { color: '#333333' });
    frame.drawLine(right, frame.left + frame.contentWidth, top, FOOTER_TEXT, { align: 'right', color: '#333333', data: true });
  };
}

export interface RenderedDocument {
  pages: number;
  sha256: string;
  bytes: number;
}

/**
 * Renders with the production library's fonts and frame (clean metadata, embedded Liberation/Noto faces) but the
 * plain footer. `out` is ended when done and destroyed on failure.
 */
export async function renderPlainPdf(out: Writable, setup: { title: string; createdAt: Date; reference: string }, draw: (frame: PageFrame) => void): Promise<RenderedDocument> {
  try {
    const doc = createPdfDocument({ title: setup.title, createdAt: setup.createdAt });
    const sink = new HashingSink(doc, out);
    const frame = new PageFrame(doc, new FontSet(doc), plainFooter(setup.reference));
    draw(frame);
    doc.end();
    const { sha256, bytes } = await sink.finish();
    return { pages: frame.pageCount, sha256, bytes };
  } catch (error) {
    out.destroy();
    throw error;
  }
}

/** Horizontal bars with labels and values, drawn in a box at (x, y) of the given width; returns the height used. */
export function drawBars(frame: PageFrame, x: number, y: number, width: number, title: string, bars: readonly { label: string; value: number; text?: string }[], color = '#2f5d8a'): number {
  const style: TextStyle = { weight: 'regular', size: 7 };
  const titleStyle: TextStyle = { weight: 'bold', size: 8 };
  const row = 10;
  frame.drawLine(frame.layout(title, titleStyle, width)[0], x, y, titleStyle);
  const labelWidth = width * 0.42;
  const valueWidth = 34;
  const barRoom = width - labelWidth - valueWidth - 4;
  const max = Math.max(1, ...bars.map((b) => b.value));
  bars.forEach((bar, index) => {
    const top = y + 12 + index * row;
    const [label] = frame.layout(bar.label, style, labelWidth - 4);
    if (label) frame.drawLine(label, x, top, style);
    const length = bar.value > 0 ? Math.max(1, (bar.value / max) * barRoom) : 0;
    if (length > 0) {
      frame.doc.rect(x + labelWidth, top + 1, length, row - 3).fill(color);
      // The frame caches the fill colour it last set (black): put it back after drawing a bar.
      frame.doc.fillColor('black');
    }
    const [value] = frame.layout(bar.text ?? String(bar.value), style, Infinity);
    frame.drawLine(value, x + labelWidth + length + 3, top, style, { data: true });
  });
  return 12 + bars.length * row + 6;
}
