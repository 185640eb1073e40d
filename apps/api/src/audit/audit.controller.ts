import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditHeadView, CaseTimelineView, ChainVerificationView, EventPersonView } from './audit.view';
import { DataSource, In } from 'typeorm';
import { AuditHeadStore, AuditLog } from '@custodian/audit';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';
import { UserEntity } from '@custodian/persistence';
import { CaseAccess } from '../cases/case-access.service';

@ApiTags('audit')
@Controller('api')
export class AuditController {
  constructor(
    private readonly auditLog: AuditLog,
    private readonly heads: AuditHeadStore,
    private readonly access: CaseAccess,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Recomputes the whole keyed chain and checks it still passes through the last exported signed head (a truncated
   * tail or a rewrite fails there); names the first broken event if any.
   */
  @Get('audit/verify')
  @Authenticated('auditor')
  @ApiOkResponse({ type: ChainVerificationView })
  async verify(@CurrentUser() actor: Actor): Promise<ChainVerificationView> {
    const result = await this.auditLog.verify(await this.heads.latest());
    await this.auditLog.record({ actor: { id: actor.id, username: actor.username }, action: 'audit.verified', objectType: 'audit_chain', outcome: result.ok ? 'success' : 'failure', details: { events: result.events, firstBroken: result.firstBroken } });
    return result;
  }

  /** The current chain head and the last exported one (the worker exports it on a schedule), without walking the chain. */
  @Get('audit/head')
  @Authenticated('auditor', 'admin')
  @ApiOkResponse({ type: AuditHeadView })
  async head(): Promise<AuditHeadView> {
    const [head, exported] = await Promise.all([this.auditLog.head(), this.heads.latest()]);
    return { head: head && { seq: head.seq, hash: head.hash }, events: head?.seq ?? 0, lastExported: exported && { ...exported.head, signatureValid: exported.signatureValid } };
  }

  @Get('cases/:id/events')
  @Authenticated('clerk', 'attorney', 'director', 'auditor', 'admin')
  @ApiExtraModels(EventPersonView)
  @ApiOkResponse({ type: CaseTimelineView })
  async timeline(@Param('id', ParseUUIDPipe) caseId: string, @CurrentUser() actor: Actor): Promise<CaseTimelineView> {
    await this.access.load(actor, caseId);
    const events = await this.auditLog.timeline(caseId);
    // The people named in the events (actors, and attorneys or directors assigned), so the timeline reads in names.
    const ids = new Set<string>();
    for (const e of events) {
      if (e.actorId) ids.add(e.actorId);
      for (const [key, value] of Object.entries(e.details ?? {})) if (/Id$/.test(key) && typeof value === 'string') ids.add(value);
    }
    const users = ids.size ? await this.dataSource.getRepository(UserEntity).find({ where: { id: In([...ids]) }, select: { id: true, displayName: true, title: true } }) : [];
    return {
      items: events.map((e) => ({
        seq: e.seq, at: e.at, actor: e.actorName, actorName: users.find((u) => u.id === e.actorId)?.displayName ?? null, action: e.action,
        objectType: e.objectType, objectId: e.objectId, outcome: e.outcome, details: e.details,
      })),
      people: Object.fromEntries(users.map((u) => [u.id, { displayName: u.displayName, title: u.title }])),
    };
  }
}
