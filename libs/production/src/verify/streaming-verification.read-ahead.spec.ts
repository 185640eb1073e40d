import { createWriteStream } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { CaseScope, producedValues, ResponsiveRecord, withheldValues } from '@custodian/domain';
import type { VerificationChunk } from '../pdf/verification-tap';
import { renderProduction } from '../production/render-production';
import { sampleHeader, temporaryDirectory } from '../testing/pdf-test-helpers';
import { StreamingVerification } from './streaming-verification';

jest.setTimeout(300_000);

const card = '23000000012345';
const other = '23000000099999';
const scope: CaseScope = { cardNumbers: [card], from: '2026-01-01', to: '2026-12-31', recordTypes: ['patron', 'loans'] };

function patron(cardNumber: string, firstname: string, surname: string, loans: number): ResponsiveRecord[] {
  return [
    { recordType: 'patron', sourceTable: 'borrowers', cardNumber, occurredAt: null, fields: { cardnumber: cardNumber, firstname, surname } },
    ...Array.from({ length: loans }, (_, index): ResponsiveRecord => {
      const at = `2026-0${1 + (index % 9)}-${String(1 + (index % 28)).padStart(2, '0')}T10:00:00`;
      return { recordType: 'loans', sourceTable: 'old_issues', cardNumber, occurredAt: at, fields: { cardnumber: cardNumber, title: `Volume ${index} of the collected letters`, issuedate: at } };
    }),
  ];
}

/**
 * The verification the worker ran before read-ahead (checks first, then every chunk) and the one it runs now (chunks
 * from the first byte, checks whenever they come) must reach the same verdict on the same bytes, page for page.
 */
describe('StreamingVerification reading ahead of its checks', () => {
  const temp = temporaryDirectory();
  afterAll(() => temp.remove());
  let rendered: { chunks: VerificationChunk[]; ownWording: string[]; withheld: string[]; produced: string[] } | null = null;

  /** A production of about forty pages, with the other patron's name printed in a title on its last page. */
  async function production() {
    if (rendered) return rendered;
    const records = [...patron(card, 'Harriet', 'Vane', 1500), ...patron(other, 'Bartholomew', 'Quince', 1)].sort((a, b) => a.recordType.localeCompare(b.recordType));
    const produced = producedValues(records, scope);
    const withheld = withheldValues(records, scope).filter((value) => !produced.includes(value));
    const printed = records.map((record) => (record.fields.title === 'Volume 1499 of the collected letters' ? { ...record, fields: { ...record.fields, title: 'Bartholomew Quince' } } : record));
    const chunks: VerificationChunk[] = [];
    const result = await renderProduction({ ...sampleHeader({ scope }), records: printed }, createWriteStream(path.join(temp.dir, 'read-ahead.pdf')), undefined, { verificationFeed: (chunk) => chunks.push(chunk) });
    expect(result.pages).toBeGreaterThan(30);
    return (rendered = { chunks, ownWording: result.ownWording, withheld, produced });
  }

  function checksFirst(run: NonNullable<typeof rendered>) {
    const verification = new StreamingVerification(run.withheld, { batesPrefix: 'PDL', batesStart: 1 });
    for (const value of run.produced) {
      verification.exemptWithin(value);
      verification.expectPresent(value);
    }
    for (const chunk of run.chunks) verification.chunk(chunk);
    return verification.finish(run.ownWording);
  }

  it('reaches the verdict of checks given first, wherever the checks arrive and whatever the bound (property)', async () => {
    const run = await production();
    const expected = checksFirst(run);
    expect(expected.ok).toBe(false);
    expect(expected.leaks.length).toBeGreaterThan(0);
    await fc.assert(
      fc.property(fc.integer({ min: 0, max: run.chunks.length }), fc.integer({ min: 1, max: 12 }), (arrival, bound) => {
        const verification = StreamingVerification.readingAhead(bound);
        let mostWaiting = 0;
        run.chunks.forEach((chunk, index) => {
          if (index === arrival) start(verification, run);
          verification.chunk(chunk);
          mostWaiting = Math.max(mostWaiting, verification.pagesWaiting);
        });
        if (arrival === run.chunks.length) start(verification, run);
        expect(verification.pagesWaiting).toBe(0);
        // A chunk is read only while fewer pages than the bound wait: never more held than that and one chunk's pages.
        expect(mostWaiting).toBeLessThanOrEqual(bound - 1 + pagesPerChunk(run.chunks));
        expect(verification.finish(run.ownWording)).toEqual(expected);
      }),
      { numRuns: 15 },
    );
  });

  it('reads pages before its checks arrive, up to the bound, and no further', async () => {
    const run = await production();
    const verification = StreamingVerification.readingAhead(3);
    for (const chunk of run.chunks) verification.chunk(chunk);
    expect(verification.pagesWaiting).toBeGreaterThanOrEqual(3);
    expect(verification.pagesWaiting).toBeLessThanOrEqual(2 + pagesPerChunk(run.chunks));
    expect(verification.pagesWaiting).toBeLessThan(checksFirst(run).pages);
    const unbounded = StreamingVerification.readingAhead(1000);
    for (const chunk of run.chunks) unbounded.chunk(chunk);
    expect(unbounded.pagesWaiting).toBe(checksFirst(run).pages);
  });

  it('refuses to finish or take values before its withheld values are set, and to be given them twice', async () => {
    const verification = StreamingVerification.readingAhead();
    expect(() => verification.exemptWithin('Vane')).toThrow(/withheld values of this verification are not set/);
    expect(() => verification.startChecking()).toThrow(/withheld values of this verification are not set/);
    verification.setChecks(['Quince']);
    expect(() => verification.setChecks(['Quince'])).toThrow(/already set/);
    expect(() => verification.finish()).toThrow(/never started/);
  });
});

/** The most pages one chunk completes. */
function pagesPerChunk(chunks: VerificationChunk[]): number {
  const reading = StreamingVerification.readingAhead(Infinity);
  let most = 0;
  for (const chunk of chunks) {
    const before = reading.pagesWaiting;
    reading.chunk(chunk);
    most = Math.max(most, reading.pagesWaiting - before);
  }
  return most;
}

function start(verification: StreamingVerification, run: { withheld: string[]; produced: string[] }) {
  verification.setChecks(run.withheld, { batesPrefix: 'PDL', batesStart: 1 });
  for (const value of run.produced) {
    verification.exemptWithin(value);
    verification.expectPresent(value);
  }
  verification.startChecking();
}
