// Client-side fetch that turns the API's `{ error: { code, message, field } }` into a thrown ApiClientError.
export class ApiClientError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
    public field?: string,
    /** The rest of the error body (e.g. `allowed` transitions, a stale write's `current` values). */
    public details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  // A FormData body sets its own multipart content type (with the boundary).
  const json = !(init?.body instanceof FormData);
  const res = await fetch(url, {
    ...init,
    headers: { ...(json ? { 'content-type': 'application/json' } : {}), ...(init?.headers ?? {}) },
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const { code, message, field, ...details } = body?.error ?? {};
    throw new ApiClientError(
      res.status,
      code ?? 'http_error',
      message ?? `Request failed (${res.status})`,
      field,
      details,
    );
  }
  return body as T;
}
