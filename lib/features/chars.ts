/**
 * Character classes shared by the scanner and the phrase-key builder.
 * A "hash code" >= 0 is what a word character contributes to its word's hash (lower-cased,
 * every ASCII digit as '0'); -1 marks a separator; -2 marks a character whose lower-case form
 * depends on context or has another length (final sigma, dotted I, astral letters), for which
 * the scanner falls back to String.prototype.toLowerCase on the whole text.
 */
export const ASCII_CODE = new Int16Array(128).fill(-1);
for (let c = 97; c <= 122; c++) ASCII_CODE[c] = c;
for (let c = 65; c <= 90; c++) ASCII_CODE[c] = c + 32;
for (let c = 48; c <= 57; c++) ASCII_CODE[c] = 48;
ASCII_CODE[95] = 95;

/**
 * What an ASCII separator means to the scanner's structural counters:
 * 0 other punctuation, 1 whitespace, 2 arithmetic operator (+ - * / ^ =), 3 code mark ({ } ; `),
 * 4 '(', 5 '>', 6 '"', 7 ')' or '.', 8 ':', 9 '='.
 */
export const SEP_KIND = new Uint8Array(128);
for (const c of [9, 10, 11, 12, 13, 32]) SEP_KIND[c] = 1;
for (const c of '+-*/^') SEP_KIND[c.charCodeAt(0)] = 2;
for (const c of '{};`') SEP_KIND[c.charCodeAt(0)] = 3;
SEP_KIND[40] = 4;
SEP_KIND[62] = 5;
SEP_KIND[34] = 6;
SEP_KIND[41] = 7;
SEP_KIND[46] = 7;
SEP_KIND[58] = 8;
SEP_KIND[61] = 9; // '=' is both an operator and part of '==' / '=>'

const HIGH_CODE = new Int32Array(65536); // 0 = not computed yet

/** Matches JS /\s/ for non-ASCII code units, plus punctuation and symbol blocks. */
export function isSeparatorHigh(c: number): boolean {
  return (
    (c >= 0x80 && c <= 0xbf) ||
    c === 0xd7 ||
    c === 0xf7 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x206f) ||
    (c >= 0x3000 && c <= 0x303f) ||
    c === 0xfeff ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20)
  );
}

export function isCjk(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af)
  );
}

function computeHigh(c: number): number {
  if (isSeparatorHigh(c)) return -1;
  if (c === 0x3a3 || (c >= 0xd800 && c <= 0xdfff)) return -2;
  const l = String.fromCharCode(c).toLowerCase();
  if (l.length !== 1) return -2;
  const lc = l.charCodeAt(0);
  return lc < 128 ? (ASCII_CODE[lc] >= 0 ? ASCII_CODE[lc] : -2) : lc;
}

/** Hash code of a code unit >= 128 (see file comment). */
export function highCode(c: number): number {
  let v = HIGH_CODE[c];
  if (v === 0) HIGH_CODE[c] = v = computeHigh(c);
  return v;
}

/** Is this ASCII code unit whitespace as in JS /\s/? */
export function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** Whitespace as in JS /\s/ (ASCII and Unicode). */
export function isSpace(c: number): boolean {
  return (
    isAsciiSpace(c) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
