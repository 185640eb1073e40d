import { ApiError, ErrorBody } from './errors';

const TOKEN_KEY = 'custodian.token';

/** The bearer token lives in sessionStorage: it ends with the tab, and a reload keeps the session. */
export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

let onUnauthorized: (() => void) | null = null;

/** The session registers what happens when a call answers 401 (the token expired or the account was closed). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const token = tokenStore.get();
  return { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra };
}

/** `bearer` replaces the stored token for one call (the second sign-in step sends the pending token). */
async function send(method: string, path: string, body?: BodyInit, contentType?: string, bearer?: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { method, headers: headers({ ...(contentType ? { 'content-type': contentType } : {}), ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) }), body });
  } catch (error) {
    throw ApiError.network(error);
  }
  if (response.ok) return response;
  const error = new ApiError(response.status, await errorBody(response));
  if (response.status === 401 && path !== '/api/auth/login' && !bearer) onUnauthorized?.();
  throw error;
}

async function errorBody(response: Response): Promise<ErrorBody> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as Partial<ErrorBody>;
    if (parsed && typeof parsed === 'object' && parsed.message !== undefined) {
      return { statusCode: response.status, error: parsed.error ?? response.statusText, ...parsed, message: parsed.message } as ErrorBody;
    }
  } catch {
    // not JSON: fall through to a plain message
  }
  return { statusCode: response.status, error: response.statusText || 'Error', message: `The server answered ${response.status} ${response.statusText}`.trim() };
}

async function json<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface DownloadedFile {
  blob: Blob;
  filename: string;
  sha256: string | null;
}

/** Every call the workspace makes goes through here: JSON in and out, bearer token, errors as ApiError. */
export const api = {
  get: <T>(path: string) => send('GET', path).then((r) => json<T>(r)),
  post: <T>(path: string, body?: unknown) =>
    send('POST', path, body === undefined ? undefined : JSON.stringify(body), body === undefined ? undefined : 'application/json').then((r) => json<T>(r)),
  patch: <T>(path: string, body: unknown) => send('PATCH', path, JSON.stringify(body), 'application/json').then((r) => json<T>(r)),
  put: <T>(path: string, body: unknown) => send('PUT', path, JSON.stringify(body), 'application/json').then((r) => json<T>(r)),
  delete: <T>(path: string) => send('DELETE', path).then((r) => json<T>(r)),
  /** A JSON POST with a token other than the stored one; its 401 is this call's, not the session's end. */
  postAs: <T>(bearer: string, path: string, body: unknown) => send('POST', path, JSON.stringify(body), 'application/json', bearer).then((r) => json<T>(r)),
  upload: <T>(path: string, form: FormData) => send('POST', path, form).then((r) => json<T>(r)),
  download: (path: string, fallbackName: string) => send('GET', path).then((r) => downloaded(r, fallbackName)),
  /** A file made on request from a JSON body (a letter preview): nothing is stored by the server. */
  downloadPosted: (path: string, body: unknown, fallbackName: string) => send('POST', path, JSON.stringify(body), 'application/json').then((r) => downloaded(r, fallbackName)),
};

async function downloaded(response: Response, fallbackName: string): Promise<DownloadedFile> {
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  return { blob: await response.blob(), filename, sha256: response.headers.get('x-content-sha256') };
}

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
