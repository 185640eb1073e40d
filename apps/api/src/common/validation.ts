import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

/** Flattens nested validation errors to `field.path: message` pairs a form can show next to each field. */
export function fieldErrors(errors: ValidationError[], parent = ''): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) result[path] = Object.values(error.constraints);
    Object.assign(result, fieldErrors(error.children ?? [], path));
  }
  return result;
}

/**
 * A body is always a JSON object: no body counts as `{}`, and an array, string or number (which a DTO would
 * otherwise see as a list of DTOs, or not validate at all) is a 400 before validation.
 */
class BodyShapeValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Only the whole body (`@Body()`); `@Body('field')` gets one field, which may be anything.
    if (metadata.type === 'body' && metadata.data === undefined) {
      if (value === undefined) value = {};
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: ['body: must be a JSON object'], fields: { body: ['must be a JSON object'] } });
      }
    }
    return super.transform(value, metadata);
  }
}

/** Unknown fields are rejected, known ones converted to their declared types, every error named by field. */
export function createValidationPipe(): ValidationPipe {
  return new BodyShapeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = fieldErrors(errors);
      const message = Object.entries(fields).flatMap(([field, messages]) => messages.map((m) => (m.startsWith(field.split('.').pop()!) ? `${field}: ${m}` : `${field}: ${m}`)));
      return new BadRequestException({ statusCode: 400, error: 'Bad Request', message, fields });
    },
  });
}
