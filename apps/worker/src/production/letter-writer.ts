import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { EntityManager } from 'typeorm';
import { LetterEntity, LetterKind } from '@custodian/persistence';
import type { LetterResult } from '@custodian/production';
import { ContentStore } from '@custodian/storage';

/** Renders a letter sealed into the content store (no plaintext touches the disk) and records it once per case, kind and reference. */
@Injectable()
export class LetterWriter {
  constructor(private readonly store: ContentStore) {}

  async write(render: (out: Writable) => Promise<LetterResult>): Promise<LetterResult> {
    const { stored, result } = await this.store.write(render);
    if (stored.sha256 !== result.sha256 || stored.bytes !== result.bytes) throw new Error('the stored letter is not the one rendered');
    return result;
  }

  /** Inserts the letter row unless this letter was already recorded (a retried job). */
  async record(manager: EntityManager, caseId: string, kind: LetterKind, reference: string, letter: LetterResult): Promise<LetterEntity> {
    const existing = await manager.findOne(LetterEntity, { where: { caseId, kind, reference } });
    if (existing) return existing;
    const row = manager.create(LetterEntity, { id: randomUUID(), caseId, kind, reference, sha256: letter.sha256, bytes: letter.bytes, createdAt: new Date() });
    await manager.insert(LetterEntity, row);
    return row;
  }
}
