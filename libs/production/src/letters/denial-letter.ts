import { Writable } from 'node:stream';
import { CITATIONS } from '@custodian/domain';
import { BODY } from '../pdf/page-frame';
import { DenialLetterInput, LetterResult } from './letter-input';
import { writeHeading, writeNumbered } from './letter-parts';
import { renderLetter } from './render-letter';
import { assertNamedPerson } from './signer';

/** A written denial: the decision, each reason with its citation, and every person responsible by name and title. */
export function renderDenialLetter(input: DenialLetterInput, out: Writable): Promise<LetterResult> {
  return renderLetter('Denial', input, out, (frame) => {
    frame.paragraph(input.decision ?? 'After review, the Library denies your request for the reasons below.', BODY, { gapAfter: 8 });
    writeHeading(frame, 'Reasons');
    writeNumbered(frame, input.reasons.map((reason) => `${reason.text} (${reason.citation}).`));
    frame.paragraph(`Library patron use records are confidential under ${CITATIONS.patronRecords}; no records are enclosed.`, BODY, { gapAfter: 8 });
    writeHeading(frame, 'Persons responsible for this denial');
    // Gov. Code § 7922.540 governs denials of public-records requests only; other denials name the people all the same.
    frame.paragraph(input.publicRecordsRequest ? `As ${CITATIONS.cpraDenialResponsiblePersons} requires, the persons responsible for this denial are:` : 'The persons responsible for this decision are:', BODY, { gapAfter: 4 });
    writeNumbered(frame, input.responsiblePersons.map((person) => `${person.displayName}, ${person.title} (${person.role})`));
  }, () => validateDenial(input));
}

function validateDenial(input: DenialLetterInput): void {
  if (input.reasons.length === 0) throw new Error('A denial states at least one reason');
  if (input.reasons.some((reason) => !reason.text.trim() || !reason.citation.trim())) throw new Error('Every reason for a denial needs its text and citation');
  if (input.responsiblePersons.length === 0 || input.responsiblePersons.some((person) => !person.displayName.trim() || !person.title.trim())) {
    throw new Error(`${input.publicRecordsRequest ? `${CITATIONS.cpraDenialResponsiblePersons} requires` : 'A denial gives'} the name and title of each person responsible for the denial`);
  }
  input.responsiblePersons.forEach((person) => assertNamedPerson(person, `responsible person (${person.role})`));
}
