import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnsFor } from './column-types';

/** Delivery as a step (issue #11, #9): how, when and to whom a production or letter was delivered; secure links. */
export class Deliveries1765500000001 implements MigrationInterface {
  name = 'Deliveries1765500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    await queryRunner.createTable(new Table({
      name: 'deliveries',
      columns: [
        c.id(), c.ref('caseId'), c.text('document', 16), c.ref('documentId'), c.text('documentSha256', 64), c.text('method', 24),
        c.text('recipient', 300), c.text('trackingNumber', 100, { isNullable: true }), c.text('acknowledgedSha256', 64, { isNullable: true }),
        c.time('deliveredAt', true), c.ref('recordedById'), c.time('createdAt'),
      ],
      indices: [new TableIndex({ columnNames: ['caseId'] })],
    }));
    await queryRunner.createTable(new Table({
      name: 'delivery_links',
      columns: [
        c.id(), c.ref('deliveryId'), c.ref('caseId'), c.text('tokenHash', 64), c.time('expiresAt'), c.int('maxDownloads'),
        c.int('downloads', { default: 0 }), c.time('revokedAt', true), c.time('lastDownloadAt', true), c.time('createdAt'),
      ],
      indices: [new TableIndex({ columnNames: ['tokenHash'], isUnique: true })],
    }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('delivery_links');
    await queryRunner.dropTable('deliveries');
  }
}
