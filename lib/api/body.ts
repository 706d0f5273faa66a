import { ApiError } from './errors';

/** Largest JSON body a route accepts (bytes). Uploads have their own limits (case files, ingest). */
export const JSON_BODY_MAX_BYTES = 1024 * 1024;
/** A sign-in form is a few hundred bytes; anything past this is refused before next-auth parses it. */
export const SIGN_IN_BODY_MAX_BYTES = 16 * 1024;

/**
 * Reads a request body as text, refusing it with 413 once it passes `max` bytes: the declared
 * Content-Length is checked first, then the bytes as they stream in (a client may omit or lie
 * about the length), so an oversized body is never held in memory whole.
 */
export async function readBodyText(req: Request, max: number): Promise<string> {
  const declared = Number(req.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > max) throw tooLarge(max);
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The JSON body of a request, with the size limit above; 400 naming the problem when malformed. */
export async function readJsonBody(req: Request, max = JSON_BODY_MAX_BYTES): Promise<unknown> {
  const text = await readBodyText(req, max);
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_json', 'Body is not valid JSON');
  }
}

function tooLarge(max: number) {
  return new ApiError(
    413,
    'payload_too_large',
    `Request body is larger than ${Math.round(max / 1024)} KiB`,
  );
}
