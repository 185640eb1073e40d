import type { AuditEntry, AuditLog } from '@custodian/audit';
import type { AppConfig } from '@custodian/config';
import { createAuthRedis } from './auth-redis';
import { RejectedTokenAudit } from './rejected-token-audit.service';

// With Redis unreachable the counters fall back to each process's memory: the aggregation must hold all the same.
describe('refused-token audit, per source and window', () => {
  const redis = createAuthRedis('redis://127.0.0.1:1');
  redis.on('error', () => undefined);
  // 'end' may already have fired (the client gives up between reconnects), and waiting for it then never returns.
  afterAll(async () => {
    if (redis.status === 'end') return;
    const ended = new Promise((resolve) => redis.once('end', resolve));
    redis.disconnect(false);
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
  }, 20_000);

  function audit(windowSeconds: number) {
    const entries: AuditEntry[] = [];
    const auditLog = { record: async (entry: AuditEntry) => void entries.push(entry) } as unknown as AuditLog;
    const config = { TOKEN_REJECTION_AUDIT_WINDOW_SECONDS: windowSeconds, QUEUE_PREFIX: `spec-${process.pid}` } as AppConfig;
    return { entries, service: new RejectedTokenAudit(config, redis, auditLog) };
  }
  const counts = (entries: AuditEntry[]) => entries.map((e) => ({ reason: (e.details as { reason: string }).reason, count: (e.details as { count: number }).count, summary: !!(e.details as { summary?: boolean }).summary }));

  it('audits the first refusal at once and the rest of the window as one summary with their count', async () => {
    const { entries, service } = audit(1);
    // Start just after a window opens, so all 50 land in one.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 10));
    for (let i = 0; i < 50; i++) await service.rejected('10.0.0.7', 'invalid');
    expect(counts(entries)).toEqual([{ reason: 'invalid', count: 1, summary: false }]);
    await new Promise((resolve) => setTimeout(resolve, 1700));
    expect(counts(entries)).toEqual([{ reason: 'invalid', count: 1, summary: false }, { reason: 'invalid', count: 49, summary: true }]);
    expect(entries.every((e) => e.action === 'auth.token_rejected' && e.outcome === 'denied' && e.actor === null)).toBe(true);
  });

  it('keeps sources and reasons apart, and summarises open windows at shutdown', async () => {
    const { entries, service } = audit(3600);
    for (let i = 0; i < 10; i++) await service.rejected('10.0.0.8', 'revoked');
    for (let i = 0; i < 4; i++) await service.rejected('10.0.0.9', 'revoked');
    await service.rejected('10.0.0.8', 'invalid');
    expect(entries).toHaveLength(3);
    await service.onModuleDestroy();
    const bySource = (source: string) => entries.filter((e) => (e.details as { source: string }).source === source).map((e) => (e.details as { count: number }).count);
    expect(bySource('10.0.0.8').sort((a, b) => a - b)).toEqual([1, 1, 9]);
    expect(bySource('10.0.0.9').sort((a, b) => a - b)).toEqual([1, 3]);
  });
});
