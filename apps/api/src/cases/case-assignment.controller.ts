import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CaseDetailView } from './dto/case.view';
import { IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';
import { CaseAssignment, AssignmentSlot } from './case-assignment.service';
import { CaseQueries } from './case-queries.service';

class ReassignDto {
  @ApiProperty({ enum: ['attorney', 'director'] }) @IsIn(['attorney', 'director'], { message: 'slot must be attorney or director' }) slot: AssignmentSlot;
  @ApiProperty() @IsUUID('all', { message: 'userId must be a user id' }) userId: string;
  @ApiProperty() @IsString() @MinLength(5, { message: 'reason must say why (at least 5 characters)' }) @MaxLength(2000) reason: string;
}

@ApiTags('cases')
@Controller('api/cases/:id/assignment')
export class CaseAssignmentController {
  constructor(
    private readonly assignment: CaseAssignment,
    private readonly queries: CaseQueries,
  ) {}

  /** Gives the case's review or decision to another attorney or director; audited, the new assignee notified. */
  @Post()
  @HttpCode(200)
  @Authenticated('director', 'admin')
  @ApiOkResponse({ type: CaseDetailView })
  async reassign(@Param('id', ParseUUIDPipe) id: string, @Body() body: ReassignDto, @CurrentUser() actor: Actor): Promise<CaseDetailView> {
    await this.assignment.reassign(id, body.slot, body.userId, body.reason, actor);
    return this.queries.afterWrite(actor, id);
  }
}
