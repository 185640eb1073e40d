import { filetypemime } from 'magic-bytes.js';
import type { Readable } from 'node:stream';

/** Types a stored document may be served as; anything else goes out as opaque bytes. */
const SERVABLE = ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/tiff', 'image/webp', 'image/bmp'];
export const SNIFF_BYTES = 4100;

/**
 * The media type of a file from its own first bytes (magic numbers), never from what the uploader claimed:
 * a known safe type, plain text for clean UTF-8 without control bytes, otherwise application/octet-stream.
 * HTML or SVG therefore never goes out as markup.
 */
export function sniffMediaType(head: Buffer): string {
  const known = filetypemime(head).find((mime) => SERVABLE.includes(mime));
  if (known) return known;
  if (head.length && isPlainText(head)) return 'text/plain; charset=utf-8';
  return 'application/octet-stream';
}

function isPlainText(head: Buffer): boolean {
  // The sample may cut a multi-byte character at its end; drop up to three trailing bytes before decoding.
  for (let cut = 0; cut <= 3 && cut < head.length; cut++) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
      return !/[\u0000-\u0008\u000E-\u001F\u007F]/.test(text);
    } catch {
      continue;
    }
  }
  return false;
}

/** Reads the first bytes of a stream (and stops it), to sniff content already in the store. */
export async function sniffStream(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      total += (chunk as Buffer).length;
      if (total >= SNIFF_BYTES) break;
    }
  } finally {
    stream.destroy();
  }
  return sniffMediaType(Buffer.concat(chunks).subarray(0, SNIFF_BYTES));
}
