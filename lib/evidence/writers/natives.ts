import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { BagZip, ForkedSha256 } from '../bag/zip-sink';
import type { FileDigest } from '../bag/bagit';
import type { EvidenceFields, ExhibitSample, NativeFile } from '../types';
import type { RedactionKind } from '../redact/redact';
import { csvRow } from './csv';
import type { ResolvedScope } from './event-sql';
import { batesNumber } from './native-line';
import { nativeRows, type NativeRow } from './native-source';
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
function rowReader<T>(it: AsyncIterator<T[]>) {
  let batch: T[] = [];
  let i = 0;
  const refill = async (): Promise<T | undefined> => {
    for (;;) {
      const n = await it.next();
      if (n.done) return undefined;
      batch = n.value;
      i = 0;
      if (batch.length) return batch[i++];
    }
  };
  return (): T | undefined | Promise<T | undefined> => (i < batch.length ? batch[i++] : refill());
}

export async function writeNatives(o: NativesOptions): Promise<NativesResult> {
  const src = nativeRows({
    client: o.client,
    scope: o.scope,
    fields: o.caseFields,
    redact: o.redact,
    reader: o.reader,
  });
  const read = rowReader(src.batches);
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
    let next: NativeRow | undefined = first0 instanceof Promise ? await first0 : first0;
    while (next) {
      const account = next.account;
      const first = out.events + 1;
      const path = `data/natives/${batesNumber(o.batesPrefix, first)}.jsonl`;
      // The file's hash without redaction: the delivered bytes' hash until the first redaction,
      // then a copy of it that takes the unredacted lines (no second pass over clean files).
      let unredacted: ForkedSha256 | undefined;
      let n = 0;
      let redactions = 0;
      let from = '';
      let to = '';
      const digest = await o.zip.addStreamed(path, async (w) => {
        while (next && n < o.perFile && next.account === account) {
          const row: NativeRow = next;
          const bates = batesNumber(o.batesPrefix, first + n);
          const nl = row.lines(bates, path);
          if (nl.unredacted !== undefined && !unredacted) unredacted = w.forkSha256();
          const wait = w.write(nl.native);
          if (wait) await wait;
          const u = unredacted?.update(nl.unredacted ?? nl.native);
          if (u) await u;
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
          const ts = o.timesketch.write(nl.timesketch);
          if (ts) await ts;
          if (o.sampleIds.has(row.id))
            out.sample.push({
              bates,
              eventId: row.id,
              accountId: row.account,
              ts: row.ts,
              path,
              line: n,
              sha256: lineSha256(nl.native),
            });
          if ((out.events + n) % 256 === 0) {
            o.signal?.throwIfAborted();
            o.onEvents(out.events + n);
          }
          const nx = read();
          next = nx instanceof Promise ? await nx : nx;
        }
      });
      const unredactedSha256 = unredacted ? await unredacted.digest() : digest.sha256;
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
        unredactedSha256,
        custodian: account,
        dateFrom: from,
        dateTo: to,
        redactions,
      });
    }
  } finally {
    await src.close();
  }
  o.onEvents(out.events);
  return out;
}

/** SHA-256 of a native line without its newline (an exhibit's hash in the report). */
function lineSha256(line: string | Buffer): string {
  const h = createHash('sha256');
  return (
    typeof line === 'string' ? h.update(line.slice(0, -1)) : h.update(line.subarray(0, -1))
  ).digest('hex');
}
