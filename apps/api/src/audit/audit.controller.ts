import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditLog } from '@custodian/audit';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';
import { CaseAccess } from '../cases/case-access.service';

@ApiTags('audit')
@Controller('api')
export class AuditController {
  constructor(
    private readonly auditLog: AuditLog,
    private readonly access: CaseAccess,
  ) {}

  /** Recomputes the whole hash chain; names the first broken event if any. */
  @Get('audit/verify')
  @Authenticated('auditor')
  async verify(@CurrentUser() actor: Actor) {
    const result = await this.auditLog.verify();
    await this.auditLog.record({ actor: { id: actor.id, username: actor.username }, action: 'audit.verified', objectType: 'audit_chain', outcome: result.ok ? 'success' : 'failure', details: { events: result.events, firstBroken: result.firstBroken } });
    return result;
  }

  /** The chain head, to be kept outside the database: a later verify must end at or pass through it. */
  @Get('audit/head')
  @Authenticated('auditor', 'admin')
  async head() {
    const { head, events, ok } = await this.auditLog.verify();
    return { head, events, ok, exportedAt: new Date().toISOString() };
  }

  @Get('cases/:id/events')
  @Authenticated('clerk', 'attorney', 'director', 'auditor', 'admin')
  async timeline(@Param('id', ParseUUIDPipe) caseId: string, @CurrentUser() actor: Actor) {
    await this.access.load(actor, caseId);
    const events = await this.auditLog.timeline(caseId);
    return {
      items: events.map((e) => ({ seq: e.seq, at: e.at, actor: e.actorName, action: e.action, objectType: e.objectType, objectId: e.objectId, outcome: e.outcome, details: e.details })),
    };
  }
}
