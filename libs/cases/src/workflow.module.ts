import { Global, Module } from '@nestjs/common';
import { AuditLog, AuditModule } from '@custodian/audit';
import { UnitOfWork } from '@custodian/persistence';
import { OutboxRelay, QueuesModule } from '@custodian/queues';
import { CaseWorkflow } from './case-workflow';

/** Everything a process needs to change cases: persistence, audit, queues and the workflow over them. */
@Global()
@Module({
  imports: [AuditModule, QueuesModule],
  providers: [
    {
      provide: CaseWorkflow,
      inject: [UnitOfWork, AuditLog, OutboxRelay],
      useFactory: (unitOfWork: UnitOfWork, auditLog: AuditLog, relay: OutboxRelay) => new CaseWorkflow(unitOfWork, auditLog, relay),
    },
  ],
  exports: [CaseWorkflow, AuditModule, QueuesModule],
})
export class WorkflowModule {}
