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
  assertVisible(actor: Actor, row: CaseEntity): void {
    if (!canSeeCase(actor, row)) {
      void this.auditLog
        .record({ actor: { id: actor.id, username: actor.username }, action: 'case.access_refused', objectType: 'case', objectId: row.id, caseId: row.id, outcome: 'denied' })
        .catch(() => undefined);
      throw new CaseNotFoundError(row.id);
    }
  }

  /** Loads a case the actor may see, or throws CaseNotFoundError. */
  async load(actor: Actor, caseId: string): Promise<CaseEntity> {
    const row = await this.dataSource.getRepository(CaseEntity).findOne({ where: { id: caseId } });
    if (!row) throw new CaseNotFoundError(caseId);
    this.assertVisible(actor, row);
    return row;
  }
}
