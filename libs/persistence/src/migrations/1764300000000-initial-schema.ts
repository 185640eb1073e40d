import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columnsFor } from './column-types';

export class InitialSchema1764300000000 implements MigrationInterface {
  name = 'InitialSchema1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(queryRunner);
    const create = (name: string, columns: ReturnType<typeof c.id>[], indices: TableIndex[] = []) =>
      queryRunner.createTable(new Table({ name, columns, indices }));

    await create('users', [
      c.id(), c.text('username', 64, { isUnique: true }), c.text('displayName', 200), c.text('title', 200, { default: "''" }),
      c.text('email', 320, { isNullable: true }), c.text('passwordHash', 200), c.json('roles'), c.bool('active', true),
      c.time('createdAt'), c.time('updatedAt'),
    ]);
    await create('cases', [
      c.id(), c.text('caseNumber', 32, { isUnique: true }), c.text('requestType', 40), c.text('status', 32),
      c.text('pendingStep', 32, { isNullable: true }), c.text('channel', 32), c.time('receivedAt'), c.json('requester'),
      c.json('instrument'), c.json('scope'), c.json('approvedScope', true), c.text('nondisclosureUntil', 10, { isNullable: true }),
      c.bool('emergency', false), c.longText('summary', { default: "''" }), c.ref('intakeClerkId', true), c.ref('assignedAttorneyId', true),
      c.ref('reviewingAttorneyId', true), c.ref('assignedDirectorId', true), c.ref('decidingDirectorId', true), c.longText('alert', { isNullable: true }), c.json('clockPauses'), c.json('clockExtensions'),
      c.time('patronNotifiedAt', true), c.time('submittedAt', true), c.time('closedAt', true), c.time('recordsPurgedAt', true), c.int('version'),
      c.time('createdAt'), c.time('updatedAt'),
    ], [new TableIndex({ columnNames: ['status'] })]);
    await create('documents', [
      c.id(), c.ref('caseId'), c.text('kind', 32), c.text('filename', 255), c.text('mediaType', 100), c.text('sha256', 64),
      c.int('size'), c.ref('uploadedById'), c.time('createdAt'),
    ], [new TableIndex({ columnNames: ['caseId'] })]);
    await create('record_imports', [
      c.id(), c.ref('caseId'), c.text('status', 16), c.text('format', 8), c.text('table', 40, { isNullable: true }),
      c.text('filename', 255), c.text('sha256', 64), c.int('bytes'), c.int('bytesRead', { default: 0 }), c.int('rowsRead', { default: 0 }),
      c.int('rowsImported', { default: 0 }), c.json('errors', true), c.int('errorCount', { default: 0 }), c.ref('createdById'),
      c.time('createdAt'), c.time('completedAt', true),
    ], [new TableIndex({ columnNames: ['caseId'] })]);
    await create('patron_records', [
      c.id(), c.ref('caseId'), c.ref('importId'), c.int('seq'), c.text('recordType', 16), c.text('sourceTable', 40),
      c.text('keyId', 40), c.longText('ciphertext'),
    ], [new TableIndex({ columnNames: ['caseId', 'seq'], isUnique: true }), new TableIndex({ columnNames: ['caseId', 'recordType', 'sourceTable', 'seq'] })]);
    await create('reviews', [
      c.id(), c.ref('caseId'), c.ref('attorneyId'), c.json('checklist'), c.text('sufficiency', 16), c.text('recommendation', 16),
      c.json('reasons'), c.json('scope', true), c.longText('memo', { default: "''" }), c.longText('cureRequest', { isNullable: true }),
      c.json('contradictions', true), c.longText('overrideReason', { isNullable: true }), c.time('createdAt'),
    ], [new TableIndex({ columnNames: ['caseId'] })]);
    await create('decisions', [
      c.id(), c.text('caseId', 36, { isUnique: true }), c.ref('reviewId'), c.ref('directorId'), c.text('decision', 8),
      c.longText('note', { default: "''" }), c.json('reasons', true), c.time('createdAt'),
    ]);
    await create('deadlines', [
      c.id(), c.ref('caseId'), c.text('clock', 40), c.text('label', 200), c.text('dueDate', 10, { isNullable: true }),
      c.text('status', 16), c.json('explanation'), c.time('computedAt'),
    ], [new TableIndex({ columnNames: ['caseId', 'clock'], isUnique: true }), new TableIndex({ columnNames: ['dueDate'] })]);
    await create('productions', [
      c.id(), c.text('caseId', 36, { isUnique: true }), c.ref('decisionId'), c.text('status', 16), c.int('progress', { default: 0 }),
      c.text('sha256', 64, { isNullable: true }), c.int('bytes', { isNullable: true }), c.int('pages', { isNullable: true }),
      c.text('batesFirst', 20, { isNullable: true }), c.text('batesLast', 20, { isNullable: true }), c.json('manifest', true),
      c.longText('failure', { isNullable: true }), c.time('createdAt'), c.time('completedAt', true),
    ]);
    await create('letters', [
      c.id(), c.ref('caseId'), c.text('kind', 16), c.text('reference', 64), c.text('sha256', 64), c.int('bytes'), c.time('createdAt'),
    ], [new TableIndex({ columnNames: ['caseId', 'kind', 'reference'], isUnique: true })]);
    await create('audit_events', [
      c.int('seq', { isPrimary: true }), c.time('at'), c.ref('actorId', true), c.text('actorName', 64, { isNullable: true }),
      c.text('action', 64), c.text('objectType', 32), c.text('objectId', 64, { isNullable: true }), c.ref('caseId', true),
      c.text('outcome', 16), c.json('details', true), c.text('prevHash', 64), c.text('hash', 64),
    ], [new TableIndex({ columnNames: ['caseId'] })]);
    await create('outbox', [
      c.id(), c.text('queue', 40), c.text('jobName', 60), c.text('jobId', 120, { isUnique: true }), c.json('payload'),
      c.time('runAt', true), c.time('dispatchedAt', true), c.time('createdAt'),
    ], [new TableIndex({ columnNames: ['dispatchedAt'] })]);
    await create('settings', [
      c.text('key', 64, { isPrimary: true }), c.json('value'), c.ref('updatedById', true), c.time('updatedAt'),
    ]);
    await create('preservation_holds', [
      c.id(), c.ref('caseId'), c.text('status', 16), c.time('placedAt'), c.text('expiresOn', 10), c.int('renewals', { default: 0 }),
      c.time('releasedAt', true), c.ref('releasedById', true),
    ], [new TableIndex({ columnNames: ['caseId'] })]);

    await create('notifications', [
      c.id(), c.ref('userId'), c.ref('caseId', true), c.text('kind', 32), c.longText('message'), c.time('createdAt'), c.time('readAt', true),
    ], [new TableIndex({ columnNames: ['userId', 'readAt'] })]);

    await this.makeAuditAppendOnly(queryRunner, c.postgres);
  }

  /** The audit log refuses UPDATE and DELETE in the database itself, not only in our code. */
  private async makeAuditAppendOnly(queryRunner: QueryRunner, postgres: boolean): Promise<void> {
    if (postgres) {
      await queryRunner.query(`CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$ LANGUAGE plpgsql`);
      await queryRunner.query(`CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
      await queryRunner.query(`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
    } else {
      await queryRunner.query(`CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`);
      await queryRunner.query(`CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['notifications', 'preservation_holds', 'settings', 'outbox', 'audit_events', 'letters', 'productions', 'deadlines', 'decisions', 'reviews', 'patron_records', 'record_imports', 'documents', 'cases', 'users']) {
      await queryRunner.dropTable(table);
    }
    if (queryRunner.connection.driver.options.type === 'postgres') await queryRunner.query('DROP FUNCTION IF EXISTS audit_events_append_only()');
  }
}
