import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { ExportFile, validateExport } from '@custodian/records';
import { ThreadExportFile, ValidateThreadData, ValidateThreadMessage } from './validate-thread-protocol';

export function toExportFile(file: ThreadExportFile): ExportFile {
  const open = () => createReadStream(file.path);
  return file.format === 'csv' ? { format: 'csv', table: file.table!, open, size: file.size } : { format: 'json', ...(file.table ? { table: file.table } : {}), open, size: file.size };
}

/** Thread entry: reads the export through the whole of validation and says only whether that finished. */
if (parentPort) {
  const port = parentPort;
  const { files, options } = workerData as ValidateThreadData;
  const post = (message: ValidateThreadMessage) => port.postMessage(message);
  validateExport(files.map(toExportFile), options)
    .then(() => post({ type: 'done' }))
    // Only the error's name goes back: nothing of the file.
    .catch((error: Error) => post({ type: 'failed', name: error.name }));
}
