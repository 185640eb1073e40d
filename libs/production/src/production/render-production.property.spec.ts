import { createWriteStream } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { producedValues, withheldValues } from '@custodian/domain';
import { caseArbitrary } from '../../../domain/src/redaction/testing/case-arbitraries';
import { pdftotextPages, sampleHeader, temporaryDirectory } from '../testing/pdf-test-helpers';
import { compactText } from '../verify/text-normalisation';
import { verifyProduction } from '../verify/verify-production';
import { batesPattern, formatBates } from './bates';
import { renderProduction } from './render-production';

jest.setTimeout(180_000);

describe('renderProduction (property)', () => {
  const temp = temporaryDirectory();
  afterAll(() => temp.remove());
  let run = 0;
  let runsProducingRecords = 0;

  it('prints every produced value, no withheld value, and one continuous Bates number per page', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary({ maxPatrons: 3, maxRowsPerType: 6 }), async ({ scope, options, records }) => {
        const file = path.join(temp.dir, `production-${++run}.pdf`);
        const result = await renderProduction(
          { ...sampleHeader({ scope }), records: toAsync(records) },
          createWriteStream(file),
        );
        const produced = producedValues(records, scope, options);
        // A named patron's own card number is withheld in their out-of-scope rows but produced in the others.
        const withheld = withheldValues(records, scope, options).filter((value) => !scope.cardNumbers.includes(value));
        const pdfjsPages: string[] = [];
        const verification = await verifyProduction(file, withheld, [...produced, ...result.ownWording], {
          batesPrefix: 'PDL',
          batesStart: 1,
          onPage: (page) => pdfjsPages.push(page.items.map((item) => item.text).join(' ')),
        });
        expect(verification).toMatchObject({ ok: true, leaks: [], batesContinuous: true, pages: result.pages, batesFirst: 'PDL-000001', batesLast: result.batesLast });

        const popplerPages = pdftotextPages(file);
        const pdfjsText = compactText(pdfjsPages.join(' '));
        const popplerText = compactText(popplerPages.join(' '));

        if (Object.values(result.items).some((counts) => counts.produced > 0)) runsProducingRecords++;
        expect(result.missingGlyphs).toBe(0);
        expect(popplerPages).toHaveLength(result.pages);
        for (const value of produced) {
          expect({ value, inPdfjs: pdfjsText.includes(compactText(value)) }).toEqual({ value, inPdfjs: true });
          expect({ value, inPoppler: popplerText.includes(compactText(value)) }).toEqual({ value, inPoppler: true });
        }
        // Values here are unique by construction, so plain containment is exact for those with a letter in them.
        for (const value of withheld.filter((text) => /\p{L}/u.test(text) && compactText(text).length >= 6)) {
          expect({ value, inPdfjs: pdfjsText.includes(compactText(value)) }).toEqual({ value, inPdfjs: false });
          expect({ value, inPoppler: popplerText.includes(compactText(value)) }).toEqual({ value, inPoppler: false });
        }
        popplerPages.forEach((page, index) => {
          const onPage = [...page.matchAll(batesPattern('PDL'))].map((match) => Number(match[1]));
          expect(onPage).toContain(index + 1);
          // The manifest (last page) also states the range; every other page carries only its own number.
          if (index < popplerPages.length - 1) expect(new Set(onPage)).toEqual(new Set([index + 1]));
        });
        expect(result.batesFirst).toBe('PDL-000001');
        expect(result.batesLast).toBe(formatBates('PDL', result.pages));
      }),
      { numRuns: 15 },
    );
    expect(runsProducingRecords).toBeGreaterThanOrEqual(3); // the property was not satisfied vacuously
  });
});

async function* toAsync<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}
