import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { columnsFor } from './column-types';

/**
 * Revocable sign-ins: every token's id is stored, and each user has a token version that a password change,
 * reset or deactivation bumps (ending every older token at once). An optional TOTP secret for a second factor.
 */
export class AuthSessions1765200000000 implements MigrationInterface {
  name = 'AuthSessions1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    await queryRunner.addColumns('users', [
      new TableColumn(c.int('tokenVersion', { default: 0 })),
      new TableColumn(c.longText('totpSecret', { isNullable: true })),
      new TableColumn(c.bool('totpEnabled', false)),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'auth_sessions',
        columns: [c.id('jti'), c.ref('userId'), c.time('createdAt'), c.time('expiresAt'), c.time('revokedAt', true)],
        indices: [new TableIndex({ columnNames: ['userId'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('auth_sessions');
    await queryRunner.dropColumn('users', 'totpEnabled');
    await queryRunner.dropColumn('users', 'totpSecret');
    await queryRunner.dropColumn('users', 'tokenVersion');
  }
}
