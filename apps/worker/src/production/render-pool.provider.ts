import { Provider } from '@nestjs/common';
import { AppConfig } from '@custodian/config';
import { RenderPool } from '@custodian/production';

/**
 * The worker process's one render pool, warmed at start-up (fonts loaded in every render thread before the first
 * production) and closed when Nest shuts down (after the BullMQ workers, which finish their running jobs first).
 */
export const renderPoolProvider: Provider = {
  provide: RenderPool,
  inject: [AppConfig],
  useFactory: async (config: AppConfig) => {
    const pool = new RenderPool({ size: config.RENDER_THREADS || undefined, renderHeapMb: config.RENDER_THREAD_HEAP_MB });
    await pool.ready();
    return Object.assign(pool, { onApplicationShutdown: () => pool.close() });
  },
};
