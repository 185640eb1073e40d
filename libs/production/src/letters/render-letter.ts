import { Writable } from 'node:stream';
import { BODY, PageFrame } from '../pdf/page-frame';
import { writePdf } from '../pdf/write-pdf';
import { LetterBase, LetterResult } from './letter-input';
import { longDate } from '../text/long-date';
import { writeAddressee, writeLetterhead, writeSignature, writeSubject } from './letter-parts';
import { assertNamedPerson } from './signer';

/**
 * The frame shared by all letters: clean metadata (a neutral title naming the kind and the case), a footer with
 * the case and letter reference, the confidentiality notice and the page number on every page, the letterhead,
 * addressee and subject, the body, and the signature. `out` is ended when done, destroyed on failure.
 */
export async function renderLetter(
  kind: string,
  letter: LetterBase,
  out: Writable,
  writeBody: (frame: PageFrame) => void,
  validate: () => void = () => undefined,
): Promise<LetterResult> {
  const written = await writePdf(
    out,
    {
      title: `${kind} ${letter.caseNumber}`,
      createdAt: new Date(`${letter.date.slice(0, 10)}T12:00:00Z`),
      footerReference: `Case ${letter.caseNumber} · Ref. ${letter.reference}`,
      pageMark: (page) => `Page ${page}`,
      validate: () => {
        if (!letter.caseNumber.trim() || !letter.reference.trim()) throw new Error('A letter needs a case number and a reference');
        longDate(letter.date);
        assertNamedPerson(letter.signedBy, 'signer');
        validate();
      },
    },
    (frame) => {
      frame.startPage('portrait');
      writeLetterhead(frame, { libraryName: letter.libraryName, date: letter.date, references: [`Case ${letter.caseNumber}`, `Our reference ${letter.reference}`] });
      writeAddressee(frame, letter.requester);
      writeSubject(frame, `Re: ${letter.requestSummary}`);
      frame.paragraph(`Dear ${letter.requester.name}:`, BODY, { gapAfter: 8 });
      writeBody(frame);
      writeSignature(frame, letter.signedBy);
    },
  );
  return { reference: letter.reference, pages: written.pages, sha256: written.sha256, bytes: written.bytes };
}
