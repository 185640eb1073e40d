import { BadRequestException, Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';
import { CaseStateConflictError, CaseWorkflow } from '@custodian/cases';
import { RecordImportEntity } from '@custodian/persistence';
import { jobRequest } from '@custodian/queues';
import { ContentStore } from '@custodian/storage';
import { CaseAccess } from '../cases/case-access.service';
import { importView } from '../cases/case-queries.service';
import { safeFilename } from '../documents/documents.controller';
import { MAX_EXPORT_BYTES, storeUpload, uploadOptions } from '../storage/upload';

export const CSV_TABLES = ['borrowers', 'issues', 'old_issues', 'reserves', 'old_reserves', 'accountlines', 'search_history', 'sessions'] as const;
/** Responsive records may be added until the director has decided. */
const IMPORTABLE_STATES = ['intake', 'legal_review', 'needs_info', 'awaiting_approval'];

class RecordImportDto {
  @IsOptional() @IsIn(['json', 'csv'], { message: 'format must be json or csv' }) format?: 'json' | 'csv';
  @IsOptional() @IsIn(CSV_TABLES, { message: `table must be one of: ${CSV_TABLES.join(', ')}` }) table?: (typeof CSV_TABLES)[number];
}

@ApiTags('records')
@Controller('api/cases/:id/records')
export class RecordsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflow: CaseWorkflow,
    private readonly access: CaseAccess,
    private readonly store: ContentStore,
  ) {}

  /** Stores the export and queues its import; validation and progress are reported on the import. */
  @Post()
  @HttpCode(202)
  @Authenticated('clerk')
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(FileInterceptor('file', uploadOptions(MAX_EXPORT_BYTES)))
  async upload(@Param('id', ParseUUIDPipe) caseId: string, @Body() body: RecordImportDto, @UploadedFile() file: Express.Multer.File | undefined, @CurrentUser() actor: Actor) {
    await this.access.load(actor, caseId);
    const format = body.format ?? formatFromFilename(file?.originalname);
    if (!format) {
      throw new BadRequestException({ message: ['file: upload a Koha export as .json (keyed by table names) or one .csv file per table, or name the format'], fields: { file: ['must be .json or .csv'] } });
    }
    const table = body.table ?? (format === 'csv' ? tableFromFilename(file?.originalname) : undefined);
    if (format === 'csv' && !table) {
      throw new BadRequestException({ message: ['table: name the Koha table a CSV file holds (e.g. issues), or name the file after it'], fields: { table: ['required for CSV'] } });
    }
    const stored = await storeUpload(this.store, file);
    return this.workflow.change(caseId, async (row, manager) => {
      this.access.assertVisible(actor, row);
      if (!IMPORTABLE_STATES.includes(row.status)) throw new CaseStateConflictError('Records can be imported only before the director decides', row.status);
      const recordImport = manager.create(RecordImportEntity, {
        id: randomUUID(), caseId, status: 'queued', format, table: table ?? null, filename: safeFilename(file!.originalname),
        sha256: stored.sha256, bytes: stored.bytes, bytesRead: 0, rowsRead: 0, rowsImported: 0, errors: null, errorCount: 0,
        createdById: actor.id, createdAt: new Date(), completedAt: null,
      });
      await manager.save(RecordImportEntity, recordImport);
      return {
        result: importView(recordImport),
        jobs: [jobRequest('import-records', { caseId, importId: recordImport.id }, `${caseId}-import-${recordImport.id}`)],
        audit: [{ actor: { id: actor.id, username: actor.username }, action: 'records.upload', objectType: 'record_import', objectId: recordImport.id, details: { format, table, bytes: stored.bytes, sha256: stored.sha256 } }],
      };
    });
  }

  @Get('imports/:importId')
  @Authenticated('clerk', 'attorney', 'director', 'auditor', 'admin')
  async importStatus(@Param('id', ParseUUIDPipe) caseId: string, @Param('importId', ParseUUIDPipe) importId: string, @CurrentUser() actor: Actor) {
    await this.access.load(actor, caseId);
    const recordImport = await this.dataSource.getRepository(RecordImportEntity).findOne({ where: { id: importId, caseId } });
    if (!recordImport) throw new NotFoundException('Import not found');
    return importView(recordImport);
  }
}

function formatFromFilename(name: string | undefined): 'json' | 'csv' | undefined {
  const lower = (name ?? '').toLowerCase();
  return lower.endsWith('.csv') ? 'csv' : lower.endsWith('.json') ? 'json' : undefined;
}

function tableFromFilename(name: string | undefined): (typeof CSV_TABLES)[number] | undefined {
  const base = (name ?? '').toLowerCase().replace(/\.csv$/, '');
  return CSV_TABLES.find((table) => base === table || base.endsWith(`-${table}`) || base.endsWith(`_${table}`));
}
