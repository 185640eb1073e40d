import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post, Put, Res, UnprocessableEntityException } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse } from '../openapi/schema';
import { CalendarFeedView, PreferencesView } from './reminders.view';
import { IsBoolean } from 'class-validator';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { AuditLog } from '@custodian/audit';
import { Actor, Authenticated, CurrentUser, Public } from '@custodian/auth';
import { AppConfig } from '@custodian/config';
import { UserEntity, UserPreferencesEntity } from '@custodian/persistence';
import { calendarFeed, FEED_TOKEN, feedTokenHash, newFeedToken } from './calendar-feed';

const ANY_STAFF = ['clerk', 'attorney', 'director', 'auditor', 'admin'] as const;

class PreferencesDto {
  /** E-mail me my reminders, assignments and escalations (case number and link only). */
  @ApiProperty() @IsBoolean({ message: 'emailReminders must be true or false' }) emailReminders: boolean;
}

/** A person's reminders outside the app: e-mail opt-in and a private calendar feed of their deadlines. */
@ApiTags('reminders')
@Controller()
export class RemindersController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly auditLog: AuditLog,
  ) {}

  private async preferences(userId: string): Promise<UserPreferencesEntity> {
    return (await this.dataSource.getRepository(UserPreferencesEntity).findOne({ where: { userId } })) ?? { userId, emailReminders: false, calendarTokenHash: null, updatedAt: new Date() };
  }

  private async view(actor: Actor): Promise<PreferencesView> {
    const [prefs, user] = await Promise.all([this.preferences(actor.id), this.dataSource.getRepository(UserEntity).findOne({ where: { id: actor.id }, select: { id: true, email: true } })]);
    return { emailReminders: prefs.emailReminders, email: user?.email ?? null, mailConfigured: Boolean(this.config.SMTP_URL), calendarFeedActive: prefs.calendarTokenHash !== null };
  }

  @Get('api/me/preferences')
  @Authenticated(...ANY_STAFF)
  @ApiOkResponse({ type: PreferencesView })
  get(@CurrentUser() actor: Actor): Promise<PreferencesView> {
    return this.view(actor);
  }

  @Put('api/me/preferences')
  @Authenticated(...ANY_STAFF)
  @ApiOkResponse({ type: PreferencesView })
  async put(@Body() body: PreferencesDto, @CurrentUser() actor: Actor): Promise<PreferencesView> {
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id: actor.id } });
    if (body.emailReminders && !user?.email) {
      throw new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', message: 'Your account has no e-mail address; ask an administrator to add one first', fields: { emailReminders: ['Your account has no e-mail address; ask an administrator to add one first.'] } });
    }
    const prefs = await this.preferences(actor.id);
    await this.dataSource.getRepository(UserPreferencesEntity).save({ ...prefs, emailReminders: body.emailReminders, updatedAt: new Date() });
    return this.view(actor);
  }

  /** A new private feed address; any earlier one stops working. The address is shown once: only its hash is kept. */
  @Post('api/me/calendar-feed')
  @HttpCode(201)
  @Authenticated(...ANY_STAFF)
  @ApiCreatedResponse({ type: CalendarFeedView })
  async createFeed(@CurrentUser() actor: Actor): Promise<CalendarFeedView> {
    const { token, hash } = newFeedToken();
    const prefs = await this.preferences(actor.id);
    await this.dataSource.getRepository(UserPreferencesEntity).save({ ...prefs, calendarTokenHash: hash, updatedAt: new Date() });
    await this.auditLog.record({ actor: { id: actor.id, username: actor.username }, action: 'calendar_feed.created', objectType: 'user', objectId: actor.id });
    return { url: `${this.config.publicUrl}/calendar/${token}.ics` };
  }

  @Delete('api/me/calendar-feed')
  @HttpCode(204)
  @Authenticated(...ANY_STAFF)
  @ApiNoContentResponse({ description: 'The feed address no longer works' })
  async revokeFeed(@CurrentUser() actor: Actor) {
    const prefs = await this.preferences(actor.id);
    await this.dataSource.getRepository(UserPreferencesEntity).save({ ...prefs, calendarTokenHash: null, updatedAt: new Date() });
    await this.auditLog.record({ actor: { id: actor.id, username: actor.username }, action: 'calendar_feed.revoked', objectType: 'user', objectId: actor.id });
  }

  /**
   * The feed itself, for Outlook or Google Calendar, which cannot send a bearer token: the secret in the address
   * is the credential. A revoked or unknown address, or a deactivated account, gets 404.
   */
  @Get('calendar/:file')
  @Public()
  @ApiFileResponse('The open deadlines of the cases the person may see, as iCalendar', 'text/calendar')
  async feed(@Param('file') file: string, @Res({ passthrough: true }) response: Response) {
    const token = file.endsWith('.ics') ? file.slice(0, -4) : '';
    if (!FEED_TOKEN.test(token)) throw new NotFoundException('No such calendar');
    const prefs = await this.dataSource.getRepository(UserPreferencesEntity).findOne({ where: { calendarTokenHash: feedTokenHash(token) } });
    const user = prefs && (await this.dataSource.getRepository(UserEntity).findOne({ where: { id: prefs.userId } }));
    if (!user || !user.active) throw new NotFoundException('No such calendar');
    const actor: Actor = { id: user.id, username: user.username, displayName: user.displayName, title: user.title, roles: user.roles };
    response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    response.setHeader('Cache-Control', 'private, max-age=300');
    return calendarFeed(this.dataSource, actor, this.config.publicUrl);
  }
}
