import { ASCII_CODE, SEP_KIND, highCode, isAsciiSpace, isCjk, isSpace } from './chars';
import { fmix32 } from './hash32';
import { majorityOf } from './bit-majority';
import { ngramSecondKey, type PhraseTable } from './ngram-key';
import { LABEL_SALT, applyHits, hit, resetHits } from './phrase-hits';

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

/** FNV state of a run of n digits (all hash as '0'), to spot numbers at word end. */
const DIGITS_HASH = new Int32Array(32);
for (let n = 1, h = 0x811c9dc5 | 0; n < 32; n++) DIGITS_HASH[n] = h = Math.imul(h ^ 48, 16777619);

// The text's UTF-16 code units plus a trailing space, copied by one native call: a typed-array
// read per character is cheaper than charCodeAt's dispatch on the string's representation.
// Reused: a scan only nests to restart on lower-cased text, and the outer call then reads nothing.
let unitBytes = Buffer.allocUnsafeSlow(1 << 14);
let units = new Uint16Array(unitBytes.buffer, 0, unitBytes.length >> 1);
function codeUnits(text: string): Uint16Array {
  if (text.length >= units.length) {
    unitBytes = Buffer.allocUnsafeSlow((text.length + 1) * 4);
    units = new Uint16Array(unitBytes.buffer, 0, unitBytes.length >> 1);
  }
  unitBytes.write(text, 0, 'utf16le'); // code units as they are, lone surrogates too (little-endian hosts)
  units[text.length] = 32;
  return units;
}

// Shingle hashes of the current scan (low and high halves), counted per bit after the loop.
let shingleLo = new Int32Array(4096);
let shingleHi = new Int32Array(4096);
function growShingles(): void {
  const lo = new Int32Array(shingleLo.length * 2),
    hi = new Int32Array(shingleLo.length * 2);
  lo.set(shingleLo);
  hi.set(shingleHi);
  shingleLo = lo;
  shingleHi = hi;
}

