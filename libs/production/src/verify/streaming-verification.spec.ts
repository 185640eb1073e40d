import { createWriteStream } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { CaseScope, producedValues, ResponsiveRecord, withheldValues } from '@custodian/domain';
import type { VerificationChunk } from '../pdf/verification-tap';
import { renderProduction } from '../production/render-production';
import { sampleHeader, temporaryDirectory } from '../testing/pdf-test-helpers';
import { SCRIPT_SAMPLES, SCRIPTS } from '../testing/script-samples';
import { StreamingVerification } from './streaming-verification';
import { verifyProduction } from './verify-production';

jest.setTimeout(300_000);

const card = '23000000012345';
const other = '23000000099999';
const scope: CaseScope = { cardNumbers: [card], from: '2026-01-01', to: '2026-12-31', recordTypes: ['patron', 'loans'] };

function patronRecords(cardNumber: string, firstname: string, surname: string, titles: string[], hour: number): ResponsiveRecord[] {
  return [
    { recordType: 'patron', sourceTable: 'borrowers', cardNumber, occurredAt: null, fields: { cardnumber: cardNumber, firstname, surname, borrowernotes: 'Asked staff not to tell her partner about her reading' } },
    ...titles.map((title, day): ResponsiveRecord => {
      const at = `2026-01-${String(day + 1).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00`;
      return { recordType: 'loans', sourceTable: 'old_issues', cardNumber, occurredAt: at, fields: { cardnumber: cardNumber, title, issuedate: at, note: day % 3 === 0 ? `Staff remark on ${title}` : null } };
    }),
  ];
}

/** Renders with the tap on; returns the file, the renderer's result and the streaming verdict (given values like the worker gives them). */
async function renderBoth(records: ResponsiveRecord[], file: string, tamper?: (chunk: VerificationChunk) => VerificationChunk, printed = records) {
  const produced = producedValues(records, scope);
  const withheld = withheldValues(records, scope).filter((value) => !produced.includes(value));
  const streaming = new StreamingVerification(withheld, { batesPrefix: 'PDL', batesStart: 1 });
  for (const value of produced) {
    streaming.exemptWithin(value);
    streaming.expectPresent(value);
  }
  const result = await renderProduction({ ...sampleHeader({ scope }), records: printed }, createWriteStream(file), undefined, {
    verificationFeed: (chunk) => streaming.chunk(tamper ? tamper(chunk) : chunk),
  });
  const streamed = streaming.finish(result.ownWording);
  const pdfjs = await verifyProduction(file, withheld, [...produced, ...result.ownWording], { batesPrefix: 'PDL', batesStart: 1, expectPresent: produced });
  return { result, streamed, pdfjs, withheld, produced };
}

const verdict = (v: { ok: boolean; leaks: { valueRef: string; page: number }[]; pages: number; batesContinuous: boolean; batesFirst: string | null; batesLast: string | null; missingByScript: Record<string, number>; presentChecked: number }) => ({
  ok: v.ok, leaks: v.leaks, pages: v.pages, bates: [v.batesContinuous, v.batesFirst, v.batesLast], missing: v.missingByScript, presentChecked: v.presentChecked,
});

