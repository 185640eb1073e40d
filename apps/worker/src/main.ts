import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from '@custodian/config';
import { WorkerModule } from './worker.module';

/** The worker: BullMQ processors in an application context, with no HTTP server. */
async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Custodian worker cannot start.\n${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
}

void bootstrap().catch((error: Error) => {
  process.stderr.write(`Custodian worker failed to start: ${error.name}: ${error.message}\n`);
  process.exit(1);
});
