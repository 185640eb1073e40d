import { Logger, Provider } from '@nestjs/common';
import { AppConfig } from '@custodian/config';
import { RenderPool } from '@custodian/production';

/**
 * The worker process's one render pool. Its threads start and warm up (fonts loaded, a first page drawn) in the
 * background from start-up, so the worker is ready at once and the first production finds warm threads; a job that
 * comes sooner waits for its slot's threads. WorkerHost closes it on shutdown, after the queues' running jobs have
 * finished (a hook of its own would run beside WorkerHost's and refuse a job already taken).
 */
export const renderPoolProvider: Provider = {
  provide: RenderPool,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => {
    const pool = new RenderPool({ size: config.RENDER_THREADS || undefined, renderHeapMb: config.RENDER_THREAD_HEAP_MB });
    const logger = new Logger('RenderPool');
    pool.ready().then(
      () => logger.log(`render pool warm: ${pool.size} slot(s)`),
      (error: unknown) => logger.warn(`a render pool thread failed to start (it is started again for the next job): ${error instanceof Error ? error.message : String(error)}`),
    );
    return pool;
  },
};
