import { DynamicModule, Module, Type } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { AppConfig, ConfigModule, prettyLogTransport } from '@custodian/config';
import { AuditHeadExporter } from '@custodian/audit';
import { WorkflowModule } from '@custodian/cases';
import { PersistenceModule } from '@custodian/persistence';
import { StorageModule } from '@custodian/storage';
import { CompleteIntakeHandler } from './handlers/complete-intake.handler';
import { DeadlineReminderHandler } from './handlers/deadline-reminder.handler';
import { PruneOutboxHandler } from './handlers/prune-outbox.handler';
import { PurgeRecordsHandler } from './handlers/purge-records.handler';
import { ExecutePurgeHandler } from './handlers/execute-purge.handler';
import { RemindPatronNoticesHandler } from './handlers/remind-patron-notices.handler';
import { RecordReviewHandler } from './handlers/record-review.handler';
import { SweepDeadlinesHandler } from './handlers/sweep-deadlines.handler';
import { ImportRecordsHandler } from './handlers/import-records.handler';
import { RenderProductionHandler } from './handlers/render-production.handler';
import { WriteDenialHandler } from './handlers/write-denial.handler';
import { WriteLetterHandler } from './handlers/write-letter.handler';
import { LetterWriter } from './production/letter-writer';
import { recordsCipherProvider } from './records-cipher.provider';
import { renderPoolProvider } from './production/render-pool.provider';
import { JOB_HANDLERS, JobHandler } from './job-handler';
import { ImportQuarantine } from './import-quarantine';
import { StepFailures } from './step-failures';
import { WorkerHost } from './worker-host';
import { MailRelayHost } from './mail/mail-relay.host';
import { NotificationMailer } from './mail/notification-mailer';

const HANDLERS: Type<JobHandler>[] = [
  CompleteIntakeHandler,
  RecordReviewHandler,
  DeadlineReminderHandler,
  SweepDeadlinesHandler,
  PurgeRecordsHandler,
  ExecutePurgeHandler,
  RemindPatronNoticesHandler,
  PruneOutboxHandler,
  ImportRecordsHandler,
  RenderProductionHandler,
  WriteDenialHandler,
  WriteLetterHandler,
];

/** The worker process: every job handler, and the host that feeds them from BullMQ. No HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        // asynchronous stdout, as in the API: a log line never blocks a step on a slow pipe
        LoggerModule.forRoot({
          pinoHttp: prettyLogTransport(config)
            ? { level: config.LOG_LEVEL, transport: prettyLogTransport(config) }
            : [{ level: config.LOG_LEVEL }, pino.destination({ dest: 1, sync: false })],
        }),
        PersistenceModule,
        WorkflowModule,
        StorageModule,
      ],
      providers: [
        recordsCipherProvider,
        renderPoolProvider,
        LetterWriter,
        ...HANDLERS,
        { provide: JOB_HANDLERS, inject: HANDLERS, useFactory: (...handlers: JobHandler[]) => handlers },
        ImportQuarantine,
        StepFailures,
        WorkerHost,
        AuditHeadExporter,
        NotificationMailer,
        MailRelayHost,
      ],
    };
  }
}
