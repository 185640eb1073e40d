import type { MessagePort } from 'node:worker_threads';
import type { ResponsiveRecord } from '@custodian/domain';
import type { VerificationChunk } from '../pdf/verification-tap';
import type { ProductionHeader, ProductionProgress, ProductionResult } from '../production/production-input';
import type { StreamingOptions, StreamingVerificationResult } from '../verify/streaming-verification';
import type { WithheldValue } from '../verify/leak-detector';
import type { FileSealingKey } from './render-output';

/** workerData of a pool thread: which of the two kinds it is. */
export interface PoolThreadData {
  role: 'render' | 'verify';
}

/** Parent → render thread. One job at a time; `verifier` is the port the rendered bytes go to, when verifying; no `outputPath`: the bytes go only there (the warm-up). */
export type RenderRequest =
  | { type: 'render'; job: number; header: ProductionHeader; outputPath: string | null; sealWith: FileSealingKey | null; verifier: MessagePort | null }
  | { type: 'batch'; job: number; records: ResponsiveRecord[] }
  | { type: 'end'; job: number };

/** Render thread → parent. The thread pulls records one batch at a time, so the parent reads only as fast as it renders. */
export type RenderReply =
  | { type: 'ready' }
  | { type: 'pull'; job: number }
  | { type: 'progress'; job: number; progress: ProductionProgress }
  | { type: 'done'; job: number; result: ProductionResult }
  | { type: 'failed'; job: number; message: string };

/** Render thread → verify thread, on the job's own channel. */
export type VerifierFeed = { type: 'chunk'; chunk: VerificationChunk } | { type: 'end'; ownWording: string[] } | { type: 'abort' };

/**
 * Parent → verify thread: `verify` with the job's channel when the job starts (the thread reads pages from then
 * on), then the checks as the parent has them (withheld values and options, produced values), then `start`.
 */
export type VerifyRequest =
  | { type: 'verify'; job: number; renderer: MessagePort }
  | { type: 'withheld'; job: number; options: StreamingOptions; values: WithheldValue[] }
  | { type: 'produced'; job: number; values: string[] }
  | { type: 'start'; job: number };

/** Verify thread → parent. */
export type VerifyReply = { type: 'ready' } | { type: 'verified'; job: number; result: StreamingVerificationResult } | { type: 'failed'; job: number; message: string };
