import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columnsFor } from './column-types';

/** Duties held per case and person, backfilled from the audit trail and the case rows of existing cases. */
export class CaseDuties1765200000001 implements MigrationInterface {
  name = 'CaseDuties1765200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'case_duties',
        columns: [{ ...c.ref('caseId'), isPrimary: true }, { ...c.ref('userId'), isPrimary: true }, { ...c.text('duty', 16), isPrimary: true }, c.time('firstAt')],
      }),
    );
    const acts: [string, string][] = [
      ['case.created', 'intake'], ['case.updated', 'intake'], ['case.submitted', 'intake'], ['records.upload', 'intake'],
      ['case.reviewed', 'review'], ['case.approved', 'decision'], ['case.denied', 'decision'],
    ];
    const cases = acts.map(([action, duty]) => `WHEN '${action}' THEN '${duty}'`).join(' ');
    await queryRunner.query(
      `INSERT INTO case_duties ("caseId", "userId", duty, "firstAt")
       SELECT "caseId", "actorId", CASE action ${cases} END, MIN("at") FROM audit_events
       WHERE "caseId" IS NOT NULL AND "actorId" IS NOT NULL AND action IN (${acts.map(([a]) => `'${a}'`).join(', ')})
       GROUP BY "caseId", "actorId", CASE action ${cases} END`,
    );
    for (const [column, duty] of [['intakeClerkId', 'intake'], ['reviewingAttorneyId', 'review'], ['decidingDirectorId', 'decision']]) {
      await queryRunner.query(
        `INSERT INTO case_duties ("caseId", "userId", duty, "firstAt")
         SELECT id, "${column}", '${duty}', "createdAt" FROM cases c WHERE "${column}" IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM case_duties d WHERE d."caseId" = c.id AND d."userId" = c."${column}" AND d.duty = '${duty}')`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('case_duties');
  }
}
