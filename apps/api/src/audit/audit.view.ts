import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FreeForm, Int, MapOf, Moment, NullableText, OneOf, Text } from '../openapi/schema';

export class ChainLinkView {
  @Int() seq: number;
  @Text({ description: 'HMAC-SHA-256 of the event, hex' }) hash: string;
}

export class ChainBreakView {
  @Int() seq: number;
  @OneOf(['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap', 'unkeyed_after_keyed', 'truncated', 'exported_head_mismatch']) reason: string;
}

export class ExportedHeadCheckView extends ChainLinkView {
  @Text({ format: 'date-time' }) exportedAt: string;
  @ApiProperty({ type: Boolean }) signatureValid: boolean;
  @ApiProperty({ type: Boolean, description: 'The chain passes through this head' }) found: boolean;
}

export class ChainVerificationView {
  @ApiProperty({ type: Boolean }) ok: boolean;
  @Int() events: number;
  @ApiProperty({ type: ChainLinkView, nullable: true }) head: ChainLinkView | null;
  @ApiProperty({ type: ChainBreakView, nullable: true }) firstBroken: ChainBreakView | null;
  @Int({ description: 'Events of the unkeyed chain kept from before the keyed one' }) unkeyedEvents: number;
  @ApiPropertyOptional({ type: ExportedHeadCheckView, nullable: true, description: 'The last exported head it was checked against' }) exportedHead?: ExportedHeadCheckView | null;
}

export class ExportedHeadView extends ChainLinkView {
  @Text({ format: 'date-time' }) at: string;
  @Text({ format: 'date-time' }) exportedAt: string;
  @Text() signature: string;
  @ApiProperty({ type: Boolean }) signatureValid: boolean;
}

export class AuditHeadView {
  @ApiProperty({ type: ChainLinkView, nullable: true }) head: ChainLinkView | null;
  @Int() events: number;
  @ApiProperty({ type: ExportedHeadView, nullable: true }) lastExported: ExportedHeadView | null;
}

export class CaseEventView {
  @Int() seq: number;
  @Moment() at: Date;
  @NullableText({ description: 'The username' }) actor: string | null;
  @NullableText({ description: "The person's name" }) actorName: string | null;
  @Text({ example: 'case.submitted' }) action: string;
  @Text({ example: 'case' }) objectType: string;
  @NullableText() objectId: string | null;
  @OneOf(['success', 'denied', 'failure']) outcome: 'success' | 'denied' | 'failure';
  @FreeForm('Ids, counts and codes of the event (never patron data); differs per action', { nullable: true }) details: Record<string, unknown> | null;
}

export class EventPersonView {
  @Text() displayName: string;
  @Text() title: string;
}

export class CaseTimelineView {
  @ApiProperty({ type: [CaseEventView], description: 'Oldest first' }) items: CaseEventView[];
  @MapOf({ $ref: '#/components/schemas/EventPersonView' }, { description: 'User id → name and title of everyone the events name' }) people: Record<string, EventPersonView>;
}
