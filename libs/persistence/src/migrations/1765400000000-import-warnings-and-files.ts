import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { columnsFor } from './column-types';

/**
 * Record imports learn what Koha really exports: warnings that do not stop an import (unknown columns and tables,
 * credentials not stored, loans without titles), the rows waiting for a borrowers file, and several files per upload
 * (per-table CSV downloads resolved together).
 */
export class ImportWarningsAndFiles1765400000000 implements MigrationInterface {
  name = 'ImportWarningsAndFiles1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    await queryRunner.addColumns('record_imports', [
      new TableColumn(c.json('warnings', true)),
      new TableColumn(c.int('warningCount', { default: 0 })),
      new TableColumn(c.int('pendingRows', { default: 0 })),
      new TableColumn(c.int('notAttributableRows', { default: 0 })),
      new TableColumn(c.json('files', true)),
      new TableColumn(c.json('stats', true)),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['stats', 'files', 'notAttributableRows', 'pendingRows', 'warningCount', 'warnings']) await queryRunner.dropColumn('record_imports', column);
  }
}
