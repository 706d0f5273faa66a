import type { Tx } from '@/lib/db/client';
import type { AuditFn } from '@/lib/audit/write';
import type { SessionUser } from '@/lib/auth/permissions';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import type { TClauseCreate, TClauseVersionInput } from '@/lib/schemas/clause';
import type { TosClauseVersion } from '@/lib/generated/prisma/client';

// The ToS clause catalogue (admin). A clause has many versions; each is in force from its
// effective date until the next version's. A version already in force is never edited: the
// admin adds a new version instead. A version not yet in force may still be corrected.

const snapshot = (v: TosClauseVersion) => ({
  version_id: v.id,
  version: v.version,
  text: v.text,
  effective_from: v.effective_from.toISOString(),
});

async function assertFreeSlot(tx: Tx, clauseId: string, v: TClauseVersionInput, except?: string) {
  const clash = await tx.tosClauseVersion.findFirst({
    where: {
      clause_id: clauseId,
      OR: [{ version: v.version }, { effective_from: new Date(v.effective_from) }],
      ...(except ? { id: { not: except } } : {}),
    },
  });
  if (clash?.version === v.version)
    throw new ConflictError(`This clause already has a version "${v.version}"`, 'version');
  if (clash)
    throw new ConflictError(
      `Version "${clash.version}" already takes effect at that time`,
      'effective_from',
    );
}

export async function createClause(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  input: TClauseCreate,
): Promise<{ id: string }> {
  if (await tx.tosClause.findUnique({ where: { code: input.code } }))
    throw new ConflictError(`A clause with code "${input.code}" exists`, 'code');
  const c = await tx.tosClause.create({
    data: { code: input.code, title: input.title, created_by: user.id },
  });
  const v = await tx.tosClauseVersion.create({
    data: {
      clause_id: c.id,
      version: input.first_version.version,
      text: input.first_version.text,
      effective_from: new Date(input.first_version.effective_from),
      created_by: user.id,
    },
  });
  await audit({
    action: 'tos_clause.create',
    targetType: 'tos_clause',
    targetId: c.id,
    after: { code: c.code, title: c.title, first_version: snapshot(v) },
  });
  return { id: c.id };
}

export async function addClauseVersion(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  clauseId: string,
  input: TClauseVersionInput,
): Promise<{ id: string }> {
  const c = await tx.tosClause.findUnique({ where: { id: clauseId } });
  if (!c) throw new NotFoundError('Clause not found');
  await assertFreeSlot(tx, c.id, input);
  const v = await tx.tosClauseVersion.create({
    data: {
      clause_id: c.id,
      version: input.version,
      text: input.text,
      effective_from: new Date(input.effective_from),
      created_by: user.id,
    },
  });
  await audit({
    action: 'tos_clause.version_add',
    targetType: 'tos_clause',
    targetId: c.id,
    after: snapshot(v),
  });
  return { id: v.id };
}

/** Corrects a version that is not yet in force; one in force is refused (add a new version). */
export async function updateClauseVersion(
  tx: Tx,
  audit: AuditFn,
  clauseId: string,
  versionId: string,
  input: TClauseVersionInput,
  now = new Date(),
): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM tos_clause_versions
     WHERE id = ${versionId}::uuid AND clause_id = ${clauseId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError('Clause version not found');
  const v = await tx.tosClauseVersion.findUniqueOrThrow({ where: { id: versionId } });
  if (v.effective_from <= now)
    throw new ConflictError(
      `Version "${v.version}" is in force since ${v.effective_from.toISOString()} and cannot be ` +
        'edited: add a new version instead',
      'effective_from',
    );
  if (new Date(input.effective_from) <= now)
    throw new ValidationError(
      'A correction cannot put the version in force in the past: add a new version instead',
      'effective_from',
    );
  await assertFreeSlot(tx, clauseId, input, v.id);
  const after = await tx.tosClauseVersion.update({
    where: { id: v.id },
    data: {
      version: input.version,
      text: input.text,
      effective_from: new Date(input.effective_from),
      updated_at: now,
    },
  });
  await audit({
    action: 'tos_clause.version_update',
    targetType: 'tos_clause',
    targetId: clauseId,
    before: snapshot(v),
    after: snapshot(after),
  });
}
