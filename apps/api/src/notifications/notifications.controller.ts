import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { IsOptional, IsUUID } from 'class-validator';
import { ApiNoContentResponse, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { MarkedView, NotificationListView } from './notification.view';
import { DataSource, In, IsNull } from 'typeorm';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';
import { CaseEntity, NotificationEntity } from '@custodian/persistence';

class ReadAllDto {
  /** Only this case's notifications; all of them when left out. */
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'caseId must be a case id' }) caseId?: string;
}

const ANY_STAFF = ['clerk', 'attorney', 'director', 'auditor', 'admin'] as const;

/** Each user's own reminders: deadlines coming due, overdue cases, assignments, lapsed gag orders. */
@ApiTags('notifications')
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Authenticated(...ANY_STAFF)
  @ApiOkResponse({ type: NotificationListView })
  async mine(@CurrentUser() actor: Actor): Promise<NotificationListView> {
    const items = await this.dataSource.getRepository(NotificationEntity).find({ where: { userId: actor.id }, order: { createdAt: 'DESC' }, take: 100 });
    const caseIds = [...new Set(items.map((n) => n.caseId).filter((id): id is string => Boolean(id)))];
    const cases = caseIds.length ? await this.dataSource.getRepository(CaseEntity).find({ where: { id: In(caseIds) }, select: { id: true, caseNumber: true } }) : [];
    const numberOf = new Map(cases.map((c) => [c.id, c.caseNumber]));
    return { items: items.map((n) => ({ ...n, caseNumber: n.caseId ? (numberOf.get(n.caseId) ?? null) : null })), unread: items.filter((n) => !n.readAt).length };
  }

  @Post(':id/read')
  @HttpCode(204)
  @Authenticated(...ANY_STAFF)
  @ApiNoContentResponse({ description: 'Read (or it already was)' })
  async markRead(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor) {
    const { affected } = await this.dataSource.getRepository(NotificationEntity).update({ id, userId: actor.id, readAt: IsNull() }, { readAt: new Date() });
    if (!affected && !(await this.dataSource.getRepository(NotificationEntity).exists({ where: { id, userId: actor.id } }))) throw new NotFoundException('Notification not found');
  }

  /** Marks every unread notification of the caller read (or only one case's); says how many changed. */
  @Post('read-all')
  @HttpCode(200)
  @Authenticated(...ANY_STAFF)
  @ApiOkResponse({ type: MarkedView })
  async markAllRead(@Body() body: ReadAllDto, @CurrentUser() actor: Actor): Promise<MarkedView> {
    const where = { userId: actor.id, readAt: IsNull(), ...(body.caseId ? { caseId: body.caseId } : {}) };
    const { affected } = await this.dataSource.getRepository(NotificationEntity).update(where, { readAt: new Date() });
    return { marked: affected ?? 0 };
  }
}
