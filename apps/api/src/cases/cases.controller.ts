import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CPRA_EXTENSION_GROUND_KEYS, GAG_LIFT_KINDS, GagLiftKind } from '@custodian/domain';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';
import { CaseCommands } from './case-commands.service';
import { CaseDecisions } from './case-decisions.service';
import { CaseExtensions } from './case-extensions.service';
import { CaseGags } from './case-gags.service';
import { CaseQueries } from './case-queries.service';
import { CaseSafeguards } from './case-safeguards.service';
import { CreateCaseDto, UpdateCaseDto } from './dto/case.dto';
import { CaseDetailView, CasePageView, CaseStatusView } from './dto/case.view';
import { DecisionDto } from './dto/decision.dto';
import { ListCasesQuery } from './dto/list-cases.query';
import { ReviewDto } from './dto/review.dto';

class ExtensionDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 14, example: 14 }) @IsInt() @Min(1) @Max(14) days: number;
  @ApiProperty({ enum: CPRA_EXTENSION_GROUND_KEYS, description: 'The unusual circumstance of Gov. Code § 7922.535(c)(1)-(5)' })
  @IsIn(CPRA_EXTENSION_GROUND_KEYS, { message: `ground must be one of the unusual circumstances of Gov. Code § 7922.535(c): ${CPRA_EXTENSION_GROUND_KEYS.join(', ')}` }) ground: string;
  @ApiProperty({ minLength: 10, maxLength: 2000, description: 'How the ground applies to this request' })
  @IsString() @MinLength(10, { message: 'detail must say how the ground applies to this request (at least 10 characters)' }) @MaxLength(2000) detail: string;
}

class SendBackDto {
  @ApiProperty({ minLength: 10, maxLength: 5000 })
  @IsString() @MinLength(10, { message: 'reason must say why the review is sent back (at least 10 characters)' }) @MaxLength(5000) reason: string;
}

class GagLiftDto {
  @ApiProperty({ enum: GAG_LIFT_KINDS }) @IsIn(GAG_LIFT_KINDS, { message: `kind must be one of: ${GAG_LIFT_KINDS.join(', ')}` }) kind: GagLiftKind;
  @ApiProperty({ minLength: 3, maxLength: 300, description: 'The order or notice: docket number, date, issuer' }) @IsString() @MinLength(3) @MaxLength(300) reference: string;
  @ApiProperty({ format: 'date', example: '2026-03-16' }) @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'liftedOn must be a YYYY-MM-DD date' }) liftedOn: string;
}

class DesigneeDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The designee; null or left out: none' }) @IsOptional() @IsUUID() userId: string | null;
}

class PatronNoticeDto {
  @ApiProperty({ enum: ['mail', 'email', 'phone', 'in_person'] }) @IsIn(['mail', 'email', 'phone', 'in_person'], { message: 'method must be mail, email, phone or in_person' }) method: string;
}

class ResumeDto {
  @ApiPropertyOptional({ maxLength: 5000 }) @IsOptional() @IsString() @MaxLength(5000) note?: string;
}

@ApiTags('cases')
@Controller('api/cases')
export class CasesController {
  constructor(
    private readonly commands: CaseCommands,
    private readonly queries: CaseQueries,
    private readonly safeguards: CaseSafeguards,
    private readonly decisions: CaseDecisions,
    private readonly extensions: CaseExtensions,
    private readonly gags: CaseGags,
  ) {}

  @Post()
  @Authenticated('clerk')
  @ApiCreatedResponse({ type: CaseDetailView })
  async create(@Body() body: CreateCaseDto, @CurrentUser() actor: Actor): Promise<CaseDetailView> {
    const { id } = await this.commands.create(body, actor);
    return this.queries.afterWrite(actor, id);
  }

  @Get()
  @Authenticated('clerk', 'attorney', 'director', 'auditor', 'admin')
  @ApiOkResponse({ type: CasePageView })
  list(@Query() query: ListCasesQuery, @CurrentUser() actor: Actor): Promise<CasePageView> {
    return this.queries.list(actor, query);
  }

