import { CsvError, Info, parse } from 'csv-parse';
import { Readable } from 'stream';
import { RawValue } from './column-values';
import { ByteChunks, ExportEvent, ExportFormatError, FieldProblem, FileProblem } from './export-events';
import { LineLocator, countLineFeeds } from './line-locator';
import { NOT_UTF8_MESSAGE, createUtf8Decoder, lineFeedsBeforeBadByte } from './utf8';

/** A runaway quote must not pull the rest of a large file into one record. */
const MAX_RECORD_CHARACTERS = 1_000_000;

/** Our words for csv-parse's errors: its own messages quote the field value, which may be patron data. */
const CSV_ERROR_MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted value is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'a closing quote is followed by other characters (double any quote inside a quoted value)',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a closing quote is followed by other characters (double any quote inside a quoted value)',
  CSV_MAX_RECORD_SIZE: `a row is longer than ${MAX_RECORD_CHARACTERS} characters (is a quote left open?)`,
};

interface ParsedRecord {
  record: string[];
  info: Info;
}

/**
 * Streams one CSV file holding one Koha table: a header row of column names, then rows. Each row knows
 * the physical line it starts on, also when quoted values span lines.
 */
export async function* readCsvExport(chunks: ByteChunks, table: string): AsyncGenerator<ExportEvent> {
  const locator = new LineLocator();
  const records = parse({
    bom: true,
    info: true,
    relax_column_count: true, // a short or long row is reported as that row's problem, and reading goes on
    skip_empty_lines: true,
    skip_records_with_empty_values: true, // spreadsheet programs leave lines of bare commas at the end
    max_record_size: MAX_RECORD_CHARACTERS,
  });
  const source = Readable.from(checkedChunks(chunks, locator));
  source.on('error', (error) => records.destroy(error));
  source.pipe(records);

  let header: string[] | null = null;
  let row = 0;
  try {
    for await (const { record, info } of records as AsyncIterable<ParsedRecord>) {
      const line = locator.nextRecordLine();
      locator.passTo(info.bytes);
      if (header === null) {
        header = record.map((name) => name.trim());
        yield* headerProblems(header, table, line);
        yield { kind: 'table', table, line, columns: header };
      } else {
        yield { kind: 'row', table, row: ++row, line, ...rowValues(header, record) };
      }
    }
  } catch (error) {
    const problem = csvProblem(error, table, locator);
    if (!problem) throw error;
    yield problem;
    return;
  } finally {
    source.destroy(); // also when the consumer stops early: closes the file
    records.destroy();
  }
  if (header === null) {
    yield { kind: 'problem', issue: { table, row: null, line: null, field: null, message: 'the file is empty (expected a header row of Koha column names)' } };
  }
}

/** Hands chunks on to the parser after noting them for line counting and checking they are UTF-8. */
async function* checkedChunks(chunks: ByteChunks, locator: LineLocator): AsyncGenerator<Buffer> {
  const decode = createUtf8Decoder();
  let linesBefore = 0;
  for await (const chunk of chunks) {
    try {
      decode(chunk);
    } catch {
      throw new ExportFormatError(linesBefore + 1 + lineFeedsBeforeBadByte(chunk), NOT_UTF8_MESSAGE);
    }
    linesBefore += countLineFeeds(chunk);
    locator.append(chunk);
    yield chunk;
  }
  try {
    decode(null);
  } catch {
    throw new ExportFormatError(linesBefore + 1, NOT_UTF8_MESSAGE);
  }
}

function* headerProblems(header: string[], table: string, line: number): Generator<FileProblem> {
  const seen = new Set<string>();
  for (const [index, name] of header.entries()) {
    const message = name === '' ? `header column ${index + 1} has no name` : seen.has(name) ? 'the column appears twice in the header' : null;
    if (message) yield { kind: 'problem', issue: { table, row: null, line, field: name || null, message } };
    seen.add(name);
  }
}

function rowValues(header: string[], record: string[]): { values: Map<string, RawValue>; problems: FieldProblem[] } {
  const values = new Map<string, RawValue>();
  const count = Math.min(header.length, record.length);
  for (let index = 0; index < count; index++) values.set(header[index], record[index]);
  const problems =
    record.length === header.length ? [] : [{ field: null, message: `the row has ${record.length} values but the header names ${header.length} columns` }];
  return { values, problems };
}

function csvProblem(error: unknown, table: string, locator: LineLocator): FileProblem | null {
  if (error instanceof ExportFormatError) {
    return { kind: 'problem', issue: { table, row: null, line: error.line, field: null, message: error.message } };
  }
  if (error instanceof CsvError) {
    const message = `not valid CSV: ${CSV_ERROR_MESSAGES[error.code] ?? error.code}`;
    return { kind: 'problem', issue: { table, row: null, line: locator.nextRecordLine(), field: null, message } };
  }
  return null;
}
