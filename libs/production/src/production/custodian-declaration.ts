import { BODY, BODY_BOLD, HEADING, PageFrame } from '../pdf/page-frame';
import { longDate } from '../text/long-date';
import { formatBates } from './bates';
import { CustodianDeclaration, ProductionHeader } from './production-input';
import { RECORD_TYPE_TITLES } from './record-presentation';
import { describeScope } from './scope-description';
import { partialProductionStatement } from './declaration-completeness';

/** Request types whose productions carry the declaration that makes them admissible without a witness. */
export const DECLARATION_REQUEST_TYPES = ['civil_subpoena', 'criminal_subpoena', 'court_order'] as const;

/**
 * The custodian of records declaration (Evid. Code §§ 1561, 1562), on its own page just before the manifest: who the
 * custodian is, that the copies are true copies of the records described, their identity and Bates range, that
 * they were made in the regular course at or near the time, the mode of preparation, signed under penalty of
 * perjury with place and date (Code Civ. Proc. § 2015.5). `recordsFirst`/`recordsLast` are the Bates numbers of the
 * records themselves (after the cover letter, through the withholding log).
 */
export function writeCustodianDeclaration(frame: PageFrame, header: ProductionHeader, declaration: CustodianDeclaration, recordsFirst: number, recordsLast: number, producedAny = true): void {
  // A declaration signed by a placeholder certifies nothing: refuse, as letters do (no placeholder signer).
  if (!declaration.custodian.displayName.trim() || !declaration.custodian.title.trim()) throw new Error('the custodian of records declaration needs a named custodian');
  const scope = describeScope(header.scope);
  const library = header.libraryName ?? 'the Library';
  const range = `${formatBates(header.batesPrefix, recordsFirst)} through ${formatBates(header.batesPrefix, recordsLast)}`;
  const partial = partialProductionStatement(header.scope, header.requestedScope, producedAny);
  const types = header.scope.recordTypes.map((recordType) => RECORD_TYPE_TITLES[recordType]).join('; ');
  frame.startPage('portrait');
  frame.paragraph('Declaration of custodian of records', HEADING, { gapAfter: 4 });
  frame.paragraph('Evidence Code §§ 1561, 1562', BODY, { gapAfter: 10 });
  frame.paragraph(`Re: ${header.instrumentSummary} (case ${header.caseNumber})`, BODY_BOLD, { gapAfter: 10 });
  const statements = [
    `I, ${declaration.custodian.displayName}, am the ${declaration.custodian.title} of ${library} and the duly authorized custodian of its records, or other qualified witness, with authority to certify the records produced here.`,
    producedAny
      ? `The records produced with this declaration, Bates-numbered ${range} (${recordsLast - recordsFirst + 1} pages), are true copies of ${partial ? 'the' : 'all the'} records described in the ${header.requestTypeLabel.toLowerCase()} that the Library may disclose under ${header.authority.citation}: for ${scope.patronsPhrase}, their ${types}, dated ${scope.dates}. Where the law requires content to be withheld, the copy shows a marker in its place and the withholding log states the reason.${partial ? ` ${partial}` : ''}`
      : partial
        ? `For the part of the records described in the ${header.requestTypeLabel.toLowerCase()} that this declaration covers and the Library may disclose under ${header.authority.citation}, for ${scope.patronsPhrase}, their ${types}, dated ${scope.dates}, a search of its records found none. ${partial} The pages Bates-numbered ${range} state so.`
        : `The Library has none of the records described in the ${header.requestTypeLabel.toLowerCase()} that it may disclose under ${header.authority.citation}: for ${scope.patronsPhrase}, their ${types}, dated ${scope.dates}, a search of its records found none. The pages Bates-numbered ${range} state so.`,
    `The records were prepared by personnel of the Library, or by its integrated library system at their direction, in the ordinary course of the Library's business at or near the time of the acts, conditions or events they record.`,
    `Mode of preparation: the Library's integrated library system records each registration, loan, hold, fine and search when it occurs. The copies were made by exporting those records from the system and printing them in this production, one table per kind of record, with no change to their content other than the withholdings marked.`,
  ];
  statements.forEach((statement, index) => frame.paragraph(`${index + 1}. ${statement}`, BODY, { gapAfter: 6 }));
  if (declaration.criminal) {
    frame.paragraph(
      `Delivery (Evid. Code § 1560(b); Penal Code § 1326(b)): these copies are delivered in a sealed inner envelope bearing the title and number of the action, the name of the witness and the date of the subpoena, enclosed in an outer envelope addressed to the clerk of the court, to remain sealed until opened at the direction of the court.`,
      BODY,
      { gapAfter: 6 },
    );
  }
  frame.ensureRoom(frame.lineHeight(BODY) * 9);
  frame.paragraph(
    `I declare under penalty of perjury under the laws of the State of California that the foregoing is true and correct. Executed on ${longDate(declaration.date)} at ${declaration.place}.`,
    BODY,
    { gapAfter: 34 },
  );
  frame.paragraph('______________________________________', BODY, { gapAfter: 2 });
  frame.paragraph(declaration.custodian.displayName, BODY_BOLD, { gapAfter: 1 });
  frame.paragraph(`${declaration.custodian.title}, custodian of records`, BODY);
}
