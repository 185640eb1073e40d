import type { ResponsiveRecord } from '@custodian/domain';
import type { ProductionHeader, ProductionProgress, ProductionResult } from '../production/production-input';

/** What the parent passes when it starts a render worker. */
export interface RenderWorkerData {
  header: ProductionHeader;
  outputPath: string;
}

/** Worker → parent. The worker pulls records one batch at a time, so the parent reads only as fast as it renders. */
export type WorkerMessage =
  | { type: 'pull' }
  | { type: 'progress'; progress: ProductionProgress }
  | { type: 'done'; result: ProductionResult }
  | { type: 'failed'; message: string };

/** Parent → worker. */
export type ParentMessage = { type: 'batch'; records: ResponsiveRecord[] } | { type: 'end' };
