import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, pgPool, prisma, type Tx } from '@/lib/db/client';
import { writeAudit, type AuditFn } from '@/lib/audit/write';
import { prismaRunner } from '@/lib/audit/runners';
import type { SessionUser } from '@/lib/auth/permissions';
import { seedDataset } from '@/bench/pages/seed';
import { createCase } from '@/lib/cases/create';
import { updateCase } from '@/lib/cases/update';
import { changeCaseStatus } from '@/lib/cases/status';
import { applyBulk, previewBulk } from '@/lib/cases/bulk';
import { uploadCaseFile } from '@/lib/cases/files';
import { pinEvidence } from '@/lib/cases/pins';
import { saveCaseTemplate } from '@/lib/cases/templates';
import { createAnnotation } from '@/lib/annotations/annotations';
import { getCase } from '@/lib/queries/case';
import { listAccounts } from '@/lib/queries/accounts-list';
import { parseAccountQuery } from '@/lib/queries/account-filter';
import { listCases } from '@/lib/queries/cases-list';
import { getCaseActivity } from '@/lib/queries/case-activity';
import { getPinnedChart } from '@/lib/queries/case-chart';
import {
  DomainError,
  InvalidTransitionError,
  NotFoundError,
  StaleVersionError,
  TooLargeError,
  ValidationError,
} from '@/lib/errors';
import { ZCaseBulk, ZCaseCreate, ZCaseListQuery, type TCaseCreate } from '@/lib/schemas/case';

const ana: SessionUser = { id: 'u-ana', email: 'ana@x.test', name: 'Ana', role: 'analyst' };
const bob: SessionUser = { id: 'u-bob', email: 'bob@x.test', name: 'Bob', role: 'analyst' };
const lea: SessionUser = { id: 'u-lea', email: 'lea@x.test', name: 'Lea', role: 'legal' };
const adm: SessionUser = { id: 'u-adm', email: 'adm@x.test', name: 'Adm', role: 'admin' };

/** Same shape as withRoute's ctx.change: the change and its audit rows share one transaction. */
function change<T>(user: SessionUser, fn: (tx: Tx, audit: AuditFn) => Promise<T>): Promise<T> {
  return prisma.$transaction((tx) =>
    fn(tx, async (e) => {
      await writeAudit(prismaRunner(tx), { ...e, actor: { id: user.id, email: user.email } });
    }),
  );
}
const open = (user: SessionUser, input: Partial<TCaseCreate> & Pick<TCaseCreate, 'source'>) =>
  change(user, (tx, a) => createCase(tx, a, user, ZCaseCreate.parse({ title: 'Case', ...input })));
const caught = async (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e,
  );

beforeAll(async () => {
  await seedDataset(pgPool(), {
    accounts: 120,
    events: 6_000,
    days: 14,
    clusters: 2,
    clusterSize: 10,
    start: '2026-10-01',
  });
  await prisma.user.createMany({ data: [ana, bob, lea, adm], skipDuplicates: true });
});
afterAll(() => closeDb());

