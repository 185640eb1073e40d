import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { FileEnvelope, SealedFileError, isSealed, sealingStream } from './file-envelope';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const ring = (keys: Record<string, Buffer>, activeKeyId: string) => ({ keys: new Map(Object.entries(keys)), activeKeyId });

/** Runs bytes through a transform in the given chunk sizes, as a file read would. */
async function through(stream: NodeJS.ReadWriteStream, bytes: Buffer, chunkSizes: number[] = [65536]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = Math.max(1, chunkSizes[i % chunkSizes.length]);
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(chunks).pipe(stream as never) as AsyncIterable<Buffer>) out.push(chunk);
  return Buffer.concat(out);
}

const seal = (envelope: FileEnvelope, plaintext: Buffer, chunks?: number[]) => through(envelope.sealStream(), plaintext, chunks);
const unseal = (envelope: FileEnvelope, sealed: Buffer, chunks?: number[]) => through(envelope.unsealStream(), sealed, chunks);

describe('FileEnvelope', () => {
  it('round-trips any bytes, in any chunking, for any segment size (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.integer({ min: 1, max: 700 }),
        fc.array(fc.integer({ min: 1, max: 900 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 900 }), { minLength: 1, maxLength: 5 }),
        async (bytes, segmentBytes, writeChunks, readChunks) => {
          const envelope = new FileEnvelope(ring({ k1 }, 'k1'), segmentBytes);
          const plaintext = Buffer.from(bytes);
          const sealed = await seal(envelope, plaintext, writeChunks);
          expect(isSealed(sealed)).toBe(true);
          expect((await unseal(envelope, sealed, readChunks)).equals(plaintext)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never writes the plaintext: a PDF header or a name does not survive sealing', async () => {
    const envelope = new FileEnvelope(ring({ k1 }, 'k1'));
    const plaintext = Buffer.from('%PDF-1.7\nBorrower: Fred Waring, card 21234000012345\n'.repeat(50));
    const sealed = await seal(envelope, plaintext);
    expect(sealed.includes(Buffer.from('%PDF'))).toBe(false);
    expect(sealed.includes(Buffer.from('Waring'))).toBe(false);
    expect((await seal(envelope, plaintext)).equals(sealed)).toBe(false);
  });

  it('fails closed on any single altered byte (fast-check over position and bit)', async () => {
    const envelope = new FileEnvelope(ring({ k1 }, 'k1'), 97);
    const plaintext = randomBytes(1000);
    const sealed = await seal(envelope, plaintext);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: sealed.length - 1 }), fc.integer({ min: 0, max: 7 }), async (at, bit) => {
        const altered = Buffer.from(sealed);
        altered[at] ^= 1 << bit;
        await expect(unseal(envelope, altered)).rejects.toThrow(SealedFileError);
      }),
      { numRuns: 300 },
    );
  });

  it('fails closed when the file is cut short, extended, or has segments swapped', async () => {
    const envelope = new FileEnvelope(ring({ k1 }, 'k1'), 100);
    const sealed = await seal(envelope, randomBytes(450));
    const header = envelope.readHeader(sealed)!.length;
    for (const cut of [sealed.length - 1, sealed.length - 16, header + 116, header + 116 * 2, header, header - 1, 5]) {
      await expect(unseal(envelope, sealed.subarray(0, cut))).rejects.toThrow(SealedFileError);
    }
    await expect(unseal(envelope, Buffer.concat([sealed, sealed.subarray(header, header + 116)]))).rejects.toThrow(/failed authentication/);
    const first = sealed.subarray(header, header + 116);
    const second = sealed.subarray(header + 116, header + 232);
    const swapped = Buffer.concat([sealed.subarray(0, header), second, first, sealed.subarray(header + 232)]);
    await expect(unseal(envelope, swapped)).rejects.toThrow(/segment 1 of the sealed file failed authentication/);
  });

  it('refuses a wrong key under the same id, and names a key that is not configured', async () => {
    const sealed = await seal(new FileEnvelope(ring({ k1 }, 'k1')), Buffer.from('consent letter'));
    await expect(unseal(new FileEnvelope(ring({ k1: k2 }, 'k1')), sealed)).rejects.toMatchObject({ problem: 'tampered', message: expect.stringMatching(/header failed authentication/) });
    await expect(unseal(new FileEnvelope(ring({ k2 }, 'k2')), sealed)).rejects.toMatchObject({ problem: 'unknown_key', message: expect.stringMatching(/sealed with key "k1", which is not configured \(configured: k2\)/) });
  });

  it('after a rotation opens files sealed under the old key, seals new ones with the new key, and re-wraps only the header', async () => {
    const before = new FileEnvelope(ring({ k1 }, 'k1'), 64);
    const after = new FileEnvelope(ring({ k1, k2 }, 'k2'), 64);
    const plaintext = randomBytes(500);
    const old = await seal(before, plaintext);
    expect((await unseal(after, old)).equals(plaintext)).toBe(true);
    expect(after.readHeader(await seal(after, plaintext))!.keyId).toBe('k2');

    const oldHeader = after.readHeader(old)!;
    const newHeader = after.rewrapHeader(old.subarray(0, oldHeader.length));
    const rewrapped = Buffer.concat([newHeader, old.subarray(oldHeader.length)]);
    expect(after.readHeader(rewrapped)!.keyId).toBe('k2');
    expect(rewrapped.subarray(newHeader.length).equals(old.subarray(oldHeader.length))).toBe(true);
    // Once re-wrapped the old key may go.
    expect((await unseal(new FileEnvelope(ring({ k2 }, 'k2')), rewrapped)).equals(plaintext)).toBe(true);
  });

  it('says how to seal a plaintext file from before encryption at rest', async () => {
    const envelope = new FileEnvelope(ring({ k1 }, 'k1'));
    for (const plain of [Buffer.from('%PDF-1.7 old production'), Buffer.from('%P'), Buffer.alloc(0)]) {
      await expect(unseal(envelope, plain)).rejects.toMatchObject({ problem: 'not_sealed', message: expect.stringMatching(/npm run storage:reseal/) });
    }
  });

  it('seals with a one-file key handed to another thread: the envelope opens it, and each key is fresh (fast-check)', async () => {
    const envelope = new FileEnvelope(ring({ k1 }, 'k1'), 64);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 5 }), async (bytes, chunks) => {
        // structuredClone is what postMessage does to the key on its way to a render thread.
        const key = structuredClone(envelope.newFileKey());
        const sealed = await through(sealingStream(key), Buffer.from(bytes), chunks);
        expect(isSealed(sealed)).toBe(true);
        expect((await unseal(envelope, sealed)).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 60 },
    );
    const [a, b] = [envelope.newFileKey(), envelope.newFileKey()];
    expect(Buffer.from(a.dataKey).equals(Buffer.from(b.dataKey))).toBe(false);
    // A key is wrapped under the active records key: another keyring cannot open what it seals.
    const sealed = await through(sealingStream(a), Buffer.from('%PDF-1.7'));
    await expect(unseal(new FileEnvelope(ring({ k1: k2 }, 'k1')), sealed)).rejects.toMatchObject({ problem: 'tampered' });
  });

  it('refuses unusable keys', () => {
    expect(() => new FileEnvelope(ring({ k1: randomBytes(16) }, 'k1'))).toThrow(/16 bytes/);
    expect(() => new FileEnvelope(ring({ k1 }, 'k9'))).toThrow(/active storage key id "k9"/);
  });
});
