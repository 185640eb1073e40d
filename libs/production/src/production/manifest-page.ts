import { ItemCounts, RECORD_TYPES, RecordType, WithholdingSummaryEntry } from '@custodian/domain';
import { longDate } from '../text/long-date';
import { BODY, HEADING, PageFrame } from '../pdf/page-frame';
import { TableWriter } from '../pdf/table-writer';
import { formatBates } from './bates';
import { ProductionHeader } from './production-input';
import { RECORD_TYPE_TITLES } from './record-presentation';
import { describeScope } from './scope-description';

export interface ManifestFacts {
  items: Partial<Record<RecordType, ItemCounts>>;
  withholdings: readonly WithholdingSummaryEntry[];
  missingGlyphs: number;
}

/**
 * The last page: case, approvers, scope, item counts and, written last so it names this page, the Bates range.
 * The file's SHA-256 cannot be printed inside the file it hashes; it goes to the case file and the download header.
 * Returns the last Bates number.
 */
export function writeManifest(frame: PageFrame, header: ProductionHeader, facts: ManifestFacts): string {
  const scope = describeScope(header.scope, header.requestedScope);
  frame.startPage('portrait');
  frame.paragraph('Production manifest', HEADING, { gapAfter: 10 });
  frame.labelled('Case', header.caseNumber);
  frame.labelled('Request', header.requestTypeLabel);
  frame.labelled('Requester', [header.requester.name, header.requester.agency].filter(Boolean).join(', '));
  frame.labelled('Instrument', header.instrumentSummary);
  frame.labelled('Authority', `${header.authority.text} (${header.authority.citation})`);
  frame.labelled('Approved by', `${header.approvedBy.displayName}, ${header.approvedBy.title}, on ${longDate(header.approvedAt)}`);
  frame.labelled('Legal review by', `${header.reviewedBy.displayName}, ${header.reviewedBy.title}`);
  frame.labelled(scope.patronsLabel, scope.patrons);
  frame.labelled('Dates', scope.dates);
  frame.labelled('Record types', scope.recordTypes);
  frame.labelled('Contact details', scope.contactDetails);
  frame.labelled('Generated', header.generatedAt);
  frame.y += 6;
  writeItemCounts(frame, header, facts);
  if (facts.missingGlyphs > 0) {
    throw new Error(`${facts.missingGlyphs} characters could not be drawn`);
  }
  frame.paragraph(
    'The SHA-256 digest of this file is recorded in the case file and given with the file; a file cannot contain its own digest.',
    BODY,
    { gapAfter: 10 },
  );
  frame.ensureRoom(frame.lineHeight(BODY) * 2);
  const batesFirst = formatBates(header.batesPrefix, header.batesStart ?? 1);
  const batesLast = formatBates(header.batesPrefix, (header.batesStart ?? 1) + frame.pageCount - 1);
  frame.labelled('Bates range', `${batesFirst} to ${batesLast} (${frame.pageCount} pages, this manifest included)`);
  return batesLast;
}

function writeItemCounts(frame: PageFrame, header: ProductionHeader, facts: ManifestFacts): void {
  const withheldInScope = new Map<RecordType, number>();
  for (const entry of facts.withholdings) {
    if (entry.field === undefined && entry.describedInProduction) withheldInScope.set(entry.recordType, (withheldInScope.get(entry.recordType) ?? 0) + entry.count);
  }
  const recordTypes = RECORD_TYPES.filter((recordType) => header.scope.recordTypes.includes(recordType));
  const table = new TableWriter(
    frame,
    [
      { header: 'Record type', weight: 2 },
      { header: 'Items produced', weight: 1 },
      { header: 'Items withheld (see log)', weight: 1 },
    ],
    'Items',
    undefined,
    false,
  );
  table.begin();
  for (const recordType of recordTypes) {
    table.addRow([RECORD_TYPE_TITLES[recordType], facts.items[recordType]?.produced ?? 0, withheldInScope.get(recordType) ?? 0]);
  }
  table.end();
}
