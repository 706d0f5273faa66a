// mayHoldRedaction (precheck.ts) over UTF-8 bytes, for the natives' byte path: the JSON-escaped
// text fields Postgres sends (COPY binary) are tested where they lie, with no string made. The
// same conditions, and the key prefixes of KEY_PREFIX as byte checks (weaker: "sk_" or "rk_"
// stand for the Stripe prefixes). Multi-byte UTF-8 sequences are bytes >= 0x80, outside every
// condition, as their characters are. precheck.test.ts checks it against findRedactions.

const D0 = 48;
const at = (b: Uint8Array, i: number, s: string) => {
  for (let k = 0; k < s.length; k++) if (b[i + k] !== s.charCodeAt(k)) return false;
  return true;
};

/** False only when no redaction pattern can match the text these bytes encode (raw or JSON-escaped). */
export function mayHoldRedactionBytes(b: Uint8Array, start: number, end: number): boolean {
  let run = 0;
  let grouped = 0;
  let before = 0;
  let prevDigit = false;
  for (let i = start; i < end; i++) {
    const c = b[i];
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
    } else if (c === 101 && i + 3 <= end && b[i + 1] === 121 && b[i + 2] === 74) return true; // eyJ
    const sep = c === 32 || c === 45 || c === 46;
    before = sep && prevDigit ? run : 0;
    if (!((c === 32 || c === 45) && prevDigit)) grouped = 0;
    run = 0;
    prevDigit = false;
  }
  return false;
}
