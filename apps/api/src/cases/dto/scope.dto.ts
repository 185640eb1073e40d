import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, Validate, ValidatorConstraint, ValidatorConstraintInterface, ValidationArguments } from 'class-validator';
import { CARD_NUMBER_MAX_LENGTH, CARD_NUMBER_RULE, CARD_NUMBER_SHAPE, RECORD_TYPES, RecordType, isCardNumber } from '@custodian/domain';

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

/** A library card number as `cardNumberProblem` (libs/domain/src/card-number.ts) allows: "abc" or "abc, 123" is refused. */
@ValidatorConstraint({ name: 'cardNumber' })
export class CardNumberShape implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isCardNumber(value);
  }
  defaultMessage(args: ValidationArguments): string {
    // The value itself is not repeated: it is a patron's identifier.
    return args.property === 'cardNumbers' ? `each card number must be ${CARD_NUMBER_RULE}` : `${args.property} must be a library card number: ${CARD_NUMBER_RULE}`;
  }
}

/** Named patrons (card numbers), an inclusive date range and record types. */
export class ScopeDto {
  @ApiProperty({ type: 'array', items: { type: 'string', maxLength: CARD_NUMBER_MAX_LENGTH, pattern: CARD_NUMBER_SHAPE.source }, minItems: 1, maxItems: 200, example: ['23000000012345'], description: `Library card numbers (Koha's cardnumber): ${CARD_NUMBER_RULE}` })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200) @ArrayUnique()
  @IsString({ each: true }) @Validate(CardNumberShape, { each: true })
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
