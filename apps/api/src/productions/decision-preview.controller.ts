import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse } from '../openapi/schema';
import { ReleasePreviewView } from './production.view';
import type { Response } from 'express';
import { PassThrough } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditLog } from '@custodian/audit';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';
import { AppConfig } from '@custodian/config';
import { CaseStateConflictError, caseRecords, productionHeader, refusalLetter } from '@custodian/cases';
import { CaseEntity, ReviewEntity } from '@custodian/persistence';
import { renderCoverLetterPreview, summariseRelease } from '@custodian/production';
import type { RecordCipher } from '@custodian/records';
import { CaseAccess } from '../cases/case-access.service';
import { DecisionDto } from '../cases/dto/decision.dto';

/**
 * What the director will send, before confirming: the denial letter (for a subpoena, the objection) exactly as it
 * will be written, or the
 * production's cover letter and a summary of what will be released (patrons, record types, counts, withheld counts).
 * Nothing is stored; every preview is audited (it shows case content). Only a case awaiting approval after a
 * completed review can be previewed, as only such a case can be decided.
 */
@ApiTags('productions')
@Controller('api/cases/:id/decision/preview')
export class DecisionPreviewController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly auditLog: AuditLog,
    private readonly config: AppConfig,
    @Inject('RecordCipher') private readonly cipher: RecordCipher,
  ) {}

  /** The letter the decision would send: the denial letter, or for an approval the production's cover letter. */
  @Post()
  @HttpCode(200)
  @Authenticated('director', 'admin')
  @ApiFileResponse('The letter as it would be sent (not stored)', 'application/pdf')
  async letter(@Param('id', ParseUUIDPipe) caseId: string, @Body() body: DecisionDto, @CurrentUser() actor: Actor, @Res({ passthrough: true }) response: Response) {
    const { row, review } = await this.decidable(actor, caseId);
    const out = new PassThrough();
    const rendered =
      body.decision === 'deny'
        ? (async () => {
            // The letter the worker will write: a denial, or for a subpoena the written objection.
            const letter = await refusalLetter(this.dataSource.manager, row, { directorId: actor.id, reasons: body.reasons ?? null, reviewId: review.id }, this.config.LIBRARY_NAME);
            return letter.render(out);
          })()
        : this.header(row, review, actor).then((header) => renderCoverLetterPreview(header, out));
    // Rendering errors (bad input) surface before any byte is sent: the letter is small, so it is buffered.
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    await rendered;
    await this.auditLog.record({ actor: { id: actor.id, username: actor.username }, action: 'decision.previewed', objectType: 'case', objectId: caseId, caseId, details: { decision: body.decision } });
    response.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(Buffer.concat(chunks), { type: 'application/pdf', disposition: `inline; filename="preview-${body.decision}-${row.caseNumber}.pdf"` });
  }

  /** What an approval would release: patrons, record types, items produced and withheld per type, withholdings by reason. */
  @Get('release')
  @Authenticated('director', 'admin')
  @ApiOkResponse({ type: ReleasePreviewView })
  async release(@Param('id', ParseUUIDPipe) caseId: string, @CurrentUser() actor: Actor, @Res({ passthrough: true }) response: Response): Promise<ReleasePreviewView> {
    const { row, review } = await this.decidable(actor, caseId);
    const header = await this.header(row, review, actor);
    const summary = await summariseRelease(header, caseRecords(this.dataSource, this.cipher, caseId));
    await this.auditLog.record({ actor: { id: actor.id, username: actor.username }, action: 'release.previewed', objectType: 'case', objectId: caseId, caseId, details: { records: summary.recordsRead } });
    response.setHeader('Cache-Control', 'no-store');
    return { caseNumber: row.caseNumber, requestType: row.requestType, authority: header.authority, declaration: header.declaration !== undefined, ...summary };
  }

  private async decidable(actor: Actor, caseId: string): Promise<{ row: CaseEntity; review: ReviewEntity }> {
    const row = await this.access.load(actor, caseId);
    const [review] = await this.dataSource.getRepository(ReviewEntity).find({ where: { caseId }, order: { createdAt: 'DESC' }, take: 1 });
    if (row.status !== 'awaiting_approval' || !review || review.sufficiency === 'needs_info') {
      throw new CaseStateConflictError('Only a case awaiting approval after a completed legal review can be previewed', row.status);
    }
    return { row, review };
  }

  private header(row: CaseEntity, review: ReviewEntity, actor: Actor) {
    return productionHeader(this.dataSource, row, review.scope ?? row.scope, { directorId: actor.id, createdAt: new Date() }, review, {
      batesPrefix: this.config.BATES_PREFIX, libraryName: this.config.LIBRARY_NAME, libraryPlace: this.config.LIBRARY_PLACE,
    });
  }
}
