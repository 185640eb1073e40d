import { Writable } from 'node:stream';
import { createRedactor, WithholdingSummary } from '@custodian/domain';
import { BODY, HEADING, PageFrame } from '../pdf/page-frame';
import type { VerificationFeed } from '../pdf/verification-tap';
import { writePdf } from '../pdf/write-pdf';
import { assertBatesPrefix, formatBates } from './bates';
import { writeCoverLetter } from './cover-letter';
import { writeCustodianDeclaration } from './custodian-declaration';
import { writeManifest } from './manifest-page';
import { ProductionHeader, ProductionInput, ProductionProgress, ProductionResult, ProgressListener } from './production-input';
import { RecordTables } from './record-tables';
import { writeWithholdingLog } from './withholding-log-section';

/** Yield to the event loop at least this often, so output flows and a worker's messages are handled. */
const RECORDS_PER_YIELD = 256;

/**
 * Renders a production to `out` (which is ended when done): cover letter, the records as tables per record type,
 * the withholding log and the manifest, every page with its Bates number, case number and confidentiality footer.
 * Records are redacted and drawn one by one as they arrive; memory does not grow with their number. On failure the
 * promise rejects and `out` is destroyed; the caller removes the partial file.
 */
export async function renderProduction(
  input: ProductionInput,
  out: Writable,
  onProgress: ProgressListener = () => undefined,
  options: { verificationFeed?: VerificationFeed } = {},
): Promise<ProductionResult> {
  const batesStart = input.batesStart ?? 1;
  const written = await writePdf(
    out,
    {
      title: `Production ${input.caseNumber}`,
      createdAt: new Date(input.generatedAt),
      footerReference: `Case ${input.caseNumber}`,
      pageMark: (page) => formatBates(input.batesPrefix, batesStart + page - 1),
      validate: () => assertHeader(input),
      verificationFeed: options.verificationFeed,
    },
    (frame, relieve) => drawProduction(frame, input, relieve, onProgress),
  );
  const { recordsRead, ...drawn } = written.value;
  onProgress({ phase: 'finished', recordsRead, pages: written.pages, percent: input.expectedRecords ? 100 : null });
  return {
    pages: written.pages,
    batesFirst: formatBates(input.batesPrefix, batesStart),
    ...drawn,
    sha256: written.sha256,
    bytes: written.bytes,
    missingGlyphs: written.missingGlyphs,
    ownWording: written.ownWording,
  };
}

async function drawProduction(frame: PageFrame, input: ProductionInput, relieve: () => Promise<void>, onProgress: ProgressListener) {
  const redactor = createRedactor(input.scope, { policy: input.redactionPolicy });
  const summary = new WithholdingSummary();
  const tables = new RecordTables(frame, (input.scope.aliases ?? []).length > 0);
  let recordsRead = 0;
  let pagesReported = 0;
  const report = (phase: ProductionProgress['phase']) => {
    pagesReported = frame.pageCount;
    const percent = input.expectedRecords ? Math.min(100, Math.floor((100 * recordsRead) / input.expectedRecords)) : null;
    onProgress({ phase, recordsRead, pages: frame.pageCount, percent });
  };

  writeCoverLetter(frame, input);
  const coverPages = frame.pageCount;
  for await (const record of input.records) {
    const redaction = redactor.redact(record);
    summary.add(redaction);
    if (redaction.outcome === 'produced') tables.add(redaction.item);
    recordsRead++;
    const newPage = frame.pageCount !== pagesReported;
    if (newPage) report('records');
    if (newPage || recordsRead % RECORDS_PER_YIELD === 0) await relieve();
  }
  tables.finish();
  if (!tables.producedAny) writeNoRecordsPage(frame);

  report('withholding-log');
  const withholdingLog = summary.entries();
  writeWithholdingLog(frame, withholdingLog);
  if (input.declaration) {
    report('declaration');
    const start = input.batesStart ?? 1;
    // The records run from the page after the cover letter through the withholding log.
    writeCustodianDeclaration(frame, input, input.declaration, start + coverPages, start + frame.pageCount - 1, tables.producedAny);
  }
  report('manifest');
  const items = summary.itemCounts();
  const batesLast = writeManifest(frame, input, { items, withholdings: withholdingLog, missingGlyphs: frame.fonts.missingGlyphs });
  return { batesLast, items, withholdingLog, recordsRead };
}

function writeNoRecordsPage(frame: PageFrame): void {
  frame.startPage('portrait');
  frame.paragraph('Records', HEADING, { gapAfter: 8 });
  frame.paragraph('No records within the scope of the authority were found.', BODY);
}

function assertHeader(header: ProductionHeader): void {
  assertBatesPrefix(header.batesPrefix);
  formatBates(header.batesPrefix, header.batesStart ?? 1);
  if (!header.caseNumber.trim()) throw new Error('A production needs a case number');
  if (Number.isNaN(new Date(header.generatedAt).getTime())) throw new Error(`generatedAt is not a date: "${header.generatedAt}"`);
  const { from, to } = header.scope;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to) || from > to) throw new Error('Scope dates must be ISO dates with from <= to');
}
