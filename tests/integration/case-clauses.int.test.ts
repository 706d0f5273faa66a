import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, pgPool, prisma, type Tx } from '@/lib/db/client';
import { writeAudit, type AuditFn } from '@/lib/audit/write';
import { prismaRunner } from '@/lib/audit/runners';
import type { SessionUser } from '@/lib/auth/permissions';
import { createCase } from '@/lib/cases/create';
import { addClauseVersion, createClause, updateClauseVersion } from '@/lib/cases/clauses';
import { linkClause, unlinkClause } from '@/lib/cases/clause-links';
import { getCaseClauseLinks, listClauses } from '@/lib/queries/clauses';
import { getCaseActivity } from '@/lib/queries/case-activity';
import { ConflictError, ValidationError } from '@/lib/errors';
import { ZCaseCreate } from '@/lib/schemas/case';
import { ZClauseCreate } from '@/lib/schemas/clause';

// The ToS clause catalogue and clause links: the version linked is the one in force at the
// account's conduct (its activity window), chosen by the server; the accepted version beside it.
const adm: SessionUser = { id: 'c-adm', email: 'adm@clauses.test', name: 'Adm', role: 'admin' };
const lea: SessionUser = { id: 'c-lea', email: 'lea@clauses.test', name: 'Lea', role: 'legal' };

function change<T>(user: SessionUser, fn: (tx: Tx, audit: AuditFn) => Promise<T>): Promise<T> {
  return prisma.$transaction((tx) =>
    fn(tx, async (e) => {
      await writeAudit(prismaRunner(tx), { ...e, actor: { id: user.id, email: user.email } });
    }),
  );
}

/** An account whose events ran from `from` to `to` (its daily rollups say so). */
async function account(id: string, from: string, to: string, tosVersion: string | null) {
  await pgPool().query(`INSERT INTO accounts (account_id, tos_version) VALUES ($1, $2)`, [
    id,
    tosVersion,
  ]);
  await pgPool().query(
    `INSERT INTO account_daily (account_id, day, events, hour_hist, first_ts, last_ts)
     VALUES ($1, $2::timestamptz::date, 5, '{}', $2, $2), ($1, $3::timestamptz::date, 5, '{}', $3, $3)`,
    [id, from, to],
  );
}

let clauseId = '';

beforeAll(async () => {
  await prisma.user.createMany({ data: [adm, lea], skipDuplicates: true });
  await account('acct-old', '2026-01-05T10:00:00Z', '2026-02-20T08:00:00Z', '2025-12');
  await account('acct-new', '2026-02-25T10:00:00Z', '2026-04-02T12:00:00Z', null);
  await account('acct-early', '2025-03-01T00:00:00Z', '2025-05-01T00:00:00Z', null);
  const v = (version: string, effective_from: string) => ({
    version,
    effective_from,
    text: `No training competing models (${version}).`,
  });
  const c = await change(adm, (tx, a) =>
    createClause(
      tx,
      a,
      adm,
      ZClauseCreate.parse({
        code: '4.2',
        title: 'Model distillation',
        first_version: v('2025-06', '2025-06-01T00:00:00Z'),
      }),
    ),
  );
  clauseId = c.id;
  await change(adm, (tx, a) =>
    addClauseVersion(tx, a, adm, c.id, v('2026-03', '2026-03-01T00:00:00Z')),
  );
});
afterAll(() => closeDb());

const openCase = (accounts: string[]) =>
  change(lea, (tx, a) =>
    createCase(
      tx,
      a,
      lea,
      ZCaseCreate.parse({ title: 'ToS', source: { kind: 'accounts', account_ids: accounts } }),
    ),
  );
const link = (caseId: string, account_id: string) =>
  change(lea, (tx, a) =>
    linkClause(tx, a, lea, caseId, { clause_id: clauseId, account_id, finding: 'f' }),
  );

describe('ToS clauses', () => {
  it('links the version in force at the conduct, and shows the accepted version beside it', async () => {
    const c = await openCase(['acct-old', 'acct-new', 'acct-early']);
    expect(await link(c.id, 'acct-old')).toMatchObject({ version: '2025-06' });
    expect(await link(c.id, 'acct-new')).toMatchObject({ version: '2026-03' });
    const err = await link(c.id, 'acct-early').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe('clause_id');
    expect((err as Error).message).toMatch(/no version in force at 2025-05-01/);

    const links = await getCaseClauseLinks(lea, c.id);
    expect(links.map((l) => [l.account_id, l.version, l.accepted_tos_version])).toEqual([
      ['acct-old', '2025-06', '2025-12'],
      ['acct-new', '2026-03', null],
    ]);
    expect(links[0]).toMatchObject({
      code: '4.2',
      conduct_from: '2026-01-05T10:00:00.000Z',
      conduct_to: '2026-02-20T08:00:00.000Z',
      versions_in_window: [],
    });
    await expect(link(c.id, 'acct-old')).rejects.toBeInstanceOf(ConflictError);
    const activity = await getCaseActivity(c.id);
    expect(activity[0]).toMatchObject({ action: 'case.clause_link' });
    expect(activity[0]!.after).toMatchObject({ account_id: 'acct-new', version: '2026-03' });

    await change(lea, (tx, a) => unlinkClause(tx, a, lea, c.id, BigInt(links[0]!.id)));
    expect((await getCaseClauseLinks(lea, c.id)).map((l) => l.account_id)).toEqual(['acct-new']);
  });

  it('refuses an account that is not linked to the case', async () => {
    const c = await openCase(['acct-old']);
    const err = await link(c.id, 'acct-new').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe('account_id');
  });

  it('never edits a version in force; a scheduled one may be corrected', async () => {
    const [clause] = await listClauses(new Date('2026-11-30T00:00:00Z'));
    expect(clause!.versions.map((v) => [v.version, v.state])).toEqual([
      ['2026-03', 'in_force'],
      ['2025-06', 'superseded'],
    ]);
    const inForce = clause!.versions[0]!;
    const edit = { version: '2026-03', text: 'changed', effective_from: '2027-01-01T00:00:00Z' };
    await expect(
      change(adm, (tx, a) => updateClauseVersion(tx, a, clauseId, inForce.id, edit)),
    ).rejects.toBeInstanceOf(ConflictError);
    const future = await change(adm, (tx, a) =>
      addClauseVersion(tx, a, adm, clauseId, {
        version: '2027-01',
        text: 'draft',
        effective_from: '2099-01-01T00:00:00Z',
      }),
    );
    await change(adm, (tx, a) =>
      updateClauseVersion(tx, a, clauseId, future.id, {
        version: '2027-01',
        text: 'final wording',
        effective_from: '2099-02-01T00:00:00Z',
      }),
    );
    const after = (await listClauses())[0]!.versions[0]!;
    expect(after).toMatchObject({ version: '2027-01', text: 'final wording', state: 'scheduled' });
    expect(
      await prisma.tosClauseVersion.findUniqueOrThrow({ where: { id: inForce.id } }),
    ).toMatchObject({ text: 'No training competing models (2026-03).' });
    // a version label or an effective date twice is refused, naming the field
    const dup = await change(adm, (tx, a) =>
      addClauseVersion(tx, a, adm, clauseId, {
        version: '2025-06',
        text: 'x',
        effective_from: '2030-01-01T00:00:00Z',
      }),
    ).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(ConflictError);
    expect((dup as ConflictError).field).toBe('version');
  });
});
