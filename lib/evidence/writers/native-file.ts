import { createHash } from 'node:crypto';
import type { FileDigest } from '../bag/bagit';
import type { BagZip, ForkedSha256 } from '../bag/zip-sink';
import type { ExhibitSample, NativeFile } from '../types';
import type { RedactionKind } from '../redact/redact';
import { batesNumber } from './native-line';
import type { NativeRow } from './native-source';
import { logRedactions } from './redaction-log';
import type { TextSink } from './text-sink';

// One native file: the next rows of one account, at most `perFile` of them, Bates-numbered from
// `first`, streamed into the zip. Each row's Timesketch line and redactions go to their side
// files, and a sampled row becomes an exhibit.

export interface FilePass {
  zip: BagZip;
  perFile: number;
  batesPrefix: string;
  sampleIds: Map<string, number>;
  timesketch: TextSink;
  redactionLog: TextSink;
  redactionsByKind: Partial<Record<RedactionKind, number>>;
  sample: ExhibitSample['items'];
  signal?: AbortSignal;
  /** Called every 256 events with the export's running count. */
  onEvents: (done: number) => void;
  /** The next row (a value when it is in the current batch, else a promise). */
  read: () => NativeRow | undefined | Promise<NativeRow | undefined>;
}

export interface WrittenFile {
  file: NativeFile;
  digest: FileDigest;
  /** The first row after this file (undefined at the end of the scope). */
  next: NativeRow | undefined;
}

/** Writes the file that starts with `head`, the export's event number `first` (from 1). */
export async function writeNativeFile(
  p: FilePass,
  head: NativeRow,
  first: number,
): Promise<WrittenFile> {
  const account = head.account;
  const path = `data/natives/${batesNumber(p.batesPrefix, first)}.jsonl`;
  // The file's hash without redaction: the delivered bytes' hash until the first redaction,
  // then a copy of it that takes the unredacted lines (no second pass over clean files).
  let unredacted: ForkedSha256 | undefined;
  let next: NativeRow | undefined = head;
  let n = 0;
  let redactions = 0;
  let from = '';
  let to = '';
  const digest = await p.zip.addStreamed(path, async (w) => {
    while (next && n < p.perFile && next.account === account) {
      const row: NativeRow = next;
      const bates = batesNumber(p.batesPrefix, first + n);
      const nl = row.lines(bates, path);
      if (nl.unredacted !== undefined && !unredacted) unredacted = w.forkSha256();
      const wait = w.write(nl.native);
      if (wait) await wait;
      const u = unredacted?.update(nl.unredacted ?? nl.native);
      if (u) await u;
      n++;
      if (n === 1) from = row.ts;
      to = row.ts;
      if (nl.redactions.length) {
        redactions += nl.redactions.length;
        const at = { path, line: n, bates, eventId: row.id };
        await logRedactions(p.redactionLog, at, nl.redactions, p.redactionsByKind);
      }
      const ts = p.timesketch.write(nl.timesketch);
      if (ts) await ts;
      if (p.sampleIds.has(row.id))
        p.sample.push({
          bates,
          eventId: row.id,
          accountId: row.account,
          ts: row.ts,
          path,
          line: n,
          sha256: lineSha256(nl.native),
        });
      if ((first - 1 + n) % 256 === 0) {
        p.signal?.throwIfAborted();
        p.onEvents(first - 1 + n);
      }
      const nx = p.read();
      next = nx instanceof Promise ? await nx : nx;
    }
  });
  const unredactedSha256 = unredacted ? await unredacted.digest() : digest.sha256;
  const file: NativeFile = {
    path,
    begBates: batesNumber(p.batesPrefix, first),
    endBates: batesNumber(p.batesPrefix, first + n - 1),
    events: n,
    bytes: digest.bytes,
    sha256: digest.sha256,
    unredactedSha256,
    custodian: account,
    dateFrom: from,
    dateTo: to,
    redactions,
  };
  return { file, digest, next };
}

/** SHA-256 of a native line without its newline (an exhibit's hash in the report). */
function lineSha256(line: string | Buffer): string {
  const h = createHash('sha256');
  return (
    typeof line === 'string' ? h.update(line.slice(0, -1)) : h.update(line.subarray(0, -1))
  ).digest('hex');
}
