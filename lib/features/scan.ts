import { ASCII_CODE, SEP_KIND, highCode, isAsciiSpace, isCjk, isSpace } from './chars';
import { fmix32 } from './hash32';
import { ngramSecondKey, type PhraseTable } from './ngram-key';

export type { PhraseTable } from './ngram-key';

/**
 * One pass over prompt text that does everything the per-event features need: words hashed
 * (lower-cased, ASCII digits as '0'), rolling 2-/3-gram keys, phrase-table look-ups for the
 * taxonomy and cues, word 3-shingle SimHash accumulation and a few structural counters.
 * Tokens are runs of [a-z0-9_] and non-ASCII letters; every whitespace character separates, so
 * scanning `s` gives the same tokens as scanning `normalisePrompt(s)` (tested).
 * Hot path: one table load, one xor and one multiply per character; no allocation per word.
 */
export interface ScanResult {
  words: number;
  shingles: number;
  simHi: number;
  simLo: number;
  /** bit i set when an "(a)"/"a)"/"a." style choice marker for letter a+i was seen */
  choiceMask: number;
  /** digit-operator-digit sequences, e.g. "12 + 7" */
  arith: number;
  /** code-ish syntax: braces, semicolons, backticks, "==", "=>", "name(" */
  code: number;
  /** '>>>' doctest prompts and '"""' docstring marks */
  doctest: number;
  cjk: number;
  endsWithQuestion: boolean;
  /** first and second key of the last min(words,3)-gram (only when wantTail) */
  tailK1: number;
  tailK2: number;
}

/** A word directly followed by ':' (e.g. "Question:") is also looked up under key ^ LABEL_SALT. */
export const LABEL_SALT = 0x3a3a3a3a;

/** FNV state of a run of n digits (all hash as '0'), to spot numbers at word end. */
const DIGITS_HASH = new Int32Array(32);
for (let n = 1, h = 0x811c9dc5 | 0; n < 32; n++) DIGITS_HASH[n] = h = Math.imul(h ^ 48, 16777619);

// The text's UTF-16 code units plus a trailing space, copied by one native call: a typed-array
// read per character is cheaper than charCodeAt's dispatch on the string's representation.
// Reused: a scan only nests to restart on lower-cased text, and the outer call then reads nothing.
let unitBytes = Buffer.allocUnsafeSlow(1 << 14);
let units = new Uint16Array(unitBytes.buffer, 0, unitBytes.length >> 1);
function codeUnits(s: string): Uint16Array {
  if (s.length >= units.length) {
    unitBytes = Buffer.allocUnsafeSlow((s.length + 1) * 4);
    units = new Uint16Array(unitBytes.buffer, 0, unitBytes.length >> 1);
  }
  unitBytes.write(s, 0, 'utf16le'); // code units as they are, lone surrogates too (little-endian hosts)
  units[s.length] = 32;
  return units;
}

// Shingle hashes of the current scan (low and high halves), counted per bit after the loop.
let shLo = new Int32Array(4096);
let shHi = new Int32Array(4096);
function growShingles(): void {
  const lo = new Int32Array(shLo.length * 2),
    hi = new Int32Array(shLo.length * 2);
  lo.set(shLo);
  hi.set(shHi);
  shLo = lo;
  shHi = hi;
}

function flush(cnt: Int32Array, a0: number, a1: number, a2: number, a3: number): void {
  for (let p = 0; p < 8; p++) {
    const sh = p << 2;
    cnt[sh] += (a0 >>> sh) & 15;
    cnt[sh + 1] += (a1 >>> sh) & 15;
    cnt[sh + 2] += (a2 >>> sh) & 15;
    cnt[sh + 3] += (a3 >>> sh) & 15;
  }
}

const cnt = new Int32Array(32);

/** Bit j set when bit j is set in more than half of v[0..n): SWAR nibble counts, flushed every 15. */
function majorityOf(v: Int32Array, n: number): number {
  cnt.fill(0);
  let a0 = 0,
    a1 = 0,
    a2 = 0,
    a3 = 0,
    pending = 0;
  for (let k = 0; k < n; k++) {
    const t = v[k];
    a0 = (a0 + (t & 0x11111111)) | 0;
    a1 = (a1 + ((t >>> 1) & 0x11111111)) | 0;
    a2 = (a2 + ((t >>> 2) & 0x11111111)) | 0;
    a3 = (a3 + ((t >>> 3) & 0x11111111)) | 0;
    if (++pending === 15) {
      flush(cnt, a0, a1, a2, a3);
      a0 = a1 = a2 = a3 = pending = 0;
    }
  }
  flush(cnt, a0, a1, a2, a3);
  let out = 0;
  for (let j = 0; j < 32; j++) if (cnt[j] * 2 > n) out |= 1 << j;
  return out;
}

