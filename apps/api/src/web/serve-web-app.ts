import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { join } from 'node:path';

/** Serves the built web workspace at `/`, with client-side routes falling back to index.html. */
export function serveWebApp(app: NestExpressApplication, webRoot: string): void {
  app.useStaticAssets(webRoot, { index: false, maxAge: '1h' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isAppRoute = request.method === 'GET' && !/^\/(api|docs|docs-json|health)(\/|$)/.test(request.path) && !request.path.includes('.');
    if (!isAppRoute) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(join(webRoot, 'index.html'));
  });
}
