import { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS: [table: string, column: string][] = [['documents', 'filename'], ['record_imports', 'filename']];

/**
 * Upload names are stored sealed with the records cipher (they can name a patron), and a sealed 200-character name
 * is longer than 255. SQLite does not enforce varchar lengths, so only PostgreSQL's columns change.
 */
export class SealedUploadNames1766700000000 implements MigrationInterface {
  name = 'SealedUploadNames1766700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    for (const [table, column] of COLUMNS) await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE varchar(1024)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    for (const [table, column] of COLUMNS) await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE varchar(255) USING left("${column}", 255)`);
  }
}
