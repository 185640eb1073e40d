import { QueueUnavailableError } from '@custodian/queues';

/** SQLSTATE classes and codes that mean "the database is not there right now", not "your request is wrong". */
const DATABASE_DOWN_CODES = /^(08...|57P0[1-4]|53300|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN)$/;
const DATABASE_DOWN_MESSAGES = /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect|Connection is not established|database system is (shutting down|starting up)/i;
/** What ioredis and BullMQ throw while Redis is unreachable. */
const REDIS_DOWN = /enableOfflineQueue|Command timed out|MaxRetriesPerRequest|Connection is closed|Stream isn't writeable/i;

/**
 * An error caused by a dependency being down (database or queue), which the client should retry later: the API
 * answers 503 with Retry-After instead of a 500, and the change it asked for was not committed.
 */
export function dependencyDown(error: unknown): 'database' | 'queue' | null {
  if (error instanceof QueueUnavailableError) return 'queue';
  if (!(error instanceof Error)) return null;
  const driver = (error as { driverError?: { code?: unknown; message?: unknown } }).driverError;
  const code = String(driver?.code ?? (error as { code?: unknown }).code ?? '');
  const message = `${error.message} ${typeof driver?.message === 'string' ? driver.message : ''}`;
  if (REDIS_DOWN.test(message) || error.name === 'MaxRetriesPerRequestError') return 'queue';
  if (DATABASE_DOWN_CODES.test(code) || DATABASE_DOWN_MESSAGES.test(message)) return 'database';
  return null;
}
