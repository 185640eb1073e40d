import type { QueryRunner, TableColumnOptions } from 'typeorm';

/** Column builders that pick each dialect's native type, so one migration serves PostgreSQL and SQLite. */
export function columnsFor(queryRunner: QueryRunner) {
  const postgres = queryRunner.connection.driver.options.type === 'postgres';
  const col = (name: string, type: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type, isNullable: false, ...extra });
  return {
    postgres,
    id: (name = 'id'): TableColumnOptions => col(name, 'varchar', { length: '36', isPrimary: true }),
    ref: (name: string, nullable = false) => col(name, 'varchar', { length: '36', isNullable: nullable }),
    text: (name: string, length: number, extra: Partial<TableColumnOptions> = {}) => col(name, 'varchar', { length: String(length), ...extra }),
    longText: (name: string, extra: Partial<TableColumnOptions> = {}) => col(name, 'text', extra),
    json: (name: string, nullable = false) => col(name, 'text', { isNullable: nullable }),
    int: (name: string, extra: Partial<TableColumnOptions> = {}) => col(name, 'integer', extra),
    bool: (name: string, defaultValue: boolean) => col(name, 'boolean', { default: postgres ? String(defaultValue) : defaultValue ? 1 : 0 }),
    time: (name: string, nullable = false) => col(name, postgres ? 'timestamptz' : 'datetime', { isNullable: nullable }),
  };
}
