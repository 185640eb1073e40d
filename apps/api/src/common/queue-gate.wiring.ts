import { Injectable, OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { CaseWorkflow } from '@custodian/cases';
import { RedisQueueGate } from '@custodian/queues';

/** In the API, a change that queues a job is refused before it commits while Redis is not connected (503). */
@Injectable()
export class QueueGateWiring implements OnModuleInit {
  constructor(
    private readonly workflow: CaseWorkflow,
    private readonly redis: Redis,
  ) {}

  onModuleInit(): void {
    this.workflow.useQueueGate(new RedisQueueGate(this.redis));
  }
}
