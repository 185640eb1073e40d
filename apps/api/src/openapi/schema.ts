import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';

/**
 * Shorthands for response schemas. A property that may be null must say its type (TypeScript's metadata reads
 * `string | null` as Object, which would put an empty schema in the document); these say it once.
 */
export const Text = (options: ApiPropertyOptions = {}) => ApiProperty({ type: String, ...options } as ApiPropertyOptions);
export const NullableText = (options: ApiPropertyOptions = {}) => ApiProperty({ type: String, nullable: true, ...options } as ApiPropertyOptions);
export const Int = (options: ApiPropertyOptions = {}) => ApiProperty({ type: 'integer', ...options } as ApiPropertyOptions);
export const NullableInt = (options: ApiPropertyOptions = {}) => ApiProperty({ type: 'integer', nullable: true, ...options } as ApiPropertyOptions);
export const Flag = (options: ApiPropertyOptions = {}) => ApiProperty({ type: Boolean, ...options } as ApiPropertyOptions);
export const Texts = (options: ApiPropertyOptions = {}) => ApiProperty({ type: [String], ...options } as ApiPropertyOptions);
/** A moment, sent as an ISO 8601 date-time string. */
export const Moment = (options: ApiPropertyOptions = {}) => ApiProperty({ type: String, format: 'date-time', ...options } as ApiPropertyOptions);
export const NullableMoment = (options: ApiPropertyOptions = {}) => Moment({ nullable: true, ...options } as ApiPropertyOptions);
/** A calendar date, YYYY-MM-DD. */
export const Day = (options: ApiPropertyOptions = {}) => ApiProperty({ type: String, format: 'date', example: '2026-03-16', ...options } as ApiPropertyOptions);
export const NullableDay = (options: ApiPropertyOptions = {}) => Day({ nullable: true, ...options } as ApiPropertyOptions);
export const OneOf = (values: readonly string[], enumName?: string, options: ApiPropertyOptions = {}) => ApiProperty({ enum: values, ...(enumName ? { enumName } : {}), ...options } as ApiPropertyOptions);
/** A map from a key to values of one schema (`additionalProperties`), never an empty object. */
export const MapOf = (values: Record<string, unknown>, options: ApiPropertyOptions = {}) =>
  ApiProperty({ type: 'object', additionalProperties: values, ...options } as ApiPropertyOptions);
/** JSON whose shape the API does not fix (audit details, a setting group); says so instead of an empty schema. */
export const FreeForm = (description: string, options: ApiPropertyOptions = {}) =>
  ApiProperty({ type: 'object', additionalProperties: true, description, ...options } as ApiPropertyOptions);
export { ApiProperty as Field, ApiPropertyOptional as OptionalField };

/** A file answer (PDF, CSV, calendar): its media types and a binary body. */
export function ApiFileResponse(description: string, ...mediaTypes: string[]) {
  const content = Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]));
  return applyDecorators(ApiProduces(...mediaTypes), ApiOkResponse({ description, content }));
}
