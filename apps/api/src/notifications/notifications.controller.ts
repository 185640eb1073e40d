import { Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource, IsNull } from 'typeorm';
import { Actor, Authenticated, CurrentUser } from '@custodian/auth';
import { NotificationEntity } from '@custodian/persistence';

const ANY_STAFF = ['clerk', 'attorney', 'director', 'auditor', 'admin'] as const;

/** Each user's own reminders: deadlines coming due, overdue cases, assignments, lapsed gag orders. */
@ApiTags('notifications')
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Authenticated(...ANY_STAFF)
  async mine(@CurrentUser() actor: Actor) {
    const items = await this.dataSource.getRepository(NotificationEntity).find({ where: { userId: actor.id }, order: { createdAt: 'DESC' }, take: 100 });
    return { items, unread: items.filter((n) => !n.readAt).length };
  }

  @Post(':id/read')
  @HttpCode(204)
  @Authenticated(...ANY_STAFF)
  async markRead(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor) {
    const { affected } = await this.dataSource.getRepository(NotificationEntity).update({ id, userId: actor.id, readAt: IsNull() }, { readAt: new Date() });
    if (!affected && !(await this.dataSource.getRepository(NotificationEntity).exists({ where: { id, userId: actor.id } }))) throw new NotFoundException('Notification not found');
  }
}
