import { float4Of } from './float4';

// Byte-level writers of the binary COPY encoder (copy-binary.ts): plain stores into the arena,
// which the JIT inlines, where Buffer's write methods check their arguments on every call (the
// encoder was about a quarter of the JS side of ingest, docs/performance.md#ingest).

/** UTF-8 of s at p; short ASCII strings (ids, models, keys) byte by byte, cheaper than the native call. */
export function writeText(buf: Buffer, s: string, p: number): number {
  const n = s.length;
  if (n > 32) return buf.write(s, p);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return buf.write(s, p);
    buf[p + i] = c;
  }
  return n;
}

/** A big-endian int32 at p, byte by byte (inlined; Buffer#writeInt32BE checks its arguments). */
export function i32(buf: Buffer, p: number, v: number): void {
  buf[p] = v >>> 24;
  buf[p + 1] = v >>> 16;
  buf[p + 2] = v >>> 8;
  buf[p + 3] = v;
}

const f32 = new Float32Array(1);
const f32Bytes = new Uint8Array(f32.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** A real (float4Of: as Postgres would read the text encoder's decimal) big-endian at p. */
export function float4Into(buf: Buffer, p: number, x: number): void {
  f32[0] = float4Of(x);
  if (LITTLE_ENDIAN) {
    buf[p] = f32Bytes[3];
    buf[p + 1] = f32Bytes[2];
    buf[p + 2] = f32Bytes[1];
    buf[p + 3] = f32Bytes[0];
  } else for (let k = 0; k < 4; k++) buf[p + k] = f32Bytes[k];
}

// An int8 cell is decimal text (simhash, run id); the last two are kept as their 8 bytes, since
// an event's body and slim rows carry the same simhash and every row the same run id.
const int8Text: (string | null)[] = [null, null];
const int8Bytes = [Buffer.alloc(8), Buffer.alloc(8)];
let int8Next = 0;
export function int8Into(buf: Buffer, p: number, v: string): void {
  let k = int8Text[0] === v ? 0 : int8Text[1] === v ? 1 : -1;
  if (k < 0) {
    k = int8Next;
    int8Next ^= 1;
    int8Bytes[k].writeBigInt64BE(BigInt(v), 0);
    int8Text[k] = v;
  }
  const b = int8Bytes[k];
  for (let i = 0; i < 8; i++) buf[p + i] = b[i];
}
