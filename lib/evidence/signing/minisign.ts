import {
  createHash,
  createPrivateKey,
  createPublicKey,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

// minisign's formats (https://jedisct1.github.io/minisign/), written with node:crypto alone so
// `minisign -V -p minisign.pub -m FILE` accepts what we sign:
//   public key  = base64("Ed" || key id (8 bytes) || Ed25519 public key (32))
//   signature   = base64("ED" || key id || Ed25519(BLAKE2b-512(file)))      — the prehashed form
//   global sig  = base64(Ed25519(signature bytes (64) || trusted comment))

export interface SigningKey {
  /** 8 bytes, shown as 16 upper-case hex digits in minisign's comments (little-endian order). */
  keyId: Buffer;
  publicKey: Buffer; // 32 bytes raw
  privateKey: KeyObject;
}

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A key from its 32-byte Ed25519 seed; the key id is derived from the public key, so stable. */
export function keyFromSeed(seed: Buffer): SigningKey {
  if (seed.length !== 32) throw new Error('an Ed25519 seed is 32 bytes');
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const publicKey = Buffer.from(spki.subarray(spki.length - 32));
  const keyId = createHash('sha256').update(publicKey).digest().subarray(0, 8);
  return { keyId, publicKey, privateKey };
}

export const keyIdHex = (keyId: Buffer) =>
  Buffer.from(keyId).reverse().toString('hex').toUpperCase();

export function publicKeyFile(key: Pick<SigningKey, 'keyId' | 'publicKey'>): string {
  const b = Buffer.concat([Buffer.from('Ed'), key.keyId, key.publicKey]).toString('base64');
  return `untrusted comment: minisign public key ${keyIdHex(key.keyId)}\n${b}\n`;
}

/** Signs `data` (the whole file) with the prehashed variant; the trusted comment is one line. */
export function signMinisign(key: SigningKey, data: Buffer, trustedComment: string): string {
  if (/[\r\n]/.test(trustedComment)) throw new Error('trusted comment must be one line');
  const digest = createHash('blake2b512').update(data).digest();
  const sig = sign(null, digest, key.privateKey);
  const globalSig = sign(null, Buffer.concat([sig, Buffer.from(trustedComment)]), key.privateKey);
  return [
    `untrusted comment: signature from Distill Watch evidence key ${keyIdHex(key.keyId)}`,
    Buffer.concat([Buffer.from('ED'), key.keyId, sig]).toString('base64'),
    `trusted comment: ${trustedComment}`,
    globalSig.toString('base64'),
    '',
  ].join('\n');
}

export interface MinisignCheck {
  ok: boolean;
  problem?: string;
  keyId?: string;
  trustedComment?: string;
}

/** Verifies a .minisig against a minisign public key file (both as text) and the data. */
export function verifyMinisign(pubFile: string, sigFile: string, data: Buffer): MinisignCheck {
  const pubLine = pubFile.split('\n').find((l) => l && !l.startsWith('untrusted comment:'));
  const pub = Buffer.from(pubLine ?? '', 'base64');
  if (pub.length !== 42 || pub.subarray(0, 2).toString() !== 'Ed')
    return { ok: false, problem: 'public key is not a minisign Ed25519 key' };
  const lines = sigFile.split('\n');
  const sigBytes = Buffer.from(lines[1] ?? '', 'base64');
  const tc = lines[2]?.startsWith('trusted comment: ') ? lines[2].slice(17) : undefined;
  const global = Buffer.from(lines[3] ?? '', 'base64');
  if (sigBytes.length !== 74 || tc === undefined || global.length !== 64)
    return { ok: false, problem: 'signature file is not in minisign format' };
  const alg = sigBytes.subarray(0, 2).toString();
  const keyId = keyIdHex(sigBytes.subarray(2, 10));
  if (!sigBytes.subarray(2, 10).equals(pub.subarray(2, 10)))
    return {
      ok: false,
      keyId,
      problem: `signed by key ${keyId}, not ${keyIdHex(pub.subarray(2, 10))}`,
    };
  const pk = createPublicKey({
    key: Buffer.concat([SPKI_ED25519_PREFIX, pub.subarray(10)]),
    format: 'der',
    type: 'spki',
  });
  const sig = sigBytes.subarray(10);
  const message = alg === 'ED' ? createHash('blake2b512').update(data).digest() : data;
  if (alg !== 'ED' && alg !== 'Ed')
    return { ok: false, keyId, problem: `unknown algorithm ${alg}` };
  if (!verify(null, message, pk, sig))
    return { ok: false, keyId, problem: 'signature does not match the file' };
  if (!verify(null, Buffer.concat([sig, Buffer.from(tc)]), pk, global))
    return { ok: false, keyId, problem: 'trusted comment was altered' };
  return { ok: true, keyId, trustedComment: tc };
}
