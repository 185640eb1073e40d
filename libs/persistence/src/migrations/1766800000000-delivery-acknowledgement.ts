import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decision 0110: a delivery's acknowledgement is the recipient's own act, with its time. A secure link's first
 * download no longer counts as one: the SHA-256 the download wrote into `acknowledgedSha256` was only the hash it
 * served (the file's own, kept in `documentSha256` and in the `delivery.downloaded` event), so it is cleared. A
 * delivery staff recorded with the hash the recipient acknowledged was acknowledged when it was handed over.
 */
export class DeliveryAcknowledgement1766800000000 implements MigrationInterface {
  name = 'DeliveryAcknowledgement1766800000000';

  // Plain SQL both dialects accept (TypeORM's SQLite addColumn rebuilds the table).
  async up(queryRunner: QueryRunner): Promise<void> {
    const time = queryRunner.connection.options.type === 'postgres' ? 'timestamptz' : 'datetime';
    await queryRunner.query(`ALTER TABLE deliveries ADD COLUMN "acknowledgedAt" ${time}`);
    await queryRunner.query(`UPDATE deliveries SET "acknowledgedSha256" = NULL WHERE method = 'secure_link'`);
    await queryRunner.query(`UPDATE deliveries SET "acknowledgedAt" = "deliveredAt" WHERE "acknowledgedSha256" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE deliveries SET "acknowledgedSha256" = "documentSha256" WHERE method = 'secure_link' AND "deliveredAt" IS NOT NULL AND "acknowledgedSha256" IS NULL`);
    await queryRunner.query('ALTER TABLE deliveries DROP COLUMN "acknowledgedAt"');
  }
}
