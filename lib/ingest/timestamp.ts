// ISO-8601 date-time with a mandatory offset (Z or ±hh:mm / ±hhmm). Fractions beyond milliseconds
// are truncated (the database keeps milliseconds; JS and SQL then agree on the UTC day and month).
const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|z|[+-]\d{2}:?\d{2})$/;

/** Accepted range: 1990-01-01 .. 2099-12-31 UTC (anything else is a broken clock or a typo). */
const MIN = Date.UTC(1990, 0, 1);
const MAX = Date.UTC(2100, 0, 1);

/** Epoch milliseconds, or null when the text is not a real instant with an offset. */
export function parseTimestamp(s: string): number | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, se] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) return null;
  const local = Date.UTC(y, mo - 1, d, h, mi, se);
  if (new Date(local).getUTCDate() !== d) return null; // 2026-02-30 and the like
  let off = 0;
  const z = m[8];
  if (z !== 'Z' && z !== 'z') {
    const digits = z.replace(':', '');
    const oh = Number(digits.slice(1, 3));
    const om = Number(digits.slice(3, 5));
    if (oh > 18 || om > 59) return null;
    off = (oh * 60 + om) * 60_000 * (z[0] === '-' ? -1 : 1);
  }
  const ms = local - off + (m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0);
  return ms >= MIN && ms < MAX ? ms : null;
}

export const TIMESTAMP_HINT = 'ISO-8601 with offset, e.g. 2026-11-29T14:03:07.123Z, between 1990 and 2099';
