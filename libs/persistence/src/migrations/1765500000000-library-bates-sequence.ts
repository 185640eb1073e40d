import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One Bates sequence per library prefix (issue #11): productions no longer restart at 000001. Each production
 * records the range reserved for it. Existing productions keep their numbers; the sequence of each prefix they
 * used continues after the highest number already printed, so no number is ever issued twice.
 */
export class LibraryBatesSequence1765500000000 implements MigrationInterface {
  name = 'LibraryBatesSequence1765500000000';

  // Plain SQL both dialects accept (TypeORM's SQLite addColumn rebuilds the table).
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE bates_sequences (prefix varchar(12) PRIMARY KEY NOT NULL, "next" integer NOT NULL)`);
    await queryRunner.query(`ALTER TABLE productions ADD COLUMN "batesPrefix" varchar(12)`);
    await queryRunner.query(`ALTER TABLE productions ADD COLUMN "batesStart" integer`);
    await queryRunner.query(`ALTER TABLE productions ADD COLUMN "batesEnd" integer`);
    const rows: { batesLast: string | null }[] = await queryRunner.query(`SELECT "batesLast" FROM productions WHERE "batesLast" IS NOT NULL`);
    const highest = new Map<string, number>();
    for (const { batesLast } of rows) {
      const match = /^([A-Z][A-Z0-9]{0,11})-(\d+)$/.exec(batesLast ?? '');
      if (match) highest.set(match[1], Math.max(highest.get(match[1]) ?? 0, Number(match[2])));
    }
    // Both values are checked above (prefix pattern, digits), so they are written as literals in either dialect.
    for (const [prefix, last] of highest) await queryRunner.query(`INSERT INTO bates_sequences (prefix, "next") VALUES ('${prefix}', ${last + 1})`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE productions DROP COLUMN "batesEnd"');
    await queryRunner.query('ALTER TABLE productions DROP COLUMN "batesStart"');
    await queryRunner.query('ALTER TABLE productions DROP COLUMN "batesPrefix"');
    await queryRunner.query('DROP TABLE bates_sequences');
  }
}
