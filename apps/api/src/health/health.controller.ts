import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthView } from './health.view';
import type { Response } from 'express';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '@custodian/auth';
import { QueueRegistry } from '@custodian/queues';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: Redis,
    private readonly queues: QueueRegistry,
  ) {}

  /**
   * Database, Redis and queue health; 503 when any is down, or when a queue has no worker consuming it (jobs
   * would wait for ever while the API kept accepting them). `workers.missing` names those queues.
   */
  @Get()
  @Public()
  @ApiOkResponse({ type: HealthView })
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'Degraded: the database or Redis is down, or a queue has no worker' })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthView> {
    const database = await this.check(async () => {
      await this.dataSource.query('SELECT 1');
      return { kind: this.dataSource.options.type };
    });
    const redis = await this.check(async () => ({ reply: await this.redis.ping() }));
    const queues = await this.check(async () => {
      const counts: Record<string, unknown> = {};
      for (const queue of this.queues.all()) {
        counts[queue.name] = { ...(await queue.getJobCounts('waiting', 'active', 'delayed', 'failed')), workers: (await queue.getWorkers()).length };
      }
      return counts;
    });
    const missing = queues.ok ? this.queues.all().map((queue) => queue.name).filter((name) => (queues[name] as { workers: number }).workers === 0) : [];
    const workers = { ok: queues.ok && missing.length === 0, missing };
    const ok = database.ok && redis.ok && queues.ok && workers.ok;
    response.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'degraded', database, redis, queues, workers };
  }

  private async check(probe: () => Promise<Record<string, unknown>>): Promise<Record<string, unknown> & { ok: boolean }> {
    try {
      return { ok: true, ...(await withTimeout(probe(), 2000)) };
    } catch (error) {
      return { ok: false, error: (error as Error).name };
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}
