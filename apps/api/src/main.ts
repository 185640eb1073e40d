import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Logger } from 'nestjs-pino';
import { AppConfig, ConfigError, loadConfig } from '@custodian/config';
import { AppModule } from './app.module';
import { protectDocs } from './auth/docs-access';
import { RejectInheritedKeysPipe } from './common/prototype-keys.pipe';
import { installRequestHygiene } from './common/request-hygiene';
import { buildApiDocument } from './openapi/api-document';
import { createValidationPipe } from './common/validation';
import { applySecurityHeaders } from './security-headers';
import { UsersService } from './users/users.service';
import { serveWebApp } from './web/serve-web-app';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(new RejectInheritedKeysPipe(), createValidationPipe());
  applySecurityHeaders(app, config.TRUST_PROXY);
  installRequestHygiene(app);
  app.enableShutdownHooks();

  protectDocs(app, config.production);
  SwaggerModule.setup('docs', app, () => buildApiDocument(app), { jsonDocumentUrl: 'docs-json' });

  const webRoot = resolve(config.WEB_ROOT);
  if (existsSync(webRoot)) serveWebApp(app, webRoot);

  await app.get(UsersService).ensureFirstAdmin(config.ADMIN_USERNAME, config.ADMIN_PASSWORD);
  await app.listen(config.PORT, config.HOST);
  keepIdleConnectionsLongerThanClients(app);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  app.get(Logger).log(`api listening on http://${config.HOST}:${port} (database: ${config.databaseKind})`);
}

/**
 * Node closes an idle keep-alive connection after 5 s, about when a client (undici's fetch, a proxy with its
 * own 60 s pool) may send the next request on it: the request then fails with EPIPE or ECONNRESET, a 502 behind a
 * proxy. Holding idle connections 65 s, longer than common proxies' 60 s, leaves the closing to the client.
 * Header and request timeouts stay Node's (60 s and 300 s), so a slow client is still cut off.
 */
function keepIdleConnectionsLongerThanClients(app: NestExpressApplication): void {
  const server = app.getHttpServer() as import('node:http').Server;
  server.keepAliveTimeout = 65_000;
}

function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Custodian API cannot start.\n${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

void bootstrap().catch((error: Error) => {
  process.stderr.write(`Custodian API failed to start: ${error.name}: ${error.message}\n`);
  process.exit(1);
});
