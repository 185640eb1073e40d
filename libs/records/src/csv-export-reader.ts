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
  INVALID_OPENING_QUOTE: 'a quote appears inside an unquoted value (quote the whole value, or check the separator)',
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
export async function* readCsvExport(chunks: ByteChunks, table: string, delimiter?: CsvDelimiter): AsyncGenerator<ExportEvent> {
  const locator = new LineLocator();
  const head = await readHead(chunks);
  const chosen = delimiter ?? sniffDelimiter(head.bytes);
  const records = parse({
    delimiter: chosen,
    bom: true,
    info: true,
    relax_column_count: true, // a short or long row is reported as that row's problem, and reading goes on
    skip_empty_lines: true,
    skip_records_with_empty_values: true, // spreadsheet programs leave lines of bare commas at the end
    max_record_size: MAX_RECORD_CHARACTERS,
  });
  const source = Readable.from(checkedChunks(head.rest(), locator));
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
        yield { kind: 'row', table, row: ++row, line, ...rowValues(header, record, chosen) };
      }
    }
  } catch (error) {
    const problem = csvProblem(error, table, locator, chosen);
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

export type CsvDelimiter = ',' | ';' | '\t' | '|';
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];
/** The header row is looked for in this much of the file; Koha's header is a line of column names. */
const HEAD_BYTES = 64 * 1024;

/** The first bytes of a file (up to its first line feed, or HEAD_BYTES) and the whole stream again. */
async function readHead(chunks: ByteChunks): Promise<{ bytes: Buffer; rest: () => AsyncGenerator<Buffer> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const buffered: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    buffered.push(next.value);
    size += next.value.length;
    if (next.value.includes(0x0a)) break;
  }
  const bytes = Buffer.concat(buffered);
  async function* rest(): AsyncGenerator<Buffer> {
    yield* buffered;
    if (ended) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { bytes, rest };
}

/**
 * Koha's Reports module writes the CSVDelimiter preference: comma, semicolon, tab or pipe. The header row is column
 * names, which never contain one, so the delimiter is the candidate found most often on the first line.
 */
export function sniffDelimiter(head: Buffer): CsvDelimiter {
  const newline = head.indexOf(0x0a);
  const firstLine = head.subarray(0, newline === -1 ? head.length : newline).toString('utf8');
  let best: CsvDelimiter = ',';
  let bestCount = 0;
  for (const candidate of DELIMITERS) {
    const count = firstLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
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

const DELIMITER_NAMES: Record<CsvDelimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

function rowValues(header: string[], record: string[], delimiter: CsvDelimiter): { values: Map<string, RawValue>; problems: FieldProblem[] } {
  const values = new Map<string, RawValue>();
  const count = Math.min(header.length, record.length);
  for (let index = 0; index < count; index++) values.set(header[index], record[index]);
  const problems =
    record.length === header.length ? [] : [{ field: null, message: `the row has ${record.length} values but the header names ${header.length} columns (read as ${DELIMITER_NAMES[delimiter]}-separated, found on the header line; quote values that contain the separator)` }];
  return { values, problems };
}

function csvProblem(error: unknown, table: string, locator: LineLocator, delimiter: CsvDelimiter): FileProblem | null {
  if (error instanceof ExportFormatError) {
    return { kind: 'problem', issue: { table, row: null, line: error.line, field: null, message: error.message } };
  }
  if (error instanceof CsvError) {
    const message = `not valid CSV (read as ${DELIMITER_NAMES[delimiter]}-separated): ${CSV_ERROR_MESSAGES[error.code] ?? error.code}`;
    return { kind: 'problem', issue: { table, row: null, line: locator.nextRecordLine(), field: null, message } };
  }
  return null;
}
