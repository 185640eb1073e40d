import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse } from '../openapi/schema';
import { LegalHoldListView, LegalHoldView, PurgePlanContentView, PurgePlanListView, PurgePlanView, RetentionScheduleView } from './retention.view';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { AuditLog } from '@custodian/audit';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';
import { CaseStateConflictError, CaseWorkflow, RuleViolationError, dryRunPurge, loadRetentionSettings } from '@custodian/cases';
import { AppConfig } from '@custodian/config';
import { RECORD_CLASSES, RECORD_CLASS_RULES, DAYS_KEY, defaultRetention } from '@custodian/domain';
import { LegalHoldEntity, PurgePlanEntity, UnitOfWork } from '@custodian/persistence';
import { OutboxRelay, enqueueInTransaction, jobRequest } from '@custodian/queues';
import { ContentStore } from '@custodian/storage';
import { CaseAccess } from '../cases/case-access.service';

class LegalHoldDto {
  @ApiProperty({ minLength: 10, maxLength: 2000 }) @IsString() @MinLength(10, { message: 'reason must say why the records must be kept (at least 10 characters)' }) @MaxLength(2000) reason: string;
}

const by = (actor: Actor) => ({ id: actor.id, username: actor.username });

function planView(plan: PurgePlanEntity): PurgePlanView {
  return {
    id: plan.id, status: plan.status, createdAt: plan.createdAt, createdById: plan.createdById, approvedById: plan.approvedById, approvedAt: plan.approvedAt,
    executedAt: plan.executedAt, plan: plan.plan as PurgePlanContentView, certificate: plan.certificate, certificateSha256: plan.certificateSha256,
  };
}

/**
 * The retention schedule, its dry run and the purge an admin approves; legal holds that stop purging. The worker
 * proposes a plan every day; an admin may also ask for one now. Nothing is deleted until an admin approves a plan.
 */
