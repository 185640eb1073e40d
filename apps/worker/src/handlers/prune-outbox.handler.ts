import { Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { OutboxMessageEntity } from '@custodian/persistence';
import { JobHandler } from '../job-handler';

/** Relayed outbox rows are kept a week (to trace a job back to its transaction), then deleted. */
const KEEP_DAYS = 7;

@Injectable()
export class PruneOutboxHandler implements JobHandler<'prune-outbox'> {
  readonly jobName = 'prune-outbox';

  constructor(private readonly dataSource: DataSource) {}

  async handle() {
    const cutoff = new Date(Date.now() - KEEP_DAYS * 86_400_000);
    const { affected } = await this.dataSource.getRepository(OutboxMessageEntity).delete({ dispatchedAt: LessThan(cutoff) });
    return { pruned: affected ?? 0 };
  }
}
