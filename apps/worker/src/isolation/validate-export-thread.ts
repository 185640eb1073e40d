import { parentPort, workerData } from 'node:worker_threads';
import { ExportFile, validateExport } from '@custodian/records';
import { ContentStore, FileEnvelope } from '@custodian/storage';
import { ThreadExportFile, ValidateThreadData, ValidateThreadMessage } from './validate-thread-protocol';

export function toExportFile(store: ContentStore, file: ThreadExportFile): ExportFile {
  const open = () => store.open(file.sha256);
  return file.format === 'csv' ? { format: 'csv', table: file.table!, open, size: file.size } : { format: 'json', ...(file.table ? { table: file.table } : {}), open, size: file.size };
}

/** Thread entry: reads the export through the whole of validation and says only whether that finished. */
if (parentPort) {
  const port = parentPort;
  const { store: where, files, options } = workerData as ValidateThreadData;
  const store = new ContentStore(where.root, new FileEnvelope(where.keyring));
  const post = (message: ValidateThreadMessage) => port.postMessage(message);
  validateExport(files.map((file) => toExportFile(store, file)), options)
    .then(() => post({ type: 'done' }))
    // Only the error's name goes back: nothing of the file.
    .catch((error: Error) => post({ type: 'failed', name: error.name }));
}
