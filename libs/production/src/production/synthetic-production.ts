import { createWriteStream } from 'node:fs';
import { ResponsiveRecord } from '@custodian/domain';
import { renderInWorkerThread } from '../worker/render-in-worker-thread';
import { ProductionHeader, ProductionResult, ProgressListener } from './production-input';
import { productionValues, ProductionValues } from './production-values';
import { renderProduction } from './render-production';

/*
 * Synthetic productions for the benchmark (bench/) and memory checks: N loans of one patron, generated lazily so
 * the source itself holds nothing, with multilingual titles, staff notes on some rows and a few rows of another
 * patron that must be withheld.
 */
const CARD = '23000000012345';
const TITLES = ['Le Petit Prince', 'Преступление и наказание', 'Η Οδύσσεια', '三体', 'Cien años de soledad', 'Łódź w XIX wieku', 'The Library Book'];

export function syntheticProductionHeader(overrides: Partial<ProductionHeader> = {}): ProductionHeader {
  return {
    caseNumber: 'BENCH-0001',
    requestTypeLabel: 'Superior court order',
    requester: { name: 'Det. A. Ruiz', agency: 'Palm Desert Police' },
    instrumentSummary: 'order of the Superior Court of California, County of Riverside, No. CR-2026-0411, issued March 1, 2026',
    authority: { text: 'the order of the superior court', citation: 'Gov. Code § 7927.105 (formerly § 6267)' },
    approvedBy: { displayName: 'Maria López', title: 'Library Director' },
    approvedAt: '2026-03-03',
    reviewedBy: { displayName: 'Sam Okafor', title: 'Deputy City Attorney' },
    scope: { cardNumbers: [CARD], from: '2020-01-01', to: '2026-12-31', recordTypes: ['patron', 'loans'] },
    batesPrefix: 'PDL',
    generatedAt: '2026-03-04T09:00:00-08:00',
    ...overrides,
  };
}

export async function* syntheticLoans(count: number): AsyncGenerator<ResponsiveRecord> {
  yield { recordType: 'patron', sourceTable: 'borrowers', cardNumber: CARD, occurredAt: null, fields: { borrowernumber: 51, cardnumber: CARD, surname: 'Núñez-Łukasiewicz', firstname: 'Zoë 小明', dateofbirth: '1990-05-01', borrowernotes: 'Staff note' } };
  const start = Date.parse('2020-01-01T10:00:00Z');
  for (let index = 0; index < count; index++) {
    const issued = new Date(start + index * 1700_000).toISOString().slice(0, 19);
    const otherPatron = index % 97 === 0;
    yield {
      recordType: 'loans',
      sourceTable: 'old_issues',
      cardNumber: otherPatron ? '23000000099999' : CARD,
      occurredAt: issued,
      fields: {
        issue_id: 1_000_000 + index,
        borrowernumber: otherPatron ? 52 : 51,
        itemnumber: 500_000 + (index % 40_000),
        barcode: `3900000${String(100_000 + (index % 40_000))}`,
        title: `${TITLES[index % TITLES.length]}, vol. ${index % 50}`,
        issuedate: issued,
        date_due: issued.slice(0, 10),
        renewals_count: index % 3,
        note: index % 10 === 0 ? `Staff note ${index}` : null,
      },
    };
  }
}

/**
 * The values a worker gives the verifier for the synthetic production, read from the records as the worker reads
 * a case's (redaction to the scope): withheld values and produced values.
 */
export function syntheticChecks(loans: number, header: ProductionHeader = syntheticProductionHeader()): Promise<ProductionValues> {
  return productionValues(batched(syntheticLoans(loans)), header);
}

/**
 * A database cursor hands over its rows a batch at a time, letting the event loop run between batches (the render
 * pool feeds its thread from the same loop); a generator alone would hold the loop to the end.
 */
async function* batched<T>(source: AsyncIterable<T>, size = 500): AsyncGenerator<T> {
  let read = 0;
  for await (const item of source) {
    yield item;
    if (++read % size === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Renders `loans` synthetic loans to `outputPath` and reports the time taken; in a worker thread when asked (dist only). */
export async function renderSyntheticProduction(
  loans: number,
  outputPath: string,
  options: { inWorkerThread?: boolean; onProgress?: ProgressListener } = {},
): Promise<ProductionResult & { elapsedMs: number }> {
  const started = process.hrtime.bigint();
  const header = syntheticProductionHeader({ expectedRecords: loans + 1 });
  const result = options.inWorkerThread
    ? await renderInWorkerThread(header, syntheticLoans(loans), outputPath, options.onProgress)
    : await renderProduction({ ...header, records: syntheticLoans(loans) }, createWriteStream(outputPath), options.onProgress);
  return { ...result, elapsedMs: Number(process.hrtime.bigint() - started) / 1e6 };
}
