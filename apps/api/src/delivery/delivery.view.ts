import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Flag, Int, Moment, NullableMoment, NullableText, OneOf, Text } from '../openapi/schema';

export const DELIVERY_METHODS = ['in_person', 'mail', 'court_sealed_envelope', 'secure_link'] as const;
export const DELIVERED_DOCUMENTS = ['production', 'denial_letter'] as const;

export class DeliveryLinkStateView {
  @Moment() expiresAt: Date;
  @Int() maxDownloads: number;
  @Int() downloads: number;
  @NullableMoment() revokedAt: Date | null;
  @NullableMoment() lastDownloadAt: Date | null;
}

export class DeliveryView {
  @Text({ format: 'uuid' }) id: string;
  @OneOf(DELIVERED_DOCUMENTS, 'DeliveredDocument') document: (typeof DELIVERED_DOCUMENTS)[number];
  @OneOf(DELIVERY_METHODS, 'DeliveryMethod') method: (typeof DELIVERY_METHODS)[number];
  @Text() recipient: string;
  @NullableText() trackingNumber: string | null;
  @Text({ description: 'SHA-256 of the file delivered' }) sha256: string;
  @NullableText({ description: 'The SHA-256 the recipient acknowledged (a secure link: null until the recipient acknowledges through it)' }) acknowledgedSha256: string | null;
  @NullableMoment({ description: 'When the recipient acknowledged the file; null while a downloaded secure link waits for it' }) acknowledgedAt: Date | null;
  @NullableMoment({ description: 'Null for a secure link until its first download' }) deliveredAt: Date | null;
  @Moment() createdAt: Date;
  @ApiProperty({ type: DeliveryLinkStateView, nullable: true }) link: DeliveryLinkStateView | null;
}

export class NewDeliveryLinkView {
  @Text({ description: 'Shown once: only its hash is kept' }) token: string;
  @Text({ example: '/api/public/deliveries/…' }) path: string;
  @Moment() expiresAt: Date;
  @Int() maxDownloads: number;
}

export class DeliveryCreatedView {
  @ApiProperty({ type: DeliveryView }) delivery: DeliveryView;
  @ApiPropertyOptional({ type: NewDeliveryLinkView, description: 'For method secure_link: the address to send the recipient' }) link?: NewDeliveryLinkView;
}

export class DeliveryListView {
  @ApiProperty({ type: [DeliveryView] }) items: DeliveryView[];
}

export class RevokedView {
  @Flag() revoked: boolean;
}

export class AcknowledgementView {
  @Text({ description: 'The SHA-256 acknowledged: the delivered file\'s' }) acknowledgedSha256: string;
  @Moment() acknowledgedAt: Date;
}
