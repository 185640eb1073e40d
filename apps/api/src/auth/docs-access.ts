import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { SessionRegistry, TokenRefusedError } from './session-registry.service';

/**
 * In production the API description (`/docs`, `/docs-json`) is for signed-in staff only: a bearer token is
 * required, checked like any other (revoked or deactivated tokens refused). Elsewhere it stays open for development.
 */
export function protectDocs(app: NestExpressApplication, production: boolean): void {
  if (!production) return;
  const sessions = app.get(SessionRegistry);
  app.use(/^\/docs(-json)?(\/.*)?$/, (request: Request, response: Response, next: NextFunction) => {
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : null;
    const refuse = (message: string) => response.status(401).json({ statusCode: 401, error: 'Unauthorized', message });
    if (!token) return void refuse('The API documentation needs a signed-in user: send a bearer token');
    sessions.authenticate(token).then(
      () => next(),
      (error: unknown) => refuse(error instanceof TokenRefusedError ? error.message : 'Sign in first'),
    );
  });
}
