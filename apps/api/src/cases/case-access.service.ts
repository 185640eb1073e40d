import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog } from '@custodian/audit';
import { Actor } from '@custodian/auth';
import { CaseNotFoundError, canSeeCase } from '@custodian/cases';
import { CaseEntity } from '@custodian/persistence';

/**
 * Per-case access: a case the actor may not see is reported as not found (a gag order must not leak
 * through a 403), and the refused attempt is audited.
 */
@Injectable()
export class CaseAccess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auditLog: AuditLog,
  ) {}

  /** Throws CaseNotFoundError when the actor may not see the case. */
  assertVisible(actor: Actor, row: Pick<CaseEntity, 'id' | (typeof CaseAccess.VISIBILITY_COLUMNS)[number]>): void {
    if (!canSeeCase(actor, row)) {
      void this.auditLog
        .record({ actor: { id: actor.id, username: actor.username }, action: 'case.access_refused', objectType: 'case', objectId: row.id, caseId: row.id, outcome: 'denied' })
        .catch(() => undefined);
      throw new CaseNotFoundError(row.id);
    }
  }

  /** The columns visibility needs, for routes that show no case content (the status poll). */
  static readonly VISIBILITY_COLUMNS = ['id', 'requestType', 'nondisclosureUntil', 'nondisclosureBasis', 'gagLift', 'intakeClerkId', 'assignedAttorneyId', 'reviewingAttorneyId', 'assignedDirectorId', 'decidingDirectorId'] as const;

  /** Loads only `columns` (plus what visibility needs) of a case the actor may see: no JSON columns parsed for nothing. */
  async loadColumns<K extends keyof CaseEntity>(actor: Actor, caseId: string, columns: readonly K[]): Promise<Pick<CaseEntity, K | (typeof CaseAccess.VISIBILITY_COLUMNS)[number]>> {
    const select = Object.fromEntries([...CaseAccess.VISIBILITY_COLUMNS, ...columns].map((column) => [column, true]));
    const row = await this.dataSource.getRepository(CaseEntity).findOne({ where: { id: caseId }, select });
    if (!row) throw new CaseNotFoundError(caseId);
    this.assertVisible(actor, row);
    return row;
  }

  /** Loads a case the actor may see, or throws CaseNotFoundError. */
  async load(actor: Actor, caseId: string): Promise<CaseEntity> {
    const row = await this.dataSource.getRepository(CaseEntity).findOne({ where: { id: caseId } });
    if (!row) throw new CaseNotFoundError(caseId);
    this.assertVisible(actor, row);
    return row;
  }
}
