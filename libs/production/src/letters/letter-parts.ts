import { NamedOfficial } from '../production/production-input';
import { BODY, BODY_BOLD, HEADING, PageFrame } from '../pdf/page-frame';
import { longDate } from '../text/long-date';

export interface Addressee {
  name: string;
  agency?: string | null;
  /** Postal address lines, when the letter is mailed. */
  address?: readonly string[];
}

/** Library name, date and references at the head of a letter. */
export function writeLetterhead(frame: PageFrame, head: { libraryName?: string; date: string; references: readonly string[] }): void {
  if (head.libraryName) frame.paragraph(head.libraryName, HEADING, { gapAfter: 10 });
  frame.paragraph(longDate(head.date), BODY, { gapAfter: 2 });
  for (const reference of head.references) frame.paragraph(reference, BODY, { gapAfter: 2 });
  frame.y += 12;
}

export function writeAddressee(frame: PageFrame, addressee: Addressee): void {
  for (const line of [addressee.name, addressee.agency, ...(addressee.address ?? [])]) {
    if (line) frame.paragraph(line, BODY, { gapAfter: 1 });
  }
  frame.y += 12;
}

export function writeSubject(frame: PageFrame, subject: string): void {
  frame.paragraph(subject, BODY_BOLD, { gapAfter: 10 });
}

/** A heading inside a letter, kept with at least two lines of what follows. */
export function writeHeading(frame: PageFrame, heading: string): void {
  frame.ensureRoom(frame.lineHeight(BODY_BOLD) + 2 * frame.lineHeight(BODY));
  frame.paragraph(heading, BODY_BOLD, { gapAfter: 4 });
}

/** Numbered paragraphs, e.g. reasons or defects. */
export function writeNumbered(frame: PageFrame, items: readonly string[]): void {
  items.forEach((item, index) => {
    const [label] = frame.layout(`${index + 1}.`, BODY, Infinity);
    frame.ensureRoom(frame.lineHeight(BODY));
    frame.drawLine(label, frame.left + 4, frame.y, BODY);
    frame.paragraph(item, BODY, { indent: 22, gapAfter: 4 });
  });
  frame.y += 6;
}

/** Closing, the signer's name and title; the block is kept on one page. */
export function writeSignature(frame: PageFrame, signer: NamedOfficial, closing = 'Sincerely,'): void {
  frame.ensureRoom(frame.lineHeight(BODY) * 6);
  frame.paragraph(closing, BODY, { gapAfter: 30 });
  frame.paragraph(signer.displayName, BODY_BOLD, { gapAfter: 1 });
  frame.paragraph(signer.title, BODY);
}
