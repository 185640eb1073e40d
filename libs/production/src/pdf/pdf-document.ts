import PDFDocument from 'pdfkit';

export interface PdfDocumentOptions {
  /** Neutral title, e.g. "Production CASE-2026-0001": no names, no paths. */
  title: string;
  /** Recorded as the creation date; fixed per job so re-rendering the same input gives the same bytes. */
  createdAt: Date;
}

/**
 * A streaming pdfkit document with clean metadata. pdfkit sets Producer and Creator to "PDFKit" and the
 * creation date to now; both are replaced so the info dictionary holds only the neutral title and the date.
 * No outlines, annotations, XMP or attachments are ever created by this library.
 */
export function createPdfDocument(options: PdfDocumentOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: false, // each page is written out when the next starts: memory stays flat
    fontLayoutCache: false, // pdfkit's per-word layout cache grows with the data; see useDirectGlyphLayout
    compress: true,
    // PDF 1.3, pdfkit's default: for any later version pdfkit also writes an XMP stream naming its own tool.
    info: { Title: options.title, CreationDate: options.createdAt },
  });
  doc.info = { Title: options.title, CreationDate: options.createdAt };
  return doc;
}
