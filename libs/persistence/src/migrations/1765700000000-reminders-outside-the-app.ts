import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnsFor } from './column-types';

/** E-mail reminders (opt-in per person, one row per notification mailed) and the private calendar feed. */
export class RemindersOutsideTheApp1765700000000 implements MigrationInterface {
  name = 'RemindersOutsideTheApp1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    await queryRunner.createTable(new Table({
      name: 'user_preferences',
      columns: [c.id('userId'), c.bool('emailReminders', false), c.text('calendarTokenHash', 64, { isNullable: true, isUnique: true }), c.time('updatedAt')],
    }));
    await queryRunner.createTable(new Table({
      name: 'notification_emails',
      columns: [c.id('notificationId'), c.text('status', 16), c.int('attempts', { default: 0 }), c.time('updatedAt')],
    }));
    await queryRunner.createIndex('notifications', new TableIndex({ name: 'IDX_notifications_createdAt', columnNames: ['createdAt'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('notifications', 'IDX_notifications_createdAt');
    await queryRunner.dropTable('notification_emails');
    await queryRunner.dropTable('user_preferences');
  }
}
