import { EntityManager, MoreThan } from 'typeorm';
import { AuditEventEntity, UnitOfWork } from '@custodian/persistence';
import { AuditEntry } from './audit-event';
import { AuditKeys } from './audit-keys';
import { ChainAlgorithm, ChainBreak, ChainHasher, GENESIS_HASH, KEYED, StoredLink, checkStoredLink, hashEvent, storedLinkOf } from './hash-chain';
import { copyChain } from './chain-reader';
import { SignedHead } from './audit-heads';

const CHAIN_LOCK_KEY = 7922540;
/** Most events one group commit writes; more wait for the next. */
const MAX_GROUP = 500;

export interface ChainVerification {
  ok: boolean;
  events: number;
  head: { seq: number; hash: string } | null;
  firstBroken: ChainBreak | null;
  /** Events of the unkeyed chain kept from before the keyed one (accepted only as the chain's prefix). */
  unkeyedEvents: number;
  /** The last exported head it was checked against, if one was given. */
  exportedHead?: { seq: number; hash: string; exportedAt: string; signatureValid: boolean; found: boolean } | null;
}

type Link = { seq: number; hash: string; alg?: ChainAlgorithm };
interface Pending {
  entry: AuditEntry;
  resolve: (event: AuditEventEntity) => void;
  reject: (error: unknown) => void;
}

/**
 * Appends HMAC-chained audit events and verifies the chain.
 *
 * Events that record a change commit with it (`append` inside the caller's transaction). Events that change nothing
 * else (reads, logins, refusals) go through `record`, a group commit: callers queue, one transaction per process
 * appends all that queued meanwhile under one chain lock, and each caller resolves only once its event is durable.
 * So a burst of audited reads costs one lock and one commit per group instead of one each.
 */
export class AuditLog {
  private pending: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly keys: AuditKeys,
  ) {}

  /** Appends inside the caller's transaction, so the event and the change it records commit together. */
  async append(manager: EntityManager, entry: AuditEntry): Promise<AuditEventEntity> {
    const [event] = await this.appendAll(manager, [entry]);
    return event;
  }

  /** Appends in a group commit of its own: reads, logins and refusals that change nothing else. */
  record(entry: AuditEntry): Promise<AuditEventEntity> {
    return new Promise((resolve, reject) => {
      this.pending.push({ entry, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length) {
      const group = this.pending.splice(0, MAX_GROUP);
      try {
        const events = await this.unitOfWork.run((manager) => this.appendAll(manager, group.map((p) => p.entry)));
        group.forEach((p, i) => p.resolve(events[i]));
      } catch (error) {
        group.forEach((p) => p.reject(error));
      }
    }
    this.flushing = false;
  }

  /** Appends several events inside the caller's transaction: one chain lock, one head read, one INSERT. */
  async appendAll(manager: EntityManager, entries: AuditEntry[]): Promise<AuditEventEntity[]> {
    await this.unitOfWork.lockChain(manager, CHAIN_LOCK_KEY);
    const [last] = (await manager.query('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1')) as { seq: number | string; hash: string }[];
    let seq = Number(last?.seq ?? 0);
    let prevHash = last?.hash ?? GENESIS_HASH;
    const at = new Date();
    const events = entries.map((entry) => {
      const event = manager.create(AuditEventEntity, {
        seq: ++seq,
        at,
        actorId: entry.actor?.id ?? null,
        actorName: entry.actor?.username ?? null,
        action: entry.action,
        objectType: entry.objectType,
        objectId: entry.objectId ?? null,
        caseId: entry.caseId ?? null,
        outcome: entry.outcome ?? 'success',
        details: entry.details ?? null,
        prevHash,
        alg: KEYED,
      });
      event.hash = hashEvent(event, this.keys.chain);
      prevHash = event.hash;
      return event;
    });
    // One multi-row INSERT, without TypeORM's read-back of defaults.
    await manager.createQueryBuilder().insert().into(AuditEventEntity).values(events as never).updateEntity(false).execute();
    return events;
  }

  /** The last link, read without walking the chain. */
  async head(): Promise<{ seq: number; hash: string; at: Date } | null> {
    const [last] = await this.unitOfWork.dataSource.getRepository(AuditEventEntity).find({ order: { seq: 'DESC' }, take: 1, select: { seq: true, hash: true, at: true } });
    return last ? { seq: last.seq, hash: last.hash, at: last.at } : null;
  }

  /**
   * Recomputes the whole chain and names the first broken event. Given the last exported head, also proves the
   * chain still passes through it: a truncated tail or a rewrite (even one with recomputed links) fails there.
   */
  async verify(exported?: { head: SignedHead; signatureValid: boolean } | null): Promise<ChainVerification> {
    let previous: Link | null = null;
    let events = 0;
    let unkeyedEvents = 0;
    let exportedFound = false;
    const result = (firstBroken: ChainBreak | null): ChainVerification => ({
      ok: firstBroken === null, events, head: previous && { seq: previous.seq, hash: previous.hash }, firstBroken, unkeyedEvents,
      ...(exported === undefined ? {} : { exportedHead: exported && { seq: exported.head.seq, hash: exported.head.hash, exportedAt: exported.head.exportedAt, signatureValid: exported.signatureValid, found: exportedFound } }),
    });
    if (exported && !exported.signatureValid) return result({ seq: exported.head.seq, reason: 'exported_head_mismatch' });
    const hasher = new ChainHasher(this.keys.chain);
    for await (const page of this.pages()) {
      for (const event of page) {
        const broken = checkStoredLink(event, previous, hasher);
        if (broken) return result(broken);
        if (exported && event.seq === exported.head.seq) {
          if (event.hash !== exported.head.hash) return result({ seq: event.seq, reason: 'exported_head_mismatch' });
          exportedFound = true;
        }
        previous = { seq: event.seq, hash: event.hash, alg: event.alg };
        if (event.alg !== KEYED) unkeyedEvents += 1;
        events += 1;
      }
    }
    if (exported && !exportedFound) return result({ seq: exported.head.seq, reason: 'truncated' });
    return result(null);
  }

  /**
   * The chain in order, a batch at a time, in the text form that is hashed. On PostgreSQL one streamed COPY
   * (`copyChain`); elsewhere pages through the repository.
   */
  private async *pages(pageSize = 5000): AsyncGenerator<StoredLink[]> {
    const dataSource = this.unitOfWork.dataSource;
    if (this.unitOfWork.isPostgres) {
      yield* copyChain(dataSource, pageSize);
      return;
    }
    let after = 0;
    for (;;) {
      const page = await dataSource.getRepository(AuditEventEntity).find({ where: { seq: MoreThan(after) }, order: { seq: 'ASC' }, take: pageSize });
      if (page.length) yield page.map((event) => storedLinkOf(event as AuditEventEntity & { alg: ChainAlgorithm }));
      if (page.length < pageSize) return;
      after = page[page.length - 1].seq;
    }
  }

  async timeline(caseId: string): Promise<AuditEventEntity[]> {
    return this.unitOfWork.dataSource.getRepository(AuditEventEntity).find({ where: { caseId }, order: { seq: 'ASC' } });
  }
}
