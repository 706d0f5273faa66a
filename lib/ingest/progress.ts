import type { IngestProgress, IngestSummary } from './types';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const dur = (s: number) =>
  s < 60
    ? `${Math.round(s)}s`
    : s < 3600
      ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`
      : `${(s / 3600).toFixed(1)}h`;

/**
 * Progress reporter for the CLI: a redrawn bar on a terminal (rows, rows/s, ETA from the bytes
 * read when the file size is known), plain lines every `everyMs` otherwise (logs, CI).
 */
export function progressReporter(out: NodeJS.WriteStream, everyMs = 5000) {
  const tty = Boolean(out.isTTY);
  let last = 0;
  return {
    update(p: IngestProgress) {
      const now = Date.now();
      if (!tty && now - last < everyMs) return;
      last = now;
      const secs = Math.max(p.elapsedMs / 1000, 0.001);
      const rate = p.lines / secs;
      const frac = p.bytesTotal ? Math.min(1, p.bytesRead / p.bytesTotal) : null;
      const eta = frac && frac > 0 ? dur((secs / frac) * (1 - frac)) : '?';
      const text = `${fmt(p.lines)} rows  ${fmt(rate)} rows/s  accepted ${fmt(p.accepted)}  dup ${fmt(p.duplicates)}  rejected ${fmt(p.rejected)}`;
      if (!tty) {
        out.write(`${text}${frac !== null ? `  ${(frac * 100).toFixed(1)}%  ETA ${eta}` : ''}\n`);
        return;
      }
      const width = 24;
      const bar =
        frac === null
          ? ''
          : `[${'#'.repeat(Math.round(frac * width)).padEnd(width, '.')}] ${(frac * 100).toFixed(0).padStart(3)}%  ETA ${eta}  `;
      out.write(`\r${bar}${text}\x1b[K`);
    },
    done() {
      if (tty) out.write('\n');
    },
  };
}

export function formatSummary(s: IngestSummary): string {
  const secs = s.elapsedMs / 1000;
  const lines = [
    `ingest ${s.kind} (${s.format}) run ${s.runId}: ${fmt(s.lines)} lines in ${secs.toFixed(1)} s (${fmt(s.lines / Math.max(secs, 0.001))} rows/s)`,
    `  accepted ${fmt(s.accepted)}, duplicates skipped ${fmt(s.duplicates)}, rejected ${fmt(s.rejected)}${s.rejected ? ' (kept in the quarantine table)' : ''}`,
  ];
  for (const e of s.errors)
    lines.push(
      `  line ${e.line}${e.field ? ` [${e.field}]` : ''}: ${e.reason.replace(/^line \d+: /, '')}`,
    );
  if (s.rejected > s.errors.length)
    lines.push(
      `  … and ${fmt(s.rejected - s.errors.length)} more: SELECT * FROM quarantine WHERE run_id = ${s.runId}`,
    );
  return lines.join('\n');
}
