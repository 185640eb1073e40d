import { createHash } from 'crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { PassThrough } from 'stream';
import { ExportFile } from './export-source';
import { generateKohaExport } from './koha-export-generator';
import { importExport } from './import-records';
import { syntheticCardNumber } from './synthetic-data';

describe('generateKohaExport', () => {
  const dir = mkdtempSync(join(tmpdir(), 'custodian-records-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a 20k-row export that streams through validation and import', async () => {
    const path = join(dir, 'export.json');
    const shape = { patrons: 2000, loansPerPatron: 4, returnedLoansPerPatron: 2, holdsPerPatron: 1, finesPerPatron: 1, searchesPerPatron: 1, sessionsPerPatron: 1, anonymisedLoans: 100 };
    const generated = await generateKohaExport(shape, createWriteStream(path));
    expect(generated.rows).toBe(22_100);
    expect(generated.bytes).toBe(statSync(path).size);

    const file: ExportFile = { format: 'json', open: () => createReadStream(path), size: generated.bytes };
    const counts = { records: 0, anonymised: 0, patron7: 0 };
    const outcome = await importExport([file], (batch) => {
      expect(batch.length).toBeLessThanOrEqual(500);
      for (const record of batch) {
        counts.records++;
        if (record.cardNumber === null) counts.anonymised++;
        if (record.cardNumber === syntheticCardNumber(7)) counts.patron7++;
      }
    });

    expect(outcome.validation.issues).toEqual([]);
    expect(outcome.validation.rowsByTable).toEqual(generated.rowsByTable);
    expect(counts).toEqual({ records: 22_100, anonymised: 100, patron7: 11 });
    if (outcome.imported) expect(outcome.recordsByType).toEqual({ patron: 2000, loans: 12_100, holds: 2000, fines: 2000, searches: 2000, sessions: 2000 });
  }, 600_000); // a hang guard, not a time limit: speed is measured by `npm run bench`, never asserted here

  it('is deterministic for a seed and writes names that stress encodings', async () => {
    const digest = async (seed: number) => {
      const out = new PassThrough();
      const hash = createHash('sha256');
      let text = '';
      out.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        text += chunk.toString('utf8');
      });
      await generateKohaExport({ patrons: 40, loansPerPatron: 1, seed }, out);
      return { hash: hash.digest('hex'), text };
    };
    const [a, b, c] = await Promise.all([digest(5), digest(5), digest(6)]);
    expect(a.hash).toBe(b.hash);
    expect(a.hash).not.toBe(c.hash);
    expect(a.text).toMatch(/[\u4e00-\u9fff]/); // CJK
    expect(a.text).toMatch(/[àáâãäåçèéêëìíîïñòóôõöùúûüýÿđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
    expect(a.text).toMatch(/[A-Za-z]'[A-Za-z]/);
    expect(a.text).toMatch(/[A-Za-z]-[A-Za-z]/);
  });
});
