import type { components } from './openapi';
import type { Contradiction } from './schema';

/**
 * The API's error body (`ErrorBody` in the OpenAPI document: `{statusCode, error, message, fields?, currentState?,
 * details?}`); the same shape describes problems found before sending and network failures.
 */
export type ErrorBody = components['schemas']['ErrorBody'];

const TITLES: Record<number, string> = {
  0: 'The server could not be reached',
  400: 'Some of what was entered needs correcting',
  401: 'You need to sign in again',
  403: 'You are not allowed to do this',
  404: 'Not found',
  409: 'The case has moved on',
  413: 'The file is too large',
  422: 'The request was not accepted',
};

/** Any failed call to the API, with helpers that turn the body into what a screen shows. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(Array.isArray(body.message) ? body.message.join('; ') : body.message);
    this.name = 'ApiError';
  }

  /** True for problems found in the browser before anything was sent. */
  local = false;

  /** Blank required fields caught before sending, shown exactly like the server's field errors. */
  static notSent(fields: Record<string, string[]>): ApiError {
    const error = new ApiError(400, { statusCode: 400, error: 'Not sent', message: Object.entries(fields).flatMap(([f, ms]) => ms.map((m) => `${f}: ${m}`)), fields });
    error.local = true;
    return error;
  }

  static network(cause: unknown): ApiError {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return new ApiError(0, { statusCode: 0, error: 'Network error', message: `Check the connection and try again (${detail}).` });
  }

  get title(): string {
    return TITLES[this.status] ?? (this.status >= 500 ? 'The server failed to do this' : this.body.error || 'Request failed');
  }

  /** Every message, one per line: the API sends a string or a list. */
  get messages(): string[] {
    const { message } = this.body;
    const list = Array.isArray(message) ? message : [message];
    const fields = this.body.fields ?? {};
    // "scope.from: from must be a date written YYYY-MM-DD" is shown at its field; what is left reads as a sentence.
    return list
      .filter((m) => typeof m === 'string' && m.length > 0)
      .filter((m) => !Object.keys(fields).some((f) => m.startsWith(`${f}: `)))
      .map((m) => (/^HTTP \d{3}/.test(m) ? this.title : m));
  }

  /** Field errors keyed by field path ("requester.agency"), from `fields` and from 422 `details`. */
  get fieldErrors(): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    for (const [field, messages] of Object.entries(this.body.fields ?? {})) result[field] = messages.map((m) => (this.local ? m : plainMessage(m, field)));
    for (const detail of this.body.details ?? []) {
      if (isFieldDetail(detail)) (result[detail.field] ??= []).push(plainMessage(detail.message, detail.field));
    }
    return result;
  }

  /** The rule contradictions a 422 on a review carries; each needs an override reason. */
  get contradictions(): Contradiction[] {
    return (this.body.details ?? []).filter(isContradiction);
  }
}

function isFieldDetail(value: unknown): value is { field: string; message: string } {
  const v = value as { field?: unknown; message?: unknown; code?: unknown };
  return typeof v?.field === 'string' && typeof v.message === 'string' && v.code === undefined;
}

function isContradiction(value: unknown): value is Contradiction {
  const v = value as { code?: unknown; message?: unknown; citation?: unknown };
  return typeof v?.code === 'string' && typeof v.message === 'string' && typeof v.citation === 'string';
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return ApiError.network(error);
}

/**
 * The API's validation messages are written for developers ("email must be an email", "property x should not
 * exist"). Each known pattern becomes a sentence for the person at the form; the field's own label is shown next
 * to it, so the field's name is dropped. Unknown messages pass through with the leading field name trimmed.
 */
const PLAIN: [RegExp, (m: RegExpExecArray) => string][] = [
  [/must be an email$/, () => 'Enter an e-mail address such as name@agency.gov.'],
  [/should not be empty$|must not be empty$|should not be null or undefined$/, () => 'This is required.'],
  [/must be longer than or equal to (\d+) characters$/, (m) => `Use at least ${m[1]} characters.`],
  [/must be shorter than or equal to (\d+) characters$/, (m) => `Use at most ${m[1]} characters.`],
  [/must not be greater than (\d+)$/, (m) => `Enter ${m[1]} or less.`],
  [/must not be less than (\d+)$/, (m) => `Enter ${m[1]} or more.`],
  [/must be an integer number$/, () => 'Enter a whole number.'],
  [/must be a number conforming to the specified constraints$/, () => 'Enter a number.'],
  [/must be a boolean value$/, () => 'Choose yes or no.'],
  [/must be a valid ISO 8601 date string$|must be a Date instance$/, () => 'Enter a date.'],
  [/must be a UUID$/, () => 'This does not refer to anything known.'],
  [/must be one of the following values: (.+)$/, () => 'Choose one of the options offered.'],
  [/^property (\S+) should not exist$/, (m) => `“${m[1]}” is not something this form accepts.`],
  [/must be an array$/, () => 'Choose at least one.'],
  [/must contain at least (\d+) elements?$/, (m) => (m[1] === '1' ? 'Choose or enter at least one.' : `Choose or enter at least ${m[1]}.`)],
  [/must contain no more than (\d+) elements?$/, (m) => `At most ${m[1]}.`],
  [/All (\S+)'s elements must be unique$/, () => 'Each entry may appear only once.'],
  [/must be a string$/, () => 'Enter text here.'],
  [/must match .+ regular expression$/, () => 'This is not in the expected format.'],
  [/^currentPassword is wrong$/, () => 'That is not the password you signed in with.'],
];

export function plainMessage(message: string, field?: string): string {
  for (const [pattern, say] of PLAIN) {
    const match = pattern.exec(message);
    if (match) return say(match);
  }
  // "to must be on or after from" → "Must be on or after from"; the label beside it names the field.
  const last = field?.split('.').pop();
  const trimmed = last && message.startsWith(`${last} `) ? message.slice(last.length + 1) : message;
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}
