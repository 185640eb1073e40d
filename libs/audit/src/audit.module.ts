import { Global, Module } from '@nestjs/common';
import { UnitOfWork } from '@custodian/persistence';
import { AuditLog } from './audit-log';

@Global()
@Module({
  providers: [{ provide: AuditLog, inject: [UnitOfWork], useFactory: (unitOfWork: UnitOfWork) => new AuditLog(unitOfWork) }],
  exports: [AuditLog],
})
export class AuditModule {}
