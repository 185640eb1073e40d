import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { CASE_STATES, CaseState, REQUEST_TYPES, RequestType } from '@custodian/domain';
import { ISO_DATE, ISO_DATE_MESSAGE } from './scope.dto';

export class ListCasesQuery {
  @ApiPropertyOptional({ enum: CASE_STATES }) @IsOptional() @IsIn(CASE_STATES, { message: `status must be one of: ${CASE_STATES.join(', ')}` }) status?: CaseState;
  @ApiPropertyOptional({ enum: REQUEST_TYPES }) @IsOptional() @IsIn(REQUEST_TYPES, { message: `type must be one of: ${REQUEST_TYPES.join(', ')}` }) type?: RequestType;
  @ApiPropertyOptional({ description: 'Cases with an open deadline on or before this date' }) @IsOptional() @Matches(ISO_DATE, { message: `dueBefore ${ISO_DATE_MESSAGE}` }) dueBefore?: string;
  @ApiPropertyOptional({ description: 'User id of an assignee, or "me"' }) @IsOptional() @IsString() @Matches(/^(me|[0-9a-f-]{36})$/, { message: 'assignee must be a user id or "me"' }) assignee?: string;
  @ApiPropertyOptional({ description: 'Text in the case number, requester, agency or summary' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ type: Number, default: 1, minimum: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10000) page = 1;
  @ApiPropertyOptional({ type: Number, default: 50, minimum: 1, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize = 50;
}

export class CaseIdParam {
  @IsUUID('4', { message: 'id must be a case id (UUID)' }) id: string;
}
