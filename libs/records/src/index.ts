// Koha schemas
export type { ColumnSpec, ColumnType, TableSchema } from './koha-schema';
export { CARD_NUMBER_COLUMN } from './koha-schema';
export { KOHA_TABLES, KOHA_TABLE_NAMES, tableSchema } from './koha-tables';
export type { FieldValue, RawValue } from './column-values';
export { parseColumnValue } from './column-values';

// Import: describe the upload, validate (pass 1), import (pass 2)
export type { CsvExportFile, ExportFile, ExportFormat, JsonExportFile, OpenExport } from './export-source';
export { UnsupportedExportError, exportFileFor } from './export-source';
export type { ImportIssue, RowLocation } from './import-issues';
export { DEFAULT_MAX_ISSUES } from './import-issues';
export type { ImportPhase, ImportProgress, ProgressListener } from './import-progress';
export type { PatronCardMap } from './patron-directory';
export type { ExportValidation, ValidateOptions, ValidatedExport } from './validate-export';
export { isValidated, validateExport } from './validate-export';
export type { ImportOptions, ImportOutcome, RecordSink } from './import-records';
export { DEFAULT_BATCH_SIZE, ExportChangedError, importExport, readRecordBatches } from './import-records';

// Encryption at rest
export type { RecordKeyring } from './record-keys';
export { RECORD_KEY_BYTES, RecordKeyError, buildRecordKeyring, parseRecordKey, parseRecordKeyring } from './record-keys';
export type { RecordCipher, RecordCipherOptions } from './record-cipher';
export { RecordDecryptionError, createRecordCipher } from './record-cipher';

// Synthetic exports for benchmarks and seeds
export type { GeneratedExport, KohaExportShape } from './koha-export-generator';
export { generateKohaExport } from './koha-export-generator';
export { syntheticCardNumber } from './synthetic-data';
