import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@custodian/config';
import { NotificationMailer } from './notification-mailer';

/** Runs the notification mailer every MAIL_SWEEP_MS while the worker runs; nothing at all without SMTP_URL. */
@Injectable()
export class MailRelayHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MailRelay');
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly mailer: NotificationMailer,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.mailer.enabled) return;
    await this.mailer.verify();
    this.timer = setInterval(() => {
      this.running = this.mailer.flush().catch((error: Error) => this.logger.warn(`mail sweep failed: ${error.name}`));
    }, this.config.MAIL_SWEEP_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    this.mailer.close();
  }
}
