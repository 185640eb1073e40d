import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnsFor } from './column-types';

/** Patron notices sent, legal (litigation) holds, and reviewed purge plans with their certificates. */
export class NoticesHoldsPurges1765800000000 implements MigrationInterface {
  name = 'NoticesHoldsPurges1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    await queryRunner.createTable(new Table({
      name: 'patron_notices',
      columns: [c.id(), c.ref('caseId'), c.text('method', 16), c.text('sentOn', 10), c.int('patrons'), c.ref('recordedById'), c.time('recordedAt')],
      indices: [new TableIndex({ columnNames: ['caseId'] })],
    }));
    await queryRunner.createTable(new Table({
      name: 'legal_holds',
      columns: [c.id(), c.ref('caseId'), c.longText('reason'), c.ref('placedById'), c.time('placedAt'), c.time('releasedAt', true), c.ref('releasedById', true)],
      indices: [new TableIndex({ columnNames: ['caseId'] })],
    }));
    await queryRunner.createTable(new Table({
      name: 'purge_plans',
      columns: [
        c.id(), c.text('status', 16), c.json('plan'), c.ref('createdById', true), c.time('createdAt'), c.ref('approvedById', true), c.time('approvedAt', true),
        c.time('executedAt', true), c.json('certificate', true), c.text('certificateSha256', 64, { isNullable: true }), c.int('certificateBytes', { isNullable: true }),
      ],
      indices: [new TableIndex({ columnNames: ['status'] })],
    }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['purge_plans', 'legal_holds', 'patron_notices']) await queryRunner.dropTable(table, true);
  }
}
