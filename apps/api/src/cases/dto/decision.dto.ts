import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const DECISIONS = ['approve', 'deny'] as const;

export class DecisionDto {
  @ApiProperty({ enum: DECISIONS }) @IsIn(DECISIONS, { message: 'decision must be approve or deny' }) decision: (typeof DECISIONS)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) note?: string;
  @ApiPropertyOptional({ description: 'Reason codes for a denial; the review\'s reasons are used when omitted' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Matches(/^[A-Z0-9_]{2,64}$/, { each: true, message: 'each reason must be a reason code' })
  reasons?: string[];
}
