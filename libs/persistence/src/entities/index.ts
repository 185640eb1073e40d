import { AuditEventEntity } from './audit-event.entity';
import { AuthSessionEntity } from './auth-session.entity';
import { CaseDutyEntity } from './case-duty.entity';
import { BatesSequenceEntity } from './bates-sequence.entity';
import { DeliveryEntity, DeliveryLinkEntity } from './delivery.entity';
import { CaseEntity } from './case.entity';
import { DeadlineEntity } from './deadline.entity';
import { DecisionEntity } from './decision.entity';
import { DocumentEntity } from './document.entity';
import { LetterEntity } from './letter.entity';
import { NotificationEntity } from './notification.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
import { PatronRecordEntity } from './patron-record.entity';
import { PreservationHoldEntity } from './preservation-hold.entity';
import { ProductionEntity } from './production.entity';
import { RecordImportEntity } from './record-import.entity';
import { ReviewEntity } from './review.entity';
import { ReviewReturnEntity } from './review-return.entity';
import { SettingEntity } from './setting.entity';
import { UserEntity } from './user.entity';
import { LegalHoldEntity, PatronNoticeEntity, PurgePlanEntity } from './retention.entities';
import { NotificationEmailEntity } from './notification-email.entity';
import { UserPreferencesEntity } from './user-preferences.entity';

export * from './case-details';
export {
  AuditEventEntity, AuthSessionEntity, BatesSequenceEntity, DeliveryEntity, DeliveryLinkEntity, CaseDutyEntity, CaseEntity, DeadlineEntity, DecisionEntity, DocumentEntity, LetterEntity, NotificationEntity, OutboxMessageEntity,
  PatronRecordEntity, PreservationHoldEntity, ProductionEntity, RecordImportEntity, ReviewEntity, ReviewReturnEntity, SettingEntity, UserEntity,
  LegalHoldEntity, PatronNoticeEntity, PurgePlanEntity,
  NotificationEmailEntity, UserPreferencesEntity,
};
export type { PurgePlanStatus } from './retention.entities';
export type { LetterKind } from './letter.entity';
export type { DeliveredDocument, DeliveryMethod } from './delivery.entity';
export type { ProductionStatus } from './production.entity';
export type { RecordImportFile, RecordImportStatus } from './record-import.entity';
export type { Recommendation, Sufficiency } from './review.entity';

export const ENTITIES = [
  UserEntity, CaseEntity, DocumentEntity, RecordImportEntity, PatronRecordEntity, ReviewEntity, DecisionEntity,
  DeadlineEntity, ProductionEntity, LetterEntity, AuditEventEntity, OutboxMessageEntity, SettingEntity, PreservationHoldEntity, NotificationEntity,
  LegalHoldEntity, PatronNoticeEntity, PurgePlanEntity,
  AuthSessionEntity, CaseDutyEntity,
  UserPreferencesEntity, NotificationEmailEntity,
  ReviewReturnEntity,
  BatesSequenceEntity, DeliveryEntity, DeliveryLinkEntity,
];
