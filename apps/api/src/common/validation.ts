import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

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

/** Unknown fields are rejected, known ones converted to their declared types, every error named by field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
