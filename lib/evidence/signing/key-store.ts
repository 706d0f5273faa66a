import 'server-only';
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import type { Pool } from 'pg';
import { authSecret, env } from '@/lib/env';
import { ValidationError } from '@/lib/errors';
import { keyFromSeed, keyIdHex, publicKeyFile, type SigningKey } from './minisign';

// The evidence signing key: from EVIDENCE_SIGNING_KEY when set (base64 of a 32-byte seed), else
// generated on first use and stored in `settings` encrypted with AES-256-GCM under a key that
// scrypt derives from EVIDENCE_KEY_PASSPHRASE (or NEXTAUTH_SECRET). A database dump alone never
// yields the secret key.

const SETTING_KEY = 'evidence.signing_key';

interface StoredKey {
  v: 1;
  keyId: string; // hex, as stored (not minisign's display order)
  publicKey: string; // base64
  salt: string;
  iv: string;
  tag: string;
  secret: string; // base64 ciphertext of the 32-byte seed
}

const passphrase = () => env().EVIDENCE_KEY_PASSPHRASE ?? authSecret();
const kdf = (salt: Buffer) =>
  scryptSync(passphrase(), salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });

function seal(seed: Buffer, key: SigningKey): StoredKey {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', kdf(salt), iv);
  c.setAAD(key.publicKey); // binds the ciphertext to its public key
  const secret = Buffer.concat([c.update(seed), c.final()]);
  return {
    v: 1,
    keyId: key.keyId.toString('hex'),
    publicKey: key.publicKey.toString('base64'),
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: c.getAuthTag().toString('base64'),
    secret: secret.toString('base64'),
  };
}

function open(s: StoredKey): SigningKey {
  const d = createDecipheriv(
    'aes-256-gcm',
    kdf(Buffer.from(s.salt, 'base64')),
    Buffer.from(s.iv, 'base64'),
  );
  d.setAAD(Buffer.from(s.publicKey, 'base64'));
  d.setAuthTag(Buffer.from(s.tag, 'base64'));
  let seed: Buffer;
  try {
    seed = Buffer.concat([d.update(Buffer.from(s.secret, 'base64')), d.final()]);
  } catch {
    throw new ValidationError(
      'The stored evidence signing key cannot be decrypted: EVIDENCE_KEY_PASSPHRASE (or NEXTAUTH_SECRET) changed since it was made',
      'EVIDENCE_KEY_PASSPHRASE',
    );
  }
  return keyFromSeed(seed);
}

function fromEnv(): SigningKey | null {
  const raw = env().EVIDENCE_SIGNING_KEY;
  if (!raw) return null;
  const seed = Buffer.from(raw, 'base64');
  if (seed.length !== 32)
    throw new ValidationError(
      'EVIDENCE_SIGNING_KEY must be base64 of 32 bytes',
      'EVIDENCE_SIGNING_KEY',
    );
  return keyFromSeed(seed);
}

let cache: { stored: string; key: SigningKey } | undefined;

/** The signing key, generating and storing one on first use (concurrent callers get the same). */
export async function getSigningKey(pool: Pick<Pool, 'query'>): Promise<SigningKey> {
  const e = fromEnv();
  if (e) return e;
  const read = async () =>
    (
      await pool.query<{ value: StoredKey }>('SELECT value FROM settings WHERE key = $1', [
        SETTING_KEY,
      ])
    ).rows[0]?.value;
  let stored = await read();
  if (!stored) {
    const seed = randomBytes(32);
    const made = keyFromSeed(seed);
    const sealed = seal(seed, made);
    await pool.query(
      `INSERT INTO settings (key, value, updated_by) VALUES ($1, $2::jsonb, 'evidence') ON CONFLICT (key) DO NOTHING`,
      [SETTING_KEY, JSON.stringify(sealed)],
    );
    stored = (await read())!;
    // Ours won the insert: keep the key we hold instead of deriving the wrapping key again.
    if (stored.secret === sealed.secret) cache = { stored: JSON.stringify(stored), key: made };
  }
  const id = JSON.stringify(stored);
  if (cache?.stored !== id) cache = { stored: id, key: open(stored) };
  return cache.key;
}

export interface SigningPublicKey {
  /** minisign's display form (16 hex digits). */
  keyId: string;
  /** The whole `minisign.pub` file: `minisign -V -p minisign.pub -m FILE`. */
  minisignPublicKey: string;
  source: 'environment' | 'database';
}

/** For the admin page and VERIFY.txt. Generates the key pair on first use. */
export async function getSigningPublicKey(pool: Pick<Pool, 'query'>): Promise<SigningPublicKey> {
  const key = await getSigningKey(pool);
  return {
    keyId: keyIdHex(key.keyId),
    minisignPublicKey: publicKeyFile(key),
    source: env().EVIDENCE_SIGNING_KEY ? 'environment' : 'database',
  };
}
