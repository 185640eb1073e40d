/** A thin HTTP client for the tests: JSON in and out, bearer token, status kept for assertions. */
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private token?: string,
  ) {}

  as(token: string): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  /** The same signed-in user against another API process (e.g. one started after a restart). */
  at(baseUrl: string): ApiClient {
    return new ApiClient(baseUrl, this.token);
  }

  async login(username: string, password: string): Promise<ApiClient> {
    const response = await this.post('/api/auth/login', { username, password });
    if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return this.as(response.body.accessToken);
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  put<T = any>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body);
  }

  async upload<T = any>(path: string, fields: Record<string, string>, file: { name: string; content: string | Buffer | Blob; type?: string }) {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append('file', file.content instanceof Blob ? file.content : new Blob([typeof file.content === 'string' ? file.content : new Uint8Array(file.content)], { type: file.type ?? 'application/octet-stream' }), file.name);
    const response = await fetch(this.baseUrl + path, { method: 'POST', body: form, headers: this.authHeaders() });
    return { status: response.status, body: (await parse(response)) as T, headers: response.headers };
  }

  /** Several files in one multipart upload, each in a field named "file". */
  async uploadFiles<T = any>(path: string, fields: Record<string, string>, files: { name: string; content: string | Buffer; type?: string }[]) {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    for (const file of files) form.append('file', new Blob([typeof file.content === 'string' ? file.content : new Uint8Array(file.content)], { type: file.type ?? 'application/octet-stream' }), file.name);
    const response = await fetch(this.baseUrl + path, { method: 'POST', body: form, headers: this.authHeaders() });
    return { status: response.status, body: (await parse(response)) as T, headers: response.headers };
  }

  async download(path: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
    const response = await fetch(this.baseUrl + path, { headers: this.authHeaders() });
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
  }

  /** A JSON request whose answer is a file (e.g. a PDF preview). */
  async requestRaw(method: string, path: string, body: unknown): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
    const response = await fetch(this.baseUrl + path, { method, headers: { ...this.authHeaders(), 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
  }

  async request<T = any>(method: string, path: string, body?: unknown, rawBody?: string): Promise<ApiResponse<T>> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: { ...this.authHeaders(), ...(body !== undefined || rawBody !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    return { status: response.status, body: (await parse(response)) as T, headers: response.headers };
  }

  /** Any method, body bytes and headers, for tests of what the API does with malformed requests. */
  async raw<T = any>(method: string, path: string, options: { body?: string | Uint8Array; contentType?: string; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<ApiResponse<T>> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: { ...this.authHeaders(), ...(options.contentType ? { 'content-type': options.contentType } : {}), ...options.headers },
      body: options.body as BodyInit | undefined,
      signal: options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined,
    });
    return { status: response.status, body: (await parse(response)) as T, headers: response.headers };
  }

  private authHeaders(): Record<string, string> {
    return this.token ? { authorization: `Bearer ${this.token}` } : {};
  }
}

async function parse(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A request that may not hang: if it takes 10 s (the issue saw over 60 s with Redis down) it fails the test; `ms` is how long it took. */
export async function timed<T>(call: () => Promise<ApiResponse<T>>): Promise<ApiResponse<T> & { ms: number }> {
  const started = Date.now();
  const response = await Promise.race([call(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('request hung for 10 s')), 10_000).unref())]);
  return { ...response, ms: Date.now() - started };
}

/** Polls until `predicate` holds, or fails with the last value seen. */
export async function eventually<T>(probe: () => Promise<T>, predicate: (value: T) => boolean, timeoutMs = 30_000, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!predicate(last)) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(last).slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    last = await probe();
  }
  return last;
}
