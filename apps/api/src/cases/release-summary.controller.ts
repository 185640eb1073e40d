import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ReleaseSummaryView } from '../productions/production.view';
import { DataSource } from 'typeorm';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';
import { CaseScope, DEFAULT_REDACTION_POLICY, RecordType, releaseSummary } from '@custodian/domain';
import { PatronRecordEntity, ReviewEntity } from '@custodian/persistence';
import { CaseAccess } from './case-access.service';

/**
 * What a production would release under the scope in force (the approved scope once decided, else the
 * attorney's narrowed scope, else the request): counts by record type and the columns withheld with reasons.
 * Counts and column names only: no patron data, so it is not an audited read.
 */
@ApiTags('cases')
@Controller('api/cases')
export class ReleaseSummaryController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
  ) {}

  @Get(':id/release-summary')
  @Authenticated('clerk', 'attorney', 'director', 'auditor', 'admin')
  @ApiOkResponse({ type: ReleaseSummaryView })
  async summary(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor): Promise<ReleaseSummaryView> {
    const row = await this.access.load(actor, id);
    const [review] = await this.dataSource.getRepository(ReviewEntity).find({ where: { caseId: id }, order: { createdAt: 'DESC' }, take: 1 });
    const scope: CaseScope = row.approvedScope ?? review?.scope ?? row.scope;
    const source = row.approvedScope ? 'approved' : review?.scope ? 'narrowed_by_review' : 'requested';
    const counts: { recordType: RecordType; count: string | number }[] = await this.dataSource
      .createQueryBuilder(PatronRecordEntity, 'r')
      .select('r."recordType"', 'recordType')
      .addSelect('COUNT(*)', 'count')
      .where('r."caseId" = :id', { id })
      .groupBy('r."recordType"')
      .getRawMany();
    const rowsByType = Object.fromEntries(counts.map((c) => [c.recordType, Number(c.count)]));
    return {
      scope,
      scopeSource: source,
      rowsImported: counts.reduce((n, c) => n + Number(c.count), 0),
      parts: releaseSummary(scope, DEFAULT_REDACTION_POLICY, rowsByType),
    };
  }
}
