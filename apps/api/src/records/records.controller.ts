import { BadRequestException, Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiAcceptedResponse, ApiConsumes, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { RecordImportView } from '../cases/dto/case.view';
import { IsIn, IsOptional } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';
import { CaseStateConflictError, CaseWorkflow, discardExport } from '@custodian/cases';
import { RecordImportEntity, RecordImportFile } from '@custodian/persistence';
import { IMPORTABLE_TABLE_NAMES, UnsupportedExportError, exportFileFor } from '@custodian/records';
import { jobRequest } from '@custodian/queues';
import { ContentStore } from '@custodian/storage';
import { CaseAccess } from '../cases/case-access.service';
import { importView } from '../cases/case-queries.service';
import { UploadNames } from '../documents/upload-names';
import { safeFilename } from '../documents/documents.controller';
import { rm } from 'node:fs/promises';
import { MAX_EXPORT_BYTES, storeUpload, uploadOptions } from '../storage/upload';

/** Koha's table names and the REST API's (patrons, checkouts, holds, account_lines). */
export const CSV_TABLES = IMPORTABLE_TABLE_NAMES;
/** Per-table CSV downloads of one export, uploaded together and validated as one data set. */
const MAX_FILES_PER_UPLOAD = 20;
/** Responsive records may be added until the director has decided. */
const IMPORTABLE_STATES = ['intake', 'legal_review', 'needs_info', 'awaiting_approval'];

class RecordImportDto {
  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'When the file name does not say' }) @IsOptional() @IsIn(['json', 'csv'], { message: 'format must be json or csv' }) format?: 'json' | 'csv';
  /** The table of a file whose name does not say (Koha's "<report>-reportresults.csv"); only with one file. */
  @ApiPropertyOptional({ enum: CSV_TABLES }) @IsOptional() @IsIn(CSV_TABLES, { message: `table must be one of: ${CSV_TABLES.join(', ')}` }) table?: string;
  /** The multipart file part(s), repeated for several files: read by the upload interceptor (a text field of that name is not a file and is ignored). */
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'binary' } }) @IsOptional() file?: unknown;
}

@ApiTags('records')
@Controller('api/cases/:id/records')
export class RecordsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflow: CaseWorkflow,
    private readonly access: CaseAccess,
    private readonly store: ContentStore,
    private readonly uploadNames: UploadNames,
  ) {}

  /**
   * Stores the export and queues its import; validation and progress are reported on the import. Several files in
   * one upload (field "file", repeated) are one data set: per-table CSVs resolve against each other and against
   * what earlier uploads brought into the case.
   */
  @Post()
  @HttpCode(202)
  @Authenticated('clerk')
  @ApiConsumes('multipart/form-data')
  @ApiAcceptedResponse({ type: RecordImportView, description: 'Stored and queued; follow its progress on GET …/imports/{importId}' })
  @UseInterceptors(FilesInterceptor('file', MAX_FILES_PER_UPLOAD, uploadOptions(MAX_EXPORT_BYTES, MAX_FILES_PER_UPLOAD)))
  async upload(@Param('id', ParseUUIDPipe) caseId: string, @Body() body: RecordImportDto, @UploadedFiles() uploaded: Express.Multer.File[] | undefined, @CurrentUser() actor: Actor): Promise<RecordImportView> {
    const files = uploaded ?? [];
    try {
      await this.access.load(actor, caseId);
      if (files.length === 0) throw new BadRequestException({ message: ['file: attach the file in a multipart field named "file"'], fields: { file: ['required'] } });
      if (body.table && files.length > 1) throw new BadRequestException({ message: ['table: name the table only when uploading one file; name several files after their tables'], fields: { table: ['only with one file'] } });
      const described = files.map((file) => describeFile(file, body));
      // The import is queued: with Redis down it is refused (503) before the plaintext export is stored.
      this.workflow.assertQueuesAvailable();
      const stored: RecordImportFile[] = [];
      try {
        for (const [index, file] of files.entries()) {
          const put = await storeUpload(this.store, file);
          stored.push({ filename: this.uploadNames.seal(caseId, safeFilename(file.originalname)), format: described[index].format, table: described[index].table, sha256: put.sha256, bytes: put.bytes });
        }
        return await this.queueImport(caseId, actor, stored);
      } catch (error) {
        // Refused after storing (Redis dropped meanwhile, the database is down, the case moved on): the plaintext
        // export is not kept, unless another queued import of the same bytes still needs it.
        for (const file of stored) await discardExport(this.dataSource, this.store, file.sha256).catch(() => undefined);
        throw error;
      }
    } finally {
      for (const file of files) await rm(file.path, { force: true });
    }
  }

  private queueImport(caseId: string, actor: Actor, stored: RecordImportFile[]) {
    const first = stored[0];
    const bytes = stored.reduce((sum, file) => sum + file.bytes, 0);
    return this.workflow.change(caseId, async (row, manager) => {
      this.access.assertVisible(actor, row);
      if (!IMPORTABLE_STATES.includes(row.status)) throw new CaseStateConflictError('Records can be imported only before the director decides', row.status);
      const recordImport = manager.create(RecordImportEntity, {
        id: randomUUID(), caseId, status: 'queued', format: first.format, table: stored.length === 1 ? first.table : null,
        filename: stored.length === 1 ? first.filename : `${stored.length} files`.slice(0, 255), sha256: first.sha256, bytes, bytesRead: 0, rowsRead: 0, rowsImported: 0,
        errors: null, errorCount: 0, warnings: null, warningCount: 0, pendingRows: 0, notAttributableRows: 0, files: stored.length === 1 ? null : stored, stats: null,
        createdById: actor.id, createdAt: new Date(), completedAt: null,
      });
      await manager.save(RecordImportEntity, recordImport);
      return {
        result: importView(recordImport, this.uploadNames),
        jobs: [jobRequest('import-records', { caseId, importId: recordImport.id }, `${caseId}-import-${recordImport.id}`)],
        audit: [{ actor: { id: actor.id, username: actor.username }, action: 'records.upload', objectType: 'record_import', objectId: recordImport.id, details: { files: stored.map((f) => ({ format: f.format, table: f.table, bytes: f.bytes, sha256: f.sha256 })) } }],
      };
    });
  }

  @Get('imports/:importId')
  @Authenticated('clerk', 'attorney', 'director', 'auditor', 'admin')
  @ApiOkResponse({ type: RecordImportView })
  async importStatus(@Param('id', ParseUUIDPipe) caseId: string, @Param('importId', ParseUUIDPipe) importId: string, @CurrentUser() actor: Actor): Promise<RecordImportView> {
    await this.access.load(actor, caseId);
    const recordImport = await this.dataSource.getRepository(RecordImportEntity).findOne({ where: { id: importId, caseId } });
    if (!recordImport) throw new NotFoundException('Import not found');
    return importView(recordImport, this.uploadNames);
  }
}

/** Format and table of one uploaded file, from its name unless the form names them; a clear 400 otherwise. */
function describeFile(file: Express.Multer.File, body: RecordImportDto): { format: 'json' | 'csv'; table: string | null } {
  const name = body.format ? `${file.originalname.replace(/\.[^.]*$/, '')}.${body.format}` : file.originalname;
  try {
    const described = exportFileFor(name, () => undefined as never, { ...(body.table ? { table: body.table } : {}) });
    return { format: described.format, table: described.table ?? null };
  } catch (error) {
    if (!(error instanceof UnsupportedExportError)) throw error;
    const field = /table/.test(error.message) ? 'table' : 'file';
    throw new BadRequestException({ message: [`${field}: ${error.message}`], fields: { [field]: [error.message] } });
  }
}
