import { BadRequestException, Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CaseloadView } from '../cases/dto/case.view';
import { TransparencyReportView } from './report.view';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { Writable } from 'node:stream';
import { AuditLog } from '@custodian/audit';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';
import { pacificToday } from '@custodian/cases';
import { AppConfig } from '@custodian/config';
import { REQUEST_TYPES, RequestType, halfYearOf, periodProblems, transparencyReportCsv } from '@custodian/domain';
import { renderTransparencyPdf } from '@custodian/production';
import { ISO_DATE } from '../cases/dto/scope.dto';
import { CaseQueries } from '../cases/case-queries.service';
import { TransparencyReportService } from './transparency-report.service';

class TransparencyQuery {
  @ApiPropertyOptional({ format: 'date', description: 'With `to`; default: the current half-year' }) @IsOptional() @Matches(ISO_DATE, { message: 'from must be a date written YYYY-MM-DD' }) from?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @Matches(ISO_DATE, { message: 'to must be a date written YYYY-MM-DD' }) to?: string;
  /** Comma-separated request types for the per-type figures (national-security rows are never filtered). */
  @ApiPropertyOptional({ example: 'search_warrant,court_order' }) @IsOptional() @IsString() @MaxLength(400) requestType?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv', 'pdf'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv', 'pdf'], { message: 'format must be json, csv or pdf' }) format?: 'json' | 'csv' | 'pdf';
}

function bufferSink(): { out: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  return { out: new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(chunk), done()) }), bytes: () => Buffer.concat(chunks) };
}

@ApiTags('reports')
@Controller('api/reports')
export class ReportsController {
  constructor(
    private readonly auditLog: AuditLog,
    private readonly queries: CaseQueries,
    private readonly transparency: TransparencyReportService,
    private readonly config: AppConfig,
  ) {}

  /** Open and closed cases the caller can see, by state and by request type. */
  @Get('caseload')
  @Authenticated('clerk', 'attorney', 'director', 'auditor', 'admin')
  @ApiOkResponse({ type: CaseloadView })
  caseload(@CurrentUser() actor: Actor): Promise<CaseloadView> {
    return this.queries.caseload(actor);
  }

  /**
   * The publishable transparency report for a period (default: the current half-year) as JSON, CSV or a one-page
   * PDF. Ordinary requests in exact counts; national-security process only in 50 U.S.C. § 1874 bands.
   */
  @Get('transparency')
  @Authenticated('auditor', 'director', 'admin')
  @ApiExtraModels(TransparencyReportView)
  @ApiProduces('application/json', 'text/csv', 'application/pdf')
  @ApiOkResponse({
    description: 'JSON by default; format=csv or format=pdf for the files',
    content: {
      'application/json': { schema: { $ref: '#/components/schemas/TransparencyReportView' } },
      'text/csv': { schema: { type: 'string', format: 'binary' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  async report(@Query() query: TransparencyQuery, @CurrentUser() actor: Actor, @Res({ passthrough: true }) response: Response) {
    if ((query.from === undefined) !== (query.to === undefined)) throw new BadRequestException({ message: ['from and to go together: give both or neither'], fields: { [query.from ? 'to' : 'from']: ['is required with the other'] } });
    const period = query.from && query.to ? { from: query.from, to: query.to } : halfYearOf(pacificToday());
    const problems = periodProblems(period);
    const types = query.requestType?.split(',').map((t) => t.trim()).filter(Boolean);
    const unknown = (types ?? []).filter((t) => !(REQUEST_TYPES as readonly string[]).includes(t));
    if (unknown.length) problems.push(`requestType: ${unknown.join(', ')} is not a request type`);
    if (types && !types.length) problems.push('requestType: name at least one request type');
    if (problems.length) throw new BadRequestException({ message: problems, fields: Object.fromEntries(problems.map((p) => [p.split(':')[0], [p.split(': ').slice(1).join(': ')]])) });

    const report = await this.transparency.build(period, types as RequestType[] | undefined);
    const format = query.format ?? 'json';
    await this.auditLog.record({ actor: { id: actor.id, username: actor.username }, action: 'report.transparency', objectType: 'report', details: { from: period.from, to: period.to, format, requestTypes: types ?? null } });
    const name = `transparency-${period.from}-${period.to}`;
    if (format === 'csv') {
      return new StreamableFile(Buffer.from(transparencyReportCsv(report), 'utf8'), { type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${name}.csv"` });
    }
    if (format === 'pdf') {
      const sink = bufferSink();
      const rendered = await renderTransparencyPdf(report, sink.out, { libraryName: this.config.LIBRARY_NAME });
      response.setHeader('X-Content-SHA256', rendered.sha256);
      return new StreamableFile(sink.bytes(), { type: 'application/pdf', disposition: `attachment; filename="${name}.pdf"` });
    }
    return report satisfies TransparencyReportView;
  }
}
