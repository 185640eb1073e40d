import { Writable } from 'node:stream';
import { createRedactor, ItemCounts, PatronAlias, RecordType, ResponsiveRecord, WithholdingSummary, WithholdingSummaryEntry } from '@custodian/domain';
import { writePdf } from '../pdf/write-pdf';
import { writeCoverLetter } from './cover-letter';
import { ProductionHeader } from './production-input';
import { aliasesRevealingWithheld, productionValuesCollector } from './production-values';

/** What an approval would release, for the director before confirming: counts and codes only, never values. */
export interface ReleaseSummary {
  patrons: string[];
  /** Patrons the production names by an alias instead of the card number. */
  aliases: PatronAlias[];
  recordTypes: RecordType[];
  dates: { from: string; to: string };
  includeContactDetails: boolean;
  /** Items produced and withheld per record type (withheld: out of scope or withheld whole). */
  items: Partial<Record<RecordType, ItemCounts>>;
  /** Withholdings within the scope, as the production's withholding log will state them. */
  withheldInScope: WithholdingSummaryEntry[];
  /** Records outside the scope (other patrons, dates, types): neither produced nor described in the production. */
  outOfScope: number;
  recordsRead: number;
  /**
   * The positions (1-based, in the scope's order) of the aliases that would print a value the production withholds:
   * while any is listed, the approval is refused (decision 0054). Positions only: the alias is itself patron data.
   */
  aliasesRevealingWithheld: number[];
}

/**
 * Runs the redaction the production will run, over the same records, and counts. Memory does not grow with the
 * records, except, when the scope names aliases, the distinct values gathered to check them.
 */
export async function summariseRelease(header: ProductionHeader, records: AsyncIterable<ResponsiveRecord> | Iterable<ResponsiveRecord>): Promise<ReleaseSummary> {
  const redactor = createRedactor(header.scope, { policy: header.redactionPolicy });
  const summary = new WithholdingSummary();
  const values = header.scope.aliases?.length ? productionValuesCollector(header.scope) : null;
  let recordsRead = 0;
  for await (const record of records) {
    const redaction = redactor.redact(record);
    summary.add(redaction);
    values?.add(record, redaction);
    recordsRead++;
  }
  const entries = summary.entries();
  return {
    patrons: [...header.scope.cardNumbers],
    aliases: (header.scope.aliases ?? []).map(({ cardNumber, alias }) => ({ cardNumber, alias })),
    recordTypes: [...header.scope.recordTypes],
    dates: { from: header.scope.from, to: header.scope.to },
    includeContactDetails: header.scope.includeContactDetails === true,
    items: summary.itemCounts(),
    withheldInScope: entries.filter((entry) => entry.describedInProduction),
    outOfScope: entries.filter((entry) => !entry.describedInProduction && entry.field === undefined).reduce((sum, entry) => sum + entry.count, 0),
    recordsRead,
    aliasesRevealingWithheld: values ? aliasesRevealingWithheld(header.scope, values.values().withheld) : [],
  };
}

/** The production's cover letter as it will open the production, marked as a preview in every footer. */
export async function renderCoverLetterPreview(header: ProductionHeader, out: Writable): Promise<{ pages: number; sha256: string; bytes: number }> {
  const written = await writePdf(
    out,
    {
      title: `Preview ${header.caseNumber}`,
      createdAt: new Date(header.generatedAt),
      footerReference: `Case ${header.caseNumber}`,
      pageMark: () => 'PREVIEW - NOT RELEASED',
    },
    (frame) => writeCoverLetter(frame, header),
  );
  return { pages: written.pages, sha256: written.sha256, bytes: written.bytes };
}
