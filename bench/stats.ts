import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import type pg from 'pg';

// Machine-level figures for the benchmarks: on a 2-core machine shared with Postgres the question
// is who uses the CPU, which wall-clock rates alone do not say. Linux only; null/0 elsewhere.

/** Busy CPU seconds of the whole machine so far (Linux /proc/stat), or null elsewhere. */
export function machineCpu(): { busy: number } | null {
  try {
    const f = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const hz = 100; // USER_HZ
    return { busy: (f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) / hz }; // user nice system irq softirq steal
  } catch {
    return null;
  }
}

/** CPU seconds used so far by Postgres processes serving `db`, plus the server's background writers. */
export function postgresCpu(db: string): number {
  let total = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (
          !cmd.startsWith('postgres: ') ||
          !(cmd.includes(` ${db} `) || /(walwriter|checkpointer|background writer)/.test(cmd))
        )
          continue;
        const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        total += (Number(f[11]) + Number(f[12])) / 100; // utime + stime, in USER_HZ
      } catch {
        /* the process ended meanwhile */
      }
    }
  } catch {
    /* not Linux */
  }
  return total;
}

/** Server-wide WAL counters (pg_stat_wal, Postgres ≥ 14), or null when unavailable. */
export async function walStats(p: pg.Pool): Promise<{ bytes: number; fpi: number } | null> {
  try {
    const r = await p.query<{ bytes: string; fpi: string }>(
      'SELECT wal_bytes::text AS bytes, wal_fpi::text AS fpi FROM pg_stat_wal',
    );
    return { bytes: Number(r.rows[0].bytes), fpi: Number(r.rows[0].fpi) };
  } catch {
    return null;
  }
}

/** The 1-, 5- and 15-minute load averages, one decimal each, as printed beside every figure. */
export const loadLine = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
