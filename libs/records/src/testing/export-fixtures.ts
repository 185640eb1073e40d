import { Readable } from 'stream';
import { ExportFile } from '../export-source';

/** A re-openable source over fixed bytes, cut into small chunks so tests cross chunk boundaries (lines, UTF-8). */
export function sourceOf(content: string | Buffer, chunkSize = 7): () => Readable {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return () => {
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += chunkSize) chunks.push(bytes.subarray(at, at + chunkSize));
    return Readable.from(chunks);
  };
}

export function jsonExport(content: string | object, chunkSize?: number): ExportFile {
  const text = typeof content === 'string' ? content : JSON.stringify(content, null, 2);
  return { format: 'json', open: sourceOf(text, chunkSize), size: Buffer.byteLength(text) };
}

export function csvExport(table: string, text: string, chunkSize?: number): ExportFile {
  return { format: 'csv', table, open: sourceOf(text, chunkSize), size: Buffer.byteLength(text) };
}
