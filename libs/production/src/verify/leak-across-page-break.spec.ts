import { createWriteStream } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { CaseScope, producedValues, ResponsiveRecord, withheldValues } from '@custodian/domain';
import { renderProduction } from '../production/render-production';
import { pdftotextPages, sampleHeader, temporaryDirectory } from '../testing/pdf-test-helpers';
import { StreamingVerification } from './streaming-verification';
import { verifyProduction } from './verify-production';
import { compactText } from './text-normalisation';

jest.setTimeout(300_000);

/*
 * A withheld value printed across a page break, in a production drawn by the real renderer: the end of a long loan
 * title (a table cell split over pages, continued under the repeated title and header row with its number marked
 * "(cont.)") or of a long note. The faulty rendering prints the other patron's name or card number inside the
 * named patron's value. Where the break falls is read from poppler's pdftotext (an extractor neither verifier
 * uses): the value's first words end one page and the rest opens the next one's continuation.
 */
const card = '23000000012345';
const other = '23000000099999';
const scope: CaseScope = { cardNumbers: [card], from: '2026-01-01', to: '2026-12-31', recordTypes: ['patron', 'loans'] };

function records(otherFirst: string, otherLast: string, long: { title?: string; note?: string }): ResponsiveRecord[] {
  const patron = (cardNumber: string, firstname: string, surname: string): ResponsiveRecord => ({ recordType: 'patron', sourceTable: 'borrowers', cardNumber, occurredAt: null, fields: { cardnumber: cardNumber, firstname, surname } });
  const loan = (cardNumber: string, day: number, title: string, note: string | null): ResponsiveRecord => ({
    recordType: 'loans',
    sourceTable: 'old_issues',
    cardNumber,
    occurredAt: `2026-01-0${day}T10:00:00`,
    fields: { cardnumber: cardNumber, title, issuedate: `2026-01-0${day}T10:00:00`, note },
  });
  return [
    patron(card, 'Harriet', 'Vane'),
    patron(other, otherFirst, otherLast),
    loan(card, 1, long.title ?? 'Gardening in the Desert', long.note ?? null),
    loan(card, 2, 'The Library Book', 'Returned late'),
    loan(other, 3, 'Hidden title', null),
  ];
}

/** Filler words, then `inserted`, then more filler: a value long enough to run over several pages. */
const fillerAround = (before: number, inserted: string, after = 40) =>
  [...Array.from({ length: before }, (_, index) => `fill${index}`), inserted, ...Array.from({ length: after }, (_, index) => `tail${index}`)].join(' ');

const temp = temporaryDirectory();
afterAll(() => temp.remove());
let run = 0;

/** Renders `printed` (the faulty rendering) for `all` (what the checks are given); both verdicts and poppler's pages. */
async function renderAndVerify(all: ResponsiveRecord[], printed: ResponsiveRecord[]) {
  const produced = producedValues(all, scope);
  const withheld = withheldValues(all, scope).filter((value) => !produced.includes(value));
  const file = path.join(temp.dir, `break-${++run}.pdf`);
  const streaming = new StreamingVerification(withheld, { batesPrefix: 'PDL', batesStart: 1 });
  for (const value of produced) streaming.exemptWithin(value);
  const result = await renderProduction({ ...sampleHeader({ scope }), records: printed }, createWriteStream(file), undefined, { verificationFeed: (chunk) => streaming.chunk(chunk) });
  const streamed = streaming.finish(result.ownWording);
  const pdfjs = await verifyProduction(file, withheld, [...produced, ...result.ownWording], { batesPrefix: 'PDL', batesStart: 1 });
  return { streamed, pdfjs };
}

/** poppler's pages (compact) of the production as printed, rendered without verification. */
async function popplerPages(printed: ResponsiveRecord[]): Promise<string[]> {
  const file = path.join(temp.dir, `probe-${++run}.pdf`);
  await renderProduction({ ...sampleHeader({ scope }), records: printed }, createWriteStream(file));
  return pdftotextPages(file).map(compactText);
}

/**
 * The faulty production: `secret` printed after `before` filler words of the named patron's loan `field`, the checks
 * given the value without it, for a `before` at which poppler shows `secret` split after its `firstWords` words (the
 * filler word before it ending one page, the one after it opening the next one's part).
 */
