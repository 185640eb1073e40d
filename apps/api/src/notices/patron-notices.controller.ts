import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse } from '../openapi/schema';
import { PatronNoticeStatusView } from './patron-notice.view';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { Writable } from 'node:stream';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';
import { ISO_DATE } from '../cases/dto/scope.dto';
import { CaseSafeguards } from '../cases/case-safeguards.service';
import { PatronNotices } from './patron-notices.service';

class RecordNoticeDto {
  @ApiProperty({ enum: ['mail', 'email', 'phone', 'in_person'] }) @IsIn(['mail', 'email', 'phone', 'in_person'], { message: 'method must be mail, email, phone or in_person' }) method: string;
  @ApiPropertyOptional({ format: 'date', description: 'Default: today' }) @IsOptional() @Matches(ISO_DATE, { message: 'sentOn must be a date written YYYY-MM-DD' }) sentOn?: string;
}

/** Patron notices: whether they may go now, the letters and mail-merge file, and the record of sending. */
@ApiTags('patron notices')
@Controller('api/cases/:id/notices')
export class PatronNoticesController {
  constructor(
    private readonly notices: PatronNotices,
    private readonly safeguards: CaseSafeguards,
  ) {}

  @Get()
  @Authenticated('clerk', 'attorney', 'director', 'auditor', 'admin')
  @ApiOkResponse({ type: PatronNoticeStatusView })
  status(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor): Promise<PatronNoticeStatusView> {
    return this.notices.status(actor, id);
  }

  /** Records that the notice went out (method, date); refused while any gag binds. */
  @Post()
  @HttpCode(200)
  @Authenticated('clerk', 'director')
  @ApiOkResponse({ type: PatronNoticeStatusView })
  async record(@Param('id', ParseUUIDPipe) id: string, @Body() body: RecordNoticeDto, @CurrentUser() actor: Actor): Promise<PatronNoticeStatusView> {
    await this.safeguards.recordPatronNotice(id, body.method, actor, body.sentOn);
    return this.notices.status(actor, id);
  }

  /** The letter to patron `number` (1-based, in the order the request named them): that patron only. */
  @Get('letters/:number/pdf')
  @Authenticated('clerk', 'director')
  @ApiFileResponse("The notice letter to that patron only", 'application/pdf')
  async letter(@Param('id', ParseUUIDPipe) id: string, @Param('number', ParseIntPipe) number: number, @CurrentUser() actor: Actor) {
    const chunks: Buffer[] = [];
    await this.notices.letter(actor, id, number, new Writable({ write: (chunk: Buffer, _e, done) => (chunks.push(chunk), done()) }));
    return new StreamableFile(Buffer.concat(chunks), { type: 'application/pdf', disposition: `attachment; filename="patron-notice-${number}.pdf"` });
  }

  /** One row per patron for a mail merge: patron data, made in memory and never stored. */
  @Get('mail-merge/csv')
  @Authenticated('clerk', 'director')
  @ApiFileResponse('One row per patron for a mail merge (made in memory, never stored)', 'text/csv')
  async mailMerge(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor) {
    return new StreamableFile(Buffer.from(await this.notices.mailMerge(actor, id), 'utf8'), { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="patron-notices.csv"' });
  }
}
