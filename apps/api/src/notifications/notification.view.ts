import { ApiProperty } from '@nestjs/swagger';
import { Int, Moment, NullableMoment, NullableText, OneOf, Text } from '../openapi/schema';

export const NOTIFICATION_KINDS = ['due_soon', 'overdue', 'gag_lapsed', 'production_failed', 'assigned', 'notice_due', 'purge_review', 'sent_back'] as const;

export class NotificationView {
  @Text({ format: 'uuid' }) id: string;
  @Text({ format: 'uuid' }) userId: string;
  @NullableText({ format: 'uuid' }) caseId: string | null;
  @NullableText({ example: 'PR-2026-0042' }) caseNumber: string | null;
  @OneOf(NOTIFICATION_KINDS, 'NotificationKind') kind: (typeof NOTIFICATION_KINDS)[number];
  @Text({ example: 'PR-2026-0042: CPRA determination is due in 2 days' }) message: string;
  @Moment() createdAt: Date;
  @NullableMoment() readAt: Date | null;
}

export class NotificationListView {
  @ApiProperty({ type: [NotificationView], description: 'Newest first, at most 100' }) items: NotificationView[];
  @Int() unread: number;
}

export class MarkedView {
  @Int({ description: 'How many were unread and are now read' }) marked: number;
}
