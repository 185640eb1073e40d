import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength, Validate, ValidateNested, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { ScopeDto } from './scope.dto';

export const SUFFICIENCY = ['sufficient', 'insufficient', 'needs_info'] as const;
export const RECOMMENDATIONS = ['fulfil', 'partial', 'deny'] as const;

@ValidatorConstraint({ name: 'checklistAnswers' })
class ChecklistAnswers implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return (
      typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length <= 50 &&
      Object.entries(value).every(([key, answer]) => /^[a-z0-9_]{1,64}$/.test(key) && typeof answer === 'boolean')
    );
  }
  defaultMessage(): string {
    return 'checklist must map checklist item keys (snake_case) to true or false';
  }
}

export class ReviewDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'boolean' }, description: 'Checklist item key → answer', example: { signed_by_magistrate: true } }) @IsObject() @Validate(ChecklistAnswers) checklist: Record<string, boolean>;
  @ApiProperty({ enum: SUFFICIENCY }) @IsIn(SUFFICIENCY, { message: `sufficiency must be one of: ${SUFFICIENCY.join(', ')}` }) sufficiency: (typeof SUFFICIENCY)[number];
  @ApiProperty({ enum: RECOMMENDATIONS }) @IsIn(RECOMMENDATIONS, { message: `recommendation must be one of: ${RECOMMENDATIONS.join(', ')}` }) recommendation: (typeof RECOMMENDATIONS)[number];
  @ApiProperty({ example: ['NO_LEGAL_BASIS'] })
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Matches(/^[A-Z0-9_]{2,64}$/, { each: true, message: 'each reason must be a reason code such as NO_LEGAL_BASIS' })
  reasons: string[];
  @ApiPropertyOptional({ type: ScopeDto, description: 'Narrowed scope; only ever smaller than the request' })
  @IsOptional() @IsObject({ message: 'scope must be an object' }) @ValidateNested() @Type(() => ScopeDto) scope?: ScopeDto;
  @ApiPropertyOptional({ description: 'Privileged: readable by attorneys and the director only' }) @IsOptional() @IsString() @MaxLength(20000) memo?: string;
  @ApiPropertyOptional({ description: 'What the requester must cure (with sufficiency needs_info)' }) @IsOptional() @IsString() @MinLength(1) @MaxLength(5000) cureRequest?: string;
  @ApiPropertyOptional({ description: 'Why the review stands despite the contradictions the system flagged' }) @IsOptional() @IsString() @MinLength(10) @MaxLength(5000) overrideReason?: string;
}