describe('StreamingVerification (verification beside rendering)', () => {
  const temp = temporaryDirectory();
  afterAll(() => temp.remove());
  let run = 0;

  it('reaches the verdict pdfjs-dist reaches on the finished file, in every script (property)', async () => {
    const words = (max: number) => fc.array(fc.constantFrom(...SCRIPTS).chain((script) => fc.constantFrom(...SCRIPT_SAMPLES[script])), { minLength: 1, maxLength: max }).map((parts) => parts.join(' '));
    const scriptsSeen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ first: words(2), last: words(1), titles: fc.array(words(3), { minLength: 1, maxLength: 5 }) }), { minLength: 2, maxLength: 3 }), async (patrons) => {
        for (const script of SCRIPTS) if (SCRIPT_SAMPLES[script].some((sample) => JSON.stringify(patrons).includes(sample))) scriptsSeen.add(script);
        const records = patrons
          .flatMap((patron, index) => patronRecords(index === 0 ? card : `2300000000${1000 + index}`, patron.first, patron.last, patron.titles.map((title, day) => `${title} ${index}${day}`), 10 + index))
          .sort((a, b) => a.recordType.localeCompare(b.recordType));
        const { streamed, pdfjs, result } = await renderBoth(records, path.join(temp.dir, `property-${++run}.pdf`));
        expect(streamed.unreadable).toBeNull();
        expect(streamed.sha256).toBe(result.sha256);
        expect(verdict(streamed)).toEqual(verdict(pdfjs));
        expect(streamed.ok).toBe(true);
      }),
      { numRuns: 10 },
    );
    expect([...scriptsSeen].sort()).toEqual([...SCRIPTS].sort());
  });

  it('finds a withheld value that was printed, in every script, on the page pdfjs-dist finds it', async () => {
    for (const script of SCRIPTS) {
      const secret = `${SCRIPT_SAMPLES[script][0]} ${SCRIPT_SAMPLES[script][1]}`;
      // The other patron's name is withheld; a faulty rendering prints it in a loan title of the named patron.
      const records = [
        ...patronRecords(card, 'Harriet', 'Vane', ['Gardening in the Desert', 'Cien años de soledad', 'The Library Book'], 10),
        ...patronRecords(other, SCRIPT_SAMPLES[script][0], SCRIPT_SAMPLES[script][1], ['Hidden title'], 11),
      ].sort((a, b) => a.recordType.localeCompare(b.recordType));
      const printed = records.map((record) => (record.fields.title === 'Cien años de soledad' ? { ...record, fields: { ...record.fields, title: secret } } : record));
      const { streamed, pdfjs } = await renderBoth(records, path.join(temp.dir, `leak-${script}.pdf`), undefined, printed);
      expect({ script, ok: streamed.ok, leaks: streamed.leaks.length > 0 }).toEqual({ script, ok: false, leaks: true });
      expect({ script, streamed: streamed.leaks }).toEqual({ script, streamed: pdfjs.leaks });
    }
  });

  it('fails closed when the bytes are not what the glyph meanings say (a glyph means another letter)', async () => {
    const records = patronRecords(card, 'Zoë', 'Núñez', ['Gardening in the Desert'], 10);
    const { streamed } = await renderBoth(records, path.join(temp.dir, 'remapped.pdf'), (chunk) => ({
      ...chunk,
      definitions: chunk.definitions.map((definition) => ({ ...definition, glyphs: definition.glyphs.map((glyph) => (glyph.text === 'Z' ? { ...glyph, text: 'Q' } : glyph)) })),
    }));
    expect(streamed.ok).toBe(false);
    expect(streamed.unreadable).toMatch(/means something else in the file's ToUnicode map/);
  });

  it('fails closed on a truncated file and on bytes it cannot read', async () => {
    const records = patronRecords(card, 'Zoë', 'Núñez', ['Gardening in the Desert'], 10);
    const chunks: VerificationChunk[] = [];
    await renderProduction({ ...sampleHeader({ scope }), records }, createWriteStream(path.join(temp.dir, 'chunks.pdf')), undefined, { verificationFeed: (chunk) => chunks.push(chunk) });
    const truncated = new StreamingVerification([], { batesPrefix: 'PDL' });
    for (const chunk of chunks.slice(0, -1)) truncated.chunk(chunk);
    expect(truncated.finish()).toMatchObject({ ok: false, unreadable: expect.any(String) });
    const garbled = new StreamingVerification([], { batesPrefix: 'PDL' });
    garbled.chunk({ definitions: [], bytes: Buffer.from('%PDF-1.3\n%\xff\xff\n1 0 obj\nnonsense', 'latin1') });
    garbled.chunk({ definitions: [], bytes: Buffer.from('garbage that is no object\n') });
    expect(garbled.finish()).toMatchObject({ ok: false });
  });
});