export function scanText(
  text: string,
  table: PhraseTable | null,
  scores: Int32Array | null,
  mul: number,
  maxLookupWords: number,
  wantSimhash: boolean,
  wantTail = false,
  lowered = false,
): ScanResult {
  const textLen = text.length;
  const codes = codeUnits(text);
  const scoring = table !== null && scores !== null;
  const val = table ? table.val : null;
  const mask = table ? table.mask : 0;
  let wordHash = 0x811c9dc5 | 0,
    wordLen = 0,
    words = 0,
    shingles = 0;
  let prevWordKey = 0,
    prevBigramKey = 0,
    trigramKey = 0; // previous word key, previous bigram key, current trigram key
  let prev2Start = 0,
    prev2End = 0,
    prevStart = 0,
    prevEnd = 0,
    lastStart = 0,
    lastEnd = 0; // spans of the last three words
  let choiceMask = 0,
    arith = 0,
    code = 0,
    doctest = 0,
    cjk = 0,
    arithState = 0;
  resetHits();
  for (let i = 0; i <= textLen; i++) {
    let unit = codes[i]; // codes[textLen] is a space: ends the last word
    let mapped = unit < 128 ? ASCII_CODE[unit] : -1;
    if (mapped >= 0) {
      // a run of ASCII word characters (most of the text), in a loop of its own
      for (;;) {
        wordHash = Math.imul(wordHash ^ mapped, 16777619);
        wordLen++;
        unit = codes[++i];
        if (unit >= 128 || (mapped = ASCII_CODE[unit]) < 0) break;
      }
    }
    if (unit < 128) mapped = ASCII_CODE[unit];
    else {
      mapped = highCode(unit);
      if (mapped === -2) {
        if (!lowered)
          return scanText(
            text.toLowerCase(),
            table,
            scores,
            mul,
            maxLookupWords,
            wantSimhash,
            wantTail,
            true,
          );
        mapped = unit;
      }
      if (mapped >= 0 && isCjk(unit)) cjk++;
    }
    if (mapped < 0 && (unit === 43 || unit === 35) && wordLen > 0 && wordLen <= 2) {
      const firstLower = text.charCodeAt(i - wordLen) | 32;
      if (firstLower >= 97 && firstLower <= 122) mapped = unit; // c++, c#, f#
    }
    if (mapped >= 0) {
      wordHash = Math.imul(wordHash ^ mapped, 16777619);
      wordLen++;
      continue;
    }
    const endedLen = wordLen; // length of the word ending here, 0 if none
    const start = i - endedLen;
    if (endedLen > 0) {
      // end of a word: n-gram keys, SimHash, phrase look-ups
      prev2Start = prevStart;
      prev2End = prevEnd;
      prevStart = lastStart;
      prevEnd = lastEnd;
      lastStart = start;
      lastEnd = i;
      if (endedLen < 32 && wordHash === DIGITS_HASH[endedLen]) {
        if (arithState === 2) arith++;
        arithState = 1;
      } else arithState = 0;
      const wordKey = fmix32(wordHash ^ wordLen);
      let bigramKey = 0;
      if (words >= 1) bigramKey = Math.imul(prevWordKey, 0xcc9e2d51) ^ wordKey; // already-mixed inputs: no finaliser needed
      if (words >= 2) {
        trigramKey = fmix32(Math.imul(prevBigramKey, 0xe6546b64) ^ wordKey);
        if (wantSimhash) {
          if (shingles === shingleLo.length) growShingles();
          shingleLo[shingles] = trigramKey;
          shingleHi[shingles] = fmix32(
            (trigramKey + Math.imul(wordKey, 0x85ebca6b) + 0x27d4eb2f) | 0,
          );
          shingles++;
        }
      }
      if (scoring && val !== null && words < maxLookupWords) {
        if (val[wordKey & mask] !== 0)
          hit(table, wordKey, text, lowered, 1, false, lastStart, lastEnd, 0, 0, 0, 0);
        if (words >= 1 && val[bigramKey & mask] !== 0)
          hit(
            table,
            bigramKey,
            text,
            lowered,
            2,
            false,
            prevStart,
            prevEnd,
            lastStart,
            lastEnd,
            0,
            0,
          );
        if (words >= 2 && val[trigramKey & mask] !== 0)
          hit(
            table,
            trigramKey,
            text,
            lowered,
            3,
            false,
            prev2Start,
            prev2End,
            prevStart,
            prevEnd,
            lastStart,
            lastEnd,
          );
        if (unit === 58 && val[(wordKey ^ LABEL_SALT) & mask] !== 0) {
          hit(table, wordKey ^ LABEL_SALT, text, lowered, 1, true, lastStart, lastEnd, 0, 0, 0, 0);
        }
      }
      prevWordKey = wordKey;
      prevBigramKey = bigramKey;
      words++;
      wordHash = 0x811c9dc5 | 0;
      wordLen = 0;
    }
    if (unit < 128) {
      const kind = SEP_KIND[unit];
      if (kind !== 1) {
        if (kind === 2 || kind === 9) {
          if (arithState === 1) arithState = 2;
        } else arithState = 0;
        if (kind !== 0)
          structural: {
            if (kind === 3) code++;
            else if (kind === 4) {
              if (endedLen > 0) code++;
            } else if (kind === 7) {
              if (endedLen !== 1) break structural;
              const firstLower = text.charCodeAt(start) | 32;
              const before = start > 0 ? text.charCodeAt(start - 1) : 32;
              if (
                firstLower >= 97 &&
                firstLower <= 101 &&
                (isAsciiSpace(before) || before === 40 || before === 0xa0)
              )
                choiceMask |= 1 << (firstLower - 97);
            } else if (kind === 5 || kind === 6 || kind === 9) {
              const prevUnit = i > 0 ? text.charCodeAt(i - 1) : 0;
              if (kind !== 6 && prevUnit === 61)
                code++; // '==' or '=>'
              else if (kind !== 9 && prevUnit === unit && i > 1 && text.charCodeAt(i - 2) === unit)
                doctest++; // '>>>' or '"""'
            }
          }
      }
    } else if (unit === 0xd7 || unit === 0xf7) {
      if (arithState === 1) arithState = 2;
    } else arithState = 0;
  }
  if (scoring && table !== null && scores !== null) applyHits(table, scores, mul);
  let simLo = 0,
    simHi = 0;
  if (wantSimhash && shingles > 0) {
    simLo = majorityOf(shingleLo, shingles);
    simHi = majorityOf(shingleHi, shingles);
  }
  let tailK1 = 0,
    tailK2 = 0;
  if (wantTail && words > 0) {
    const gramWords = Math.min(words, 3);
    tailK1 = gramWords === 3 ? trigramKey : gramWords === 2 ? prevBigramKey : prevWordKey;
    tailK2 =
      gramWords === 3
        ? ngramSecondKey(
            text,
            lowered,
            3,
            prev2Start,
            prev2End,
            prevStart,
            prevEnd,
            lastStart,
            lastEnd,
          )
        : gramWords === 2
          ? ngramSecondKey(text, lowered, 2, prevStart, prevEnd, lastStart, lastEnd, 0, 0)
          : ngramSecondKey(text, lowered, 1, lastStart, lastEnd, 0, 0, 0, 0);
  }
  let last = textLen - 1;
  while (last >= 0 && isSpace(text.charCodeAt(last))) last--;
  const endsWithQuestion = last >= 0 && text.charCodeAt(last) === 63;
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
