import { Writable } from 'node:stream';
import { BODY } from '../pdf/page-frame';
import { LetterResult, NeedsInfoLetterInput } from './letter-input';
import { longDate } from '../text/long-date';
import { writeHeading, writeNumbered } from './letter-parts';
import { renderLetter } from './render-letter';

/** Asks the requester to cure defects: what is missing, on what basis, and by when. */
export function renderNeedsInfoLetter(input: NeedsInfoLetterInput, out: Writable): Promise<LetterResult> {
  return renderLetter('Request for information', input, out, (frame) => {
    frame.paragraph('The Library has reviewed your request and cannot act on it until the following are cured:', BODY, { gapAfter: 6 });
    writeHeading(frame, 'What is needed');
    writeNumbered(frame, input.defects.map((defect) => (defect.citation ? `${defect.description} (${defect.citation}).` : defect.description)));
    const paused = input.clockPaused ?? true;
    const clock = input.clockStatement ?? (paused ? 'Until then your request is on hold and the time for the Library’s response does not run.' : '');
    frame.paragraph(
      `Please provide what is needed by ${longDate(input.cureBy)}.` +
        (clock ? ` ${clock}` : '') +
        (input.consequence ? ` ${input.consequence}` : ''),
      BODY,
      { gapAfter: 8 },
    );
  }, () => {
    if (input.defects.length === 0) throw new Error('A request for information names at least one defect');
    longDate(input.cureBy);
  });
}
