import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/** The web workspace is one bundle from this origin: scripts, styles, fonts and API calls all from 'self'. */
const APP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Swagger UI writes inline styles and one inline initialiser; only /docs gets those allowances. */
const DOCS_DIRECTIVES = { ...APP_DIRECTIVES, scriptSrc: ["'self'", "'unsafe-inline'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:', 'https:'] };

function headers(directives: Record<string, string[]>) {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * Security headers on every response (helmet: CSP with frame-ancestors 'none', nosniff, no framing, no referrer),
 * and `Cache-Control: no-store` on every API answer, since nearly all of them carry case or patron data.
 * No CORS middleware is installed: the workspace is same-origin, and no other origin may call the API from a browser.
 */
export function applySecurityHeaders(app: NestExpressApplication, trustProxy?: string): void {
  app.disable('x-powered-by');
  if (trustProxy) app.set('trust proxy', /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy);
  const forApp = headers(APP_DIRECTIVES);
  const forDocs = headers(DOCS_DIRECTIVES);
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (/^\/(api|health)(\/|$)/.test(request.path)) response.setHeader('Cache-Control', 'no-store');
    (/^\/docs(-json)?(\/|$)/.test(request.path) ? forDocs : forApp)(request, response, next);
  });
}
