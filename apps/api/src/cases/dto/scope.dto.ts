import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, Validate, ValidatorConstraint, ValidatorConstraintInterface, ValidationArguments } from 'class-validator';
import { RECORD_TYPES, RecordType } from '@custodian/domain';

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const ISO_DATE_MESSAGE = 'must be a date written YYYY-MM-DD';

@ValidatorConstraint({ name: 'dateOrder' })
class FromNotAfterTo implements ValidatorConstraintInterface {
  validate(to: string, args: ValidationArguments): boolean {
    const from = (args.object as ScopeDto).from;
    return typeof from !== 'string' || typeof to !== 'string' || from <= to;
  }
  defaultMessage(): string {
    return 'to must be on or after from';
  }
}

/** Named patrons (card numbers), an inclusive date range and record types. */
export class ScopeDto {
  @ApiProperty({ example: ['23000000012345'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ArrayUnique()
  @IsString({ each: true }) @Matches(/^[A-Za-z0-9](?:[A-Za-z0-9 -]{0,30}[A-Za-z0-9])?$/, { each: true, message: "each card number must be 1-32 letters, digits, dashes or inner spaces (Koha's varchar(32))" })
  cardNumbers: string[];

  @ApiProperty({ example: '2026-01-01' }) @IsString() @Matches(ISO_DATE, { message: `from ${ISO_DATE_MESSAGE}` }) from: string;

  @ApiProperty({ example: '2026-02-28' })
  @IsString() @Matches(ISO_DATE, { message: `to ${ISO_DATE_MESSAGE}` }) @Validate(FromNotAfterTo)
  to: string;

  @ApiProperty({ enum: RECORD_TYPES, isArray: true })
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(RECORD_TYPES, { each: true, message: `each record type must be one of: ${RECORD_TYPES.join(', ')}` })
  recordTypes: RecordType[];

  @ApiPropertyOptional({ description: 'Produce patron contact details (address, e-mail, phone) when the instrument names them' })
  @IsOptional() @IsBoolean()
  includeContactDetails?: boolean;
}
