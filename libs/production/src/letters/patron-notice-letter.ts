import { Writable } from 'node:stream';
import { BODY } from '../pdf/page-frame';
import { LetterBase, LetterResult } from './letter-input';
import { longDate } from '../text/long-date';
import { renderLetter } from './render-letter';

export interface PatronNoticeLetterInput extends LetterBase {
  /** ISO date the request was received. */
  receivedAt: string;
  /** "a search warrant", "a civil subpoena"... */
  requestKind: string;
  /** What was asked for, in words: record types and dates. No other patron is ever named. */
  recordsSought: string;
  /** What the Library did, in words. */
  outcome: string;
  /** Why the Library may now tell the patron, with its citation. */
  basis: string;
}

/**
 * The notice to one patron that their records were sought. Addressed to that patron only: the letter names no other
 * patron, no card number and no record content, only what was asked and what the Library did.
 */
export function renderPatronNoticeLetter(input: PatronNoticeLetterInput, out: Writable): Promise<LetterResult> {
  return renderLetter('Patron notice', input, out, (frame) => {
    frame.paragraph(
      `The Library writes to tell you that on ${longDate(input.receivedAt)} it received ${input.requestKind} asking for records of your use of the library: ${input.recordsSought}.`,
      BODY, { gapAfter: 6 },
    );
    frame.paragraph(input.outcome, BODY, { gapAfter: 6 });
    frame.paragraph(
      'Library records that identify you and what you borrow, search or use are confidential under Gov. Code § 7927.105 (formerly § 6267). ' +
        'The Library releases them only with your written consent, on an order of the superior court, or within library administration.',
      BODY, { gapAfter: 6 },
    );
    frame.paragraph(`We are able to tell you now: ${input.basis}. You may wish to consult a lawyer about your rights. Please quote the reference above if you contact us.`, BODY, { gapAfter: 8 });
  });
}
