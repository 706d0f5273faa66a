import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir } from './private-dir';

/** Reads DATA_DIR/auth-secret, creating it (0600) on first use. For the local/embedded setup only. */
export function localAuthSecret(dataDir: string): string {
  const file = path.resolve(dataDir, 'auth-secret');
  ensurePrivateDir(path.dirname(file));
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
