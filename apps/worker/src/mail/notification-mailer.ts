import { Injectable, Logger } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { DataSource, In, LessThan, MoreThan } from 'typeorm';
import { AppConfig } from '@custodian/config';
import { CaseEntity, NotificationEmailEntity, NotificationEntity, UserEntity, UserPreferencesEntity } from '@custodian/persistence';
import { reminderEmail } from './reminder-email';

/** Older notifications are not mailed: turning e-mail on must not send a backlog. */
const MAX_AGE_MS = 24 * 3600_000;
const BATCH = 50;
const MAX_ATTEMPTS = 5;

/**
 * E-mails each new notification (reminder, assignment, escalation, stopped production) to its person when they
 * opted in and have an address. Runs on a timer in the worker, after the notifications are committed, so a slow
 * or unreachable mail server never holds a case transaction. Each notification is claimed by inserting its row in
 * `notification_emails` (the primary key makes a second worker's claim fail), so it is mailed at most once per
 * claim; a failed send is retried a few times, then left as failed.
 */
@Injectable()
export class NotificationMailer {
  private readonly logger = new Logger(NotificationMailer.name);
  private readonly transport: Transporter | null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    this.transport = config.SMTP_URL ? nodemailer.createTransport(config.SMTP_URL) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Checks the mail server answers; logged, not fatal, so reminders in the app go on when mail is down. */
  async verify(): Promise<void> {
    if (!this.transport) return;
    try {
      await this.transport.verify();
      this.logger.log('mail server reachable: reminder e-mails are on for people who opted in');
    } catch (error) {
      this.logger.warn(`mail server not reachable (${(error as Error).message}); reminder e-mails will be retried`);
    }
  }

  async flush(now = new Date()): Promise<number> {
    if (!this.transport) return 0;
    const emails = this.dataSource.getRepository(NotificationEmailEntity);
    const fresh = await this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .leftJoin(NotificationEmailEntity, 'e', 'e."notificationId" = n.id')
      .where('e."notificationId" IS NULL')
      .andWhere('n."createdAt" > :since', { since: new Date(now.getTime() - MAX_AGE_MS) })
      .orderBy('n."createdAt"', 'ASC')
      .limit(BATCH)
      .getMany();
    const retry = await emails.find({ where: { status: 'failed', attempts: LessThan(MAX_ATTEMPTS), updatedAt: MoreThan(new Date(now.getTime() - MAX_AGE_MS)) }, take: BATCH });
    const retried = retry.length ? await this.dataSource.getRepository(NotificationEntity).find({ where: { id: In(retry.map((r) => r.notificationId)) } }) : [];
    let sent = 0;
    for (const n of fresh) if (await this.claim(n.id)) sent += await this.deliver(n);
    for (const n of retried) {
      const row = retry.find((r) => r.notificationId === n.id)!;
      const { affected } = await emails.update({ notificationId: n.id, status: 'failed', attempts: row.attempts }, { status: 'sending', updatedAt: new Date() });
      if (affected) sent += await this.deliver(n, row.attempts);
    }
    return sent;
  }

  private async claim(notificationId: string): Promise<boolean> {
    try {
      await this.dataSource.getRepository(NotificationEmailEntity).insert({ notificationId, status: 'sending', attempts: 0, updatedAt: new Date() });
      return true;
    } catch {
      return false; // another worker has it
    }
  }

  private async deliver(n: NotificationEntity, attempts = 0): Promise<number> {
    const emails = this.dataSource.getRepository(NotificationEmailEntity);
    const [prefs, user, row] = await Promise.all([
      this.dataSource.getRepository(UserPreferencesEntity).findOne({ where: { userId: n.userId } }),
      this.dataSource.getRepository(UserEntity).findOne({ where: { id: n.userId }, select: { id: true, email: true, active: true } }),
      n.caseId ? this.dataSource.getRepository(CaseEntity).findOne({ where: { id: n.caseId }, select: { id: true, caseNumber: true } }) : Promise.resolve(null),
    ]);
    if (!prefs?.emailReminders || !user?.email || !user.active) {
      await emails.update({ notificationId: n.id }, { status: 'skipped', updatedAt: new Date() });
      return 0;
    }
    const link = `${this.config.publicUrl}${row ? `/cases/${row.id}` : '/notifications'}`;
    const mail = reminderEmail(n.kind, row?.caseNumber ?? null, link);
    try {
      await this.transport!.sendMail({ from: this.config.MAIL_FROM, to: user.email, subject: mail.subject, text: mail.text });
      await emails.update({ notificationId: n.id }, { status: 'sent', attempts: attempts + 1, updatedAt: new Date() });
      return 1;
    } catch (error) {
      // The error names the server, not the recipient or the case.
      this.logger.warn(`reminder e-mail not sent (attempt ${attempts + 1}): ${(error as Error).name}`);
      await emails.update({ notificationId: n.id }, { status: 'failed', attempts: attempts + 1, updatedAt: new Date() });
      return 0;
    }
  }

  close(): void {
    this.transport?.close();
  }
}

