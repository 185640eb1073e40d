import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ResponsiveRecord } from '@custodian/domain';
import { renderNeedsInfoLetter } from '../letters/needs-info-letter';
import { memorySink, sampleHeader, sampleLetterBase, temporaryDirectory } from '../testing/pdf-test-helpers';
import { renderProduction } from './render-production';

jest.setTimeout(60_000);

const card = '23000000012345';
const records: ResponsiveRecord[] = [
  { recordType: 'patron', sourceTable: 'borrowers', cardNumber: card, occurredAt: null, fields: { cardnumber: card, surname: 'Παπαδόπουλος', firstname: '王小明', borrowernotes: 'note' } },
  { recordType: 'loans', sourceTable: 'issues', cardNumber: card, occurredAt: '2026-01-02T10:00:00', fields: { cardnumber: card, title: 'Łódź w XIX wieku', issuedate: '2026-01-02T10:00:00' } },
];
const header = sampleHeader({ scope: { cardNumbers: [card], from: '2026-01-01', to: '2026-02-28', recordTypes: ['patron', 'loans'] } });

async function renderToBytes(): Promise<{ bytes: Buffer; sha256: string }> {
  const sink = memorySink();
  const result = await renderProduction({ ...header, records }, sink.stream);
  return { bytes: sink.bytes(), sha256: result.sha256 };
}

/** The PDF's own syntax: everything outside stream bodies (which are compressed content and fonts). */
function objectSyntax(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/stream\r?\n[\s\S]*?endstream/g, 'stream endstream');
}

function infoDictionary(bytes: Buffer): string {
  const syntax = objectSyntax(bytes);
  const infoId = /\/Info (\d+) 0 R/.exec(syntax)?.[1];
  return new RegExp(`\\n${infoId} 0 obj\\s*([\\s\\S]*?)endobj`).exec(syntax)?.[1] ?? '';
}

describe('PDF hygiene', () => {
  const temp = temporaryDirectory();
  afterAll(() => temp.remove());

  it('keeps only a neutral title and the creation date in the info dictionary', async () => {
    const { bytes } = await renderToBytes();
    const info = infoDictionary(bytes);
    expect([...info.matchAll(/\/(\w+) /g)].map((match) => match[1]).sort()).toEqual(['CreationDate', 'Title']);
    const file = path.join(temp.dir, 'production.pdf');
    writeFileSync(file, bytes);
    const pdfinfo = execFileSync('/usr/bin/pdfinfo', [file], { encoding: 'utf8' });
    expect(pdfinfo).toMatch(/^Title:\s+Production CUST-2026-0007$/m);
    expect(pdfinfo).not.toMatch(/^(Producer|Creator|Author|Subject|Keywords):/m);
    expect(pdfinfo).toMatch(/^Metadata Stream:\s+no$/m);
  });

  it('names no tool, user or path anywhere in the file', async () => {
    const { bytes } = await renderToBytes();
    const text = bytes.toString('latin1');
    expect(text.toLowerCase()).not.toContain('pdfkit');
    for (const identifying of [process.cwd(), os.homedir(), os.tmpdir(), __dirname]) expect(text).not.toContain(identifying);
    // Short names could occur by chance in compressed bytes, so they are looked for in the PDF's own syntax.
    for (const name of [os.userInfo().username, os.hostname()]) expect(objectSyntax(bytes)).not.toMatch(new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
  });

  it('creates no annotations, outlines, forms, scripts, attachments or XMP', async () => {
    const syntax = objectSyntax((await renderToBytes()).bytes);
    for (const key of ['/Annots', '/Outlines', '/AcroForm', '/JavaScript', '/EmbeddedFiles', '/Metadata', '/OpenAction', '/Dests 1']) expect(syntax).not.toContain(key);
  });

  it('embeds subset Unicode fonts with a text mapping', async () => {
    const file = path.join(temp.dir, 'fonts.pdf');
    writeFileSync(file, (await renderToBytes()).bytes);
    const fonts = execFileSync('/usr/bin/pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+\S+\s.*\syes\s+yes\s+yes\s/);
  });

  it('renders the same input to the same bytes, whose SHA-256 it reports', async () => {
    const first = await renderToBytes();
    const second = await renderToBytes();
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(first.sha256).toBe(createHash('sha256').update(first.bytes).digest('hex'));
  });

  it('keeps letters just as clean', async () => {
    const sink = memorySink();
    await renderNeedsInfoLetter(
      {
        ...sampleLetterBase({ reference: 'CUST-2026-0007/INFO-1', signedBy: { displayName: 'Sam Okafor', title: 'Deputy City Attorney' } }),
        defects: [{ description: 'The order is not signed' }],
        cureBy: '2026-03-20',
      },
      sink.stream,
    );
    const info = infoDictionary(sink.bytes());
    expect([...info.matchAll(/\/(\w+) /g)].map((match) => match[1]).sort()).toEqual(['CreationDate', 'Title']);
    expect(sink.bytes().toString('latin1').toLowerCase()).not.toContain('pdfkit');
  });
});
