import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The text of one page as pdfjs-dist extracts it, in content-stream order. */
export interface PageText {
  pageNumber: number;
  items: { text: string; x: number; y: number }[];
}

/*
 * pdfjs-dist is ESM-only while this project compiles to CommonJS, and Jest's module sandbox refuses a dynamic
 * import(). A worker thread is a plain Node context where import() works under ts-jest and in dist alike, and it
 * keeps the parsing off the caller's event loop. Its source is plain JavaScript so it needs no compilation.
 * Pages are fetched one request at a time, so at most one page's text is in flight.
 */
const EXTRACTOR_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const pdfjs = await import(workerData.pdfjsUrl);
  const source = workerData.path ? { url: workerData.path } : { data: workerData.data };
  const pdf = await pdfjs.getDocument({ ...source, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  parentPort.postMessage({ type: 'opened', pages: pdf.numPages });
  parentPort.on('message', async (request) => {
    try {
      if (request.type === 'close') {
        await pdf.destroy();
        parentPort.close();
        return;
      }
      const page = await pdf.getPage(request.pageNumber);
      const content = await page.getTextContent();
      const items = content.items.filter((item) => 'str' in item).map((item) => ({ text: item.str, x: item.transform[4], y: item.transform[5] }));
      page.cleanup();
      parentPort.postMessage({ type: 'page', pageNumber: request.pageNumber, items });
    } catch (error) {
      parentPort.postMessage({ type: 'error', message: String((error && error.stack) || error) });
    }
  });
})().catch((error) => parentPort.postMessage({ type: 'error', message: String((error && error.stack) || error) }));
`;

type ExtractorMessage =
  | { type: 'opened'; pages: number }
  | { type: 'page'; pageNumber: number; items: PageText['items'] }
  | { type: 'error'; message: string };

/** Yields each page's text in order. Give a path to let pdfjs read the file itself rather than hold it in memory twice. */
export async function* pdfPageTexts(pdf: string | Uint8Array): AsyncGenerator<PageText> {
  const pdfjsUrl = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  // A Buffer is copied once and the copy handed over, rather than cloned into the worker.
  const data = typeof pdf === 'string' ? null : new Uint8Array(pdf);
  const workerData = data ? { pdfjsUrl, data } : { pdfjsUrl, path: pdf };
  const worker = new Worker(EXTRACTOR_SOURCE, { eval: true, workerData, transferList: data ? [data.buffer] : [] });
  const replies = new ReplyQueue(worker);
  try {
    const opened = await replies.next();
    if (opened.type !== 'opened') throw new Error(`Could not open the PDF: ${opened.type === 'error' ? opened.message : opened.type}`);
    for (let pageNumber = 1; pageNumber <= opened.pages; pageNumber++) {
      worker.postMessage({ type: 'page', pageNumber });
      const reply = await replies.next();
      if (reply.type !== 'page') throw new Error(`Could not read page ${pageNumber}: ${reply.type === 'error' ? reply.message : reply.type}`);
      yield { pageNumber, items: reply.items };
    }
  } finally {
    await worker.terminate();
  }
}

/** The worker's messages in order, with its failure or early exit turned into a rejection. */
class ReplyQueue {
  private readonly waiting: { resolve(message: ExtractorMessage): void; reject(error: Error): void }[] = [];
  private readonly arrived: ExtractorMessage[] = [];
  private failure: Error | null = null;

  constructor(worker: Worker) {
    worker.on('message', (message: ExtractorMessage) => {
      const waiter = this.waiting.shift();
      if (waiter) waiter.resolve(message);
      else this.arrived.push(message);
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const waiter of this.waiting.splice(0)) waiter.reject(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`PDF text extractor exited with code ${code}`)));
  }

  next(): Promise<ExtractorMessage> {
    const message = this.arrived.shift();
    if (message) return Promise.resolve(message);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }
}