  @Get(':id')
  @Authenticated('clerk', 'attorney', 'director', 'auditor', 'admin')
  @ApiOkResponse({ type: CaseDetailView })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor): Promise<CaseDetailView> {
    return this.queries.get(actor, id);
  }

  @Get(':id/status')
  @Authenticated('clerk', 'attorney', 'director', 'auditor', 'admin')
  @ApiOkResponse({ type: CaseStatusView })
  status(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor): Promise<CaseStatusView> {
    return this.queries.status(actor, id);
  }

  @Patch(':id')
  @Authenticated('clerk')
  @ApiOkResponse({ type: CaseDetailView })
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateCaseDto, @CurrentUser() actor: Actor): Promise<CaseDetailView> {
    await this.commands.update(id, body, actor);
    return this.queries.afterWrite(actor, id);
  }

  @Post(':id/submit')
  @HttpCode(202)
  @Authenticated('clerk')
  @ApiAcceptedResponse({ type: CaseDetailView })
  async submit(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor): Promise<CaseDetailView> {
    await this.commands.submit(id, actor);
    return this.queries.afterWrite(actor, id);
  }

  @Post(':id/review')
  @HttpCode(202)
  @Authenticated('attorney')
  @ApiAcceptedResponse({ type: CaseDetailView })
  async review(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReviewDto, @CurrentUser() actor: Actor): Promise<CaseDetailView> {
    await this.commands.review(id, body, actor);
    return this.queries.afterWrite(actor, id);
  }

  @Post(':id/decision')
  @HttpCode(202)
  @Authenticated('director')
  @ApiAcceptedResponse({ type: CaseDetailView })
  async decide(@Param('id', ParseUUIDPipe) id: string, @Body() body: DecisionDto, @CurrentUser() actor: Actor): Promise<CaseDetailView> {
    await this.decisions.decide(id, body, actor);
    return this.queries.afterWrite(actor, id);
  }

  /** Renders a stopped production again; the worker checks and verifies everything again before releasing it. */
  @Post(':id/production/retry')
  @HttpCode(202)
  @Authenticated('director')
  @ApiAcceptedResponse({ type: CaseDetailView })
  async retryProduction(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor): Promise<CaseDetailView> {
    await this.decisions.retryProduction(id, actor);
    return this.queries.afterWrite(actor, id);
  }

  /** A director who disagrees with the review sends it back for another review, with a written reason. */
  @Post(':id/send-back')
  @HttpCode(200)
  @Authenticated('director')
  @ApiOkResponse({ type: CaseDetailView })
  async sendBack(@Param('id', ParseUUIDPipe) id: string, @Body() body: SendBackDto, @CurrentUser() actor: Actor): Promise<CaseDetailView> {
    await this.decisions.sendBack(id, body.reason, actor);
    return this.queries.afterWrite(actor, id);
  }

  /** Records the event (court order, government notice) that lifts a gag; a statutory gag ends no other way. */
  @Post(':id/gag-lift')
  @HttpCode(200)
  @Authenticated('attorney', 'director')
  @ApiOkResponse({ type: CaseDetailView })
  async liftGag(@Param('id', ParseUUIDPipe) id: string, @Body() body: GagLiftDto, @CurrentUser() actor: Actor): Promise<CaseDetailView> {
    await this.gags.lift(id, body, actor);
    return this.queries.afterWrite(actor, id);
  }

  /** The designee who may sign a public-records extension for the head of the agency (Gov. Code § 7922.535(b)). */
  @Post(':id/extension-designee')
  @HttpCode(200)
  @Authenticated('director')
  @ApiOkResponse({ type: CaseDetailView })
  async designee(@Param('id', ParseUUIDPipe) id: string, @Body() body: DesigneeDto, @CurrentUser() actor: Actor): Promise<CaseDetailView> {
    await this.extensions.recordDesignee(id, body.userId ?? null, actor);
    return this.queries.afterWrite(actor, id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Authenticated('clerk', 'attorney')
  @ApiOkResponse({ type: CaseDetailView })
  async resume(@Param('id', ParseUUIDPipe) id: string, @Body() body: ResumeDto, @CurrentUser() actor: Actor): Promise<CaseDetailView> {
    await this.commands.resume(id, body.note ?? '', actor);
    return this.queries.afterWrite(actor, id);
  }

  @Post(':id/extension')
  @HttpCode(200)
  @Authenticated('attorney', 'director')
  @ApiOkResponse({ type: CaseDetailView })
  async extend(@Param('id', ParseUUIDPipe) id: string, @Body() body: ExtensionDto, @CurrentUser() actor: Actor): Promise<CaseDetailView> {
    await this.extensions.extend(id, body, actor);
    return this.queries.afterWrite(actor, id);
  }

  @Post(':id/holds/:holdId/renew')
  @HttpCode(200)
  @Authenticated('attorney', 'director')
  @ApiOkResponse({ type: CaseDetailView })
  async renewHold(@Param('id', ParseUUIDPipe) id: string, @Param('holdId', ParseUUIDPipe) holdId: string, @CurrentUser() actor: Actor): Promise<CaseDetailView> {
    await this.safeguards.renewHold(id, holdId, actor);
    return this.queries.afterWrite(actor, id);
  }

  @Post(':id/holds/:holdId/release')
  @HttpCode(200)
  @Authenticated('attorney', 'director')
  @ApiOkResponse({ type: CaseDetailView })
  async releaseHold(@Param('id', ParseUUIDPipe) id: string, @Param('holdId', ParseUUIDPipe) holdId: string, @CurrentUser() actor: Actor): Promise<CaseDetailView> {
    await this.safeguards.releaseHold(id, holdId, actor);
    return this.queries.afterWrite(actor, id);
  }

  @Post(':id/patron-notice')
  @HttpCode(200)
  @Authenticated('clerk', 'director')
  @ApiOkResponse({ type: CaseDetailView })
  async patronNotice(@Param('id', ParseUUIDPipe) id: string, @Body() body: PatronNoticeDto, @CurrentUser() actor: Actor): Promise<CaseDetailView> {
    await this.safeguards.recordPatronNotice(id, body.method, actor);
    return this.queries.afterWrite(actor, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Authenticated('clerk', 'director')
  @ApiOkResponse({ type: CaseDetailView })
  async withdraw(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor): Promise<CaseDetailView> {
    await this.commands.withdraw(id, actor);
    return this.queries.afterWrite(actor, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Authenticated('clerk', 'director')
  @ApiOkResponse({ type: CaseDetailView })
  async close(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor): Promise<CaseDetailView> {
    await this.commands.close(id, actor);
    return this.queries.afterWrite(actor, id);
  }
}
