import { ByteChunks, ExportEvent, ExportFormatError, FileProblem } from './export-events';
import { JsonExportAssembler } from './json-export-assembler';
import { createJsonTokenizer } from './json-tokenizer';
import { NOT_UTF8_MESSAGE, createUtf8Decoder, lineFeedsBeforeBadByte } from './utf8';

/**
 * Streams a JSON export `{ "borrowers": [...], "issues": [...] }` into table and row events without
 * holding the file: one chunk of text and one row at a time. Text is fed to the tokenizer a line at a
 * time, so each row knows the line its '{' is on. A syntax error ends the file with one problem.
 */
export async function* readJsonExport(chunks: ByteChunks, table: string | null = null): AsyncGenerator<ExportEvent> {
  const decode = createUtf8Decoder();
  const tokenize = createJsonTokenizer();
  const assembler = new JsonExportAssembler(table);
  const events: ExportEvent[] = [];
  let line = 1;

  const feed = (text: string): void => {
    for (let start = 0; start < text.length; ) {
      const newline = text.indexOf('\n', start);
      const end = newline === -1 ? text.length : newline + 1;
      for (const token of tokenize(text.slice(start, end))) assembler.accept(token, line, events);
      if (newline !== -1) line++;
      start = end;
    }
  };

  /** Decodes and feeds; a bad byte, syntax or shape error becomes the file's last event, not an exception. */
  const consume = (chunk: Buffer | null): FileProblem | null => {
    let text: string;
    try {
      text = decode(chunk);
    } catch {
      return problemAt(new ExportFormatError(line + (chunk ? lineFeedsBeforeBadByte(chunk) : 0), NOT_UTF8_MESSAGE));
    }
    try {
      feed(text);
      if (chunk === null) assembler.finish(line);
      return null;
    } catch (error) {
      return problemAt(error instanceof ExportFormatError ? error : new ExportFormatError(line, `not valid JSON: ${describe(error)}`));
    }
  };

  for await (const chunk of chunks) {
    const problem = consume(chunk);
    yield* events;
    events.length = 0;
    if (problem) {
      yield problem;
      return;
    }
  }
  const problem = consume(null);
  yield* events;
  if (problem) yield problem;
}

function problemAt(error: ExportFormatError): FileProblem {
  return { kind: 'problem', issue: { table: null, row: null, line: error.line, field: null, message: error.message } };
}

/** stream-json says e.g. "Parser cannot parse input: expected an object key"; keep its words, lower-cased. */
function describe(error: unknown): string {
  // duck-typed: in tests stream-json may come from another realm, whose Error fails instanceof
  const message = String((error as { message?: unknown } | null)?.message ?? error);
  return message.charAt(0).toLowerCase() + message.slice(1);
}
