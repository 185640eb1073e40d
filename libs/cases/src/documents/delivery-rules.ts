import { EntityManager, IsNull, Not } from 'typeorm';
import { CaseEntity, DeliveryEntity } from '@custodian/persistence';
import { CaseStateConflictError } from '../case-errors';

/** Whether the case's production or denial letter has reached the requester (a secure link counts once downloaded). */
export function isDelivered(manager: EntityManager, caseId: string): Promise<boolean> {
  return manager.exists(DeliveryEntity, { where: { caseId, deliveredAt: Not(IsNull()) } });
}

/** A fulfilled or denied case is closed only after its production or letter was delivered (issue #9: met means delivered). */
export async function assertDeliveredBeforeClose(manager: EntityManager, row: CaseEntity): Promise<void> {
  if ((row.status === 'fulfilled' || row.status === 'denied') && !(await isDelivered(manager, row.id))) {
    throw new CaseStateConflictError(
      `A ${row.status} case is closed only after its ${row.status === 'fulfilled' ? 'production' : 'denial letter'} has been delivered: record the delivery first`,
      row.status,
    );
  }
}
