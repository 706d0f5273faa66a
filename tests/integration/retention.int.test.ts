import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, pgPool, prisma, type Tx } from '@/lib/db/client';
import { writeAudit, type AuditFn } from '@/lib/audit/write';
import { prismaRunner } from '@/lib/audit/runners';
import type { SessionUser } from '@/lib/auth/permissions';
import { createCase } from '@/lib/cases/create';
import { liftHold, setHold } from '@/lib/cases/holds';
import { removeCaseLink } from '@/lib/cases/links';
import { purgeOldEvents } from '@/lib/cases/retention/purge';
import { getRetention, updateRetention } from '@/lib/cases/retention/settings';
import { getAccountHolds, getCaseHolds } from '@/lib/queries/holds';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { ZCaseCreate } from '@/lib/schemas/case';

// Issue 10, item 7: retention and legal hold. Acceptance: a purge removes old events of other
// accounts and keeps every event of a held account. The clock is fixed at NOW with 90 days kept,
// so the cutoff is 2026-03-17: January and February are wholly old, March straddles the cutoff.
const lea: SessionUser = { id: 'r-lea', email: 'lea@ret.test', name: 'Lea', role: 'legal' };
const adm: SessionUser = { id: 'r-adm', email: 'adm@ret.test', name: 'Adm', role: 'admin' };
const ana: SessionUser = { id: 'r-ana', email: 'ana@ret.test', name: 'Ana', role: 'analyst' };
const NOW = new Date('2026-06-15T00:00:00Z');
const HELD = 'acct-held';
const FREE = 'acct-free';

function change<T>(user: SessionUser, fn: (tx: Tx, audit: AuditFn) => Promise<T>): Promise<T> {
  return prisma.$transaction((tx) =>
    fn(tx, async (e) => {
      await writeAudit(prismaRunner(tx), { ...e, actor: { id: user.id, email: user.email } });
    }),
  );
}

let seq = 0;
async function events(account: string, times: string[]) {
  for (const ts of times)
    await pgPool().query(
      `INSERT INTO events (id, ts, account_id, model, prompt_sha256, simhash, tax_bucket,
                           lsh_bucket, reasoning, single_turn)
       VALUES ($1, $2, $3, 'm', 'x', 0, 0, 0, false, true)`,
      [`ev-${++seq}`, ts, account],
    );
}
const count = async (where: string, params: unknown[] = []) =>
  Number(
    (await pgPool().query<{ n: string }>(`SELECT count(*) AS n FROM events WHERE ${where}`, params))
      .rows[0]!.n,
  );
const partitions = async () =>
  (
    await pgPool().query<{ relname: string }>(
      `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'events'::regclass ORDER BY 1`,
    )
  ).rows.map((r) => r.relname);
const rollups = async () =>
  (
    await pgPool().query(
      `SELECT account_id, day::text, events FROM account_daily ORDER BY account_id, day`,
    )
  ).rows;
const setDays = (raw_event_days: number | null) =>
  change(adm, (tx, a) => updateRetention(tx, a, adm.id, { raw_event_days }));

let caseId = '';

beforeAll(async () => {
  await prisma.user.createMany({ data: [lea, adm, ana], skipDuplicates: true });
  for (const m of ['2026-01-01', '2026-02-01', '2026-03-01', '2026-05-01'])
    await pgPool().query('SELECT ensure_event_partition($1::date)', [m]);
  for (const a of [HELD, FREE]) {
    await pgPool().query('INSERT INTO accounts (account_id) VALUES ($1)', [a]);
    await pgPool().query(
      `INSERT INTO account_daily (account_id, day, events, hour_hist, first_ts, last_ts)
       VALUES ($1, '2026-01-10', 2, '{}', '2026-01-10', '2026-01-10'),
              ($1, '2026-05-10', 1, '{}', '2026-05-10', '2026-05-10')`,
      [a],
    );
  }
  // January: only the free account (a whole partition to drop). February: both (rows deleted).
  await events(FREE, ['2026-01-10T00:00:00Z', '2026-01-20T00:00:00Z', '2026-02-03T00:00:00Z']);
  await events(HELD, ['2026-02-04T00:00:00Z', '2026-03-05T00:00:00Z', '1990-01-01T00:00:00Z']);
  // March straddles the cutoff; May is recent; 1990 lands in the DEFAULT partition.
  await events(FREE, ['2026-03-10T00:00:00Z', '2026-03-20T00:00:00Z', '2026-05-10T00:00:00Z']);
  await events(FREE, ['1990-01-02T00:00:00Z']);
  await events(HELD, ['2026-05-11T00:00:00Z']);
  const c = await change(lea, (tx, a) =>
    createCase(
      tx,
      a,
      lea,
      ZCaseCreate.parse({ title: 'Held', source: { kind: 'accounts', account_ids: [HELD] } }),
    ),
  );
  caseId = c.id;
});
afterAll(() => closeDb());

