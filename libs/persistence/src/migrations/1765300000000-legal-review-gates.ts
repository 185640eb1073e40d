import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { columnsFor } from './column-types';

/**
 * Legal-review gates (issue 9): a director's send-back for another review, the recorded event that lifts a
 * statutory gag (NSL, FISA), the legal basis of a dated nondisclosure order, and the designee who may sign a
 * public-records extension for the head of the agency.
 */
export class LegalReviewGates1765300000000 implements MigrationInterface {
  name = 'LegalReviewGates1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    await queryRunner.createTable(new Table({
      name: 'review_returns',
      columns: [c.id(), c.ref('caseId'), c.ref('reviewId'), c.ref('directorId'), c.longText('reason'), c.time('createdAt')],
      indices: [new TableIndex({ columnNames: ['caseId'] })],
    }));
    await queryRunner.addColumns('cases', [
      new TableColumn(c.json('gagLift', true)),
      new TableColumn(c.text('nondisclosureBasis', 32, { isNullable: true })),
      new TableColumn(c.ref('cpraDesigneeId', true)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['cpraDesigneeId', 'nondisclosureBasis', 'gagLift']) await queryRunner.dropColumn('cases', column);
    await queryRunner.dropTable('review_returns');
  }
}
