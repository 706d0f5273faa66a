// A minimal DER reader: enough to walk an RFC 3161 TimeStampResp (CMS SignedData) and check it
// without an ASN.1 library. Throws on malformed input; callers turn that into a named failure.

export interface Tlv {
  tag: number;
  /** Offset of the whole TLV (header included) and of its content. */
  start: number;
  contentStart: number;
  end: number;
}

export function readTlv(buf: Buffer, at = 0): Tlv {
  if (at + 2 > buf.length) throw new Error('DER: truncated');
  const tag = buf[at];
  if ((tag & 0x1f) === 0x1f) throw new Error('DER: high tag numbers are not supported');
  let len = buf[at + 1];
  let p = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || p + n > buf.length) throw new Error('DER: bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p + i];
    p += n;
  }
  if (p + len > buf.length) throw new Error('DER: content runs past the end');
  return { tag, start: at, contentStart: p, end: p + len };
}

export function children(buf: Buffer, t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let p = t.contentStart; p < t.end;) {
    const c = readTlv(buf, p);
    out.push(c);
    p = c.end;
  }
  return out;
}

export const content = (buf: Buffer, t: Tlv) => buf.subarray(t.contentStart, t.end);
export const whole = (buf: Buffer, t: Tlv) => buf.subarray(t.start, t.end);

/** DER encoding helpers for building a request. */
export function tlv(tag: number, body: Buffer): Buffer {
  const n = body.length;
  const len =
    n < 0x80
      ? Buffer.from([n])
      : n < 0x100
        ? Buffer.from([0x81, n])
        : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, body]);
}

export function oidText(body: Buffer): string {
  const parts = [Math.floor(body[0] / 40), body[0] % 40];
  let v = 0;
  for (let i = 1; i < body.length; i++) {
    v = v * 128 + (body[i] & 0x7f);
    if (!(body[i] & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}
