import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointAtDatabase } from '@/lib/env';
import { closeDb, pgPool, prisma, type Tx } from '@/lib/db/client';
import { writeAudit, type AuditFn } from '@/lib/audit/write';
import { prismaRunner } from '@/lib/audit/runners';
import { sealAuditChain } from '@/lib/audit/seal';
import type { SessionUser } from '@/lib/auth/permissions';
import { ZExportOptions } from '@/lib/schemas/export';
import { buildEvidenceBag } from '@/lib/evidence/bag';
import { claimNextJob } from '@/lib/evidence/jobs/claim';
import { runExportJob } from '@/lib/evidence/jobs/run-job';
import { recordDownload } from '@/lib/evidence/jobs/download';
import { createExportJob, createRebuildJob } from '@/lib/evidence/jobs/store';
import { bagPath } from '@/lib/evidence/jobs/paths';
import { loadChartSeries } from '@/lib/evidence/writers/chart-series';

// Byte-identical rebuilds through the job path: an export is built, then the world moves on
// (audit rows on the case, a new ingest run with events in range, a renamed case, a new cluster
// member, a new detection result), then the export is rebuilt from its stored cut-off. Payload
// files and both payload manifests must match the original's, report.pdf aside; a fresh export
// of the same case at that point must not (so the comparison can fail). The report's charts count
// the package's own events: same snapshot, scope and cut-off.
const dir = mkdtempSync(path.join(tmpdir(), 'dw-rebuild-'));
process.env.EVIDENCE_EXPORT_DIR = dir;
pointAtDatabase(process.env.DATABASE_URL!);

const lea: SessionUser = { id: 'u-lea-rb', email: 'lea@rb.test', name: 'Lea', role: 'legal' };
let caseId = '';

const audit =
  (tx: Tx): AuditFn =>
  async (e) => {
    await writeAudit(prismaRunner(tx), { ...e, actor: { id: lea.id, email: lea.email } });
  };

async function addRun(): Promise<string> {
  const r = await pgPool().query<{ id: string }>(
    `INSERT INTO ingest_runs (kind, source, status, finished_at) VALUES ('events', 'test', 'done', now())
     RETURNING id::text`,
  );
  return r.rows[0].id;
}

/** `n` events per account on 2026-10-0x, prompts with a bare phone number now and then. */
async function addEvents(run: string, accounts: string[], n: number, tag: string) {
  await pgPool().query(
    `INSERT INTO events (id, ts, account_id, model, ip, asn, prompt, prompt_sha256, response,
                         simhash, tax_bucket, lsh_bucket, reasoning, single_turn, run_id)
     SELECT $4 || a || '-' || g, timestamptz '2026-10-02' + g * interval '7 minutes', a, 'm', '10.1.2.3',
            64500, p, encode(sha256(convert_to(p, 'UTF8')), 'hex'), 'ok', g, g % 20, g % 8, false, true, $1
       FROM unnest($2::text[]) a, generate_series(1, $3::int) g,
            LATERAL (SELECT 'Prompt ' || g || CASE WHEN g % 10 = 0 THEN ' call 4155550199' ELSE '' END AS p) x`,
    [run, accounts, n, tag],
  );
}

async function build(jobId: string) {
  const claimed = await claimNextJob(pgPool(), 'rebuild-test', jobId);
  expect(claimed?.id).toBe(jobId);
  const out = await runExportJob(pgPool(), claimed!, buildEvidenceBag);
  expect(out).toEqual({ status: 'done' });
  const to = path.join(dir, `unzipped-${jobId}`);
  execFileSync('unzip', ['-q', bagPath(jobId), '-d', to]);
  return path.join(to, readdirSync(to)[0]);
}

const payload = (bag: string) =>
  readdirSync(path.join(bag, 'data'), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(bag, path.join(d.parentPath, d.name)))
    .sort();
const read = (bag: string, f: string) => readFileSync(path.join(bag, f));
const withoutReport = (manifest: Buffer) =>
  manifest
    .toString()
    .split('\n')
    .filter((l) => !l.endsWith('  data/report.pdf'));

