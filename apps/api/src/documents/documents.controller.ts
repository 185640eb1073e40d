import { Body, Controller, Get, NotFoundException, Param, ParseUUIDPipe, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { UploadNames } from './upload-names';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AuditLog } from '@custodian/audit';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiCreatedResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse } from '../openapi/schema';
import { IsIn, IsOptional } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';
import { CaseStateConflictError, CaseWorkflow } from '@custodian/cases';
import { isOpen } from '@custodian/domain';
import { DocumentEntity } from '@custodian/persistence';
import { ContentStore, StoredFile } from '@custodian/storage';
import { CaseAccess } from '../cases/case-access.service';
import { CaseDocumentView, DOCUMENT_KINDS, DocumentKind } from '../cases/dto/case.view';
import { sniffMediaType, sniffStream } from '../storage/sniff';
import { MAX_DOCUMENT_BYTES, SealedUpload, storeUpload, uploadOptions } from '../storage/upload';


class DocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind' }) @IsIn(DOCUMENT_KINDS, { message: `kind must be one of: ${DOCUMENT_KINDS.join(', ')}` }) kind: DocumentKind;
  /** The multipart file part: read by the upload interceptor (a text field of that name is not a file: without a file part the upload is refused, beside one it is ignored). */
  @ApiProperty({ type: 'string', format: 'binary' }) @IsOptional() file?: unknown;
}

@ApiTags('documents')
@Controller('api/cases/:id/documents')
export class DocumentsController {
  constructor(
    private readonly workflow: CaseWorkflow,
    private readonly access: CaseAccess,
    private readonly store: ContentStore,
    private readonly dataSource: DataSource,
    private readonly auditLog: AuditLog,
    private readonly uploadNames: UploadNames,
  ) {}

  /** The attached file itself (an instrument scan, a consent letter), audited like any other read. */
  @Get(':documentId')
  @Authenticated('clerk', 'attorney', 'director', 'auditor', 'admin')
  @ApiFileResponse('The file as uploaded; its type sniffed from the bytes, its SHA-256 in X-Content-SHA256', 'application/octet-stream')
  async download(@Param('id', ParseUUIDPipe) caseId: string, @Param('documentId', ParseUUIDPipe) documentId: string, @CurrentUser() actor: Actor, @Res({ passthrough: true }) response: Response) {
    await this.access.load(actor, caseId);
    const document = await this.dataSource.getRepository(DocumentEntity).findOne({ where: { id: documentId, caseId } });
    if (!document) throw new NotFoundException('Document not found');
    const file = await this.store.openVerified(document.sha256);
    await this.auditLog.record({ actor: { id: actor.id, username: actor.username }, action: 'document.read', objectType: 'document', objectId: documentId, caseId });
    response.setHeader('X-Content-SHA256', document.sha256);
    // The type comes from the stored bytes, never from the uploader's claim (older rows kept that claim).
    const type = await sniffStream(this.store.open(document.sha256));
    return new StreamableFile(file, { type, disposition: `attachment; filename="${encodeURIComponent(this.uploadNames.open(caseId, document.filename))}"`, length: document.size });
  }

  @Post()
  @Authenticated('clerk')
  @ApiConsumes('multipart/form-data')
  @ApiCreatedResponse({ type: CaseDocumentView })
  @UseInterceptors(FileInterceptor('file', uploadOptions(MAX_DOCUMENT_BYTES)))
  async attach(@Param('id', ParseUUIDPipe) caseId: string, @Body() body: DocumentDto, @UploadedFile() file: Express.Multer.File | undefined, @CurrentUser() actor: Actor): Promise<CaseDocumentView> {
    await this.access.load(actor, caseId);
    // Sniffed from the first bytes kept while sealing: there is no plaintext copy to read back.
    const mediaType = file ? sniffMediaType((file as SealedUpload).sealed.head) : '';
    const stored = await storeUpload(this.store, file);
    try {
      return await this.recordDocument(caseId, actor, body, file!, mediaType, stored);
    } catch (error) {
      // Refused after storing (the database is down, the case closed meanwhile): the bytes are not kept unless
      // another document (the store is content-addressed) already holds the same ones.
      await this.discardUnreferenced(stored.sha256).catch(() => undefined);
      throw error;
    }
  }

  private async discardUnreferenced(sha256: string): Promise<void> {
    if (!(await this.dataSource.getRepository(DocumentEntity).exists({ where: { sha256 } }))) await this.store.remove(sha256);
  }

  private recordDocument(caseId: string, actor: Actor, body: DocumentDto, file: Express.Multer.File, mediaType: string, stored: StoredFile) {
    return this.workflow.change(caseId, async (row, manager) => {
      this.access.assertVisible(actor, row);
      if (!isOpen(row.status)) throw new CaseStateConflictError('Documents can be attached only to an open case', row.status);
      const filename = safeFilename(file.originalname);
      const document = manager.create(DocumentEntity, {
        id: randomUUID(), caseId, kind: body.kind, filename: this.uploadNames.seal(caseId, filename), mediaType: mediaType.slice(0, 100),
        sha256: stored.sha256, size: stored.bytes, uploadedById: actor.id, createdAt: new Date(),
      });
      await manager.insert(DocumentEntity, document);
      return {
        result: { id: document.id, kind: body.kind, filename, mediaType: document.mediaType, sha256: document.sha256, size: document.size, createdAt: document.createdAt },
        audit: [{ actor: { id: actor.id, username: actor.username }, action: 'document.attached', objectType: 'document', objectId: document.id, details: { kind: document.kind, sha256: document.sha256, size: document.size } }],
      };
    });
  }
}

export function safeFilename(name: string): string {
  return (name.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || 'upload').trim();
}
