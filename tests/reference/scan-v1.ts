/**
 * scanText as it was before the 2026-11-29 speed-up (commit 044b996), verbatim but for the name
 * and comments: the reference scan-equivalence.test.ts compares the current scanner against
 * (features must stay bit-identical). Not used by the features themselves.
 */
import { ASCII_CODE, SEP_KIND, highCode, isAsciiSpace, isCjk, isSpace } from '@/lib/features/chars';
import { fmix32 } from '@/lib/features/hash32';
import { ngramSecondKey, type PhraseTable } from '@/lib/features/ngram-key';
import type { ScanResult } from '@/lib/features/scan';

const LABEL_SALT = 0x3a3a3a3a;

const DIGITS_HASH = new Int32Array(32);
for (let n = 1, h = 0x811c9dc5 | 0; n < 32; n++) DIGITS_HASH[n] = h = Math.imul(h ^ 48, 16777619);

const cntLo = new Int32Array(32);
const cntHi = new Int32Array(32);

function flush(cnt: Int32Array, a0: number, a1: number, a2: number, a3: number): void {
  for (let p = 0; p < 8; p++) {
    const sh = p << 2;
    cnt[sh] += (a0 >>> sh) & 15;
    cnt[sh + 1] += (a1 >>> sh) & 15;
    cnt[sh + 2] += (a2 >>> sh) & 15;
    cnt[sh + 3] += (a3 >>> sh) & 15;
  }
}

function majority(cnt: Int32Array, total: number): number {
  let out = 0;
  for (let j = 0; j < 32; j++) if (cnt[j] * 2 > total) out |= 1 << j;
  return out;
}

let hits = new Int32Array(1024);
let hitCount = 0;
let epoch = 0;

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

export function scanTextV1(
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
  const look = table !== null && scores !== null;
  const val = table ? table.val : null;
  const mask = table ? table.mask : 0;
  let h = 0x811c9dc5 | 0,
    len = 0,
    words = 0,
    shingles = 0,
    pending = 0;
  let q = 0,
    b = 0,
    t1 = 0; // previous word key, previous bigram key, current trigram key
  let s2 = 0,
    e2 = 0,
    s1 = 0,
    e1 = 0,
    s0 = 0,
    e0 = 0; // spans of the last three words
  let a0 = 0,
    a1 = 0,
    a2 = 0,
    a3 = 0,
    c0 = 0,
    c1 = 0,
    c2 = 0,
    c3 = 0; // SWAR nibble counters
  let choiceMask = 0,
    arith = 0,
    code = 0,
    doctest = 0,
    cjk = 0,
    arithState = 0;
  hitCount = 0;
  if (wantSimhash) {
    cntLo.fill(0);
    cntHi.fill(0);
  }
  for (let i = 0; i <= n; i++) {
    const c = i < n ? s.charCodeAt(i) : 32;
    let m: number;
    if (c < 128) m = ASCII_CODE[c];
    else {
      m = highCode(c);
      if (m === -2) {
        if (!lowered)
          return scanTextV1(
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
          const t2 = fmix32((t1 + Math.imul(w, 0x85ebca6b) + 0x27d4eb2f) | 0);
          a0 = (a0 + (t1 & 0x11111111)) | 0;
          a1 = (a1 + ((t1 >>> 1) & 0x11111111)) | 0;
          a2 = (a2 + ((t1 >>> 2) & 0x11111111)) | 0;
          a3 = (a3 + ((t1 >>> 3) & 0x11111111)) | 0;
          c0 = (c0 + (t2 & 0x11111111)) | 0;
          c1 = (c1 + ((t2 >>> 1) & 0x11111111)) | 0;
          c2 = (c2 + ((t2 >>> 2) & 0x11111111)) | 0;
          c3 = (c3 + ((t2 >>> 3) & 0x11111111)) | 0;
          shingles++;
          if (++pending === 15) {
            flush(cntLo, a0, a1, a2, a3);
            flush(cntHi, c0, c1, c2, c3);
            a0 = a1 = a2 = a3 = c0 = c1 = c2 = c3 = pending = 0;
          }
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
    flush(cntLo, a0, a1, a2, a3);
    flush(cntHi, c0, c1, c2, c3);
    simLo = majority(cntLo, shingles);
    simHi = majority(cntHi, shingles);
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