// Matched phrase entries of the current scan; applied at the end so that a scan restarted on
// lower-cased text (see highCode) never counts twice, and each phrase scores once per scan.
let hits = new Int32Array(1024);
let hitCount = 0;
let epoch = 0;

/** Collision check once the first key matched a slot (rare path); records the entry. */
function hit(
  t: PhraseTable,
  k1: number,
  s: string,
  lowered: boolean,
  n: number,
  label: boolean,
  sa: number,
  ea: number,
  sb: number,
  eb: number,
  sc: number,
  ec: number,
): void {
  let k2 = 0;
  let haveK2 = false;
  for (let i = k1 & t.mask; t.val[i] !== 0; i = (i + 1) & t.mask) {
    if (t.k1[i] !== k1) continue;
    if (!haveK2) {
      k2 = ngramSecondKey(s, lowered, n, sa, ea, sb, eb, sc, ec) ^ (label ? LABEL_SALT : 0);
      haveK2 = true;
    }
    if (t.k2[i] !== k2) continue;
    if (hitCount === hits.length) {
      const bigger = new Int32Array(hits.length * 2);
      bigger.set(hits);
      hits = bigger;
    }
    hits[hitCount++] = t.val[i] - 1;
    return;
  }
}

function applyHits(t: PhraseTable, scores: Int32Array, mul: number): void {
  epoch = (epoch + 1) | 0;
  for (let h = 0; h < hitCount; h++) {
    const e = hits[h];
    if (t.seen[e] === epoch) continue;
    t.seen[e] = epoch;
    for (let j = t.entryStart[e], end = t.entryEnd[e]; j < end; j++)
      scores[t.slot[j]] += t.weight[j] * mul;
  }
  hitCount = 0;
}

