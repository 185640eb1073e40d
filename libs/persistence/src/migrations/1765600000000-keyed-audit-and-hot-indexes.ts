import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain becomes keyed: each event says how its link was computed, existing rows stay `sha256`.
 * Plus the indexes the hot read routes need (found by EXPLAIN with a million cases in the bench):
 * open deadlines by due date (the deadlines route and the list's next-due join read only open ones).
 */
export class KeyedAuditAndHotIndexes1765600000000 implements MigrationInterface {
  name = 'KeyedAuditAndHotIndexes1765600000000';

  // Plain SQL both dialects accept: TypeORM's SQLite addColumn rebuilds the table, which would drop the
  // append-only triggers of audit_events.
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_events ADD COLUMN alg varchar(16) NOT NULL DEFAULT 'sha256'`);
    await queryRunner.query(`CREATE INDEX "IDX_deadlines_open_due" ON deadlines ("dueDate", "caseId") WHERE status = 'open'`);
    await queryRunner.query(`CREATE INDEX "IDX_deadlines_open_case" ON deadlines ("caseId", "dueDate") WHERE status = 'open'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_deadlines_open_case"');
    await queryRunner.query('DROP INDEX "IDX_deadlines_open_due"');
    await queryRunner.query('ALTER TABLE audit_events DROP COLUMN alg');
  }
}
