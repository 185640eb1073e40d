import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, Matches, Validate, ValidateNested, ValidatorConstraint, ValidatorConstraintInterface, ValidationArguments } from 'class-validator';
import { ALIAS_MAX_LENGTH, ALIAS_RULE, CARD_NUMBER_MAX_LENGTH, CARD_NUMBER_RULE, CARD_NUMBER_SHAPE, RECORD_TYPES, RecordType, aliasProblems, aliasShapeProblem, isCardNumber } from '@custodian/domain';

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

/** An alias on its own: printable, short, with a letter or digit (`aliasShapeProblem`, libs/domain/src/scope.ts). */
@ValidatorConstraint({ name: 'aliasShape' })
class AliasShape implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return aliasShapeProblem(value) === null;
  }
  defaultMessage(args: ValidationArguments): string {
    return `alias ${aliasShapeProblem(args.value) ?? 'is not valid'}`;
  }
}

/** The aliases against the scope they belong to: a named patron each, one per patron, distinct, no card number in them. */
@ValidatorConstraint({ name: 'aliasesFitScope' })
class AliasesFitScope implements ValidatorConstraintInterface {
  validate(aliases: unknown, args: ValidationArguments): boolean {
    return this.problems(aliases, args).length === 0;
  }
  defaultMessage(args: ValidationArguments): string {
    return this.problems(args.value, args).map((problem) => `aliases[${problem.index}]: ${problem.message}`).join('; ') || 'aliases are not valid';
  }
  private problems(aliases: unknown, args: ValidationArguments) {
    const cardNumbers = (args.object as ScopeDto).cardNumbers;
    // Wrong kinds and shapes are the other decorators' to report; this one judges well-formed entries only.
    const wellFormed = (entry: unknown) => entry instanceof PatronAliasDto && isCardNumber(entry.cardNumber) && aliasShapeProblem(entry.alias) === null;
    if (!Array.isArray(aliases) || !Array.isArray(cardNumbers) || !aliases.every(wellFormed)) return [];
    return aliasProblems({ cardNumbers: cardNumbers.filter((card): card is string => typeof card === 'string'), aliases });
  }
}

/** One patron printed by an alias instead of the card number (which the production then withholds). */
export class PatronAliasDto {
  @ApiProperty({ maxLength: CARD_NUMBER_MAX_LENGTH, pattern: CARD_NUMBER_SHAPE.source, example: '23000000012345', description: 'One of the scope’s card numbers' })
  @IsString() @Validate(CardNumberShape)
  cardNumber: string;

  @ApiProperty({ maxLength: ALIAS_MAX_LENGTH, minLength: 1, example: 'Patron A', description: `Printed instead of the card number: ${ALIAS_RULE}` })
  @IsString() @Validate(AliasShape)
  alias: string;
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

  @ApiPropertyOptional({ type: [PatronAliasDto], maxItems: 200, description: 'Patrons the production names by an alias instead of the card number (e.g. a court order’s "Patron A"); their card numbers are then withheld. A narrowed scope keeps the request’s aliases and may add its own.' })
  @IsOptional() @IsArray() @ArrayMaxSize(200)
  @IsObject({ each: true, message: 'each alias must be an object {cardNumber, alias}' }) @ValidateNested({ each: true }) @Type(() => PatronAliasDto)
  @Validate(AliasesFitScope)
  aliases?: PatronAliasDto[];
}
