const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const COMMA = 0x2c;

/**
 * Turns the byte offsets a CSV parser reports (where each record ends) into the physical line each record
 * starts on. csv-parse's own line counter drifts on CRLF inside quoted values, so we count '\n' ourselves.
 * Bytes are kept only until the records covering them have been located.
 */
export class LineLocator {
  private readonly chunks: Buffer[] = [];
  /** Absolute offset of chunks[0][0]. */
  private base = 0;
  /** Absolute offset counted up to, and the line that offset is on. */
  private cursor = 0;
  private line = 1;

  append(chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  /**
   * Line of the next record: skips what csv-parse skips between records (empty lines, lines of only
   * blanks and commas) from the end of the previous record.
   */
  nextRecordLine(): number {
    for (let chunk = this.current(); chunk; chunk = this.current()) {
      const byte = chunk[this.cursor - this.base];
      if (byte !== LF && byte !== CR && byte !== SPACE && byte !== TAB && byte !== COMMA) break;
      if (byte === LF) this.line++;
      this.cursor++;
    }
    return this.line;
  }

  /** Moves past a record that ends at absolute offset `end` (csv-parse `info.bytes`). */
  passTo(end: number): void {
    for (let chunk = this.current(); chunk && this.cursor < end; chunk = this.current()) {
      const to = Math.min(chunk.length, end - this.base);
      for (let at = chunk.indexOf(LF, this.cursor - this.base); at !== -1 && at < to; at = chunk.indexOf(LF, at + 1)) this.line++;
      this.cursor = this.base + to;
    }
  }

  /** The chunk holding the cursor, dropping chunks already passed; undefined when none is buffered yet. */
  private current(): Buffer | undefined {
    while (this.chunks.length > 0 && this.cursor - this.base >= this.chunks[0].length) {
      this.base += this.chunks[0].length;
      this.chunks.shift();
    }
    return this.chunks[0];
  }
}

/** Number of '\n' bytes in a chunk. */
export function countLineFeeds(chunk: Buffer): number {
  let count = 0;
  for (let at = chunk.indexOf(LF); at !== -1; at = chunk.indexOf(LF, at + 1)) count++;
  return count;
}
