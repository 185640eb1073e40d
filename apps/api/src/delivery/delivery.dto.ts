import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

export const DELIVERY_METHODS = ['in_person', 'mail', 'court_sealed_envelope', 'secure_link'] as const;
export const DELIVERED_DOCUMENTS = ['production', 'denial_letter'] as const;

export class CreateDeliveryDto {
  @ApiProperty({ enum: DELIVERED_DOCUMENTS }) @IsIn(DELIVERED_DOCUMENTS, { message: 'document must be production or denial_letter' })
  document: (typeof DELIVERED_DOCUMENTS)[number];

  @ApiProperty({ enum: DELIVERY_METHODS })
  @IsIn(DELIVERY_METHODS, { message: 'method must be in_person, mail, court_sealed_envelope or secure_link' })
  method: (typeof DELIVERY_METHODS)[number];

  @ApiProperty({ description: 'Who received it (for a secure link: the requester it is for)' })
  @IsString() @MinLength(2) @MaxLength(300)
  recipient: string;

  @ApiPropertyOptional({ description: 'Required for mail' })
  @ValidateIf((body: CreateDeliveryDto) => body.method === 'mail' || body.trackingNumber !== undefined)
  @IsString() @Matches(/^[A-Za-z0-9 -]{6,60}$/, { message: 'trackingNumber is required for mail: 6-60 letters, digits, spaces or hyphens' })
  trackingNumber?: string;

  @ApiPropertyOptional({ description: 'When it was handed over or posted (ISO 8601; default now): not in the future, not before the file existed. Not for a secure link.' })
  @IsOptional() @IsISO8601({ strict: true }, { message: 'deliveredAt must be an ISO 8601 date-time' })
  deliveredAt?: string;

  @ApiPropertyOptional({ description: 'The SHA-256 the recipient acknowledged; required except for a secure link (the recipient acknowledges through the link after downloading)' })
  @ValidateIf((body: CreateDeliveryDto) => body.method !== 'secure_link' || body.acknowledgedSha256 !== undefined)
  @IsString() @Matches(/^[0-9a-f]{64}$/, { message: 'acknowledgedSha256 must be the 64-hex-digit SHA-256 of the delivered file' })
  acknowledgedSha256?: string;

  @ApiPropertyOptional({ description: 'Secure link: hours until it expires (1-720, default 72)' })
  @IsOptional() @IsInt() @Min(1) @Max(720)
  expiresInHours?: number;

  @ApiPropertyOptional({ description: 'Secure link: how many downloads it allows (1-10, default 3)' })
  @IsOptional() @IsInt() @Min(1) @Max(10)
  maxDownloads?: number;
}

/** The recipient's acknowledgement through a secure link: the SHA-256 of the file they received. */
export class AcknowledgeDeliveryDto {
  @ApiProperty({ description: 'SHA-256 of the downloaded file (64 lowercase hex digits); the X-Content-SHA256 header of the download gives it', pattern: '^[0-9a-f]{64}$' })
  @IsString() @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be the 64-lowercase-hex-digit SHA-256 of the downloaded file' })
  sha256: string;
}
