import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { Between, DataSource } from 'typeorm';
import { AuditLog } from '@custodian/audit';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';
import { canSeeCase } from '@custodian/cases';
import { CaseEntity, DecisionEntity } from '@custodian/persistence';
import { ISO_DATE } from '../cases/dto/scope.dto';
import { transparencyRows } from './transparency';
import { CaseQueries } from '../cases/case-queries.service';

class PeriodQuery {
  @Matches(ISO_DATE, { message: 'from must be a date written YYYY-MM-DD' }) from: string;
  @Matches(ISO_DATE, { message: 'to must be a date written YYYY-MM-DD' }) to: string;
}

@ApiTags('reports')
@Controller('api/reports')
export class ReportsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auditLog: AuditLog,
    private readonly queries: CaseQueries,
  ) {}

  /** Open and closed cases the caller can see, by state and by request type. */
  @Get('caseload')
  @Authenticated('clerk', 'attorney', 'director', 'auditor', 'admin')
  caseload(@CurrentUser() actor: Actor) {
    return this.queries.caseload(actor);
  }

  /** Requests received in the period by type and outcome, in the shape companies publish per half-year. */
  @Get('transparency')
  @Authenticated('auditor', 'director')
  async transparency(@Query() query: PeriodQuery, @CurrentUser() actor: Actor) {
    const from = new Date(`${query.from}T00:00:00-08:00`);
    const to = new Date(`${query.to}T23:59:59.999-08:00`);
    const cases = (await this.dataSource.getRepository(CaseEntity).find({ where: { receivedAt: Between(from, to) } })).filter((row) => canSeeCase(actor, row));
    const decisions = await this.dataSource.getRepository(DecisionEntity).find();
    const decisionOf = new Map(decisions.map((d) => [d.caseId, d.decision]));
    await this.auditLog.record({ actor: { id: actor.id, username: actor.username }, action: 'report.transparency', objectType: 'report', details: { from: query.from, to: query.to } });
    return {
      from: query.from,
      to: query.to,
      citation: 'Gov. Code § 7927.105 (formerly § 6267); national-security process in bands per 50 U.S.C. § 1874',
      rows: transparencyRows(cases.map((row) => ({ requestType: row.requestType, status: row.status, decision: decisionOf.get(row.id) ?? null, patrons: (row.approvedScope ?? row.scope).cardNumbers.length }))),
    };
  }
}
