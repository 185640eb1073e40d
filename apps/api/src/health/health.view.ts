import { ApiProperty } from '@nestjs/swagger';
import { Flag, FreeForm, OneOf, Text } from '../openapi/schema';

export class ProbeView {
  @Flag() ok: boolean;
  @Text({ required: false, description: 'When not ok: the kind of error (timeout, connection refused…)' }) error?: string;
}

export class WorkersView {
  @Flag() ok: boolean;
  @ApiProperty({ type: [String], description: 'Queues no worker consumes' }) missing: string[];
}

/** 200 when everything is up, 503 (same body) when something is down. */
export class HealthView {
  @OneOf(['ok', 'degraded']) status: 'ok' | 'degraded';
  @ApiProperty({ type: ProbeView, description: 'With `kind` (postgres, better-sqlite3) when ok' }) database: ProbeView;
  @ApiProperty({ type: ProbeView, description: 'With `reply` (PONG) when ok' }) redis: ProbeView;
  @FreeForm('`ok`, then per queue its waiting, active, delayed and failed jobs and its workers') queues: Record<string, unknown>;
  @ApiProperty({ type: WorkersView }) workers: WorkersView;
}
