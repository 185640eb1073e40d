import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import pino from 'pino';
import { AppConfig, prettyLogTransport } from '@custodian/config';

/**
 * Structured JSON logs with a request id. URLs are logged without their query string (a search may name a
 * patron), bodies are never logged, and credentials are redacted.
 */
export function loggerParams(config: AppConfig): Params {
  const options = {
    level: config.LOG_LEVEL,
    genReqId: (req: IncomingMessage) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    },
    serializers: {
      // A calendar feed's and a delivery link's address is its credential: log that one was used, never which.
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: withoutCredentials(req.url.split('?')[0]) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    customProps: (req: IncomingMessage & { user?: { id: string } }) => ({ userId: req.user?.id }),
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
  };
  // Readable lines for a person at a terminal go through pino-pretty's transport; everything else is JSON on async stdout.
  const pretty = prettyLogTransport(config);
  return { pinoHttp: pretty ? { ...options, transport: pretty } : [options, asyncStdout()] };
}

/** A path with the tokens that are credentials (calendar feeds, secure delivery links and their acknowledgements) replaced by their kind. */
export function withoutCredentials(path: string): string {
  return path.replace(/^\/calendar\/[^/]+$/, '/calendar/[feed]').replace(/^\/api\/public\/deliveries\/[^/]+/, '/api/public/deliveries/[link]');
}

/**
 * Standard output written asynchronously (sonic-boom): a log line no longer blocks the request on a write to a slow
 * pipe or file (log writes were 9% of the API's CPU profile). pino flushes what is buffered when the process exits.
 */
export function asyncStdout(): pino.DestinationStream {
  return pino.destination({ dest: 1, sync: false });
}
