import { EntityManager, MoreThan } from 'typeorm';
import { AuditEventEntity, UnitOfWork } from '@custodian/persistence';
import { AuditEntry } from './audit-event';
import { ChainBreak, GENESIS_HASH, checkLink, hashEvent } from './hash-chain';

const CHAIN_LOCK_KEY = 7922540;

export interface ChainVerification {
  ok: boolean;
  events: number;
  head: { seq: number; hash: string } | null;
  firstBroken: ChainBreak | null;
}

/** Appends hash-chained audit events and verifies the chain. */
export class AuditLog {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Appends inside the caller's transaction, so the event and the change it records commit together. */
  async append(manager: EntityManager, entry: AuditEntry): Promise<AuditEventEntity> {
    await this.unitOfWork.lockChain(manager, CHAIN_LOCK_KEY);
    const [last] = await manager.find(AuditEventEntity, { order: { seq: 'DESC' }, take: 1 });
    const event = manager.create(AuditEventEntity, {
      seq: (last?.seq ?? 0) + 1,
      at: new Date(),
      actorId: entry.actor?.id ?? null,
      actorName: entry.actor?.username ?? null,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId ?? null,
      caseId: entry.caseId ?? null,
      outcome: entry.outcome ?? 'success',
      details: entry.details ?? null,
      prevHash: last?.hash ?? GENESIS_HASH,
    });
    event.hash = hashEvent(event);
    await manager.save(AuditEventEntity, event);
    return event;
  }

  /** Appends in a transaction of its own: reads, logins and refusals that change nothing else. */
  record(entry: AuditEntry): Promise<AuditEventEntity> {
    return this.unitOfWork.run((manager) => this.append(manager, entry));
  }

  /** Recomputes the whole chain page by page and names the first broken event. */
  async verify(pageSize = 1000): Promise<ChainVerification> {
    const repository = this.unitOfWork.dataSource.getRepository(AuditEventEntity);
    let previous: { seq: number; hash: string } | null = null;
    let events = 0;
    for (;;) {
      const page = await repository.find({ where: { seq: MoreThan(previous?.seq ?? 0) }, order: { seq: 'ASC' }, take: pageSize });
      for (const event of page) {
        const broken = checkLink(event, previous);
        if (broken) return { ok: false, events, head: previous, firstBroken: broken };
        previous = { seq: event.seq, hash: event.hash };
        events += 1;
      }
      if (page.length < pageSize) return { ok: true, events, head: previous, firstBroken: null };
    }
  }

  async timeline(caseId: string): Promise<AuditEventEntity[]> {
    return this.unitOfWork.dataSource.getRepository(AuditEventEntity).find({ where: { caseId }, order: { seq: 'ASC' } });
  }
}
