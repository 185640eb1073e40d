import { BadRequestException } from '@nestjs/common';
import type { Request } from 'express';
import { rm } from 'node:fs/promises';
import type { StorageEngine } from 'multer';
import { ContentStore, SealedTemp, StoredFile } from '@custodian/storage';
import { SNIFF_BYTES } from './sniff';

export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
export const MAX_EXPORT_BYTES = 1024 * 1024 * 1024;

/** An uploaded file as the sealing storage leaves it: already sealed in the store's scratch directory. */
export type SealedUpload = Express.Multer.File & { sealed: SealedTemp };

/** Limits of one upload route; where the bytes go is `SealingUploadStorage`, registered once for the API. */
export function uploadOptions(maxBytes: number, files = 1) {
  return { limits: { fileSize: maxBytes, files, fields: 10 } };
}

/**
 * Multer storage that seals an upload as it arrives (decision 0051): the bytes stream through the content store's
 * envelope into a 0600 scratch file, so no plaintext copy of an instrument, a consent letter or an ILS export is
 * ever on disk, and memory stays flat for a large export. The first bytes are kept in memory to sniff the type.
 */
export class SealingUploadStorage implements StorageEngine {
  constructor(private readonly store: ContentStore) {}

  _handleFile(_request: Request, file: Express.Multer.File, callback: (error?: unknown, info?: Partial<SealedUpload>) => void): void {
    this.store.sealToTemp(file.stream, { headBytes: SNIFF_BYTES }).then(
      (sealed) => callback(null, { path: sealed.path, size: sealed.bytes, sealed }),
      (error: unknown) => callback(error),
    );
  }

  _removeFile(_request: Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    rm(file.path, { force: true }).then(() => callback(null), callback);
  }
}

/** Moves a sealed upload to its content address; the caller removes `file.path` on failure (a no-op once moved). */
export async function storeUpload(store: ContentStore, file: Express.Multer.File | undefined): Promise<StoredFile> {
  if (!file) throw new BadRequestException({ message: ['file: attach the file in a multipart field named "file"'], fields: { file: ['required'] } });
  const { sealed } = file as SealedUpload;
  if (!sealed) throw new Error('uploads must go through SealingUploadStorage');
  try {
    return await store.commit(sealed);
  } finally {
    await rm(file.path, { force: true });
  }
}
