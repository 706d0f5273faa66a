import type { PoolClient } from 'pg';
import type { BagZip } from '../bag/zip-sink';
import type { FileDigest } from '../bag/bagit';
import type { EvidenceFields, ExhibitSample, NativeFile } from '../types';
import type { RedactionKind } from '../redact/redact';
import type { ResolvedScope } from './event-sql';
import { writeNativeFile } from './native-file';
import { nativeRows } from './native-source';
import { rowReader } from './row-reader';
import type { TextSink } from './text-sink';

export { REDACTION_LOG_HEADER } from './redaction-log';

// The one pass over the scope's events: COPY … TO STDOUT (or a cursor) feeds native JSONL
// files into the zip, one account per file and at most `perFile` events each, Bates-numbered in
// order (native-file.ts writes each). The same pass writes the Timesketch rows and the redaction
// log to side files (they go into the zip after the natives), counts per-account first/last seen
// for STIX, and picks up the sampled exhibits. Memory holds one batch of rows and one flush
// buffer, whatever the export size.

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

export async function writeNatives(o: NativesOptions): Promise<NativesResult> {
  const src = nativeRows({
    client: o.client,
    scope: o.scope,
    fields: o.caseFields,
    redact: o.redact,
    reader: o.reader,
  });
  const out: NativesResult = {
    files: [],
    digests: [],
    events: 0,
    accounts: new Map(),
    redactionsByKind: {},
    sample: [],
  };
  const pass = { ...o, read: rowReader(src.batches), ...out };
  try {
    const first = pass.read();
    let next = first instanceof Promise ? await first : first;
    while (next) {
      const w = await writeNativeFile(pass, next, out.events + 1);
      next = w.next;
      out.events += w.file.events;
      const span = out.accounts.get(w.file.custodian);
      out.accounts.set(w.file.custodian, {
        events: (span?.events ?? 0) + w.file.events,
        first: span?.first ?? w.file.dateFrom,
        last: w.file.dateTo,
      });
      out.digests.push(w.digest);
      out.files.push(w.file);
    }
  } finally {
    await src.close();
  }
  o.onEvents(out.events);
  return out;
}
