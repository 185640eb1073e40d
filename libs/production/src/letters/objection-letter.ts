import { Writable } from 'node:stream';
import { CITATIONS } from '@custodian/domain';
import { BODY } from '../pdf/page-frame';
import { longDate } from '../text/long-date';
import { LetterResult, ObjectionLetterInput } from './letter-input';
import { writeHeading, writeNumbered } from './letter-parts';
import { renderLetter } from './render-letter';
import { assertNamedPerson } from './signer';

/** How each kind of subpoena is answered when the library may not produce: the route and its citation. */
export const OBJECTION_ROUTES: Record<ObjectionLetterInput['process'], { route: string; citation: string }> = {
  state_civil: {
    route: 'The Library objects to the subpoena in writing and will not produce the records unless a court orders it; the subpoenaing party may move to compel, and the Library may move to quash or modify the subpoena.',
    citation: 'Code Civ. Proc. §§ 1985.3(k), 1987.1',
  },
  federal_civil: {
    route: 'The Library serves these written objections; it need not comply unless the court, on the serving party\'s motion, orders compliance.',
    citation: 'Fed. R. Civ. P. 45(d)(2)(B)',
  },
  criminal: {
    route: 'The Library will not produce patron records without an order of the court; any records the court orders will be delivered sealed to the court with the custodian\'s affidavit.',
    citation: 'Penal Code § 1326(b), (c); Evid. Code §§ 1560(b), 1561',
  },
};

/** A written objection to a subpoena: the grounds with their citations, the route that follows, who objects. */
export function renderObjectionLetter(input: ObjectionLetterInput, out: Writable): Promise<LetterResult> {
  const route = OBJECTION_ROUTES[input.process];
  return renderLetter('Objection to subpoena', input, out, (frame) => {
    frame.paragraph(
      `The Library, as the witness named in the subpoena${input.complianceDate ? ` with a compliance date of ${longDate(input.complianceDate)}` : ''}, objects to it on the grounds below.`,
      BODY,
      { gapAfter: 8 },
    );
    writeHeading(frame, 'Grounds for objection');
    writeNumbered(frame, input.grounds.map((g) => `${g.text} (${g.citation}).`));
    frame.paragraph(`${route.route} (${route.citation}.)`, BODY, { gapAfter: 8 });
    frame.paragraph(`Library patron use records are confidential under ${CITATIONS.patronRecords}; they may be disclosed only by order of the appropriate superior court, on the patron's written consent, or within library administration. No records are enclosed.`, BODY, { gapAfter: 8 });
    writeHeading(frame, 'For the Library');
    writeNumbered(frame, input.responsiblePersons.map((person) => `${person.displayName}, ${person.title} (${person.role})`));
  }, () => {
    if (input.grounds.length === 0) throw new Error('An objection states at least one ground');
    if (input.grounds.some((g) => !g.text.trim() || !g.citation.trim())) throw new Error('Every ground of an objection needs its text and citation');
    if (input.responsiblePersons.length === 0) throw new Error('An objection names who objects for the Library');
    input.responsiblePersons.forEach((person) => assertNamedPerson(person, `responsible person (${person.role})`));
  });
}
