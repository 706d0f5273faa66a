// Client-side fetch that turns the API's `{ error: { code, message, field } }` into a thrown ApiClientError.
export class ApiClientError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public field?: string,
  ) {
    super(message);
  }
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init?.headers ?? {}) },
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const err = body?.error ?? {};
    throw new ApiClientError(
      res.status,
      err.code ?? 'http_error',
      err.message ?? `Request failed (${res.status})`,
      err.field,
    );
  }
  return body as T;
}
