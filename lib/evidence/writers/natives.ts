import { createHash, type Hash } from 'node:crypto';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import type { BagZip } from '../bag/zip-sink';
import type { FileDigest } from '../bag/bagit';
import type { EvidenceFields, ExhibitSample, NativeFile } from '../types';
import type { RedactionKind } from '../redact/redact';
import { csvRow } from './csv';
import { EVENTS_SQL, scopeParams, type EventRow, type ResolvedScope } from './event-sql';
import { batesNumber, nativeLine } from './native-line';
import { timesketchLine } from './timesketch';
import { copyEventRows } from './copy-rows';
import type { TextSink } from './text-sink';

// The one pass over the scope's events: COPY … TO STDOUT (or a cursor) feeds native JSONL
// files into the zip, one account per file and at most `perFile` events each, Bates-numbered in
// order. The same pass writes the Timesketch rows and the redaction log to side files (they go
// into the zip after the natives), counts per-account first/last seen for STIX, and picks up the
// sampled exhibits. Memory holds one batch of rows and one flush buffer, whatever the export size.

export const REDACTION_LOG_HEADER = csvRow([
  'file',
  'line',
  'bates',
  'event_id',
  'field',
  'kind',
  'offset',
  'length',
  'replacement',
  'original_field_sha256',
]);

export interface NativesOptions {
  client: PoolClient;
  zip: BagZip;
  scope: ResolvedScope;
  caseFields: EvidenceFields;
  redact: boolean;
  perFile: number;
  batesPrefix: string;
  sampleIds: Map<string, number>;
  timesketch: TextSink;
  redactionLog: TextSink;
  signal?: AbortSignal;
  reader?: 'copy' | 'cursor';
  onEvents: (done: number) => void;
}

export interface AccountSpan {
  events: number;
  first: string;
  last: string;
}

export interface NativesResult {
  files: NativeFile[];
  digests: FileDigest[];
  events: number;
  accounts: Map<string, AccountSpan>;
  redactionsByKind: Partial<Record<RedactionKind, number>>;
  sample: ExhibitSample['items'];
}

/** Rows one by one from batches: only the step to a new batch waits (a promise per batch, not per row). */
function rowReader(it: AsyncIterator<EventRow[]>) {
  let batch: EventRow[] = [];
  let i = 0;
  const refill = async (): Promise<EventRow | undefined> => {
    for (;;) {
      const n = await it.next();
      if (n.done) return undefined;
      batch = n.value;
      i = 0;
      if (batch.length) return batch[i++];
    }
  };
  return (): EventRow | undefined | Promise<EventRow | undefined> =>
    i < batch.length ? batch[i++] : refill();
}

async function* cursorBatches(cursor: QueryStream): AsyncGenerator<EventRow[]> {
  for await (const row of cursor) yield [row as EventRow];
}

export async function writeNatives(o: NativesOptions): Promise<NativesResult> {
  // COPY by default (one continuous stream); the cursor stays as the reference reader (the
  // integration test checks both give the same bytes) and a fallback.
  let cursor: QueryStream | undefined;
  let it: AsyncIterator<EventRow[]>;
  if (o.reader === 'cursor') {
    cursor = o.client.query(new QueryStream(EVENTS_SQL, scopeParams(o.scope), { batchSize: 2000 }));
    it = cursorBatches(cursor);
  } else it = copyEventRows(o.client, o.scope)[Symbol.asyncIterator]();
  const read = rowReader(it);
  const out: NativesResult = {
    files: [],
    digests: [],
    events: 0,
    accounts: new Map(),
    redactionsByKind: {},
    sample: [],
  };
  try {
    const first0 = read();
    let next: EventRow | undefined = first0 instanceof Promise ? await first0 : first0;
    while (next) {
      const account = next.account_id;
      const first = out.events + 1;
      const path = `data/natives/${batesNumber(o.batesPrefix, first)}.jsonl`;
      // The file's hash without redaction: the delivered bytes' hash until the first redaction,
      // then a copy of it that takes the unredacted lines (no second pass over clean files).
      let unredacted: Hash | undefined;
      let n = 0;
      let redactions = 0;
      let from = '';
      let to = '';
      const digest = await o.zip.addStreamed(path, async (w) => {
        while (next && n < o.perFile && next.account_id === account) {
          const row: EventRow = next;
          const bates = batesNumber(o.batesPrefix, first + n);
          const nl = nativeLine(row, bates, o.caseFields, o.redact);
          const line = nl.line + '\n';
          if (nl.unredacted !== undefined && !unredacted) unredacted = w.sha256SoFar();
          const wait = w.write(line);
          if (wait) await wait;
          unredacted?.update(nl.unredacted === undefined ? line : nl.unredacted + '\n');
          n++;
          if (n === 1) from = row.ts;
          to = row.ts;
          for (const r of nl.redactions) {
            redactions++;
            out.redactionsByKind[r.kind] = (out.redactionsByKind[r.kind] ?? 0) + 1;
            const logged = o.redactionLog.write(
              csvRow([
                path,
                n,
                bates,
                row.id,
                r.field,
                r.kind,
                r.offset,
                r.length,
                r.replacement,
                r.originalSha256,
              ]),
            );
            if (logged) await logged;
          }
          const ts = o.timesketch.write(timesketchLine(row, bates, path, o.caseFields, nl.prompt));
          if (ts) await ts;
          if (o.sampleIds.has(row.id))
            out.sample.push({
              bates,
              eventId: row.id,
              accountId: row.account_id,
              ts: row.ts,
              path,
              line: n,
              sha256: createHash('sha256').update(nl.line).digest('hex'),
            });
          if ((out.events + n) % 256 === 0) {
            o.signal?.throwIfAborted();
            o.onEvents(out.events + n);
          }
          const nx = read();
          next = nx instanceof Promise ? await nx : nx;
        }
      });
      out.events += n;
      const span = out.accounts.get(account);
      out.accounts.set(account, {
        events: (span?.events ?? 0) + n,
        first: span?.first ?? from,
        last: to,
      });
      out.digests.push(digest);
      out.files.push({
        path,
        begBates: batesNumber(o.batesPrefix, first),
        endBates: batesNumber(o.batesPrefix, first + n - 1),
        events: n,
        bytes: digest.bytes,
        sha256: digest.sha256,
        unredactedSha256: unredacted ? unredacted.digest('hex') : digest.sha256,
        custodian: account,
        dateFrom: from,
        dateTo: to,
        redactions,
      });
    }
  } finally {
    cursor?.destroy();
    await it.return?.();
  }
  o.onEvents(out.events);
  return out;
}
