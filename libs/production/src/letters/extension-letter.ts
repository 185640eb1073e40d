import { Writable } from 'node:stream';
import { CITATIONS } from '@custodian/domain';
import { BODY } from '../pdf/page-frame';
import { ExtensionLetterInput, LetterResult } from './letter-input';
import { longDate } from '../text/long-date';
import { writeHeading, writeNumbered } from './letter-parts';
import { renderLetter } from './render-letter';

const MAX_EXTENSION_DAYS = 14;
const DAY_MS = 86400000;

/**
 * Written notice extending the public-records determination for unusual circumstances: the reasons and the date a
 * determination is expected, at most 14 days (counted as calendar days) after the original due date.
 */
export function renderExtensionLetter(input: ExtensionLetterInput, out: Writable): Promise<LetterResult> {
  return renderLetter('Extension notice', input, out, (frame) => {
    frame.paragraph(
      `The Library received your request on ${longDate(input.receivedAt)}. Under ${CITATIONS.cpraDetermination} a determination ` +
        `was due within 10 days, by ${longDate(input.originalDueDate)}. Because of unusual circumstances the Library extends ` +
        `that time, as ${CITATIONS.cpraExtension} allows, for these reasons:`,
      BODY,
      { gapAfter: 6 },
    );
    writeHeading(frame, 'Reasons for the extension');
    writeNumbered(frame, input.reasons);
    frame.paragraph(`The Library expects to send its determination by ${longDate(input.expectedDeterminationDate)}.`, BODY, { gapAfter: 8 });
  }, () => validateExtension(input));
}

function validateExtension(input: ExtensionLetterInput): void {
  longDate(input.receivedAt);
  const extension = input.extensionDays ?? (Date.parse(input.expectedDeterminationDate.slice(0, 10)) - Date.parse(input.originalDueDate.slice(0, 10))) / DAY_MS;
  if (!(extension > 0 && extension <= MAX_EXTENSION_DAYS)) {
    throw new Error(`${CITATIONS.cpraExtension} allows an extension of 1 to ${MAX_EXTENSION_DAYS} days; got ${extension}`);
  }
  if (input.reasons.length === 0) throw new Error(`${CITATIONS.cpraExtension} requires the reasons for the extension`);
}
