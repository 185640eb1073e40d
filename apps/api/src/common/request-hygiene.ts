import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { MAX_JSON_DEPTH, bodyProblems, jsonDepthExceeds } from './json-hygiene';

export const MAX_JSON_BODY_BYTES = 1024 * 1024;
/** The only routes that take multipart bodies: the two uploads. */
const MULTIPART_ROUTES = /^\/api\/cases\/[^/]+\/(records|documents)\/?$/;
const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * Everything a request body passes before a controller sees it, in order:
 * 1. a body of any type but JSON (or multipart on an upload route) is refused with 415, so a form-encoded or
 *    text PATCH cannot arrive as an empty change that is then audited;
 * 2. at most 1 MB (413) and at most 32 levels of nesting, measured on the raw bytes before parsing (400);
 * 3. no string or key PostgreSQL, a letter or a prototype should not get (lone surrogates, NUL and other
 *    controls, bidi overrides, `__proto__`-like keys), in the body or the query string, each named by field (400).
 * Errors go to the global ErrorFilter, so each is a JSON body. Also answers malformed HTTP (431, 400) in JSON.
 */
export function installRequestHygiene(app: NestExpressApplication): void {
  app.use(refuseUnsupportedBodies);
  const parseJson = express.json({
      limit: MAX_JSON_BODY_BYTES,
      type: JSON_TYPES,
      verify: (_req, _res, buffer) => {
        if (jsonDepthExceeds(buffer, MAX_JSON_DEPTH)) {
          throw Object.assign(new Error(`the body nests deeper than ${MAX_JSON_DEPTH} levels`), { status: 400, type: 'entity.too.deep', expose: true });
        }
      },
    });
  // The parser's own messages quote the body ("Unexpected token ... in "<text>""): replaced by fixed ones.
  app.use((req: Request, res: Response, next: NextFunction) => parseJson(req, res, (error?: unknown) => next(error === undefined ? undefined : bodyParserFailure(error))));
  app.use(refuseUnsafeStrings);
  answerClientErrorsInJson(app.getHttpServer() as Server);
}

const BODY_PARSER_MESSAGES: Record<string, string> = {
  'entity.parse.failed': 'Request body is not valid JSON',
  'entity.too.large': `Request body is too large (at most ${MAX_JSON_BODY_BYTES / 1024 / 1024} MB of JSON)`,
  'entity.too.deep': `Request body nests too deeply (at most ${MAX_JSON_DEPTH} levels)`,
  'charset.unsupported': 'Request body must be UTF-8',
  'encoding.unsupported': 'Request body encoding is not supported',
  'request.aborted': 'Request was aborted',
  'request.size.invalid': 'Request body size does not match its Content-Length',
};

function bodyParserFailure(error: unknown): unknown {
  const { status, type } = (error ?? {}) as { status?: unknown; type?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500) return error;
  const message = (typeof type === 'string' && BODY_PARSER_MESSAGES[type]) || 'Request body was refused';
  return new HttpException({ statusCode: status, error: HTTP_STATUS_NAMES[status] ?? 'Bad Request', message }, status);
}

const HTTP_STATUS_NAMES: Record<number, string> = { 400: 'Bad Request', 413: 'Payload Too Large', 415: 'Unsupported Media Type' };

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

function refuseUnsupportedBodies(req: Request, _res: Response, next: NextFunction): void {
  if (!hasBody(req)) return next();
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type)) return next();
  if (type === 'multipart/form-data' && req.method === 'POST' && MULTIPART_ROUTES.test(req.path)) return next();
  next(
    new HttpException(
      { statusCode: 415, error: 'Unsupported Media Type', message: `send the body as application/json${MULTIPART_ROUTES.test(req.path) ? ' or multipart/form-data' : ''} (got ${type || 'no content type'})` },
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    ),
  );
}

function refuseUnsafeStrings(req: Request, _res: Response, next: NextFunction): void {
  // A JSON array is valid JSON but no route's body: refused here for every route, with or without a DTO.
  const problems = req.body === undefined ? [] : Array.isArray(req.body) ? [{ field: 'body', message: 'must be a JSON object' }] : bodyProblems(req.body);
  // The query string's values reach the database too (a NUL in a search made PostgreSQL fail the request with a 500).
  problems.push(...bodyProblems(req.query ?? {}));
  if (problems.length === 0) return next();
  next(
    new BadRequestException({
      message: problems.map((p) => `${p.field}: ${p.message}`),
      fields: Object.fromEntries(problems.map((p) => [p.field, [p.message]])),
    }),
  );
}

/**
 * Node answers a request it cannot parse (headers too large, a malformed request line) with a bare status line
 * and closes the socket. The same statuses, with a JSON body like every other error.
 */
function answerClientErrorsInJson(server: Server): void {
  server.on('clientError', (error: Error & { code?: string }, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable || (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent) {
      socket.destroy();
      return;
    }
    const [status, message] =
      error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request header fields are too large'] : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request timed out'] : [400, 'Malformed HTTP request'];
    const body = JSON.stringify({ statusCode: status, error: HTTP_NAMES[status], message });
    socket.end(`HTTP/1.1 ${status} ${HTTP_NAMES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}

const HTTP_NAMES: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };
