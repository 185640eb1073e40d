import { BadRequestException } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { diskStorage } from 'multer';
import { ContentStore, StoredFile } from '@custodian/storage';

export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
export const MAX_EXPORT_BYTES = 1024 * 1024 * 1024;

/** Uploads go to disk, never memory, so a large ILS export does not sit in the API's heap. */
export function uploadOptions(maxBytes: number, files = 1) {
  return { storage: diskStorage({ destination: tmpdir() }), limits: { fileSize: maxBytes, files, fields: 10 } };
}

/** Moves a multer temp file into the content store and removes the temp file. */
export async function storeUpload(store: ContentStore, file: Express.Multer.File | undefined): Promise<StoredFile> {
  if (!file) throw new BadRequestException({ message: ['file: attach the file in a multipart field named "file"'], fields: { file: ['required'] } });
  try {
    return await store.put(createReadStream(file.path));
  } finally {
    await rm(file.path, { force: true });
  }
}
