import autocannon from 'autocannon';
import type { IngestOutcome } from './ingest-beside';
import { loadLine } from '../stats';

// The table `npm run bench:load` prints. A 429 is the ingest concurrency cap answering as designed
// (INGEST_MAX_CONCURRENT, with Retry-After), so it has its own column; "errors" are every other
// non-2xx answer plus socket errors and timeouts (counted by autocannon as errors too, and
// listed apart under statuses).

export function printHeader(title: string) {
  console.log(`\n${title}`);
  console.log(
    'run                  requests   p50 ms   p99 ms    req/s      2xx    429  errors  load avg        statuses',
  );
}

export function printRun(name: string, r: autocannon.Result) {
  const codes = (Object.entries(r.statusCodeStats ?? {}) as Array<[string, { count?: number }]>)
    // autocannon also files some failed requests under an "undefined" code: they are in r.errors.
    .filter(([code]) => /^\d+$/.test(code));
  const count = (pred: (code: number) => boolean) =>
    codes.filter(([c]) => pred(Number(c))).reduce((sum, [, s]) => sum + (s.count ?? 0), 0);
  const ok = count((c) => c >= 200 && c < 300);
  const capped = count((c) => c === 429);
  // r.errors counts socket errors and timeouts (autocannon's timeout, 10 s) together.
  const errors = count((c) => (c < 200 || c >= 300) && c !== 429) + r.errors;
  const sent = (r.requests as { sent?: number }).sent ?? r.requests.total;
  const cutOff = sent - r.requests.total - r.errors;
  const statuses = [
    ...codes.map(([code, s]) => `${code}×${s.count ?? 0}`),
    ...(r.timeouts ? [`timeouts×${r.timeouts}`] : []),
    // still unanswered when the run was stopped: latency figures cover answered requests only
    ...(cutOff > 0 ? [`unanswered-at-stop×${cutOff}`] : []),
  ].join(' ');
  const cells = [
    name.padEnd(20),
    String(r.requests.total).padStart(8),
    String(r.latency.p50).padStart(8),
    String(r.latency.p99).padStart(8),
    r.requests.average.toFixed(0).padStart(8),
    String(ok).padStart(8),
    String(capped).padStart(6),
    String(errors).padStart(7),
  ];
  console.log(`${cells.join(' ')}  ${loadLine().padEnd(14)}  ${statuses}`);
}

export function printIngest(events: number, bytes: number, o: IngestOutcome, overlapS: number) {
  const s = o.ms / 1000;
  const rate = Math.round(o.accepted / s).toLocaleString('en-US');
  const retried = o.retried429 ? `, admitted after ${o.retried429} × 429` : '';
  const why = o.message ? ` (${o.message})` : '';
  console.log(
    `  beside it: HTTP ingest of ${events.toLocaleString('en-US')} events (${(bytes / 2 ** 20).toFixed(0)} MiB sent): ` +
      `status ${o.status}${why}, ${s.toFixed(1)} s, ${rate} events/s, accepted ${o.accepted}, ` +
      `duplicates ${o.duplicates}, rejected ${o.rejected}${retried}; the run above overlapped it ` +
      `${overlapS.toFixed(1)} s; load avg ${loadLine()}`,
  );
}
