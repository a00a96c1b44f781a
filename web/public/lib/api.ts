// JSON calls from the public pages: no session, errors come back with a code and a Chinese message.
export class PublicApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export async function callApi<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const data = (await res.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown } } | null;
  if (!res.ok) throw new PublicApiError(data?.error?.code ?? 'internal', data?.error?.message ?? '网络异常，请稍后重试', res.status, data?.error?.details);
  return data as T;
}
