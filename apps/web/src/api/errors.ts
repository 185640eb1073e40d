import type { Contradiction } from './types';

/** The API's error body: `{statusCode, error, message, fields?, currentState?, details?}`. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  fields?: Record<string, string[]>;
  currentState?: string;
  pendingStep?: string | null;
  details?: unknown[];
}

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
    return list.filter((m) => typeof m === 'string' && m.length > 0);
  }

  /** Field errors keyed by field path ("requester.agency"), from `fields` and from 422 `details`. */
  get fieldErrors(): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    for (const [field, messages] of Object.entries(this.body.fields ?? {})) result[field] = [...messages];
    for (const detail of this.body.details ?? []) {
      if (isFieldDetail(detail)) (result[detail.field] ??= []).push(detail.message);
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
