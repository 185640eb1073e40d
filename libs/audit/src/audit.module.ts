import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@custodian/config';
import { UnitOfWork } from '@custodian/persistence';
import { AuditHeadStore } from './audit-heads';
import { AuditKeys, auditKeysFrom } from './audit-keys';
import { AuditLog } from './audit-log';

export const AUDIT_KEYS = 'AuditKeys';

@Global()
@Module({
  providers: [
    { provide: AUDIT_KEYS, inject: [AppConfig], useFactory: (config: AppConfig) => auditKeysFrom(config) },
    { provide: AuditLog, inject: [UnitOfWork, AUDIT_KEYS], useFactory: (unitOfWork: UnitOfWork, keys: AuditKeys) => new AuditLog(unitOfWork, keys) },
    { provide: AuditHeadStore, inject: [AppConfig, AUDIT_KEYS], useFactory: (config: AppConfig, keys: AuditKeys) => new AuditHeadStore(config.AUDIT_HEAD_DIR, keys) },
  ],
  exports: [AuditLog, AuditHeadStore, AUDIT_KEYS],
})
export class AuditModule {}
