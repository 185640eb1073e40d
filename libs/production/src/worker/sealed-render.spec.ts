import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ResponsiveRecord } from '@custodian/domain';
import { FileEnvelope } from '@custodian/storage';
import { syntheticLoans, syntheticProductionHeader } from '../production/synthetic-production';
import { temporaryDirectory } from '../testing/pdf-test-helpers';
import { RenderPool } from './render-pool';

jest.setTimeout(120_000);

// Under ts-jest the pool renders in-process (renderHere); the thread (pool-thread.ts) writes through the same
// renderOutput, exercised against dist by test/e2e/sealed-render.e2e-spec.ts.
const envelope = new FileEnvelope({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1' });
const PATRON_VALUES = ['23000000012345', 'Núñez', 'Łukasiewicz'];
const PLAINTEXT_MARKS = [Buffer.from('%PDF'), ...PATRON_VALUES.map((value) => Buffer.from(value, 'utf8'))];

function plaintextIn(file: string): string[] {
  const bytes = readFileSync(file);
  return PLAINTEXT_MARKS.filter((mark) => bytes.includes(mark)).map((mark) => mark.toString('utf8'));
}

async function unsealed(file: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(createReadStream(file), envelope.unsealStream(), new Writable({ write: (chunk: Buffer, _e, done) => (chunks.push(chunk), done()) }));
  return Buffer.concat(chunks);
}

describe('a production rendered sealed from its first byte', () => {
  const temp = temporaryDirectory();
  const pool = new RenderPool({ size: 1 });
  afterAll(async () => {
    await pool.close();
    temp.remove();
  });

  it('writes only sealed bytes while rendering and after a failure midway', async () => {
    const file = path.join(temp.dir, 'interrupted.pdf');
    writeFileSync(file, '', { mode: 0o600 });
    const seenWhileRendering: { bytes: number; plaintext: string[] }[] = [];
    async function* interrupted(): AsyncGenerator<ResponsiveRecord> {
      let count = 0;
      for await (const record of syntheticLoans(6000)) {
        yield record;
        // Look at the disk now and then while pages are being written, then fail as a lost database would.
        if (++count % 1500 === 0) seenWhileRendering.push({ bytes: readFileSync(file).length, plaintext: plaintextIn(file) });
        if (count === 4500) throw new Error('database connection lost');
      }
    }
    await expect(pool.run({ header: syntheticProductionHeader(), records: interrupted(), outputPath: file, sealWith: envelope.newFileKey() })).rejects.toThrow('database connection lost');
    expect(seenWhileRendering.some((look) => look.bytes > 64 * 1024)).toBe(true);
    expect(seenWhileRendering.flatMap((look) => look.plaintext)).toEqual([]);
    expect(plaintextIn(file)).toEqual([]);
    // What was written is a cut-short envelope: it does not open, so nothing of it could ever be served.
    await expect(unsealed(file)).rejects.toThrow();
  });

  it('still renders and verifies in full, the SHA-256 being of the plaintext PDF the requester receives', async () => {
    const file = path.join(temp.dir, 'whole.pdf');
    writeFileSync(file, '', { mode: 0o600 });
    const checks = { withheld: ['1990-05-01', 'Staff note'], produced: [] as string[], options: { batesPrefix: 'PDL', batesStart: 1 } };
    const outcome = await pool.run({ header: syntheticProductionHeader(), records: syntheticLoans(500), outputPath: file, sealWith: envelope.newFileKey(), checks });
    expect(plaintextIn(file)).toEqual([]);
    const pdf = await unsealed(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(outcome.rendered.sha256);
    expect(pdf.length).toBe(outcome.rendered.bytes);
    expect(outcome.verification).toMatchObject({ ok: true, sha256: outcome.rendered.sha256, leaks: [] });
  });

  it('writes plaintext when no key is given (benchmarks, tests that read the file)', async () => {
    const file = path.join(temp.dir, 'plain.pdf');
    await pool.run({ header: syntheticProductionHeader(), records: syntheticLoans(20), outputPath: file });
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
