import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@custodian/config';
import { AuditHeadStore } from './audit-heads';
import { AuditLog } from './audit-log';

/**
 * Exports the signed chain head to `AUDIT_HEAD_DIR` at start and every `AUDIT_HEAD_EXPORT_MS`, so a later
 * verification can prove nothing before it was removed or rewritten. Runs in the worker (one per deployment is
 * enough; several only write the same head twice).
 */
@Injectable()
export class AuditHeadExporter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditHeadExporter');
  private timer?: NodeJS.Timeout;
  private lastSeq = -1;

  constructor(
    private readonly auditLog: AuditLog,
    private readonly store: AuditHeadStore,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.exportHead().catch((error: Error) => this.logger.warn(`audit head export failed: ${error.name}: ${error.message}`));
    this.timer = setInterval(() => void this.exportHead().catch((error: Error) => this.logger.warn(`audit head export failed: ${error.name}: ${error.message}`)), this.config.AUDIT_HEAD_EXPORT_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Writes the current head unless it is the one written last. */
  async exportHead(): Promise<void> {
    const head = await this.auditLog.head();
    if (!head || head.seq === this.lastSeq) return;
    const signed = await this.store.write(head);
    this.lastSeq = signed.seq;
    this.logger.log(`audit head ${signed.seq} exported`);
  }
}
