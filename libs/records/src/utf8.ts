export const NOT_UTF8_MESSAGE = 'the file is not UTF-8 text (re-save it as UTF-8; spreadsheet programs offer "CSV UTF-8")';

/**
 * A streaming UTF-8 decoder that throws on invalid bytes instead of inventing U+FFFD: a Windows-1252 file
 * would otherwise import with quietly garbled names. A leading byte-order mark is dropped.
 * Pass null to flush at the end.
 */
export function createUtf8Decoder(): (chunk: Buffer | null) => string {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return (chunk) => (chunk === null ? decoder.decode() : decoder.decode(chunk, { stream: true }));
}

/**
 * Line feeds in `chunk` before the byte where UTF-8 decoding fails, to say on which line a bad byte is.
 * Only called after a failure, so decoding byte by byte is affordable. Continuation bytes at the start
 * belong to a character begun in the previous chunk and are skipped.
 */
export function lineFeedsBeforeBadByte(chunk: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  while (start < 3 && start < chunk.length && (chunk[start] & 0xc0) === 0x80) start++;
  let lineFeeds = 0;
  for (let index = start; index < chunk.length; index++) {
    try {
      decoder.decode(chunk.subarray(index, index + 1), { stream: true });
    } catch {
      return lineFeeds;
    }
    if (chunk[index] === 0x0a) lineFeeds++;
  }
  return lineFeeds;
}
