import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsEmail, IsIn, IsISO8601, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength, Validate, ValidateNested } from 'class-validator';
import { CARD_NUMBER_RULE, CHANNELS, Channel, NONDISCLOSURE_BASES, NondisclosureBasis, REQUEST_TYPES, RequestType, VERIFICATION_METHODS, VerificationMethod } from '@custodian/domain';
import { CardNumberShape, ISO_DATE, ISO_DATE_MESSAGE, ScopeDto } from './scope.dto';

export class RequesterDto {
  @ApiProperty({ example: 'Det. A. Ruiz' }) @IsString() @MinLength(1) @MaxLength(200) name: string;
  @ApiPropertyOptional({ example: 'Palm Desert Police' }) @IsOptional() @IsString() @MaxLength(200) agency?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(320) email?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[0-9+().\- x]{3,40}$/, { message: 'phone may contain digits, spaces and + ( ) . - x' }) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) address?: string;
  @ApiPropertyOptional({ example: '4411' }) @IsOptional() @IsString() @MaxLength(40) badgeNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) barNumber?: string;
  @ApiProperty({ enum: VERIFICATION_METHODS, description: 'How the desk checked who the requester is' })
  @IsIn(VERIFICATION_METHODS, { message: `verification must be one of: ${VERIFICATION_METHODS.join(', ')}` })
  verification: VerificationMethod;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) verificationNote?: string;
}

export class InstrumentDto {
  @ApiPropertyOptional({ example: 'Superior Court of California, County of Riverside' }) @IsOptional() @IsString() @MaxLength(300) issuedBy?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) judge?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) docketNumber?: string;
  @ApiPropertyOptional({ example: '2026-03-01' }) @IsOptional() @IsString() @Matches(ISO_DATE, { message: `issuedAt ${ISO_DATE_MESSAGE}` }) issuedAt?: string;
  @ApiPropertyOptional({ example: '2026-03-20' }) @IsOptional() @IsString() @Matches(ISO_DATE, { message: `complianceDate ${ISO_DATE_MESSAGE}` }) complianceDate?: string;
  @ApiPropertyOptional({ description: `For patron consent: the card number of the patron who signed (${CARD_NUMBER_RULE})` })
  @IsOptional() @IsString() @Validate(CardNumberShape)
  consentingCardNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @ApiPropertyOptional({ description: "The city records portal's request number (requests through the city portal)" })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(64) cityPortalNumber?: string;
  @ApiPropertyOptional({ example: '2026-03-01T09:00:00-08:00', description: "When the city's portal received the request; starts the CPRA clock" })
  @IsOptional() @IsISO8601({ strict: true }, { message: 'cityReceivedAt must be an ISO 8601 date-time such as 2026-03-02T16:05:00-08:00' })
  @Matches(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, { message: 'cityReceivedAt must include a time and a UTC offset (Z or ±hh:mm)' })
  cityReceivedAt?: string;
  @ApiPropertyOptional({ description: 'The instrument seeks electronic communication information (CalECPA, Penal Code § 1546 et seq.)' })
  @IsOptional() @IsBoolean() electronicRecords?: boolean;
}

export class CreateCaseDto {
  @ApiProperty({ enum: REQUEST_TYPES })
  @IsIn(REQUEST_TYPES, { message: `requestType must be one of: ${REQUEST_TYPES.join(', ')}` })
  requestType: RequestType;

  @ApiProperty({ example: '2026-03-02T16:05:00-08:00', description: 'When the library received the request, with its UTC offset' })
  @IsISO8601({ strict: true }, { message: 'receivedAt must be an ISO 8601 date-time such as 2026-03-02T16:05:00-08:00' })
  @Matches(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, { message: 'receivedAt must include a time and a UTC offset (Z or ±hh:mm)' })
  receivedAt: string;

  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS, { message: `channel must be one of: ${CHANNELS.join(', ')}` }) channel: Channel;

  @ApiProperty({ type: RequesterDto }) @IsDefined() @IsObject({ message: 'requester must be an object' }) @ValidateNested() @Type(() => RequesterDto) requester: RequesterDto;
  @ApiProperty({ type: InstrumentDto }) @IsDefined() @IsObject({ message: 'instrument must be an object' }) @ValidateNested() @Type(() => InstrumentDto) instrument: InstrumentDto;
  @ApiProperty({ type: ScopeDto }) @IsDefined() @IsObject({ message: 'scope must be an object' }) @ValidateNested() @Type(() => ScopeDto) scope: ScopeDto;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: null, description: 'Last day of a court nondisclosure (gag) order' })
  @IsOptional() @IsString() @Matches(ISO_DATE, { message: `nondisclosureUntil ${ISO_DATE_MESSAGE}` })
  nondisclosureUntil?: string | null;

  @ApiPropertyOptional({ enum: NONDISCLOSURE_BASES, nullable: true, description: 'The law behind nondisclosureUntil: CalECPA delayed notice (Penal Code § 1546.2(b)) or another court order. NSL and FISA cases are gagged by statute regardless.' })
  @IsOptional() @IsIn(NONDISCLOSURE_BASES, { message: `nondisclosureBasis must be one of: ${NONDISCLOSURE_BASES.join(', ')}` })
  nondisclosureBasis?: NondisclosureBasis | null;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() emergency?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) summary?: string;
}

export class UpdateCaseDto extends PartialType(CreateCaseDto) {}