export function scanText(
  s: string,
  table: PhraseTable | null,
  scores: Int32Array | null,
  mul: number,
  maxLookupWords: number,
  wantSimhash: boolean,
  wantTail = false,
  lowered = false,
): ScanResult {
  const n = s.length;
  const a = codeUnits(s);
  const look = table !== null && scores !== null;
  const val = table ? table.val : null;
  const mask = table ? table.mask : 0;
  let h = 0x811c9dc5 | 0,
    len = 0,
    words = 0,
    shingles = 0;
  let q = 0,
    b = 0,
    t1 = 0; // previous word key, previous bigram key, current trigram key
  let s2 = 0,
    e2 = 0,
    s1 = 0,
    e1 = 0,
    s0 = 0,
    e0 = 0; // spans of the last three words
  let choiceMask = 0,
    arith = 0,
    code = 0,
    doctest = 0,
    cjk = 0,
    arithState = 0;
  hitCount = 0;
  for (let i = 0; i <= n; i++) {
    let c = a[i]; // a[n] is a space: ends the last word
    let m = c < 128 ? ASCII_CODE[c] : -1;
    if (m >= 0) {
      // a run of ASCII word characters (most of the text), in a loop of its own
      for (;;) {
        h = Math.imul(h ^ m, 16777619);
        len++;
        c = a[++i];
        if (c >= 128 || (m = ASCII_CODE[c]) < 0) break;
      }
    }
    if (c < 128) m = ASCII_CODE[c];
    else {
      m = highCode(c);
      if (m === -2) {
        if (!lowered)
          return scanText(
            s.toLowerCase(),
            table,
            scores,
            mul,
            maxLookupWords,
            wantSimhash,
            wantTail,
            true,
          );
        m = c;
      }
      if (m >= 0 && isCjk(c)) cjk++;
    }
    if (m < 0 && (c === 43 || c === 35) && len > 0 && len <= 2) {
      const f = s.charCodeAt(i - len) | 32;
      if (f >= 97 && f <= 122) m = c; // c++, c#, f#
    }
    if (m >= 0) {
      h = Math.imul(h ^ m, 16777619);
      len++;
      continue;
    }
    const wl = len; // length of the word ending here, 0 if none
    const start = i - wl;
    if (wl > 0) {
      // end of a word: n-gram keys, SimHash, phrase look-ups
      s2 = s1;
      e2 = e1;
      s1 = s0;
      e1 = e0;
      s0 = start;
      e0 = i;
      if (wl < 32 && h === DIGITS_HASH[wl]) {
        if (arithState === 2) arith++;
        arithState = 1;
      } else arithState = 0;
      const w = fmix32(h ^ len);
      let bg = 0;
      if (words >= 1) bg = Math.imul(q, 0xcc9e2d51) ^ w; // already-mixed inputs: no finaliser needed
      if (words >= 2) {
        t1 = fmix32(Math.imul(b, 0xe6546b64) ^ w);
        if (wantSimhash) {
          if (shingles === shLo.length) growShingles();
          shLo[shingles] = t1;
          shHi[shingles] = fmix32((t1 + Math.imul(w, 0x85ebca6b) + 0x27d4eb2f) | 0);
          shingles++;
        }
      }
      if (look && val !== null && words < maxLookupWords) {
        if (val[w & mask] !== 0) hit(table, w, s, lowered, 1, false, s0, e0, 0, 0, 0, 0);
        if (words >= 1 && val[bg & mask] !== 0)
          hit(table, bg, s, lowered, 2, false, s1, e1, s0, e0, 0, 0);
        if (words >= 2 && val[t1 & mask] !== 0)
          hit(table, t1, s, lowered, 3, false, s2, e2, s1, e1, s0, e0);
        if (c === 58 && val[(w ^ LABEL_SALT) & mask] !== 0) {
          hit(table, w ^ LABEL_SALT, s, lowered, 1, true, s0, e0, 0, 0, 0, 0);
        }
      }
      q = w;
      b = bg;
      words++;
      h = 0x811c9dc5 | 0;
      len = 0;
    }
    if (c < 128) {
      const kind = SEP_KIND[c];
      if (kind !== 1) {
        if (kind === 2 || kind === 9) {
          if (arithState === 1) arithState = 2;
        } else arithState = 0;
        if (kind !== 0)
          structural: {
            if (kind === 3) code++;
            else if (kind === 4) {
              if (wl > 0) code++;
            } else if (kind === 7) {
              if (wl !== 1) break structural;
              const f = s.charCodeAt(start) | 32;
              const before = start > 0 ? s.charCodeAt(start - 1) : 32;
              if (f >= 97 && f <= 101 && (isAsciiSpace(before) || before === 40 || before === 0xa0))
                choiceMask |= 1 << (f - 97);
            } else if (kind === 5 || kind === 6 || kind === 9) {
              const p1 = i > 0 ? s.charCodeAt(i - 1) : 0;
              if (kind !== 6 && p1 === 61)
                code++; // '==' or '=>'
              else if (kind !== 9 && p1 === c && i > 1 && s.charCodeAt(i - 2) === c) doctest++; // '>>>' or '"""'
            }
          }
      }
    } else if (c === 0xd7 || c === 0xf7) {
      if (arithState === 1) arithState = 2;
    } else arithState = 0;
  }
  if (look && table !== null && scores !== null) applyHits(table, scores, mul);
  let simLo = 0,
    simHi = 0;
  if (wantSimhash && shingles > 0) {
    simLo = majorityOf(shLo, shingles);
    simHi = majorityOf(shHi, shingles);
  }
  let tailK1 = 0,
    tailK2 = 0;
  if (wantTail && words > 0) {
    const k = Math.min(words, 3);
    tailK1 = k === 3 ? t1 : k === 2 ? b : q;
    tailK2 =
      k === 3
        ? ngramSecondKey(s, lowered, 3, s2, e2, s1, e1, s0, e0)
        : k === 2
          ? ngramSecondKey(s, lowered, 2, s1, e1, s0, e0, 0, 0)
          : ngramSecondKey(s, lowered, 1, s0, e0, 0, 0, 0, 0);
  }
  let last = n - 1;
  while (last >= 0 && isSpace(s.charCodeAt(last))) last--;
  const endsWithQuestion = last >= 0 && s.charCodeAt(last) === 63;
  return {
    words,
    shingles,
    simHi,
    simLo,
    choiceMask,
    arith,
    code,
    doctest,
    cjk,
    endsWithQuestion,
    tailK1,
    tailK2,
  };
}
