import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { rm } from 'node:fs/promises';
import { QueryFailedError } from 'typeorm';
import { CaseNotFoundError, CaseStateConflictError, DutyConflictError, RuleViolationError, UnnamedProductionOfficialError } from '@custodian/cases';
import { IllegalTransitionError } from '@custodian/domain';
import { describeError } from '@custodian/persistence';
import { RateLimitedLog } from '@custodian/queues';
import { SealedFileError } from '@custodian/storage';
import { dependencyDown } from './unavailable';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  [extra: string]: unknown;
}

/**
 * Every error leaves as JSON `{statusCode, error, message}`; domain errors get their 4xx, anything
 * unexpected a bare 500 with no stack or message (which might echo patron data) sent or logged.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');
  /** An outage turns every request into a 503: a few lines say so, not one per request. */
  private readonly outageLog = new RateLimitedLog((message) => this.logger.warn(message));

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    // A refused upload must not leave its temporary file behind.
    const upload = host.switchToHttp().getRequest<{ file?: { path?: string } }>().file;
    if (upload?.path) void rm(upload.path, { force: true }).catch(() => undefined);
    const down = dependencyDown(exception);
    if (down) {
      this.outageLog.log(down, `answering 503: the ${down === 'queue' ? 'job queue (Redis)' : 'database'} is unavailable (${describeError(exception)})`);
      if (!response.headersSent) {
        response.setHeader('Retry-After', '5');
        response.status(503).json({ statusCode: 503, error: 'Service Unavailable', message: down === 'queue' ? 'The job queue is unavailable; nothing was changed. Try again shortly.' : 'The database is unavailable; nothing was changed. Try again shortly.' });
      }
      return;
    }
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      const error = exception as Error;
      this.logger.error({ err: { type: describeError(error), stack: stackFrames(error) } }, 'unhandled error');
    }
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const fromNest = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : { message: raw };
      return { statusCode: status, error: httpErrorName(status), message: (fromNest.message as string) ?? exception.message, ...omit(fromNest, ['statusCode', 'error', 'message']) };
    }
    if (exception instanceof CaseNotFoundError) return { statusCode: 404, error: 'Not Found', message: 'Case not found' };
    if (exception instanceof CaseStateConflictError) {
      return { statusCode: 409, error: 'Conflict', message: exception.message, currentState: exception.currentState, pendingStep: exception.pendingStep };
    }
    if (exception instanceof IllegalTransitionError) {
      return { statusCode: 409, error: 'Conflict', message: exception.message, currentState: exception.currentState };
    }
    if (exception instanceof DutyConflictError) return { statusCode: 403, error: 'Forbidden', message: exception.message };
    if (exception instanceof RuleViolationError) return { statusCode: 422, error: 'Unprocessable Entity', message: exception.message, details: exception.details };
    // The preview names staff, never patrons: the message says whose name or title to record.
    if (exception instanceof UnnamedProductionOfficialError) return { statusCode: 422, error: 'Unprocessable Entity', message: exception.message };
    if (exception instanceof QueryFailedError && /unique|duplicate/i.test(exception.message)) {
      return { statusCode: 409, error: 'Conflict', message: 'This was already done or conflicts with an existing record' };
    }
    if (exception instanceof SealedFileError) {
      // Fails closed: an altered, cut-short or unsealed file, or one sealed with a key no longer configured.
      return { statusCode: 500, error: 'Internal Server Error', message: `The stored file was not served: ${exception.message}`, problem: exception.problem };
    }
    if (isBodyParserError(exception)) return { statusCode: exception.status, error: httpErrorName(exception.status), message: 'Request body is not valid JSON or is too large' };
    return { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' };
  }
}

function isBodyParserError(error: unknown): error is { status: number; type: string } {
  const e = error as { status?: number; type?: string };
  return typeof e?.status === 'number' && e.status >= 400 && e.status < 500 && typeof e.type === 'string';
}

function httpErrorName(status: number): string {
  return (HttpStatus[status] ?? 'Error')
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

function omit(object: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}

/** The stack's frames without its first line, which holds the message. */
export function stackFrames(error: Error | undefined): string | undefined {
  return error?.stack?.split('\n').slice(1, 8).join('\n');
}
