import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { memorySink, pdftotextPages, sampleLetterBase, temporaryDirectory } from '../testing/pdf-test-helpers';
import { compactText } from '../verify/text-normalisation';
import { renderDenialLetter } from './denial-letter';
import { renderExtensionLetter } from './extension-letter';
import { LetterBase } from './letter-input';
import { renderNeedsInfoLetter } from './needs-info-letter';

jest.setTimeout(60_000);

const base: LetterBase = sampleLetterBase({
  requester: { name: 'Ελένη Παπαδοπούλου', agency: 'Palm Desert Police', address: ['73-520 Fred Waring Dr', 'Palm Desert, CA 92260'] },
  requestSummary: 'Public-records request of March 2, 2026 for the borrowing records of a named patron',
  signedBy: { displayName: 'María José Núñez', title: 'Library Director' },
  libraryName: 'Palm Desert Library',
});

describe('letters', () => {
  const temp = temporaryDirectory();
  afterAll(() => temp.remove());
  let count = 0;
  const fileFor = () => path.join(temp.dir, `letter-${++count}.pdf`);

  function textOf(file: string) {
    const pages = pdftotextPages(file);
    return { pages, compact: compactText(pages.join(' ')) };
  }
  const contains = (compact: string, phrase: string) => compact.includes(compactText(phrase));

  it('denial: each reason with its citation, and each responsible person by name and title', async () => {
    const file = fileFor();
    const result = await renderDenialLetter(
      {
        ...base,
        reasons: [
          { text: 'Patron use records are exempt from public disclosure', citation: 'Gov. Code §§ 7927.100, 7927.105' },
          { text: 'No order of the superior court was served', citation: 'Gov. Code § 7927.105 (formerly § 6267)' },
        ],
        responsiblePersons: [
          { displayName: 'María José Núñez', title: 'Library Director', role: 'approving director' },
          { displayName: '陈静怡', title: 'Deputy City Attorney', role: 'reviewing attorney' },
        ],
        publicRecordsRequest: true,
      },
      createWriteStream(file),
    );
    const { pages, compact } = textOf(file);
    expect(result).toMatchObject({ reference: 'CUST-2026-0007/L-1', pages: pages.length });
    for (const phrase of [
      'Palm Desert Library',
      'March 4, 2026',
      'Ελένη Παπαδοπούλου',
      'Patron use records are exempt from public disclosure (Gov. Code §§ 7927.100, 7927.105)',
      'No order of the superior court was served (Gov. Code § 7927.105 (formerly § 6267))',
      'Gov. Code § 7922.540',
      'María José Núñez, Library Director (approving director)',
      '陈静怡, Deputy City Attorney (reviewing attorney)',
    ]) {
      expect({ phrase, found: contains(compact, phrase) }).toEqual({ phrase, found: true });
    }
  });

  it('refuses a denial that names no responsible person or omits a title', async () => {
    const denial = { ...base, reasons: [{ text: 'Exempt', citation: 'Gov. Code § 7927.105' }], publicRecordsRequest: true };
    await expect(renderDenialLetter({ ...denial, responsiblePersons: [] }, memorySink().stream)).rejects.toThrow(/7922\.540/);
    await expect(renderDenialLetter({ ...denial, responsiblePersons: [{ displayName: 'A', title: ' ', role: 'director' }] }, memorySink().stream)).rejects.toThrow(/name and title/);
    await expect(renderDenialLetter({ ...denial, reasons: [], responsiblePersons: [{ displayName: 'A', title: 'B', role: 'c' }] }, memorySink().stream)).rejects.toThrow(/reason/);
  });

  it('needs-info: what must be cured and by when', async () => {
    const file = fileFor();
    await renderNeedsInfoLetter(
      {
        ...base,
        defects: [{ description: 'The order bears no judge’s signature', citation: 'Gov. Code § 7927.105(c)(3)' }, { description: 'The date range is not stated' }],
        cureBy: '2026-03-20',
      },
      createWriteStream(file),
    );
    const { compact } = textOf(file);
    for (const phrase of ['The order bears no judge’s signature (Gov. Code § 7927.105(c)(3))', 'The date range is not stated', 'by March 20, 2026', 'does not run']) {
      expect({ phrase, found: contains(compact, phrase) }).toEqual({ phrase, found: true });
    }
  });

  it('extension: reasons, the expected determination date and § 7922.535(b)', async () => {
    const file = fileFor();
    await renderExtensionLetter(
      {
        ...base,
        receivedAt: '2026-03-02',
        originalDueDate: '2026-03-12',
        expectedDeterminationDate: '2026-03-26',
        reasons: ['The records must be searched for and collected from a vendor’s system separate from the library'],
      },
      createWriteStream(file),
    );
    const { compact } = textOf(file);
    for (const phrase of ['Gov. Code § 7922.535(b)', 'March 12, 2026', 'by March 26, 2026', 'collected from a vendor’s system']) {
      expect({ phrase, found: contains(compact, phrase) }).toEqual({ phrase, found: true });
    }
  });

  it('refuses an extension longer than 14 days or without reasons', async () => {
    const extension = { ...base, receivedAt: '2026-03-02', originalDueDate: '2026-03-12', reasons: ['Vendor system'] };
    await expect(renderExtensionLetter({ ...extension, expectedDeterminationDate: '2026-03-27' }, memorySink().stream)).rejects.toThrow(/14 days/);
    await expect(renderExtensionLetter({ ...extension, expectedDeterminationDate: '2026-03-26', reasons: [] }, memorySink().stream)).rejects.toThrow(/reasons/);
  });

  it('puts the case, reference, confidentiality notice and page number on every page', async () => {
    const file = fileFor();
    await renderNeedsInfoLetter(
      { ...base, defects: Array.from({ length: 60 }, (_, index) => ({ description: `Defect number ${index + 1} that needs a cure before the request can proceed` })), cureBy: '2026-03-20' },
      createWriteStream(file),
    );
    const { pages } = textOf(file);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      const compact = compactText(page);
      for (const phrase of ['Case CUST-2026-0007 · Ref. CUST-2026-0007/L-1', 'Gov. Code § 7927.105 (formerly § 6267)', `Page ${index + 1}`]) {
        expect({ page: index + 1, phrase, found: compact.includes(compactText(phrase)) }).toEqual({ page: index + 1, phrase, found: true });
      }
    });
  });

  it('writes nothing for a refused letter and closes the output', async () => {
    const sink = memorySink();
    await expect(renderDenialLetter({ ...base, reasons: [], responsiblePersons: [] }, sink.stream)).rejects.toThrow();
    expect(sink.stream.destroyed).toBe(true);
    expect(sink.bytes()).toHaveLength(0);
  });
});
