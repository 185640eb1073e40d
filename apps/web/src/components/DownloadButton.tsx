import type { DownloadedFile } from '../api/client';
import { useAction } from '../lib/useAction';
import { ErrorAlert } from './ErrorAlert';

/**
 * Fetches a file with the bearer token and hands it to the browser as a download. `file` makes the call, e.g.
 * `() => download(client.GET('/api/productions/{id}/pdf', { params: { path: { id } }, parseAs: 'blob' }), name)`.
 */
export function DownloadButton({ file: fetchFile, children }: { file: () => Promise<DownloadedFile>; children: string }) {
  const download = useAction(async () => {
    const file = await fetchFile();
    const url = URL.createObjectURL(file.blob);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = file.filename;
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return file;
  });
  return (
    <div className="download">
      <button type="button" className="button button--secondary" onClick={() => void download.run()} disabled={download.pending} aria-busy={download.pending}>
        {download.pending ? 'Preparing download…' : children}
      </button>
      {download.error && <ErrorAlert error={download.error} title="The download failed" />}
    </div>
  );
}
