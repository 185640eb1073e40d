import { CITATIONS } from '@custodian/domain';
import { writeAddressee, writeLetterhead, writeSignature, writeSubject } from '../letters/letter-parts';
import { longDate } from '../text/long-date';
import { BODY, PageFrame } from '../pdf/page-frame';
import { formatBates } from './bates';
import { ProductionHeader } from './production-input';
import { scopeNarrowings } from './declaration-completeness';
import { describeScope } from './scope-description';

/** The letter that opens a production: what is produced, under what authority, signed by the approving director. */
export function writeCoverLetter(frame: PageFrame, header: ProductionHeader): void {
  const scope = describeScope(header.scope, header.requestedScope);
  // Counsel's narrowing is said, so the requester does not read the production as all that was asked for.
  const narrowings = scopeNarrowings(header.scope, header.requestedScope);
  const narrowed = narrowings.length
    ? ` This production is limited to the narrowed scope the Library approved, which holds less than the ${header.requestTypeLabel.toLowerCase()} requested: ${narrowings.join('; ')}.`
    : '';
  const batesFirst = formatBates(header.batesPrefix, header.batesStart ?? 1);
  const undatedNote = header.scope.recordTypes.includes('patron') ? ' (registration records carry no date and are produced as they stand)' : '';
  frame.startPage('portrait');
  writeLetterhead(frame, { libraryName: header.libraryName, date: header.generatedAt, references: [`Case ${header.caseNumber}`] });
  writeAddressee(frame, header.requester);
  writeSubject(frame, `Re: Production of library records: ${header.requestTypeLabel}`);
  frame.paragraph(`Dear ${header.requester.name}:`, BODY, { gapAfter: 8 });
  const paragraphs = [
    `In response to the ${header.instrumentSummary}, the Library produces the records that follow this letter. ` +
      `They are disclosed under ${header.authority.text} (${header.authority.citation}).`,
    `Library patron use records are confidential under ${CITATIONS.patronRecords} and may be disclosed only as that ` +
      `section allows. The Library has therefore produced only the records the authority names: for ` +
      `${scope.patronsPhrase}, their ${scope.recordTypes}, dated ${scope.dates}${undatedNote}.${narrowed} ` +
      scope.contactDetails,
    `The records are arranged in tables by record type. Every page carries a Bates number, continuous from ${batesFirst}. ` +
      `Where a field or an item is withheld, the page shows a fixed marker such as [WITHHELD: STAFF_NOTE] in place of the ` +
      `content, and the withholding log lists each kind of withholding with its legal basis. The manifest on the last page ` +
      `states the Bates range and the number of items produced.`,
    `Please keep these records confidential and use them only for the purpose for which the authority was issued.`,
  ];
  for (const paragraph of paragraphs) frame.paragraph(paragraph, BODY, { gapAfter: 8 });
  writeSignature(frame, header.approvedBy);
  frame.paragraph(`Approved ${longDate(header.approvedAt)}. Legal review: ${header.reviewedBy.displayName}, ${header.reviewedBy.title}.`, BODY);
}
