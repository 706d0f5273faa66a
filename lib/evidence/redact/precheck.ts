// Whether any redaction pattern (patterns.ts) could match a text at all. It tests only
// conditions every match needs, so a `false` is exact: findRedactions would return nothing. The
// natives pass uses it to send rows that cannot need a redaction down the byte path
// (writers/line-bytes.ts) and to skip the five pattern scans. It holds on JSON-escaped text too:
// every condition is made of characters JSON never escapes, and escaping only replaces
// characters, so a run that exists in the raw text exists in the escaped text.
// precheck.test.ts checks the claim against findRedactions on random texts.

import { KEY_PREFIX } from './patterns';

const isDigit = (c: number) => c >= 48 && c <= 57;
/** Weaker than the scan below and much cheaper (one native regex pass): every text the scan
 *  lets through matches it, so a miss here ends the check. */
const QUICK = /[@+(]|\d{7}|\d[ .-]\d/;

export function mayHoldRedaction(text: string): boolean {
  return KEY_PREFIX.test(text) || (QUICK.test(text) && scan(text));
}

function scan(text: string): boolean {
  let run = 0; // digits in a row
  let grouped = 0; // digits joined by at most one ' ' or '-' between two (card: 13 or more)
  let before = 0; // the digit run just before a single ' ', '.' or '-' (phone: 3, then 4 digits)
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      run++;
      grouped++;
      if (run >= 10 || grouped >= 13 || (before >= 3 && run >= 4)) return true;
    } else {
      if (c === 64 || c === 43) return true; // '@' (email), '+' (international phone)
      if (c === 41 && i >= 4 && run === 3 && text.charCodeAt(i - 4) === 40) return true; // (NNN)
      const sep = c === 32 || c === 45 || c === 46; // ' ', '-', '.'
      before = sep && isDigit(prev) ? run : 0;
      if (!((c === 32 || c === 45) && isDigit(prev))) grouped = 0;
      run = 0;
    }
    prev = c;
  }
  return false;
}
