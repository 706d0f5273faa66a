import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PoolClient } from 'pg';
import { pgPool } from '@/lib/db/client';
import { env } from '@/lib/env';
import { getSigningKey } from '../signing/key-store';
import { keyIdHex, publicKeyFile, signMinisign } from '../signing/minisign';
import { fetchTimestamp } from '../signing/tsa';
import type { BuildEvidenceOptions, BuildHooks, BuildResult, EvidenceScope } from '../types';
import { csvRow } from '../writers/csv';
import { loadChartSeries, reportAccounts } from '../writers/chart-series';
import { custodyText, loadCustody } from '../writers/custody';
import { sealAuditChain } from '@/lib/audit/seal';
import { dataDictionary } from '../writers/dictionary';
import { resolveScope } from '../writers/event-sql';
import { loadFileText } from '../writers/loadfile';
import { batesNumber } from '../writers/native-line';
import { REDACTION_LOG_HEADER, writeNatives } from '../writers/natives';
import { drawSample, SAMPLE_METHOD } from '../writers/sample';
import { loadStixFacts, stixBundle } from '../writers/stix';
import { TextSink } from '../writers/text-sink';
import {
  BAGIT_TXT,
  bagInfoText,
  bagSize,
  manifestText,
  payloadOxum,
  type FileDigest,
} from './bagit';
import { BagZip } from './zip-sink';
import { verifyText } from './verify-text';

// Builds one evidence bag (BagIt 1.0 in a zip) from a scope. Reads run in one REPEATABLE READ
// snapshot so every file describes the same data; the zip is written as `<out>.partial` and only
// renamed into place once signed, so a cancelled, failed or killed build never leaves a package
// that looks finished.

const PRIVILEGE_HEADER = csvRow(['bates', 'date', 'author', 'recipients', 'description', 'basis']);

