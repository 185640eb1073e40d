import { DEFAULT_MAX_ISSUES, ImportIssue, IssueLog } from './import-issues';
import { ProgressListener } from './import-progress';
import { ExportFile } from './export-source';
import { ItemCatalogue } from './item-catalogue';
import { LOOKUP_TABLES } from './koha-tables';
import { PatronCardMap, PatronDirectory, PatronDirectoryBuilder, PendingPatrons, looksAnonymous, patronReference } from './patron-directory';
import { NormalisedRow } from './row-normaliser';
import { scanExport } from './scan-export';

export interface ValidateOptions {
  /** borrowernumber → card number of patrons known from earlier imports into the case; the export's borrowers rows win. */
  knownPatrons?: PatronCardMap;
  /** Koha's AnonymousPatron borrowernumber(s), from the library's settings or earlier imports. */
  anonymousPatrons?: Iterable<number>;
  /** Issues (and warnings) kept in the report; the rest are only counted. */
  maxIssues?: number;
  /** IANA zone the library's Koha runs in: date-times with an offset are converted to it. */
  timeZone?: string;
  onProgress?: ProgressListener;
}

export interface ExportValidation {
  ok: boolean;
  /** The first `maxIssues` problems, in file order. */
  issues: readonly ImportIssue[];
  issueCount: number;
  truncated: boolean;
  /** What the clerk should know that did not stop the import: unknown columns and tables, credentials not stored, patrons not yet known. */
  warnings: readonly ImportIssue[];
  warningCount: number;
  rows: number;
  rowsByTable: Record<string, number>;
  /** borrowernumber → card number (the export's borrowers rows plus the known patrons) and the anonymous borrowernumbers. */
  directory: PatronDirectory;
  /** @deprecated the same as directory.cards */
  patronCards: PatronCardMap;
  /** Rows whose borrowernumber has no borrowers row yet: imported unattributed, re-checked when the borrowers arrive. */
  pending: PendingPatrons;
  /** Items and biblio rows of the upload, to say what was borrowed. */
  catalogue: ItemCatalogue;
  /** SHA-256 (hex) of each file as read; the import pass checks it reads the same bytes. */
  sha256: readonly string[];
}

/** Proof, at the type level, that an export passed validation: only this may be imported. */
export type ValidatedExport = ExportValidation & { ok: true };

export function isValidated(validation: ExportValidation): validation is ValidatedExport {
  return validation.ok;
}

/**
 * Pass 1: reads every file once, streaming, checking each row against Koha's schema and collecting the patrons
 * (borrowernumber → card) and the items of the upload. Nothing is imported; memory grows with patrons and items,
 * not rows. Only real errors (a value of the wrong type, broken CSV or JSON, contradicting card numbers) refuse
 * the file; a column or table Koha does not have, or a patron not imported yet, is a warning.
 */
export async function validateExport(files: readonly ExportFile[], options: ValidateOptions = {}): Promise<ExportValidation> {
  const log = new IssueLog(options.maxIssues ?? DEFAULT_MAX_ISSUES);
  const warnings = new IssueLog(options.maxIssues ?? DEFAULT_MAX_ISSUES);
  const builder = new PatronDirectoryBuilder(options.knownPatrons, options.anonymousPatrons);
  const catalogue = new ItemCatalogue();
  const rowsByTable: Record<string, number> = {};
  const sha256: string[] = [];
  let rows = 0;

  for (const issue of fileListIssues(files)) log.add(issue);
  for await (const event of scanExport(files, 'validating', options.onProgress, options.timeZone)) {
    if (event.kind === 'issue') {
      log.add(event.issue);
    } else if (event.kind === 'warning') {
      warnings.add(event.issue);
    } else if (event.kind === 'file') {
      sha256.push(event.sha256);
    } else {
      rows++;
      rowsByTable[event.schema.table] = (rowsByTable[event.schema.table] ?? 0) + 1;
      for (const issue of event.issues) log.add(issue);
      // A row with an error elsewhere still tells who it belongs to: no misleading "no borrowers row" for that patron.
      const linkIssue = linkRow(builder, catalogue, event);
      if (linkIssue) log.add(linkIssue);
    }
  }
  const { directory, issues, pending, pendingExample } = builder.finish();
  for (const issue of issues) log.add(issue);
  if (pendingExample) {
    const rowsText = pending.rows === 1 ? '1 row refers' : `${pending.rows} rows refer`;
    const patrons = pending.borrowernumbers === 1 ? '1 borrowernumber' : `${pending.borrowernumbers} borrowernumbers`;
    warnings.add({
      ...pendingExample.at,
      field: pendingExample.field,
      message: `${rowsText} to ${patrons} with no borrowers row in this case yet: imported as waiting for their patron, re-checked when a borrowers file arrives, and never produced until then`,
    });
  }

  return {
    ok: log.total === 0,
    issues: log.issues,
    issueCount: log.total,
    truncated: log.truncated,
    warnings: warnings.issues,
    warningCount: warnings.total,
    rows,
    rowsByTable,
    directory,
    patronCards: directory.cards,
    pending,
    catalogue,
    sha256,
  };
}

function linkRow(builder: PatronDirectoryBuilder, catalogue: ItemCatalogue, row: NormalisedRow): ImportIssue | null {
  const { schema, fields } = row;
  if (schema.table === 'systempreferences') {
    if (fields.variable === 'AnonymousPatron' && typeof fields.value === 'string' && /^\d+$/.test(fields.value.trim()) && Number(fields.value) > 0) builder.addAnonymous(Number(fields.value));
    return null;
  }
  if (LOOKUP_TABLES.has(schema.table)) {
    catalogue.add(schema.table, fields);
    return null;
  }
  if (schema.recordType === null) return null;
  const reference = patronReference(schema, fields);
  if (schema.table === 'borrowers' || schema.table === 'deletedborrowers') {
    if (reference.borrowernumber !== null && looksAnonymous(fields)) {
      builder.addAnonymous(reference.borrowernumber);
      return null;
    }
    return builder.addBorrower(reference, row.location);
  }
  return builder.addReference(schema, reference, row.location);
}

/** An export with nothing in it. Two CSV files for one table are fine: their rows are numbered per file. */
function fileListIssues(files: readonly ExportFile[]): ImportIssue[] {
  if (files.length === 0) return [{ table: null, row: null, line: null, field: null, message: 'no file was uploaded' }];
  return [];
}
