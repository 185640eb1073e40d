import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse } from '../openapi/schema';
import { LETTER_KINDS } from '../cases/dto/case.view';
import { ProductionListView } from './production.view';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AuditLog } from '@custodian/audit';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';
import { DecisionEntity, LetterEntity, ProductionEntity } from '@custodian/persistence';
import { ContentStore } from '@custodian/storage';
import { CaseNotFoundError } from '@custodian/cases';
import { CaseAccess } from '../cases/case-access.service';
import { productionView } from '../cases/case-queries.service';

const STAFF = ['clerk', 'attorney', 'director', 'auditor', 'admin'] as const;

@ApiTags('productions')
@Controller('api')
export class ProductionsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly store: ContentStore,
    private readonly auditLog: AuditLog,
  ) {}

  @Get('cases/:id/productions')
  @Authenticated(...STAFF)
  @ApiOkResponse({ type: ProductionListView })
  async list(@Param('id', ParseUUIDPipe) caseId: string, @CurrentUser() actor: Actor): Promise<ProductionListView> {
    await this.access.load(actor, caseId);
    if (!(await this.isApproved(caseId))) return { items: [] };
    const production = await this.dataSource.getRepository(ProductionEntity).findOne({ where: { caseId } });
    return { items: production ? [productionView(production)] : [] };
  }

  /** The PDF of an approved case's verified production, with its SHA-256 in a header. */
  @Get('productions/:id/pdf')
  @Authenticated(...STAFF)
  @ApiFileResponse('The production PDF; its SHA-256 in X-Content-SHA256', 'application/pdf')
  async pdf(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor, @Res({ passthrough: true }) response: Response) {
    const production = await this.dataSource.getRepository(ProductionEntity).findOne({ where: { id } });
    // A production of a case the actor may not see is answered exactly like one that does not exist.
    const row = production ? await this.access.load(actor, production.caseId).catch(hiddenAsNull) : null;
    if (!production || !row) throw new NotFoundException('Production not found');
    if (production.status !== 'ready' || !production.sha256 || !(await this.isApproved(production.caseId))) {
      throw new NotFoundException('This production is not ready for release');
    }
    // Authenticated whole (and its digest checked) before the download is recorded or a byte is sent.
    const file = await this.store.openVerified(production.sha256);
    await this.auditLog.record({ actor: { id: actor.id, username: actor.username }, action: 'production.downloaded', objectType: 'production', objectId: id, caseId: production.caseId, details: { sha256: production.sha256 } });
    response.setHeader('X-Content-SHA256', production.sha256);
    return new StreamableFile(file, {
      type: 'application/pdf',
      disposition: `attachment; filename="production-${row.caseNumber}.pdf"`,
      length: production.bytes ?? undefined,
    });
  }

  @Get('cases/:id/letters/:kind/pdf')
  @Authenticated(...STAFF)
  @ApiFileResponse('The newest letter of that kind; its SHA-256 in X-Content-SHA256', 'application/pdf')
  async letter(@Param('id', ParseUUIDPipe) caseId: string, @Param('kind') kind: string, @CurrentUser() actor: Actor, @Res({ passthrough: true }) response: Response) {
    const row = await this.access.load(actor, caseId);
    if (!(LETTER_KINDS as readonly string[]).includes(kind)) throw new NotFoundException(`No letters of kind ${kind}; kinds are ${LETTER_KINDS.join(', ')}`);
    const [letter] = await this.dataSource.getRepository(LetterEntity).find({ where: { caseId, kind: kind as LetterEntity['kind'] }, order: { createdAt: 'DESC' }, take: 1 });
    if (!letter) throw new NotFoundException(`This case has no ${kind} letter`);
    const file = await this.store.openVerified(letter.sha256);
    await this.auditLog.record({ actor: { id: actor.id, username: actor.username }, action: 'letter.downloaded', objectType: 'letter', objectId: letter.id, caseId, details: { kind } });
    response.setHeader('X-Content-SHA256', letter.sha256);
    return new StreamableFile(file, { type: 'application/pdf', disposition: `attachment; filename="${kind}-letter-${row.caseNumber}.pdf"`, length: letter.bytes });
  }

  private async isApproved(caseId: string): Promise<boolean> {
    return this.dataSource.getRepository(DecisionEntity).exists({ where: { caseId, decision: 'approve' } });
  }
}

function hiddenAsNull(error: unknown): null {
  if (error instanceof CaseNotFoundError) return null;
  throw error;
}
