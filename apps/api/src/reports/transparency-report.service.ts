import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, In } from 'typeorm';
import { gagInForce, loadTransparencySettings, pacificToday } from '@custodian/cases';
import { CaseScope, ReportCase, ReportHold, ReportPeriod, RequestType, TransparencyReport, buildTransparencyReport, periodInstants, toLocalDate } from '@custodian/domain';
import { CaseEntity, DecisionEntity, PreservationHoldEntity, ProductionEntity } from '@custodian/persistence';

/** Old or malformed rows (a scope stored as [] or without lists) count as naming nothing, never as a crash. */
function cardsOf(scope: CaseScope | null | undefined): string[] {
  return scope && Array.isArray(scope.cardNumbers) ? scope.cardNumbers : [];
}

function listOf<T>(value: readonly T[] | null | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

/** Did review ask for less than the request: fewer patrons or record types, or a shorter date range? */
export function wasNarrowed(scope: CaseScope | null, approved: CaseScope | null): boolean {
  if (!approved || !scope) return false;
  const same = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x) => b.includes(x));
  return !same(cardsOf(approved), cardsOf(scope)) || !same(listOf(approved.recordTypes), listOf(scope.recordTypes)) || approved.from !== scope.from || approved.to !== scope.to;
}

/**
 * Records produced, and responsive records withheld whole (record-level withholdings the production describes).
 * Records outside the request (other patrons, other dates) and routine field redactions (internal identifiers,
 * staff notes) do not make a production partial.
 */
export function producedCounts(manifest: unknown): { produced: number; withheld: number } {
  const m = manifest as { items?: Record<string, { produced?: number }>; withholdingLog?: { field?: string; count?: number; describedInProduction?: boolean }[] } | null;
  const produced = Object.values(m?.items ?? {}).reduce((sum, counts) => sum + (Number(counts?.produced) || 0), 0);
  const log = Array.isArray(m?.withholdingLog) ? m.withholdingLog : [];
  const withheld = log.filter((e) => e && e.describedInProduction && !e.field).reduce((sum, e) => sum + (Number(e.count) || 0), 0);
  return { produced, withheld };
}

/**
 * Loads what the report counts and builds it. Every case counts, whoever asks: a published figure must not depend
 * on the reader, and gagged cases are protected by the report's own rules (bands, aggregates), not by omission.
 */
@Injectable()
export class TransparencyReportService {
  constructor(private readonly dataSource: DataSource) {}

  async build(period: ReportPeriod, requestTypes: RequestType[] | undefined, today = pacificToday()): Promise<TransparencyReport> {
    const settings = await loadTransparencySettings(this.dataSource.manager);
    const { start, end } = periodInstants(period);
    const holds = await this.dataSource.getRepository(PreservationHoldEntity).createQueryBuilder('h')
      .where(new Brackets((w) => w.where('h."placedAt" >= :start AND h."placedAt" < :end').orWhere('h."releasedAt" >= :start AND h."releasedAt" < :end')), { start, end })
      .getMany();
    const rows = await this.dataSource.getRepository(CaseEntity).createQueryBuilder('c')
      .where(new Brackets((w) => {
        w.where('c."receivedAt" >= :start AND c."receivedAt" < :end', { start, end });
        if (holds.length) w.orWhere('c.id IN (:...held)', { held: [...new Set(holds.map((h) => h.caseId))] });
      }))
      .getMany();
    const ids = rows.map((row) => row.id);
    const decisions = ids.length ? await this.dataSource.getRepository(DecisionEntity).find({ where: { caseId: In(ids) }, select: { caseId: true, decision: true, createdAt: true } }) : [];
    const productions = ids.length ? await this.dataSource.getRepository(ProductionEntity).find({ where: { caseId: In(ids), status: 'ready' }, select: { caseId: true, manifest: true } }) : [];
    const decisionOf = new Map(decisions.map((d) => [d.caseId, d]));
    const productionOf = new Map(productions.map((p) => [p.caseId, producedCounts(p.manifest)]));
    const cases: ReportCase[] = rows.map((row) => {
      const decision = decisionOf.get(row.id);
      return {
        id: row.id,
        requestType: row.requestType,
        receivedOn: toLocalDate(row.receivedAt),
        status: row.status,
        decision: decision?.decision ?? null,
        decidedOn: decision ? toLocalDate(decision.createdAt) : null,
        production: productionOf.get(row.id) ?? null,
        narrowed: wasNarrowed(row.scope, row.approvedScope),
        patrons: cardsOf(row.scope).length,
        emergency: row.emergency,
        gagged: gagInForce(row, today),
        fisaContents: false,
      };
    });
    const reportHolds: ReportHold[] = holds.map((h) => ({ caseId: h.caseId, placedOn: toLocalDate(h.placedAt), releasedOn: h.releasedAt ? toLocalDate(h.releasedAt) : null }));
    return buildTransparencyReport(cases, reportHolds, { period, requestTypes, today }, settings);
  }
}

