// Koha schemas
export type { ColumnSpec, ColumnType, TableSchema } from './koha-schema';
export { CARD_NUMBER_COLUMN } from './koha-schema';
export { KOHA_TABLES, KOHA_TABLE_NAMES, LOOKUP_TABLES, tableSchema } from './koha-tables';
export { REST_TABLES, restTable } from './rest-shape';
export { ITEM_DESCRIPTION_FIELDS, ItemCatalogue, saysWhatWasBorrowed } from './item-catalogue';
export { MAX_JSON_VALUE_CHARACTERS } from './json-export-assembler';
export type { CsvDelimiter } from './csv-export-reader';
export { sniffDelimiter } from './csv-export-reader';
export type { FieldValue, RawValue } from './column-values';
export { parseColumnValue } from './column-values';

// Import: describe the upload, validate (pass 1), import (pass 2)
export type { CsvExportFile, ExportFile, ExportFormat, JsonExportFile, OpenExport } from './export-source';
export { IMPORTABLE_TABLE_NAMES, UnsupportedExportError, exportFileFor, tableForFileName } from './export-source';
export type { ImportIssue, RowLocation } from './import-issues';
export { DEFAULT_MAX_ISSUES } from './import-issues';
export type { ImportPhase, ImportProgress, ProgressListener } from './import-progress';
export type { PatronCardMap, PatronDirectory, PendingPatrons } from './patron-directory';
export { cardNumberFor, looksAnonymous, patronReference } from './patron-directory';
export type { ExportValidation, ValidateOptions, ValidatedExport } from './validate-export';
export { isValidated, validateExport } from './validate-export';
export type { ImportOptions, ImportOutcome, ImportStats, RecordSink } from './import-records';
export { DEFAULT_BATCH_SIZE, ExportChangedError, recheckAttribution, emptyImportStats, importExport, pendingBorrowernumber, readRecordBatches, undescribedWarnings } from './import-records';

// Encryption at rest
export type { RecordKeyring } from './record-keys';
export { RECORD_KEY_BYTES, RecordKeyError, buildRecordKeyring, parseRecordKey, parseRecordKeyring } from './record-keys';
export type { RecordCipher, RecordCipherOptions } from './record-cipher';
export { RecordDecryptionError, createRecordCipher } from './record-cipher';
export { SEALED_CONTEXTS } from './sealed-contexts';

// Synthetic exports for benchmarks and seeds
export type { GeneratedExport, KohaExportShape } from './koha-export-generator';
export { generateKohaExport } from './koha-export-generator';
export { syntheticCardNumber } from './synthetic-data';
