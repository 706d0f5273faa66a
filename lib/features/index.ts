import * as crypto from 'node:crypto';
import { int64FromHalves } from './hash32';
import { fineBucketFromHi } from './lsh';
import { normalisePrompt } from './normalise';
import { bandsFromHalves, shortTextSimhash } from './simhash';
import { analyseText, TAXONOMY_BUCKETS, UNKNOWN_BUCKET_ID } from './taxonomy';

export { FINE_BUCKETS } from './lsh';
export { classifyPrompt, TAXONOMY_BUCKETS, bucketById } from './taxonomy';

export interface EventFeatureInput {
  prompt?: string | null;
  prompt_sha256?: string | null;
  system_prompt?: string | null;
  conversation_id?: string | null;
  turn?: number | null;
  input_tokens?: number | null;
  output_tokens?: number | null;
}

export interface EventFeatures {
  /** SimHash of the normalised prompt, signed int64 */
  simhash: bigint;
  /** four 16-bit bands of simhash, most significant first */
  bands: [number, number, number, number];
  /** template identity: equal to simhash */
  templateKey: bigint;
  /** taxonomy bucket id (0 = unknown in hashed mode) */
  taxonomyBucket: number;
  /** fine LSH bucket 0..4095 */
  lshBucket: number;
  reasoning: boolean;
  singleTurn: boolean;
  outInRatio: number | null;
  /** lower-case hex SHA-256 of the exact prompt text (UTF-8), or the given prompt_sha256 */
  promptSha256: string;
  systemPromptSha256: string | null;
}

// crypto.hash (Node >= 20.12) is a one-shot digest, noticeably cheaper than createHash per call.
const oneShot = (crypto as { hash?: (alg: string, data: string, enc: 'hex') => string }).hash;
export function sha256Hex(s: string): string {
  return oneShot
    ? oneShot('sha256', s, 'hex')
    : crypto.createHash('sha256').update(s, 'utf8').digest('hex');
}

const systemShaCache = new Map<string, string>();
function systemSha(s: string): string {
  let h = systemShaCache.get(s);
  if (h === undefined) {
    h = sha256Hex(s);
    if (systemShaCache.size >= 1024) systemShaCache.clear();
    systemShaCache.set(s, h);
  }
  return h;
}

const HEX64 = /^[0-9a-fA-F]{64}$/;

/** What an ingested row keeps of the features (event-row.ts): no bigint, no bands array. */
export interface RowFeatures {
  /** unsigned 32-bit halves of the SimHash (int64Text gives the column's decimal text) */
  hi: number;
  lo: number;
  taxonomyBucket: number;
  lshBucket: number;
  reasoning: boolean;
  singleTurn: boolean;
  promptSha256: string;
  systemPromptSha256: string | null;
}

/**
 * Per-event features, computed once at ingest. With prompt text everything is derived from it.
 * In hashed mode (only prompt_sha256): simhash = first 8 bytes of the digest as a signed int64, so
 * exact repeats still share a template key, bands and fine bucket; taxonomy = 0 (unknown) and
 * reasoning = false. Every signal that does not need text (volume, timing, output harvesting,
 * conversation shape, keys/infrastructure, clusters, exact-template reuse) still works.
 */
export function computeEventFeatures(e: EventFeatureInput): EventFeatures {
  const f = rowFeatures(e);
  const simhash = int64FromHalves(f.hi, f.lo);
  const inTok = e.input_tokens;
  const outTok = e.output_tokens;
  return {
    simhash,
    bands: bandsFromHalves(f.hi, f.lo),
    templateKey: simhash,
    taxonomyBucket: f.taxonomyBucket,
    lshBucket: f.lshBucket,
    reasoning: f.reasoning,
    singleTurn: f.singleTurn,
    outInRatio:
      typeof inTok === 'number' && typeof outTok === 'number' && inTok > 0 ? outTok / inTok : null,
    promptSha256: f.promptSha256,
    systemPromptSha256: f.systemPromptSha256,
  };
}

/** computeEventFeatures without what a row does not store (the ingest's per-event call). */
export function rowFeatures(e: EventFeatureInput): RowFeatures {
  let hi: number, lo: number, bucket: number, reasoning: boolean, promptSha256: string;
  if (typeof e.prompt === 'string') {
    const a = analyseText(e.prompt, e.system_prompt, true);
    if (a.scan.words >= 3) {
      hi = a.scan.simHi >>> 0;
      lo = a.scan.simLo >>> 0;
    } else {
      ({ hi, lo } = shortTextSimhash(normalisePrompt(e.prompt)));
    }
    bucket = TAXONOMY_BUCKETS[a.bucketIndex].id;
    reasoning = a.reasoning;
    promptSha256 = sha256Hex(e.prompt);
  } else if (typeof e.prompt_sha256 === 'string' && HEX64.test(e.prompt_sha256)) {
    promptSha256 = e.prompt_sha256.toLowerCase();
    hi = parseInt(promptSha256.slice(0, 8), 16);
    lo = parseInt(promptSha256.slice(8, 16), 16);
    bucket = UNKNOWN_BUCKET_ID;
    reasoning = false;
  } else {
    throw new Error('event needs prompt or a 64-hex-digit prompt_sha256');
  }
  const conv = e.conversation_id;
  const singleTurn =
    conv === null ||
    conv === undefined ||
    conv === '' ||
    e.turn === null ||
    e.turn === undefined ||
    e.turn <= 1;
  return {
    hi,
    lo,
    taxonomyBucket: bucket,
    lshBucket: fineBucketFromHi(hi),
    reasoning,
    singleTurn,
    promptSha256,
    systemPromptSha256: e.system_prompt ? systemSha(e.system_prompt) : null,
  };
}
