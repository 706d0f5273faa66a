import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir } from './private-dir';
import type { Pool } from 'pg';
import { writeAudit, SYSTEM_ACTOR } from '@/lib/audit/write';
import { pgRunner } from '@/lib/audit/runners';
import { withPgTransaction } from '@/lib/db/transaction';

// Binds an embedded database to the DATA_DIR that started it. `npm start` once connected to
// whatever answered on the embedded port (another installation's PGlite) and served its data;
// now the data folder holds an id that must equal the one stored in the database it reaches.
const KEY = 'instance.id';

export class InstanceMismatchError extends Error {}

function readFileMarker(file: string): string | null {
  return existsSync(file) ? readFileSync(file, 'utf8').trim() || null : null;
}

/** Checks (and on first start records) the marker; throws InstanceMismatchError on a mismatch. */
export async function bindInstance(pool: Pool, dataDir: string, where: string): Promise<string> {
  const file = path.resolve(dataDir, 'instance-id');
  const fromFile = readFileMarker(file);
  return withPgTransaction(pool, async (client) => {
    await client.query('LOCK TABLE settings IN SHARE ROW EXCLUSIVE MODE');
    const { rows } = await client.query<{ value: string }>(
      'SELECT value #>> $2 AS value FROM settings WHERE key = $1',
      [KEY, '{}'],
    );
    const inDb = rows[0]?.value ?? null;
    if (inDb && fromFile && inDb === fromFile) return inDb;
    if (inDb || fromFile) {
      throw new InstanceMismatchError(
        `the database at ${where} is not the one this data folder started ` +
          `(database marker ${inDb ?? 'none'}, ${file}: ${fromFile ?? 'none'}). ` +
          'Another installation is probably using that port: stop it or set PGLITE_PORT.',
      );
    }
    const id = randomUUID();
    await client.query(
      `INSERT INTO settings (key, value, updated_by) VALUES ($1, to_jsonb($2::text), 'system')`,
      [KEY, id],
    );
    await writeAudit(pgRunner(client), {
      actor: SYSTEM_ACTOR,
      action: 'instance.bind',
      targetType: 'setting',
      targetId: KEY,
      after: { instance_id: id, data_dir: path.resolve(dataDir) },
    });
    ensurePrivateDir(path.dirname(file));
    writeFileSync(file, `${id}\n`, { mode: 0o600 });
    return id;
  });
}
