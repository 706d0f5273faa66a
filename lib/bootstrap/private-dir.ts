import { chmodSync, mkdirSync } from 'node:fs';

/**
 * Creates `dir` (and missing parents) readable by this user only (0700), and tightens it when it
 * exists already from an older start: the data folder holds the database files, the auth secret
 * and evidence packages.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}
