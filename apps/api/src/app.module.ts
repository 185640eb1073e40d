import { DynamicModule, Module } from '@nestjs/common';
import { UploadNames } from './documents/upload-names';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, DiscoveryModule } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, ConfigModule } from '@custodian/config';
import { WorkflowModule } from '@custodian/cases';
import { PersistenceModule } from '@custodian/persistence';
import { ContentStore, StorageModule } from '@custodian/storage';
import { MulterModule } from '@nestjs/platform-express';
import { AuditController } from './audit/audit.controller';
import { AccessGuard } from './auth/access.guard';
import { AuthController } from './auth/auth.controller';
import { AuthModule } from './auth/auth.module';
import { TotpController } from './auth/totp.controller';
import { RoutePolicyCheck } from './auth/route-policy.check';
import { CaseAccess } from './cases/case-access.service';
import { CaseAssignmentController } from './cases/case-assignment.controller';
import { CaseAssignment } from './cases/case-assignment.service';
import { CaseCommands } from './cases/case-commands.service';
import { CaseDecisions } from './cases/case-decisions.service';
import { CaseExtensions } from './cases/case-extensions.service';
import { CaseGags } from './cases/case-gags.service';
import { CaseQueries } from './cases/case-queries.service';
import { CaseSafeguards } from './cases/case-safeguards.service';
import { CasesController } from './cases/cases.controller';
import { ReleaseSummaryController } from './cases/release-summary.controller';
import { RemindersController } from './reminders/reminders.controller';
import { ReviewRules } from './cases/review-rules.service';

import { ErrorFilter } from './common/error.filter';
import { RefuseUnexpectedBody } from './common/unexpected-body.interceptor';
import { SealingUploadStorage } from './storage/upload';
import { loggerParams } from './common/logger';
import { QueueGateWiring } from './common/queue-gate.wiring';
import { DocumentsController } from './documents/documents.controller';
import { DeadlinesController } from './deadlines/deadlines.controller';
import { HealthController } from './health/health.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { ReportsController } from './reports/reports.controller';
import { SettingsController } from './settings/settings.controller';
import { PolicySettingsController } from './settings/policy-settings.controller';
import { RetentionController } from './retention/retention.controller';
import { PatronNoticesController } from './notices/patron-notices.controller';
import { recordsCipherProvider } from './notices/records-cipher.provider';
import { PatronNotices } from './notices/patron-notices.service';
import { TransparencyReportService } from './reports/transparency-report.service';
import { KohaSettingsController } from './settings/koha-settings.controller';
import { LegalRulesController } from './legal/legal-rules.controller';
import { MeController } from './auth/me.controller';
import { ProductionsController } from './productions/productions.controller';
import { DecisionPreviewController } from './productions/decision-preview.controller';
import { DeliveryController, PublicDeliveryController } from './delivery/delivery.controller';
import { DeliveryService } from './delivery/delivery.service';
import { LinkRefusalAudit, PublicDeliveryRateLimit } from './delivery/public-delivery-guard';
import { RecordsController } from './records/records.controller';

import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

/** Every controller of the API; the route-policy test walks this list. */
export const API_CONTROLLERS = [
  AuthController, MeController, UsersController, CasesController, DocumentsController, RecordsController, ProductionsController,
  AuditController, DeadlinesController, NotificationsController, ReportsController, SettingsController, HealthController,
  PolicySettingsController, KohaSettingsController, RetentionController, PatronNoticesController,
  CaseAssignmentController, TotpController,
  ReleaseSummaryController, RemindersController,
  LegalRulesController,
  DecisionPreviewController, DeliveryController, PublicDeliveryController,
];

/** The HTTP API. It enqueues jobs (through the outbox) and never consumes them. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config)),
        PersistenceModule,
        WorkflowModule,
        StorageModule,
        // Every upload route's bytes are sealed as they arrive (decision 0051); routes set only their limits.
        MulterModule.registerAsync({ inject: [ContentStore], useFactory: (store: ContentStore) => ({ storage: new SealingUploadStorage(store) }) }),
        DiscoveryModule,
        AuthModule,
      ],
      controllers: API_CONTROLLERS,
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: RefuseUnexpectedBody },
        RoutePolicyCheck,
        QueueGateWiring,
        UsersService,
        CaseAccess,
        CaseAssignment,
        CaseCommands,
        CaseQueries,
        CaseSafeguards,
        ReviewRules,
        TransparencyReportService,
        recordsCipherProvider,
        UploadNames,
        PatronNotices,
        CaseDecisions,
        CaseExtensions,
        CaseGags,
        DeliveryService,
        LinkRefusalAudit,
        PublicDeliveryRateLimit,
      ],
    };
  }
}