beforeAll(async () => {
  await prisma.user.create({ data: lea });
  await pgPool().query(`SELECT ensure_event_partition(date '2026-10-01')`);
  const run1 = await addRun();
  await addEvents(run1, ['rb-a1', 'rb-a2', 'rb-a3'], 40, 'e1-');
  await pgPool().query(
    `INSERT INTO clusters (id, risk, flagged, members, events, reasons, contributions, features, indicators, run_id)
     VALUES ('rb-cl', 0.8, true, 1, 40, '{shared asn}', '{}', '{}', '{}', 1)`,
  );
  await pgPool().query(
    `INSERT INTO cluster_members (account_id, cluster_id) VALUES ('rb-a2', 'rb-cl');
     INSERT INTO account_indicator (account_id, kind, value, events, first_ts, last_ts)
     SELECT a, 'asn', '64500', 40, '2026-10-02', '2026-10-03' FROM unnest('{rb-a1,rb-a2}'::text[]) a`,
  );
  const c = await prisma.case.create({
    data: {
      title: 'Rebuild ring',
      created_by: lea.id,
      accounts: { create: [{ account_id: 'rb-a1', linked_by: lea.id }] },
      clusters: { create: [{ cluster_id: 'rb-cl', linked_by: lea.id }] },
    },
  });
  caseId = c.id;
}, 120_000);
afterAll(async () => {
  await closeDb();
  rmSync(dir, { recursive: true, force: true });
});