export async function buildEvidenceBag(
  opts: BuildEvidenceOptions,
  hooks: BuildHooks = {},
): Promise<BuildResult> {
  const pool = opts.pool ?? pgPool();
  const fields = opts.fields ?? 'full';
  const redact = fields === 'full' && (opts.redact ?? true);
  const perFile = opts.eventsPerFile ?? 10_000;
  const prefix = opts.batesPrefix ?? 'PROD';
  const bagName = opts.bagName ?? `evidence-${opts.scope.caseId.replace(/[^A-Za-z0-9._-]/g, '_')}`;
  const now = opts.now ?? new Date();
  const sampleOpts = opts.sample ?? { seed: opts.scope.caseId, size: 25 };
  const progress = hooks.onProgress ?? (() => undefined);
  hooks.signal?.throwIfAborted();

  const key = await getSigningKey(pool); // may create the key: outside the read-only snapshot
  const partial = `${opts.outPath}.partial`;
  const tmp = `${opts.outPath}.tmp-${randomBytes(4).toString('hex')}`;
  mkdirSync(path.dirname(path.resolve(opts.outPath)), { recursive: true, mode: 0o700 });
  mkdirSync(tmp, { recursive: true, mode: 0o700 });
  const zip = new BagZip(partial, bagName, opts.compressionLevel ?? 1);
  const timesketch = new TextSink(path.join(tmp, 'timesketch.jsonl'));
  const redactionLog = new TextSink(path.join(tmp, 'redaction-log.csv'), REDACTION_LOG_HEADER);
  let client: PoolClient | undefined;
  let failed = false;
  try {
    // Link every committed audit row first, so the case's custody log carries chain hashes.
    await sealAuditChain(pool);
    client = await pool.connect();
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const c = client;
    progress({ phase: 'scope', eventsDone: 0, eventsTotal: 0 });
    const head = (
      await c.query<{ id: string; hash: string; seq: string }>(
        'SELECT id::text AS id, hash, seq::text AS seq FROM audit_log WHERE seq IS NOT NULL ORDER BY audit_log.seq DESC LIMIT 1',
      )
    ).rows[0];
    const scope = await resolveScope(c, opts.scope);
    const drawn = await drawSample(c, scope, sampleOpts.seed, sampleOpts.size);
    const { ids: sampleIds, total } = drawn;
    progress({ phase: 'natives', eventsDone: 0, eventsTotal: total });

    const nat = await writeNatives({
      client: c,
      zip,
      scope,
      caseFields: fields,
      redact,
      perFile,
      batesPrefix: prefix,
      sampleIds: new Map(sampleIds.map((id, i) => [id, i])),
      timesketch,
      redactionLog,
      signal: hooks.signal,
      reader: opts.reader,
      onEvents: (done) => progress({ phase: 'natives', eventsDone: done, eventsTotal: total }),
    });
    // Tests only (EVIDENCE_TEST_BUILD_PAUSE_MS, 0 by default): a cancel lands while this waits.
    const pause = env().EVIDENCE_TEST_BUILD_PAUSE_MS;
    if (pause) await sleep(pause, undefined, { signal: hooks.signal });
    progress({ phase: 'files', eventsDone: nat.events, eventsTotal: total });
    const payload: FileDigest[] = [...nat.digests];
    const add = (p: string, text: string) => payload.push(zip.addBuffer(p, Buffer.from(text)));

    add('data/loadfile.dat', loadFileText(opts.scope.caseId, nat.files));
    const facts =
      opts.stixFacts ?? (await loadStixFacts(c, scope.accountIds, opts.scope.clusterIds));
    const stix = stixBundle({
      caseId: opts.scope.caseId,
      title: opts.scope.title,
      organization: env().EVIDENCE_SOURCE_ORGANIZATION,
      createdAt: stixTime(opts.scope, nat.accounts),
      accounts: nat.accounts,
      ...facts,
    });
    add('data/stix/bundle.json', JSON.stringify(stix, null, 2) + '\n');
    payload.push(await timesketch.addTo(zip, 'data/timesketch.jsonl'));
    const custody = await loadCustody(
      c,
      opts.scope.caseId,
      opts.auditCutoff ?? { seq: head?.seq ?? '0' },
      opts.exportEvents ?? [],
      opts.exportId,
    );
    add('data/custody.jsonl', custodyText(custody));
    add(
      'data/data-dictionary.md',
      dataDictionary({ fields, redact, perFile, batesPrefix: prefix }),
    );
    payload.push(await redactionLog.addTo(zip, 'data/redaction-log.csv'));
    add(
      'data/privilege-log.csv',
      PRIVILEGE_HEADER +
        (opts.privilegeLog ?? [])
          .map((p) => csvRow([p.bates, p.date, p.author, p.recipients, p.description, p.basis]))
          .join(''),
    );
    // The report's charts: same snapshot, same scope and cut-off as the natives.
    const series = opts.renderReport
      ? await loadChartSeries(c, scope, [
          ...reportAccounts(opts.scope.accountIds, scope.accountIds).map((a) => ({
            key: `account:${a}`,
            accounts: [a],
          })),
          ...facts.clusters.map((k) => ({ key: `cluster:${k.id}`, accounts: k.members })),
        ])
      : {};
    await c.query('COMMIT');
    hooks.signal?.throwIfAborted();

    const sample = {
      method: SAMPLE_METHOD,
      seed: sampleOpts.seed,
      size: sampleOpts.size,
      items: nat.sample.sort((a, b) => sampleIds.indexOf(a.eventId) - sampleIds.indexOf(b.eventId)),
    };
    const chainHead = head ? { id: head.id, hash: head.hash } : null;
    const custodyHead = custody.at(-1)?.hash ?? '0'.repeat(64);
    if (opts.renderReport) {
      progress({ phase: 'report', eventsDone: nat.events, eventsTotal: total });
      const pdf = await opts.renderReport({
        scope: opts.scope,
        accountIds: scope.accountIds,
        builtAt: now.toISOString(),
        fields,
        redact,
        redactionsByKind: nat.redactionsByKind,
        natives: nat.files,
        files: payload.map((f) => ({ path: f.path, bytes: f.bytes, sha256: f.sha256 })),
        sample,
        custody,
        auditChainHead: chainHead,
        signingKeyId: keyIdHex(key.keyId),
        events: nat.events,
        spans: Object.fromEntries(nat.accounts),
        series,
        cutoffAt: opts.cutoffAt ?? now.toISOString(),
      });
      payload.push(zip.addBuffer('data/report.pdf', pdf, false));
      hooks.signal?.throwIfAborted();
    }

    progress({ phase: 'manifests', eventsDone: nat.events, eventsTotal: total });
    const bytes = payload.reduce((s, f) => s + f.bytes, 0);
    const tsaUrl = opts.timestamp === false ? undefined : (opts.tsaUrl ?? env().TSA_URL);
    const info: [string, string][] = [
      ['Source-Organization', env().EVIDENCE_SOURCE_ORGANIZATION],
      ['Contact-Email', env().EVIDENCE_CONTACT_EMAIL],
      ['External-Identifier', opts.scope.caseId],
      ['External-Description', opts.scope.title],
      ['Bagging-Date', now.toISOString().slice(0, 10)],
      ['Payload-Oxum', payloadOxum(payload)],
      ['Bag-Size', bagSize(bytes)],
      ['Bag-Software-Agent', 'Distill Watch evidence bag writer'],
      [
        'Bates-Range',
        nat.events ? `${batesNumber(prefix, 1)}-${batesNumber(prefix, nat.events)}` : 'none',
      ],
      ['Fields', fields],
      ['Redaction', redact ? 'on' : 'off'],
      ['Audit-Chain-Head-Id', chainHead?.id ?? 'none'],
      ['Audit-Chain-Head-Hash', chainHead?.hash ?? 'none'],
      ['Custody-Chain-Head', custodyHead],
      ['Signing-Key-Id', keyIdHex(key.keyId)],
      ...(opts.exportId ? ([['Export-Identifier', opts.exportId]] as [string, string][]) : []),
    ];
    const tags: FileDigest[] = [
      zip.addBuffer('bagit.txt', Buffer.from(BAGIT_TXT)),
      zip.addBuffer('bag-info.txt', Buffer.from(bagInfoText(info))),
      zip.addBuffer('manifest-sha256.txt', Buffer.from(manifestText(payload, 'sha256'))),
      zip.addBuffer('manifest-sha512.txt', Buffer.from(manifestText(payload, 'sha512'))),
      zip.addBuffer('minisign.pub', Buffer.from(publicKeyFile(key))),
      zip.addBuffer(
        'VERIFY.txt',
        Buffer.from(
          verifyText({
            bagName,
            keyId: keyIdHex(key.keyId),
            publicKeyBase64: publicKeyFile(key).split('\n')[1],
            timestamped: !!tsaUrl,
          }),
        ),
      ),
    ];
    const tagManifest = Buffer.from(manifestText(tags, 'sha256'));
    const tagDigest = zip.addBuffer('tagmanifest-sha256.txt', tagManifest);
    zip.addBuffer('tagmanifest-sha512.txt', Buffer.from(manifestText(tags, 'sha512')));

    progress({ phase: 'signing', eventsDone: nat.events, eventsTotal: total });
    const comment = `timestamp:${Math.floor(now.getTime() / 1000)} file:tagmanifest-sha256.txt case:${opts.scope.caseId}`;
    zip.addBuffer(
      'tagmanifest-sha256.txt.minisig',
      Buffer.from(signMinisign(key, tagManifest, comment)),
    );
    if (tsaUrl)
      zip.addBuffer('tagmanifest-sha256.txt.tsr', await fetchTimestamp(tsaUrl, tagManifest), false);
    const z = await zip.finish();
    renameSync(partial, opts.outPath);
    progress({ phase: 'done', eventsDone: nat.events, eventsTotal: total });
    return {
      path: opts.outPath,
      bagName,
      bytes: z.bytes,
      sha256: z.sha256,
      events: nat.events,
      payloadFiles: payload.length,
      payloadOxum: payloadOxum(payload),
      tagManifestSha256: tagDigest.sha256,
      signingKeyId: keyIdHex(key.keyId),
      timestamped: !!tsaUrl,
      auditChainHead: chainHead,
      custodyHead,
      redactions: Object.values(nat.redactionsByKind).reduce((s, n) => s + n, 0),
      sample,
    };
  } catch (e) {
    failed = true;
    zip.abort();
    rmSync(partial, { force: true });
    // No ROLLBACK here: a COPY stopped mid-stream (cancel) leaves the connection's reader
    // detached by pg-copy-streams, so any further query on it waits forever. `finally` destroys
    // the connection instead (release(true)) and the server ends the read-only transaction.
    throw e;
  } finally {
    timesketch.destroy();
    redactionLog.destroy();
    client?.release(failed); // a connection cut mid-cursor is not handed back to the pool
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** STIX created/modified: the case's opening time, else the scope end, else the last event. */
function stixTime(scope: EvidenceScope, accounts: Map<string, { last: string }>): string {
  const t = scope.openedAt ?? scope.to;
  if (t) return (t instanceof Date ? t : new Date(t)).toISOString();
  const last = [...accounts.values()]
    .map((a) => a.last)
    .sort()
    .at(-1);
  return last ?? '1970-01-01T00:00:00.000Z';
}
