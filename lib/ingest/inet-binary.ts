/**
 * An address already validated by net.isIP (no zone id) as Postgres inet's binary form: family
 * (2 = IPv4, 3 = IPv6, Postgres's own numbering), netmask bits, is_cidr = 0, address length, the
 * address bytes. Written at `p`; returns the bytes written. What inet_in stores for the same text.
 */
export function inetBytes(ip: string, buf: Buffer, p: number): number {
  if (!ip.includes(':')) {
    buf[p] = 2;
    buf[p + 1] = 32;
    buf[p + 2] = 0;
    buf[p + 3] = 4;
    v4Into(ip, buf, p + 4);
    return 8;
  }
  buf[p] = 3;
  buf[p + 1] = 128;
  buf[p + 2] = 0;
  buf[p + 3] = 16;
  v6Into(ip, buf, p + 4);
  return 20;
}

function v4Into(s: string, buf: Buffer, p: number): void {
  let octet = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      buf[p++] = octet;
      octet = 0;
    } else octet = octet * 10 + (c - 48);
  }
  buf[p] = octet;
}

/** Groups of the part before `::` from the front, of the part after it from the back; zeros between. */
function v6Into(s: string, buf: Buffer, p: number): void {
  buf.fill(0, p, p + 16);
  const gap = s.indexOf('::');
  const head = gap < 0 ? s : s.slice(0, gap);
  const tail = gap < 0 ? '' : s.slice(gap + 2);
  if (head) writeGroups(head, buf, p);
  if (tail) {
    const bytes = Buffer.alloc(16);
    const n = writeGroups(tail, bytes, 0);
    bytes.copy(buf, p + 16 - n, 0, n);
  }
}

/** Writes colon-separated hex groups (the last may be dotted IPv4) at p; returns the bytes written. */
function writeGroups(part: string, buf: Buffer, p: number): number {
  const groups = part.split(':');
  let n = 0;
  for (const g of groups) {
    if (g.includes('.')) {
      v4Into(g, buf, p + n);
      n += 4;
    } else {
      const v = parseInt(g, 16);
      buf[p + n] = v >> 8;
      buf[p + n + 1] = v & 0xff;
      n += 2;
    }
  }
  return n;
}

/** inet's binary form back to text as Postgres prints it (zero run compressed, mapped IPv4 dotted). */
export function inetText(b: Buffer): string {
  const addr = b.subarray(4, 4 + b[3]);
  if (b[0] === 2) return [...addr].join('.');
  const groups = Array.from({ length: 8 }, (_, i) => addr.readUInt16BE(i * 2));
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff)
    return `::ffff:${[...addr.subarray(12)].join('.')}`;
  let best = -1,
    bestLen = 1;
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}