describe('export rebuild', () => {
  it('rebuilds an export from its cut-off with byte-identical payload files and manifests', async () => {
    const opts = ZExportOptions.parse({ sampleSize: 5, sampleSeed: 'rb' });
    const job = await prisma.$transaction((tx) =>
      createExportJob(tx, audit(tx), lea, caseId, opts),
    );
    const first = await build(job.id);
    expect(read(first, 'data/redaction-log.csv').toString()).toMatch(/,phone,\d+,10,/);

    // The world moves on.
    await prisma.$transaction((tx) => recordDownload(tx, audit(tx), lea, job.id));
    await addEvents(await addRun(), ['rb-a1', 'rb-a2'], 5, 'e2-');
    await prisma.case.update({ where: { id: caseId }, data: { title: 'Renamed ring' } });
    await pgPool().query(
      `INSERT INTO cluster_members (account_id, cluster_id) VALUES ('rb-a3', 'rb-cl');
       UPDATE clusters SET risk = 0.95, reasons = '{new run}' WHERE id = 'rb-cl';
       INSERT INTO account_indicator (account_id, kind, value, events, first_ts, last_ts)
       SELECT a, 'user_agent', 'ua/2', 1, '2026-10-02', '2026-10-02' FROM unnest('{rb-a1,rb-a2}'::text[]) a`,
    );

    const rebuild = await prisma.$transaction((tx) => createRebuildJob(tx, audit(tx), lea, job.id));
    expect(rebuild.rebuild_of).toBe(job.id);
    const second = await build(rebuild.id);
    expect(payload(second)).toEqual(payload(first));
    for (const f of payload(first).filter((p) => p !== 'data/report.pdf'))
      expect(read(second, f).equals(read(first, f)), f).toBe(true);
    for (const m of ['manifest-sha256.txt', 'manifest-sha512.txt'])
      expect(withoutReport(read(second, m))).toEqual(withoutReport(read(first, m)));
    expect(read(second, 'bag-info.txt').toString()).toContain(`Export-Identifier: ${job.id}`);

    // A new export of the same case now sees the new rows: the comparison above can fail.
    const fresh = await prisma.$transaction((tx) =>
      createExportJob(tx, audit(tx), lea, caseId, opts),
    );
    const third = await build(fresh.id);
    for (const f of ['data/custody.jsonl', 'data/loadfile.dat', 'data/stix/bundle.json'])
      expect(read(third, f).equals(read(first, f)), f).toBe(false);
    expect(payload(third).length).toBeGreaterThan(payload(first).length); // rb-a3's natives
  }, 300_000);

  it("draws the report's chart series from the package's own events (same scope and cut-off)", async () => {
    const cut = (
      await pgPool().query<{ cutoff: { maxRunId: string } }>(
        `SELECT cutoff FROM export_jobs WHERE case_id = $1 AND cutoff IS NOT NULL ORDER BY created_at LIMIT 1`,
        [caseId],
      )
    ).rows[0].cutoff;
    const series = async (maxRunId: string | null) => {
      const c = await pgPool().connect();
      try {
        const scope = { accountIds: ['rb-a1', 'rb-a2'], from: null, to: null, maxRunId };
        return await loadChartSeries(c, scope, [
          { key: 'account:rb-a1', accounts: ['rb-a1'] },
          { key: 'cluster:rb-cl', accounts: ['rb-a1', 'rb-a2'] },
        ]);
      } finally {
        c.release();
      }
    };
    const total = (p: { events: number }[]) => p.reduce((s, x) => s + x.events, 0);
    const atCut = await series(cut.maxRunId);
    // 40 events per account before the cut-off; the later run's 5 are not in the package.
    expect(total(atCut['account:rb-a1'])).toBe(40);
    expect(total(atCut['cluster:rb-cl'])).toBe(80);
    expect(total((await series(null))['account:rb-a1'])).toBe(45);
    // Buckets 1..19 (g % 20, 0 = unknown is no capability), each counted once, on its first day.
    expect(atCut['cluster:rb-cl'].reduce((s, x) => s + x.tax_new, 0)).toBe(19);
    expect(atCut['account:rb-a1'].map((p) => p.key)).toEqual(['2026-10-02']);
  });

  it('cuts the custody log by chain position: a row with a lower id sealed after the cut-off stays out', async () => {
    const opts = ZExportOptions.parse({ sampleSize: 2, sampleSeed: 'seq' });
    // A transaction takes an audit id on the case and stays open while the export is built.
    let commitLate!: () => void;
    const held = new Promise<void>((r) => (commitLate = r));
    let lateId = '';
    let written!: () => void;
    const wrote = new Promise<void>((r) => (written = r));
    const late = prisma.$transaction(
      async (tx) => {
        lateId = (
          await writeAudit(prismaRunner(tx), {
            action: 'evidence.export_cancel',
            targetType: 'case',
            targetId: caseId,
            actor: { id: lea.id, email: lea.email },
            after: { caseId, jobId: '00000000-0000-4000-8000-00000000a11d', status: 'cancelled' },
          })
        ).id;
        written();
        await held;
      },
      { timeout: 120_000 },
    );
    await wrote;
    const job = await prisma.$transaction((tx) =>
      createExportJob(tx, audit(tx), lea, caseId, opts),
    );
    const first = await build(job.id);
    const cut = (
      await pgPool().query<{ cutoff: { auditId: string; auditSeq: string } }>(
        'SELECT cutoff FROM export_jobs WHERE id = $1',
        [job.id],
      )
    ).rows[0].cutoff;
    commitLate();
    await late;
    await sealAuditChain(pgPool());
    const late_ = (
      await pgPool().query<{ seq: string }>(
        'SELECT seq::text AS seq FROM audit_log WHERE id = $1',
        [lateId],
      )
    ).rows[0];
    // The late row's id is below the cut-off's, its place in the chain after it.
    expect(BigInt(lateId)).toBeLessThan(BigInt(cut.auditId));
    expect(BigInt(late_.seq)).toBeGreaterThan(BigInt(cut.auditSeq));

    const rebuild = await prisma.$transaction((tx) => createRebuildJob(tx, audit(tx), lea, job.id));
    const second = await build(rebuild.id);
    const custody = read(second, 'data/custody.jsonl');
    expect(custody.equals(read(first, 'data/custody.jsonl'))).toBe(true);
    expect(custody.toString()).not.toContain('00000000-0000-4000-8000-00000000a11d');
    // A fresh export sees it.
    const fresh = await prisma.$transaction((tx) =>
      createExportJob(tx, audit(tx), lea, caseId, opts),
    );
    expect(read(await build(fresh.id), 'data/custody.jsonl').toString()).toContain(
      '00000000-0000-4000-8000-00000000a11d',
    );
  }, 300_000);

  it('refuses to rebuild an export that never ran (it has no cut-off)', async () => {
    const job = await prisma.$transaction((tx) =>
      createExportJob(tx, audit(tx), lea, caseId, ZExportOptions.parse({})),
    );
    await expect(
      prisma.$transaction((tx) => createRebuildJob(tx, audit(tx), lea, job.id)),
    ).rejects.toThrow(/no cut-off/);
  });
});
