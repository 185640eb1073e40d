import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';
import { CaseCommands } from './case-commands.service';
import { CaseQueries } from './case-queries.service';
import { CaseSafeguards } from './case-safeguards.service';
import { CreateCaseDto, UpdateCaseDto } from './dto/case.dto';
import { DecisionDto } from './dto/decision.dto';
import { ListCasesQuery } from './dto/list-cases.query';
import { ReviewDto } from './dto/review.dto';

class ExtensionDto {
  @IsInt() @Min(1) @Max(14) days: number;
  @IsString() @MinLength(10, { message: 'reason must explain the unusual circumstances (at least 10 characters)' }) @MaxLength(2000) reason: string;
}

class PatronNoticeDto {
  @IsIn(['mail', 'email', 'phone', 'in_person'], { message: 'method must be mail, email, phone or in_person' }) method: string;
}

class ResumeDto {
  @IsOptional() @IsString() @MaxLength(5000) note?: string;
}

@ApiTags('cases')
@Controller('api/cases')
export class CasesController {
  constructor(
    private readonly commands: CaseCommands,
    private readonly queries: CaseQueries,
    private readonly safeguards: CaseSafeguards,
  ) {}

  @Post()
  @Authenticated('clerk')
  async create(@Body() body: CreateCaseDto, @CurrentUser() actor: Actor) {
    const { id } = await this.commands.create(body, actor);
    return this.queries.get(actor, id);
  }

  @Get()
  @Authenticated('clerk', 'attorney', 'director', 'auditor', 'admin')
  list(@Query() query: ListCasesQuery, @CurrentUser() actor: Actor) {
    return this.queries.list(actor, query);
  }

  @Get(':id')
  @Authenticated('clerk', 'attorney', 'director', 'auditor', 'admin')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor) {
    return this.queries.get(actor, id);
  }

  @Get(':id/status')
  @Authenticated('clerk', 'attorney', 'director', 'auditor', 'admin')
  status(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor) {
    return this.queries.status(actor, id);
  }

  @Patch(':id')
  @Authenticated('clerk')
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateCaseDto, @CurrentUser() actor: Actor) {
    await this.commands.update(id, body, actor);
    return this.queries.get(actor, id);
  }

  @Post(':id/submit')
  @HttpCode(202)
  @Authenticated('clerk')
  async submit(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor) {
    await this.commands.submit(id, actor);
    return this.queries.get(actor, id);
  }

  @Post(':id/review')
  @HttpCode(202)
  @Authenticated('attorney')
  async review(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReviewDto, @CurrentUser() actor: Actor) {
    await this.commands.review(id, body, actor);
    return this.queries.get(actor, id);
  }

  @Post(':id/decision')
  @HttpCode(202)
  @Authenticated('director')
  async decide(@Param('id', ParseUUIDPipe) id: string, @Body() body: DecisionDto, @CurrentUser() actor: Actor) {
    await this.commands.decide(id, body, actor);
    return this.queries.get(actor, id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Authenticated('clerk', 'attorney')
  async resume(@Param('id', ParseUUIDPipe) id: string, @Body() body: ResumeDto, @CurrentUser() actor: Actor) {
    await this.commands.resume(id, body.note ?? '', actor);
    return this.queries.get(actor, id);
  }

  @Post(':id/extension')
  @HttpCode(200)
  @Authenticated('attorney', 'director')
  async extend(@Param('id', ParseUUIDPipe) id: string, @Body() body: ExtensionDto, @CurrentUser() actor: Actor) {
    await this.commands.extend(id, body, actor);
    return this.queries.get(actor, id);
  }

  @Post(':id/holds/:holdId/renew')
  @HttpCode(200)
  @Authenticated('attorney', 'director')
  async renewHold(@Param('id', ParseUUIDPipe) id: string, @Param('holdId', ParseUUIDPipe) holdId: string, @CurrentUser() actor: Actor) {
    await this.safeguards.renewHold(id, holdId, actor);
    return this.queries.get(actor, id);
  }

  @Post(':id/holds/:holdId/release')
  @HttpCode(200)
  @Authenticated('attorney', 'director')
  async releaseHold(@Param('id', ParseUUIDPipe) id: string, @Param('holdId', ParseUUIDPipe) holdId: string, @CurrentUser() actor: Actor) {
    await this.safeguards.releaseHold(id, holdId, actor);
    return this.queries.get(actor, id);
  }

  @Post(':id/patron-notice')
  @HttpCode(200)
  @Authenticated('clerk', 'director')
  async patronNotice(@Param('id', ParseUUIDPipe) id: string, @Body() body: PatronNoticeDto, @CurrentUser() actor: Actor) {
    await this.safeguards.recordPatronNotice(id, body.method, actor);
    return this.queries.get(actor, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Authenticated('clerk', 'director')
  async withdraw(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor) {
    await this.commands.withdraw(id, actor);
    return this.queries.get(actor, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Authenticated('clerk', 'director')
  async close(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor) {
    await this.commands.close(id, actor);
    return this.queries.get(actor, id);
  }
}
