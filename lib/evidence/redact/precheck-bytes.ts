// mayHoldRedaction (precheck.ts) over UTF-8 bytes, for the natives' byte path: the JSON-escaped
// text fields Postgres sends (COPY binary) are tested where they lie, with no string made. The
// same conditions, and the key prefixes of KEY_PREFIX as byte checks (weaker: "sk_" or "rk_"
// stand for the Stripe prefixes). Multi-byte UTF-8 sequences are bytes >= 0x80, outside every
// condition, as their characters are. precheck.test.ts checks it against findRedactions, and
// against the plain byte-by-byte form of the same scan.

const D0 = 48;
const at = (b: Uint8Array, i: number, s: string) => {
  for (let k = 0; k < s.length; k++) if (b[i + k] !== s.charCodeAt(k)) return false;
  return true;
};

/**
 * Bytes that, after a non-digit, leave the scan's state all zero: everything but digits and the
 * bytes a condition looks at ('@', '+', ')', '-', '_', 'A', 'J' of "eyJ"). Most text is a run of
 * these, skipped by one tight loop.
 */
const SKIP = new Uint8Array(256).fill(1);
for (const c of '0123456789@+)-_AJ') SKIP[c.charCodeAt(0)] = 0;

/** False only when no redaction pattern can match the text these bytes encode (raw or JSON-escaped). */
export function mayHoldRedactionBytes(b: Uint8Array, start: number, end: number): boolean {
  let run = 0;
  let grouped = 0;
  let before = 0;
  let prevDigit = false;
  for (let i = start; i < end; i++) {
    let c = b[i];
    if (!prevDigit && SKIP[c] === 1) {
      // After a non-digit, a skipped byte (even a ' ' or '.') zeroes the state, as below.
      run = 0;
      grouped = 0;
      before = 0;
      while (++i < end && SKIP[b[i]] === 1);
      if (i === end) return false;
      c = b[i];
    }
    if (c - D0 >= 0 && c - D0 <= 9) {
      run++;
      grouped++;
      if (run >= 10 || grouped >= 13 || (before >= 3 && run >= 4)) return true;
      prevDigit = true;
      continue;
    }
    if (c === 64 || c === 43) return true; // '@', '+'
    if (c === 41 && run === 3 && i - 4 >= start && b[i - 4] === 40) return true; // (NNN)
    if (c === 45) {
      // '-': sk-, xox[abprs]-
      if (i - 2 >= start && b[i - 2] === 115 && b[i - 1] === 107) return true;
      if (i - 4 >= start && at(b, i - 4, 'xox') && 'abprs'.includes(String.fromCharCode(b[i - 1])))
        return true;
    } else if (c === 95) {
      // '_': [sr]k_ (Stripe), gh[pousr]_
      if (i - 2 >= start && (b[i - 2] === 115 || b[i - 2] === 114) && b[i - 1] === 107) return true;
      if (i - 3 >= start && at(b, i - 3, 'gh') && 'pousr'.includes(String.fromCharCode(b[i - 1])))
        return true;
    } else if (c === 65) {
      // AKIA, ASIA, AIza
      if (i + 4 <= end && (at(b, i, 'AKIA') || at(b, i, 'ASIA') || at(b, i, 'AIza'))) return true;
    } else if (c === 74 && i - 2 >= start && b[i - 1] === 121 && b[i - 2] === 101) return true; // eyJ
    const sep = c === 32 || c === 45 || c === 46;
    before = sep && prevDigit ? run : 0;
    if (!((c === 32 || c === 45) && prevDigit)) grouped = 0;
    run = 0;
    prevDigit = false;
  }
  return false;
}
