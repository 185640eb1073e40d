import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { DeadlineExplanationView } from '../cases/dto/case.view';
import { DueListView } from './deadline.view';
import { IsOptional, Matches } from 'class-validator';
import { DataSource, In, LessThanOrEqual } from 'typeorm';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';
import { canSeeCase, loadDeadlineSettings, pacificToday } from '@custodian/cases';
import { addDays, classifyDeadline, OPEN_STATES } from '@custodian/domain';
import { CaseEntity, DeadlineEntity } from '@custodian/persistence';
import { timeLeftToday } from './time-left';

class DeadlinesQuery {
  /** ISO 8601 period in days or weeks: P3D, P2W. */
  @ApiPropertyOptional({ default: 'P7D', example: 'P2W', description: 'ISO 8601 period in days or weeks' })
  @IsOptional() @Matches(/^P(\d{1,3})([DW])$/, { message: 'within must be an ISO 8601 period in days or weeks, e.g. P3D or P2W' })
  within?: string;
}

export function periodDays(period: string | undefined): number {
  const match = /^P(\d{1,3})([DW])$/.exec(period ?? 'P7D')!;
  return Number(match[1]) * (match[2] === 'W' ? 7 : 1);
}

@ApiTags('deadlines')
@Controller('api/deadlines')
export class DeadlinesController {
  constructor(private readonly dataSource: DataSource) {}

  /** What is due within the period or already overdue, on open cases the caller may see; overdue first. */
  @Get()
  @Authenticated('clerk', 'attorney', 'director', 'auditor', 'admin')
  @ApiOkResponse({ type: DueListView })
  async due(@Query() query: DeadlinesQuery, @CurrentUser() actor: Actor): Promise<DueListView> {
    const today = pacificToday();
    const until = addDays(today, periodDays(query.within));
    // The settings, the calendar and the clocks are read at once (one round trip's wait instead of three in a row).
    const [settings, left, deadlines] = await Promise.all([loadDeadlineSettings(this.dataSource.manager), timeLeftToday(this.dataSource.manager), this.openClocksUntil(until)]);
    const cases = deadlines.length
      ? await this.dataSource.getRepository(CaseEntity).find({
        where: { id: In([...new Set(deadlines.map((d) => d.caseId))]), status: In([...OPEN_STATES]) },
        select: { id: true, caseNumber: true, requestType: true, status: true, nondisclosureUntil: true, nondisclosureBasis: true, gagLift: true, intakeClerkId: true, assignedAttorneyId: true, reviewingAttorneyId: true, assignedDirectorId: true, decidingDirectorId: true },
      })
      : [];
    const visible = new Map(cases.filter((row) => canSeeCase(actor, row, today)).map((row) => [row.id, row]));
    const items = deadlines
      .filter((d) => visible.has(d.caseId))
      .map((d) => {
        const row = visible.get(d.caseId)!;
        return {
          caseId: row.id, caseNumber: row.caseNumber, requestType: row.requestType, status: row.status,
          clock: d.clock, label: d.label, dueDate: d.dueDate!, urgency: classifyDeadline(d.dueDate, today, settings.dueSoonWithinDays), timeLeft: left(d.dueDate, d.explanation, d.status), explanation: d.explanation as DeadlineExplanationView | null,
        };
      });
    return { today, until, items, total: items.length };
  }

  /**
   * Open clocks due by `until`, overdue first. They come from a partial index on (dueDate) WHERE status = 'open'
   * (migration 1765600000000), and only the columns shown are read: with a million closed cases this was a scan of
   * every clock ever computed.
   */
  private openClocksUntil(until: string) {
    return this.dataSource.getRepository(DeadlineEntity).find({
      where: { status: 'open', dueDate: LessThanOrEqual(until) }, order: { dueDate: 'ASC' },
      select: { id: true, caseId: true, clock: true, label: true, dueDate: true, explanation: true },
    });
  }
}
