import { messageFor } from '../../../shared/errors';

/** Every failed call becomes one of these; pages decide by `code`, never by status text. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// The server binds the token to the session; it arrives with login and /auth/me.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type QueryValue = string | number | boolean | null | undefined;

/** Builds `path?…` leaving out empty values, so "no filter" never becomes `q=`. */
export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

type ErrorPayload = { error?: { code?: string; message?: string; details?: unknown; requestId?: string } };

function toApiError(status: number, payload: unknown): ApiError {
  const err = (payload as ErrorPayload | null)?.error;
  const code = err?.code ?? (status === 401 ? 'auth.required' : status === 403 ? 'auth.forbidden' : 'internal');
  // Prefer the catalogue's Chinese text; fall back to the server's message for codes we do not know.
  const known = messageFor(code);
  const message = known === messageFor('internal') && code !== 'internal' && err?.message ? err.message : known;
  return new ApiError(status, code, message, err?.details, err?.requestId);
}

function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Extra request headers (e.g. `prefer: respond-async` to start a background job). */
  headers?: Record<string, string>;
  /** Set on the retry after re-authentication, so a refusal is not asked about twice. */
  reauthenticated?: boolean;
};

/**
 * Sensitive actions answer `auth.reauth_required` when the user last proved a password or TOTP
 * code more than 5 minutes ago. The layout registers a prompt (a modal) that resolves true once
 * the user has re-authenticated; the request is then sent again, once.
 */
let reauthPrompt: (() => Promise<boolean>) | null = null;

export function setReauthPrompt(prompt: (() => Promise<boolean>) | null): void {
  reauthPrompt = prompt;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api${withQuery(path, options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试');
  }
  const payload = parseBody(await response.text());
  if (!response.ok) {
    const error = toApiError(response.status, payload);
    if (error.code === 'auth.reauth_required' && reauthPrompt && !options.reauthenticated && (await reauthPrompt())) {
      return apiRequest<T>(path, { ...options, reauthenticated: true });
    }
    throw error;
  }
  return payload as T;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>) => apiRequest<T>(path, { query }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body: body ?? {} }),
  put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
};

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends a file as the raw request body. XHR rather than fetch because fetch cannot report
 * upload progress, and a village list from a slow town network deserves a progress bar.
 */
export function uploadRaw<T>(path: string, file: Blob, onProgress?: (percent: number) => void, headers: Record<string, string> = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', xlsxContentType);
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      const payload = parseBody(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as T);
      else reject(toApiError(xhr.status, payload));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', '网络连接失败，请检查网络后重试'));
    xhr.send(file);
  });
}

/** GET downloads ride on the session cookie, so a plain navigation is enough. */
export function downloadUrl(path: string, query?: Record<string, QueryValue>): string {
  return `/api${withQuery(path, query)}`;
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The Chinese text to show for any thrown value. */
export function errorText(error: unknown): string {
  // A refusal that names its particulars (which record, which range) sends them as details.text.
  const text = error instanceof ApiError ? (error.details as { text?: unknown } | undefined)?.text : undefined;
  if (error instanceof ApiError && typeof text === 'string') return `${error.message}：${text}`;
  if (error instanceof ApiError) return error.message;
  return messageFor('internal');
}

export function isSessionError(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'auth.required' || error.code === 'auth.session_expired');
}