describe('cases', () => {
  it('two updates from the same version: one wins, the other gets 409 with the current values, nothing lost', async () => {
    const c = await open(ana, { source: { kind: 'account', account_id: 'acct-000001' } });
    const base = (await getCase(ana, c.id)).version;
    const results = await Promise.allSettled([
      change(ana, (tx, a) => updateCase(tx, a, ana, c.id, { version: base, title: 'Ana title' })),
      change(bob, (tx, a) => updateCase(tx, a, bob, c.id, { version: base, summary: 'Bob note' })),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const bad = results.filter((r) => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(bad).toHaveLength(1);
    const err = (bad[0] as PromiseRejectedResult).reason as StaleVersionError;
    expect(err).toBeInstanceOf(StaleVersionError);
    const current = err.details!.current as { version: number; title: string; summary: string };
    expect(current.version).toBe(base + 1);
    // The loser re-applies its edit on the current version: both fields survive.
    const loserIsBob = current.title === 'Ana title';
    const [who, patch] = loserIsBob
      ? ([bob, { summary: 'Bob note' }] as const)
      : ([ana, { title: 'Ana title' }] as const);
    await change(who, (tx, a) =>
      updateCase(tx, a, who, c.id, { version: current.version, ...patch }),
    );
    const after = await getCase(ana, c.id);
    expect(after).toMatchObject({ title: 'Ana title', summary: 'Bob note', version: base + 2 });
    const updates = (await getCaseActivity(c.id)).filter((e) => e.action === 'case.update');
    expect(updates).toHaveLength(2);
  });

  it('an invalid transition is refused naming the allowed ones', async () => {
    const c = await open(ana, { source: { kind: 'manual' } });
    const e = await caught(
      change(ana, (tx, a) => changeCaseStatus(tx, a, ana, c.id, { to: 'actioned', version: 1 })),
    );
    expect(e).toBeInstanceOf(InvalidTransitionError);
    expect((e as DomainError).details).toEqual({ allowed: ['triage'] });
    expect((await getCase(ana, c.id)).status).toBe('new');
  });

  it('a restricted case is invisible to a non-watcher analyst on read and in lists', async () => {
    const c = await open(ana, {
      title: 'Secret ring',
      restricted: true,
      source: { kind: 'account', account_id: 'acct-000002' },
    });
    const q = ZCaseListQuery.parse({ status: 'all', q: 'Secret ring' });
    await expect(getCase(bob, c.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listCases(bob, q)).total).toBe(0);
    expect((await listCases(ana, q)).total).toBe(1);
    expect((await listCases(lea, q)).total).toBe(1);
    expect((await getCase(adm, c.id)).title).toBe('Secret ring');
    // Writes are hidden the same way (404, not 403).
    const e = await caught(
      change(bob, (tx, a) => updateCase(tx, a, bob, c.id, { version: 1, title: 'x' })),
    );
    expect(e).toBeInstanceOf(NotFoundError);
    // Watching opens it.
    const v = (await getCase(ana, c.id)).version;
    await change(ana, (tx, a) =>
      updateCase(tx, a, ana, c.id, { version: v, watcher_ids: [ana.id, bob.id] }),
    );
    expect((await getCase(bob, c.id)).id).toBe(c.id);
  });

  it('closing needs an outcome per linked account and writes dispositions', async () => {
    await change(adm, (tx, a) =>
      saveCaseTemplate(tx, a, adm, {
        case_type: 'sweep',
        name: 'Capability sweep',
        description: '',
        severity: 'high',
        tasks: ['Check coverage', 'Ask legal'],
      }),
    );
    const c = await open(ana, {
      case_type: 'sweep',
      source: { kind: 'accounts', account_ids: ['acct-000003', 'acct-000004'] },
    });
    const d = await getCase(ana, c.id);
    expect(d.severity).toBe('high');
    expect(d.tasks.map((t) => t.title)).toEqual(['Check coverage', 'Ask legal']);
    expect(d.accounts.map((a) => a.account_id)).toEqual(['acct-000003', 'acct-000004']);
    const score = await prisma.accountScore.findUnique({ where: { account_id: 'acct-000003' } });
    expect(d.accounts[0]!.risk_at_link).toBeCloseTo(score!.risk);
    expect(d.accounts[0]!.reasons_at_link).toEqual(score!.reasons);
    let v = d.version;
    for (const to of ['triage', 'investigating'] as const)
      v = (await change(ana, (tx, a) => changeCaseStatus(tx, a, ana, c.id, { to, version: v })))
        .version;
    const missing = await caught(
      change(ana, (tx, a) =>
        changeCaseStatus(tx, a, ana, c.id, {
          to: 'closed',
          version: v,
          reason: 'done',
          outcomes: { 'acct-000003': 'suspended' },
        }),
      ),
    );
    expect(missing).toBeInstanceOf(ValidationError);
    expect((missing as Error).message).toContain('acct-000004');
    expect(await prisma.disposition.count({ where: { case_id: c.id } })).toBe(0);
    await change(ana, (tx, a) =>
      changeCaseStatus(tx, a, ana, c.id, {
        to: 'closed',
        version: v,
        reason: 'Sweep confirmed for one, other benign',
        outcomes: { 'acct-000003': 'suspended', 'acct-000004': 'no_violation' },
      }),
    );
    const disp = await prisma.disposition.findMany({
      where: { case_id: c.id },
      orderBy: { account_id: 'asc' },
    });
    expect(disp.map((x) => [x.account_id, x.label, x.outcome, x.decided_by])).toEqual([
      ['acct-000003', 'abuse', 'suspended', ana.id],
      ['acct-000004', 'not_abuse', 'no_violation', ana.id],
    ]);
    // The accounts list filters by the disposition in force.
    const ids = async (disposition: 'abuse' | 'not_abuse') =>
      (await listAccounts(parseAccountQuery({ disposition, size: '100' }))).rows.map(
        (r) => r.account_id,
      );
    expect(await ids('abuse')).toEqual(['acct-000003']);
    expect(await ids('not_abuse')).toEqual(['acct-000004']);
    const closed = await getCase(ana, c.id);
    expect(closed).toMatchObject({
      status: 'closed',
      close_reason: 'Sweep confirmed for one, other benign',
    });
    const actions = (await getCaseActivity(c.id)).map((e) => e.action).reverse();
    expect(actions).toEqual([
      'case.create',
      'case.link_account',
      'case.link_account',
      'case.status',
      'case.status',
      'case.close',
    ]);
  });

  it('bulk changes are all or nothing, with one audit row per case', async () => {
    const a = await open(ana, { source: { kind: 'manual' } });
    const b = await open(ana, { source: { kind: 'manual' } });
    const c = await open(ana, { source: { kind: 'manual' } });
    const sel = [a, b, c].map((x) => ({ id: x.id, version: 1 }));
    const auditCount = () =>
      pgPool()
        .query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.bulk'`)
        .then((r) => r.rows[0].n as number);
    const before = await auditCount();
    // c moves on first: the bulk change (made from version 1) must now fail as a whole.
    await change(ana, (tx, x) => changeCaseStatus(tx, x, ana, c.id, { to: 'triage', version: 1 }));
    const preview = await previewBulk(ana, { cases: sel, change: { op: 'status', to: 'triage' } });
    expect(preview).toMatchObject({ selected: 3, affected: 2 });
    expect(preview.blocked.map((x) => x.id)).toContain(c.id);
    const e = await caught(
      change(ana, (tx, x) =>
        applyBulk(tx, x, ana, {
          cases: sel,
          change: { op: 'status', to: 'triage' },
          reason: 'sorting',
        }),
      ),
    );
    expect(e).toBeInstanceOf(StaleVersionError);
    expect((await getCase(ana, a.id)).status).toBe('new');
    expect(await auditCount()).toBe(before);
    const ok = await change(ana, (tx, x) =>
      applyBulk(
        tx,
        x,
        ana,
        ZCaseBulk.parse({
          cases: [sel[0]!, sel[1]!],
          change: { op: 'tag', add: ['Sweep'] },
          reason: 'grouping',
        }),
      ),
    );
    expect(ok.affected).toBe(2);
    expect((await getCase(ana, a.id)).tags).toEqual(['sweep']);
    const rows = await pgPool().query(
      `SELECT target_id, reason FROM audit_log WHERE action = 'case.bulk' ORDER BY id`,
    );
    expect(rows.rows.map((r) => r.target_id).sort()).toEqual([a.id, b.id].sort());
    expect(rows.rows.every((r) => r.reason === 'grouping')).toBe(true);
  });

  it('refuses an upload over the limit and stores the SHA-256 of one under it', async () => {
    const c = await open(ana, { source: { kind: 'manual' } });
    const max = 1024;
    const big = caught(
      change(ana, (tx, a) =>
        uploadCaseFile(
          tx,
          a,
          ana,
          c.id,
          { filename: 'big.txt', contentType: 'text/plain', bytes: Buffer.alloc(max + 1, 97) },
          max,
        ),
      ),
    );
    const e = await big;
    expect(e).toBeInstanceOf(TooLargeError);
    expect((e as Error).message).toMatch(/big\.txt.*at most/);
    const badType = await caught(
      change(ana, (tx, a) =>
        uploadCaseFile(
          tx,
          a,
          ana,
          c.id,
          { filename: 'x.html', contentType: 'text/html', bytes: Buffer.from('<b>') },
          max,
        ),
      ),
    );
    expect(badType).toBeInstanceOf(ValidationError);
    const f = await change(ana, (tx, a) =>
      uploadCaseFile(
        tx,
        a,
        ana,
        c.id,
        { filename: 'note.txt', contentType: 'text/plain', bytes: Buffer.from('abc') },
        max,
      ),
    );
    // sha256("abc")
    expect(f.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const stored = await prisma.caseFile.findUniqueOrThrow({
      where: { id: f.id },
      omit: { bytes: false },
    });
    expect(Buffer.from(stored.bytes).toString()).toBe('abc');
    expect((await getCase(ana, c.id)).files.map((x) => x.filename)).toEqual(['note.txt']);
  });

  it('pins an annotated event and a chart that draws again from its parameters', async () => {
    const c = await open(ana, { source: { kind: 'account', account_id: 'acct-000005' } });
    const ev = (
      await pgPool().query(
        `SELECT id, ts FROM events WHERE account_id = 'acct-000005' ORDER BY ts LIMIT 1`,
      )
    ).rows[0] as { id: string; ts: Date };
    const ann = await change(ana, (tx, a) =>
      createAnnotation(tx, a, ana, {
        subject_type: 'event',
        account_id: 'acct-000005',
        event_id: ev.id,
        event_ts: ev.ts.toISOString(),
        kind: 'comment',
        value: 'bucket walk',
      }),
    );
    await change(ana, (tx, a) =>
      pinEvidence(tx, a, ana, c.id, { kind: 'event', annotation_id: ann.id, note: '' }),
    );
    const chart = {
      account_id: 'acct-000005',
      series: 'events' as const,
      from: '2026-10-01',
      to: '2026-10-07',
    };
    const pin = await change(ana, (tx, a) =>
      pinEvidence(tx, a, ana, c.id, { kind: 'chart', chart, note: 'first week' }),
    );
    const d = await getCase(ana, c.id);
    expect(d.pins.map((p) => p.kind)).toEqual(['event', 'chart']);
    expect(d.pins[0]!.annotation).toMatchObject({ kind: 'comment', value: 'bucket walk' });
    const drawn = await getPinnedChart(c.id, BigInt(pin.id));
    expect(drawn.params).toEqual(chart);
    const daily = await pgPool().query(
      `SELECT day::text AS key, events FROM account_daily WHERE account_id = 'acct-000005' AND day BETWEEN '2026-10-01' AND '2026-10-07' ORDER BY day`,
    );
    const sum = daily.rows.reduce((s, r) => s + Number(r.events), 0);
    expect(drawn.points.reduce((s, p) => s + (p.value ?? 0), 0)).toBe(sum);
    expect(drawn.points.every((p) => p.key >= chart.from && p.key <= chart.to)).toBe(true);
    // An account that is not linked cannot be pinned.
    const e = await caught(
      change(ana, (tx, a) =>
        pinEvidence(tx, a, ana, c.id, {
          kind: 'chart',
          chart: { ...chart, account_id: 'acct-000006' },
          note: '',
        }),
      ),
    );
    expect(e).toBeInstanceOf(ValidationError);
  });
});
