import { DEFAULT_MAX_ISSUES, ImportIssue, IssueLog } from './import-issues';
import { ProgressListener } from './import-progress';
import { ExportFile } from './export-source';
import { PatronCardMap, PatronDirectoryBuilder, patronReference } from './patron-directory';
import { NormalisedRow } from './row-normaliser';
import { scanExport } from './scan-export';

export interface ValidateOptions {
  /** borrowernumber → card number of patrons known from earlier imports; the export's borrowers rows win. */
  knownPatrons?: PatronCardMap;
  /** Issues kept in the report; the rest are only counted. */
  maxIssues?: number;
  onProgress?: ProgressListener;
}

export interface ExportValidation {
  ok: boolean;
  /** The first `maxIssues` problems, in file order (unresolved borrowernumbers last). */
  issues: readonly ImportIssue[];
  issueCount: number;
  truncated: boolean;
  rows: number;
  rowsByTable: Record<string, number>;
  /** borrowernumber → card number: the export's borrowers rows plus the known patrons. */
  patronCards: PatronCardMap;
  /** SHA-256 (hex) of each file as read; the import pass checks it reads the same bytes. */
  sha256: readonly string[];
}

/** Proof, at the type level, that an export passed validation: only this may be imported. */
export type ValidatedExport = ExportValidation & { ok: true };

export function isValidated(validation: ExportValidation): validation is ValidatedExport {
  return validation.ok;
}

/**
 * Pass 1: reads every file once, streaming, checking each row against Koha's schema and that every
 * borrowernumber resolves to a card number. Nothing is imported; memory grows with patrons, not rows.
 */
export async function validateExport(files: readonly ExportFile[], options: ValidateOptions = {}): Promise<ExportValidation> {
  const log = new IssueLog(options.maxIssues ?? DEFAULT_MAX_ISSUES);
  const directory = new PatronDirectoryBuilder(options.knownPatrons);
  const rowsByTable: Record<string, number> = {};
  const sha256: string[] = [];
  let rows = 0;

  for (const issue of fileListIssues(files)) log.add(issue);
  for await (const event of scanExport(files, 'validating', options.onProgress)) {
    if (event.kind === 'issue') {
      log.add(event.issue);
    } else if (event.kind === 'file') {
      sha256.push(event.sha256);
    } else {
      rows++;
      rowsByTable[event.schema.table] = (rowsByTable[event.schema.table] ?? 0) + 1;
      for (const issue of event.issues) log.add(issue);
      const linkIssue = event.issues.length === 0 ? linkPatron(directory, event) : null;
      if (linkIssue) log.add(linkIssue);
    }
  }
  const { cards, issues } = directory.finish();
  for (const issue of issues) log.add(issue);

  return { ok: log.total === 0, issues: log.issues, issueCount: log.total, truncated: log.truncated, rows, rowsByTable, patronCards: cards, sha256 };
}

function linkPatron(directory: PatronDirectoryBuilder, row: NormalisedRow): ImportIssue | null {
  const reference = patronReference(row.schema, row.fields);
  return row.schema.recordType === 'patron' ? directory.addBorrower(reference, row.location) : directory.addReference(row.schema, reference, row.location);
}

/** An export with nothing in it, or two CSV files for one table (whose row numbers would collide). */
function fileListIssues(files: readonly ExportFile[]): ImportIssue[] {
  if (files.length === 0) return [{ table: null, row: null, line: null, field: null, message: 'no file was uploaded' }];
  const seen = new Set<string>();
  const issues: ImportIssue[] = [];
  for (const file of files) {
    if (file.format !== 'csv') continue;
    if (seen.has(file.table)) issues.push({ table: file.table, row: null, line: null, field: null, message: `two CSV files are for the table "${file.table}"; upload one per table` });
    seen.add(file.table);
  }
  return issues;
}