async function straddling(secret: string, firstWords: number, field: 'title' | 'note', otherName: [string, string] = ['Bartholomew', 'Quince']) {
  const words = secret.split(' ');
  const printedWith = (before: number) => records(...otherName, { [field]: fillerAround(before, secret) });
  // Where the first page of the value breaks with filler alone: the last filler word on the page that holds fill0.
  const file = path.join(temp.dir, `filler-${++run}.pdf`);
  await renderProduction({ ...sampleHeader({ scope }), records: records(...otherName, { [field]: fillerAround(600, 'fill600') }) }, createWriteStream(file));
  const firstPage = pdftotextPages(file).find((page) => /\bfill0\b/.test(page)) as string;
  const lastOnPage = Math.max(...[...firstPage.matchAll(/\bfill(\d+)\b/g)].map((match) => Number(match[1])));
  // Line wrapping may never end a page's last line right after that word: the caller then tries another split.
  for (let before = lastOnPage + 1 - firstWords - 6; before <= lastOnPage + 6; before++) {
    const pages = await popplerPages(printedWith(before));
    const head = compactText(`fill${before - 1} ${words.slice(0, firstWords).join(' ')}`);
    const rest = compactText(`${words.slice(firstWords).join(' ')} tail0`);
    const at = pages.findIndex((page, index) => page.includes(head) && pages[index + 1]?.includes(rest));
    if (at < 0 || pages.some((page) => page.includes(compactText(secret)))) continue;
    const all = records(...otherName, { [field]: fillerAround(before, '') });
    return { ...(await renderAndVerify(all, printedWith(before))), page: at + 1, all };
  }
  return null;
}

async function straddlingOrFail(...args: Parameters<typeof straddling>) {
  const found = await straddling(...args);
  if (!found) throw new Error('no filler length put the value across a page break');
  return found;
}

describe('the leak check across a page break (real renderer, both verifiers)', () => {
  it('finds another patron\'s name split between a title cell on one page and its continuation under the repeated header', async () => {
    const { streamed, pdfjs, page } = await straddlingOrFail('Bartholomew Quince', 1, 'title', ['Bartholomew Quince', 'Wu']);
    const expected = [{ valueRef: expect.any(String), page, continuedOnPage: page + 1 }];
    expect(streamed.leaks).toEqual(expected);
    expect(pdfjs.leaks).toEqual(streamed.leaks);
    expect([streamed.ok, pdfjs.ok]).toEqual([false, false]);
  });

  it('finds a short name (matched as whole words) split over the break in a title cell', async () => {
    const { streamed, pdfjs, page } = await straddlingOrFail('Li Na', 1, 'title', ['Li Na', 'Wu']);
    expect(streamed.leaks).toEqual([{ valueRef: expect.any(String), page, continuedOnPage: page + 1 }]);
    expect(pdfjs.leaks).toEqual(streamed.leaks);
  });

  it('finds a withheld value of random words split after any of its words, in both verifiers, and flags nothing in the faultless production (property)', async () => {
    const word = fc.stringMatching(/^[a-z]{4,9}$/);
    await fc.assert(
      fc.asyncProperty(fc.array(word, { minLength: 2, maxLength: 4 }), fc.nat(), async (words, splitAt) => {
        const secret = words.join(' ');
        // Split after the drawn word if wrapping allows it, else after another of its words.
        const splits = words.slice(1).map((_, index) => 1 + ((splitAt + index) % (words.length - 1)));
        let found: Awaited<ReturnType<typeof straddling>> = null;
        for (const firstWords of splits) if (!found) found = await straddling(secret, firstWords, 'title', [secret, 'Wu']);
        fc.pre(found !== null);
        const { streamed, pdfjs, page, all } = found!;
        expect(streamed.leaks).toEqual([{ valueRef: expect.any(String), page, continuedOnPage: page + 1 }]);
        expect(pdfjs.leaks).toEqual(streamed.leaks);
        const faultless = await renderAndVerify(all, all);
        expect([faultless.streamed.leaks, faultless.pdfjs.leaks]).toEqual([[], []]);
      }),
      { numRuns: 8 },
    );
  });
});