@ApiTags('retention')
@Controller('api')
export class RetentionController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly auditLog: AuditLog,
    private readonly relay: OutboxRelay,
    private readonly workflow: CaseWorkflow,
    private readonly access: CaseAccess,
    private readonly store: ContentStore,
    private readonly config: AppConfig,
  ) {}

  /** Every record class with its days in force, the default, the legal minimum and the citation. */
  @Get('retention/schedule')
  @Authenticated('admin', 'auditor', 'director', 'attorney')
  @ApiOkResponse({ type: RetentionScheduleView })
  async schedule(): Promise<RetentionScheduleView> {
    const settings = await loadRetentionSettings(this.dataSource.manager, this.config.PURGE_AFTER_DAYS);
    const defaults = defaultRetention(this.config.PURGE_AFTER_DAYS);
    return {
      citySchedule: settings.citySchedule,
      classes: RECORD_CLASSES.map((recordClass) => ({ ...RECORD_CLASS_RULES[recordClass], setting: DAYS_KEY[recordClass], days: settings[DAYS_KEY[recordClass]] as number, defaultDays: defaults[DAYS_KEY[recordClass]] as number })),
    };
  }

  /** A dry run now, stored as the plan to review (older proposals are superseded). Deletes nothing. */
  @Post('retention/plans')
  @Authenticated('admin')
  @ApiCreatedResponse({ type: PurgePlanView, description: 'The dry run, stored as the plan to review; nothing deleted' })
  async propose(@CurrentUser() actor: Actor): Promise<PurgePlanView> {
    const plan = await this.unitOfWork.run(async (manager) => {
      const content = await dryRunPurge(manager, this.config.PURGE_AFTER_DAYS);
      await manager.update(PurgePlanEntity, { status: 'proposed' }, { status: 'superseded' });
      const row = manager.create(PurgePlanEntity, { id: randomUUID(), status: 'proposed', plan: content, createdById: actor.id, createdAt: new Date(), approvedById: null, approvedAt: null, executedAt: null, certificate: null, certificateSha256: null, certificateBytes: null });
      await manager.save(row);
      await this.auditLog.append(manager, { actor: by(actor), action: 'retention.plan_proposed', objectType: 'purge_plan', objectId: row.id, details: { items: content.classes.reduce((s, c) => s + c.items, 0), blocked: content.blocked.length } });
      return row;
    });
    return planView(plan);
  }

  @Get('retention/plans')
  @Authenticated('admin', 'auditor')
  @ApiOkResponse({ type: PurgePlanListView })
  async plans(): Promise<PurgePlanListView> {
    const rows = await this.dataSource.getRepository(PurgePlanEntity).find({ order: { createdAt: 'DESC' }, take: 50 });
    return { items: rows.map(planView) };
  }

  @Get('retention/plans/:id')
  @Authenticated('admin', 'auditor')
  @ApiOkResponse({ type: PurgePlanView })
  async plan(@Param('id', ParseUUIDPipe) id: string): Promise<PurgePlanView> {
    return planView(await this.find(id));
  }

  /** The admin's approval after review: the worker then purges exactly this plan and writes the certificate. */
  @Post('retention/plans/:id/approve')
  @HttpCode(202)
  @Authenticated('admin')
  @ApiAcceptedResponse({ type: PurgePlanView, description: 'Approved; the purge is queued' })
  async approve(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor): Promise<PurgePlanView> {
    const plan = await this.unitOfWork.run(async (manager) => {
      const row = await manager.findOne(PurgePlanEntity, { where: { id } });
      if (!row) throw new NotFoundException('No such purge plan');
      if (row.status !== 'proposed') throw new CaseStateConflictError(`The plan is ${row.status}; only a proposed plan can be approved`, row.status as never);
      Object.assign(row, { status: 'approved', approvedById: actor.id, approvedAt: new Date() });
      await manager.save(row);
      await enqueueInTransaction(manager, jobRequest('execute-purge', { planId: id }, `purge-${id}`));
      await this.auditLog.append(manager, { actor: by(actor), action: 'retention.plan_approved', objectType: 'purge_plan', objectId: id });
      return row;
    });
    await this.relay.flush().catch(() => undefined);
    return planView(plan);
  }

  /** The certificate of destruction as a PDF (case numbers and counts; no patron data). */
  @Get('retention/plans/:id/certificate/pdf')
  @Authenticated('admin', 'auditor')
  @ApiFileResponse('The purge certificate', 'application/pdf')
  async certificate(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor) {
    const plan = await this.find(id);
    if (!plan.certificateSha256) throw new NotFoundException('This plan has no certificate yet');
    await this.auditLog.record({ actor: by(actor), action: 'retention.certificate_downloaded', objectType: 'purge_plan', objectId: id });
    return new StreamableFile(await this.store.openVerified(plan.certificateSha256), { type: 'application/pdf', disposition: `attachment; filename="purge-certificate-${id}.pdf"`, length: plan.certificateBytes ?? undefined });
  }

  @Get('cases/:id/legal-holds')
  @Authenticated('clerk', 'attorney', 'director', 'auditor', 'admin')
  @ApiOkResponse({ type: LegalHoldListView })
  async legalHolds(@Param('id', ParseUUIDPipe) caseId: string, @CurrentUser() actor: Actor): Promise<LegalHoldListView> {
    await this.access.load(actor, caseId);
    return { items: await this.dataSource.getRepository(LegalHoldEntity).find({ where: { caseId }, order: { placedAt: 'ASC' } }) };
  }

  /** Counsel's litigation hold: while active, nothing of the case is purged, whatever the schedule says. */
  @Post('cases/:id/legal-holds')
  @Authenticated('attorney', 'director')
  @ApiCreatedResponse({ type: LegalHoldView })
  async placeLegalHold(@Param('id', ParseUUIDPipe) caseId: string, @Body() body: LegalHoldDto, @CurrentUser() actor: Actor): Promise<LegalHoldView> {
    return this.workflow.change(caseId, async (row, manager) => {
      this.access.assertVisible(actor, row);
      const hold = manager.create(LegalHoldEntity, { id: randomUUID(), caseId, reason: body.reason, placedById: actor.id, placedAt: new Date(), releasedAt: null, releasedById: null });
      await manager.save(hold);
      return { result: hold, audit: [{ actor: by(actor), action: 'legal_hold.placed', objectType: 'legal_hold', objectId: hold.id }] };
    });
  }

  @Post('cases/:id/legal-holds/:holdId/release')
  @HttpCode(200)
  @Authenticated('attorney', 'director')
  @ApiOkResponse({ type: LegalHoldView })
  async releaseLegalHold(@Param('id', ParseUUIDPipe) caseId: string, @Param('holdId', ParseUUIDPipe) holdId: string, @CurrentUser() actor: Actor): Promise<LegalHoldView> {
    return this.workflow.change(caseId, async (row, manager) => {
      this.access.assertVisible(actor, row);
      const hold = await manager.findOne(LegalHoldEntity, { where: { id: holdId, caseId, releasedAt: IsNull() } });
      if (!hold) throw new RuleViolationError('No active legal hold with that id on this case', [{ field: 'holdId', message: 'not found or already released' }]);
      Object.assign(hold, { releasedAt: new Date(), releasedById: actor.id });
      await manager.save(hold);
      return { result: hold, audit: [{ actor: by(actor), action: 'legal_hold.released', objectType: 'legal_hold', objectId: hold.id }] };
    });
  }

  private async find(id: string): Promise<PurgePlanEntity> {
    const plan = await this.dataSource.getRepository(PurgePlanEntity).findOne({ where: { id } });
    if (!plan) throw new NotFoundException('No such purge plan');
    return plan;
  }
}
