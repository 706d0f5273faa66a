import { statfs } from 'node:fs/promises';
import type pg from 'pg';

// Free disk where Postgres keeps its data, against what N events will need. Before the run the
// estimate is a measured constant; during it, the database's own size per event so far.

/**
 * Bytes per ingested event: the whole database measured 1,100 at 200k events, 1,013 at 1M, 885 at
 * 3M and 853 at 5M (npm run scale prints it after each run), plus headroom for WAL and temp files.
 */
export const BYTES_PER_EVENT = 1_200;
const GIB = 1024 ** 3;
const gib = (b: number) => `${(b / GIB).toFixed(1)} GiB`;

export async function freeBytes(
  admin: pg.Pool | pg.Client,
): Promise<{ dir: string; free: number }> {
  const dir = (
    await admin.query<{ d: string }>('SELECT current_setting($1) AS d', ['data_directory'])
  ).rows[0].d;
  const s = await statfs(dir);
  return { dir, free: s.bavail * s.bsize };
}

/** A clear refusal when `need` exceeds what is free (null when there is room). */
export function refusal(
  events: number,
  perEvent: number,
  free: { dir: string; free: number },
): string | null {
  const need = events * perEvent;
  if (need <= free.free) return null;
  return `not enough disk for ${events.toLocaleString('en')} events: about ${gib(need)} needed (${perEvent.toFixed(0)} bytes per event), ${gib(free.free)} free in ${free.dir}`;
}
