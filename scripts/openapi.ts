// Writes the API's OpenAPI document to docs/openapi.json (npm run openapi), or with --check says whether the
// committed one is still what the controllers and DTOs describe (the drift test). Nest runs in preview mode:
// controllers and DTOs are read, nothing is instantiated, no database or Redis is needed.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@custodian/config';
import { AppModule } from '../apps/api/src/app.module';
import { buildApiDocument } from '../apps/api/src/openapi/api-document';

export const OPENAPI_FILE = join(__dirname, '../../docs/openapi.json');

export async function currentApiDocument(): Promise<string> {
  // Throw-away secrets: preview mode never uses them, but the configuration must be valid.
  const config = loadConfig({ JWT_SECRET: randomBytes(32).toString('hex'), RECORDS_KEYS: `doc:${randomBytes(32).toString('base64')}` });
  const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false, abortOnError: false });
  try {
    return `${JSON.stringify(buildApiDocument(app), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const document = await currentApiDocument();
  if (process.argv.includes('--check')) {
    // --against <file> checks another copy (the drift test uses it to prove a stale document is caught).
    const against = process.argv.includes('--against') ? process.argv[process.argv.indexOf('--against') + 1] : OPENAPI_FILE;
    const committed = existsSync(against) ? readFileSync(against, 'utf8') : '';
    if (committed !== document) {
      process.stderr.write('docs/openapi.json is out of date with the controllers and DTOs. Regenerate it (and the web types) with: npm run openapi\n');
      process.exit(1);
    }
    process.stdout.write('docs/openapi.json matches the API\n');
    return;
  }
  writeFileSync(OPENAPI_FILE, document);
  process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
}

if (require.main === module) {
  main().catch((error: Error) => {
    process.stderr.write(`openapi: ${error.message}\n`);
    process.exit(1);
  });
}
