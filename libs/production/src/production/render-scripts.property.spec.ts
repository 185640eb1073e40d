import { createWriteStream } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { CaseScope, producedValues, ResponsiveRecord, withheldValues } from '@custodian/domain';
import { pdftotextPages, sampleHeader, temporaryDirectory } from '../testing/pdf-test-helpers';
import { SCRIPT_SAMPLES, SCRIPTS } from '../testing/script-samples';
import { PresenceCheck } from '../verify/presence-check';
import { compactText } from '../verify/text-normalisation';
import { verifyProduction } from '../verify/verify-production';
import { renderProduction } from './render-production';

jest.setTimeout(300_000);

/** A name or title of one to three words, each from a script drawn at random (so mixed-script values occur). */
const words = (max: number) =>
  fc.array(fc.constantFrom(...SCRIPTS).chain((script) => fc.constantFrom(...SCRIPT_SAMPLES[script])), { minLength: 1, maxLength: max }).map((parts) => parts.join(' '));

const patronArbitrary = fc.record({ firstname: words(2), surname: words(1), titles: fc.array(words(3), { minLength: 1, maxLength: 4 }) });

function recordsOf(card: string, patron: { firstname: string; surname: string; titles: string[] }, index: number): ResponsiveRecord[] {
  return [
    { recordType: 'patron', sourceTable: 'borrowers', cardNumber: card, occurredAt: null, fields: { cardnumber: card, firstname: patron.firstname, surname: patron.surname } },
    ...patron.titles.map((title, day): ResponsiveRecord => {
      const at = `2026-01-${String(day + 1).padStart(2, '0')}T1${index}:00:00`;
      return { recordType: 'loans', sourceTable: 'old_issues', cardNumber: card, occurredAt: at, fields: { cardnumber: card, title: `${title} ${index}${day}`, issuedate: at } };
    }),
  ];
}

describe('renderProduction in every script (property)', () => {
  const temp = temporaryDirectory();
  afterAll(() => temp.remove());
  let run = 0;
  const scriptsSeen = new Set<string>();

  it('prints every produced value in logical order and no withheld one, read back by pdfjs-dist and by poppler', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(patronArbitrary, { minLength: 2, maxLength: 4 }), async (patrons) => {
        const cards = patrons.map((_, index) => `2300000000${1000 + index}`);
        // The first patron is named; the others' rows are out of scope and must not appear.
        const scope: CaseScope = { cardNumbers: [cards[0]], from: '2026-01-01', to: '2026-12-31', recordTypes: ['patron', 'loans'] };
        const records = patrons.flatMap((patron, index) => recordsOf(cards[index], patron, index)).sort((a, b) => a.recordType.localeCompare(b.recordType));
        for (const script of SCRIPTS) if (SCRIPT_SAMPLES[script].some((sample) => JSON.stringify(patrons).includes(sample))) scriptsSeen.add(script);

        const file = path.join(temp.dir, `scripts-${++run}.pdf`);
        const result = await renderProduction({ ...sampleHeader({ scope }), records }, createWriteStream(file));
        const produced = producedValues(records, scope);
        const withheld = withheldValues(records, scope).filter((value) => !produced.includes(value));

        // Extractor 1: pdfjs-dist, through the production's own verification.
        const verification = await verifyProduction(file, withheld, [...produced, ...result.ownWording], { batesPrefix: 'PDL', batesStart: 1, expectPresent: produced });
        expect({ missing: verification.missingByScript, leaks: verification.leaks.length, ok: verification.ok }).toEqual({ missing: {}, leaks: 0, ok: true });
        expect(verification.presentChecked).toBeGreaterThan(0);

        // Extractor 2: poppler's pdftotext, compared the same way.
        const poppler = new PresenceCheck(produced);
        for (const page of pdftotextPages(file)) poppler.scan(page);
        expect(poppler.missing()).toEqual({ count: 0, byScript: {} });
        const popplerText = compactText(pdftotextPages(file).join(' '));
        for (const value of withheld.filter((text) => compactText(text).length >= 4 && !produced.some((shown) => compactText(shown).includes(compactText(text))))) {
          expect({ value, inPoppler: popplerText.includes(compactText(value)) }).toEqual({ value, inPoppler: false });
        }
      }),
      { numRuns: 12 },
    );
    // Every script was drawn at least once over the runs (not satisfied vacuously).
    expect([...scriptsSeen].sort()).toEqual([...SCRIPTS].sort());
  });
});
