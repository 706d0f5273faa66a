import { readdirSync, readFileSync } from 'node:fs';

/**
 * Does the ingest's JavaScript run while Postgres works on the previous batches (pipelining), or
 * do they take turns? Samples, every `everyMs`, the CPU used since the last sample by this process
 * and by the client backends of `db` (Linux /proc; no figures elsewhere), and counts the
 * intervals in which each side was busy (≥ half a core), idle (< a tenth), or both busy.
 */
export function sampleOverlap(db: string, everyMs = 250) {
  // backends found now and then (the lanes connect after the sampler starts), each counted from
  // when it was first seen
  const seen = new Map<string, number>();
  let scans = 0;
  const backendsCpu = () => {
    if (scans++ % 8 === 0)
      for (const pid of backendPids(db)) if (!seen.has(pid)) seen.set(pid, ticks(pid));
    let s = 0;
    for (const [pid, base] of seen) s += Math.max(0, ticks(pid) - base);
    return s / 100; // USER_HZ
  };
  const counts = { samples: 0, nodeBusy: 0, pgBusy: 0, both: 0, nodeIdle: 0, pgIdle: 0 };
  let last = { node: cpuSeconds(), pg: backendsCpu(), t: performance.now() };
  const timer = setInterval(() => {
    const now = { node: cpuSeconds(), pg: backendsCpu(), t: performance.now() };
    const secs = (now.t - last.t) / 1000;
    const node = (now.node - last.node) / secs; // cores
    const pg = (now.pg - last.pg) / secs;
    last = now;
    counts.samples++;
    if (node >= 0.5) counts.nodeBusy++;
    if (pg >= 0.5) counts.pgBusy++;
    if (node >= 0.5 && pg >= 0.5) counts.both++;
    if (node < 0.1) counts.nodeIdle++;
    if (pg < 0.1) counts.pgIdle++;
  }, everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      const pct = (n: number) => `${((100 * n) / Math.max(1, counts.samples)).toFixed(0)} %`;
      return (
        `of ${counts.samples} intervals of ${everyMs} ms: node busy ${pct(counts.nodeBusy)}, ` +
        `Postgres backends busy ${pct(counts.pgBusy)}, both busy ${pct(counts.both)}; ` +
        `node idle ${pct(counts.nodeIdle)}, Postgres backends idle ${pct(counts.pgIdle)}`
      );
    },
  };
}

const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

function ticks(pid: string): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(f[11]) + Number(f[12]); // utime + stime
  } catch {
    return 0; // ended, or not Linux
  }
}

function backendPids(db: string): string[] {
  try {
    return readdirSync('/proc').filter((pid) => {
      if (!/^\d+$/.test(pid)) return false;
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`: postgres ${db} `);
      } catch {
        return false;
      }
    });
  } catch {
    return [];
  }
}