describe('legal holds and the retention purge', () => {
  it('keeps everything while no retention period is set', async () => {
    expect((await getRetention(prisma)).raw_event_days).toBeNull();
    const r = await purgeOldEvents(pgPool(), { now: NOW });
    expect(r).toMatchObject({ raw_event_days: null, deleted: 0, partitions: [] });
    expect(await count('true')).toBe(11);
  });

  it('sets a hold with a reason, once; it shows on the case and on the held account', async () => {
    await change(lea, (tx, a) => setHold(tx, a, lea, caseId, { reason: 'Litigation expected' }));
    await expect(
      change(lea, (tx, a) => setHold(tx, a, lea, caseId, { reason: 'again' })),
    ).rejects.toBeInstanceOf(ConflictError);
    const holds = await getCaseHolds(lea, caseId);
    expect(holds).toMatchObject([
      { active: true, reason: 'Litigation expected', set_by: { name: 'Lea' } },
    ]);
    expect(holds[0]!.account_ids).toEqual([HELD]);
    expect(await getAccountHolds(ana, HELD)).toMatchObject([{ case_id: caseId, visible: true }]);
    expect(await getAccountHolds(ana, FREE)).toEqual([]);
    const audit = await prisma.auditLog.findFirst({
      where: { action: 'case.hold_set', target_id: caseId },
    });
    expect(audit).toMatchObject({ reason: 'Litigation expected', actor_email: lea.email });
    expect(audit!.after).toMatchObject({ account_ids: [HELD] });
    // Unlinking a held account would quietly release its events: refused while the hold lasts.
    await expect(
      change(adm, (tx, a) =>
        removeCaseLink(tx, a, adm, caseId, { kind: 'account', id: HELD, version: 1 }),
      ),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('a dry run reports what a purge would delete and deletes nothing', async () => {
    await setDays(90);
    const before = await count('true');
    const r = await purgeOldEvents(pgPool(), { now: NOW, dryRun: true });
    expect(r).toMatchObject({ dry_run: true, cutoff: '2026-03-17T00:00:00.000Z', deleted: 5 });
    expect(r.kept_for_hold).toBe(3);
    expect(await count('true')).toBe(before);
    expect(await partitions()).toContain('events_202601');
  });

  it('a purge removes old events of other accounts and keeps every event of a held account', async () => {
    const heldBefore = await count('account_id = $1', [HELD]);
    const rollupsBefore = await rollups();
    const r = await purgeOldEvents(pgPool(), { now: NOW });
    expect(r.partitions).toEqual([
      { partition: 'events_202601', mode: 'drop', deleted: 2, kept_for_hold: 0 },
      { partition: 'events_202602', mode: 'delete', deleted: 1, kept_for_hold: 1 },
      { partition: 'events_202603', mode: 'delete', deleted: 1, kept_for_hold: 1 },
      { partition: 'events_default', mode: 'delete', deleted: 1, kept_for_hold: 1 },
    ]);
    // Every event of the held account, old or new; no old event of the other account.
    expect(await count('account_id = $1', [HELD])).toBe(heldBefore);
    expect(await count('account_id = $1 AND ts < $2', [FREE, r.cutoff])).toBe(0);
    expect(await count('account_id = $1 AND ts >= $2', [FREE, r.cutoff])).toBe(2);
    expect(await partitions()).not.toContain('events_202601');
    // Rollups are kept: detection and the account charts still cover the purged months.
    expect(await rollups()).toEqual(rollupsBefore);
    const rows = await prisma.auditLog.findMany({
      where: { action: { in: ['retention.purge', 'retention.purge_run'] } },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((x) => [x.action, x.target_id])).toEqual([
      ['retention.purge', 'events_202601'],
      ['retention.purge', 'events_202602'],
      ['retention.purge', 'events_202603'],
      ['retention.purge', 'events_default'],
      ['retention.purge_run', 'retention'],
    ]);
    expect(rows[4]!.after).toMatchObject({ deleted: 5, kept_for_hold: 3, partitions_dropped: 1 });
    // A second run finds nothing more to delete.
    expect((await purgeOldEvents(pgPool(), { now: NOW })).deleted).toBe(0);
  });

  it('after the hold is lifted, the next purge deletes the account’s old events', async () => {
    await change(lea, (tx, a) => liftHold(tx, a, lea, caseId, { reason: 'Settled' }));
    await expect(
      change(lea, (tx, a) => liftHold(tx, a, lea, caseId, { reason: 'again' })),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await getAccountHolds(ana, HELD)).toEqual([]);
    expect((await getCaseHolds(lea, caseId))[0]).toMatchObject({
      active: false,
      lift_reason: 'Settled',
    });
    const r = await purgeOldEvents(pgPool(), { now: NOW });
    expect(r).toMatchObject({ deleted: 3, kept_for_hold: 0, held_accounts: 0 });
    expect(await count('ts < $1', [r.cutoff])).toBe(0);
    expect(await count('true')).toBe(3);
  });

  it('a hold committed while a purge waits for it is respected', async () => {
    // Without the share lock the purge could read the held set just before the hold commits and
    // delete events of an account that is, by the time it deletes, under hold.
    const RACE = 'acct-race';
    await pgPool().query('INSERT INTO accounts (account_id) VALUES ($1)', [RACE]);
    await events(RACE, ['2026-02-10T00:00:00Z', '2026-02-11T00:00:00Z']);
    await events(FREE, ['2026-02-12T00:00:00Z']);
    const c = await change(lea, (tx, a) =>
      createCase(
        tx,
        a,
        lea,
        ZCaseCreate.parse({ title: 'Race', source: { kind: 'accounts', account_ids: [RACE] } }),
      ),
    );
    const other = await pgPool().connect();
    try {
      await other.query('BEGIN');
      await other.query(
        `INSERT INTO legal_holds (case_id, reason, set_by) VALUES ($1, 'race', $2)`,
        [c.id, lea.id],
      );
      const purge = purgeOldEvents(pgPool(), { now: NOW });
      // Wait until the purge is blocked on the lock, then commit the hold.
      for (let i = 0; ; i++) {
        const { rows } = await pgPool().query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_stat_activity
            WHERE wait_event_type = 'Lock' AND query LIKE 'LOCK TABLE legal_holds%'`,
        );
        if (Number(rows[0]!.n) === 1) break;
        if (i > 200) throw new Error('the purge never waited for the uncommitted hold');
        await new Promise((r) => setTimeout(r, 25));
      }
      await other.query('COMMIT');
      const r = await purge;
      expect(r).toMatchObject({ deleted: 1, kept_for_hold: 2, held_accounts: 1 });
      expect(await count('account_id = $1', [RACE])).toBe(2);
    } finally {
      other.release();
    }
  });

  it('one purge at a time', async () => {
    const other = await pgPool().connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [0x70757267]);
      await expect(purgeOldEvents(pgPool(), { now: NOW })).rejects.toBeInstanceOf(ConflictError);
    } finally {
      await other.query('SELECT pg_advisory_unlock($1)', [0x70757267]);
      other.release();
    }
  });
});
