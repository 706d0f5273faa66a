import type { AuditFn } from '@/lib/audit/write';
import { randomUUID } from 'node:crypto';
import type { Tx } from '@/lib/db/client';
import { hashPassword } from '@/lib/auth/password';
import { bumpSessionVersion } from '@/lib/auth/sessions';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import type { TUserCreate, TUserUpdate } from '@/lib/schemas/user';

const publicFields = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  created_at: true,
  last_login_at: true,
} as const;

export function listUsers(tx: Tx) {
  return tx.user.findMany({ select: publicFields, orderBy: { email: 'asc' } });
}

export async function createUser(tx: Tx, audit: AuditFn, input: TUserCreate) {
  const exists = await tx.user.findUnique({ where: { email: input.email } });
  if (exists) throw new ConflictError('A user with this email already exists', 'email');
  const user = await tx.user.create({
    data: {
      id: randomUUID(),
      email: input.email,
      name: input.name,
      role: input.role,
      password_hash: await hashPassword(input.password),
      // The admin chose this password, so it is known to two people: the user replaces it at
      // first sign-in (issue #12).
      must_change_password: true,
    },
    select: publicFields,
  });
  await audit({
    action: 'user.create',
    targetType: 'user',
    targetId: user.id,
    after: { email: user.email, name: user.name, role: user.role, must_change_password: true },
  });
  return user;
}

export async function updateUser(
  tx: Tx,
  audit: AuditFn,
  actorId: string,
  id: string,
  input: TUserUpdate,
) {
  const before = await tx.user.findUnique({ where: { id }, select: publicFields });
  if (!before) throw new NotFoundError('No such user');
  // An admin cannot lock themselves out (and leave nobody able to manage users).
  if (id === actorId && (input.disabled === true || (input.role && input.role !== 'admin'))) {
    throw new ValidationError(
      'You cannot disable or demote your own account',
      input.disabled ? 'disabled' : 'role',
    );
  }
  const data: Record<string, unknown> = { updated_at: new Date() };
  if (input.name !== undefined) data.name = input.name;
  if (input.role !== undefined) data.role = input.role;
  if (input.disabled !== undefined) data.disabled = input.disabled;
  if (input.password !== undefined) {
    // A reset password is known to the admin who set it: the user replaces it at next sign-in.
    data.password_hash = await hashPassword(input.password);
    data.must_change_password = true;
  }
  await tx.user.update({ where: { id }, data });
  // A new role, disabling and a password reset end every session issued before (a stolen or
  // stale token must not keep the old rights for the rest of its 12 hours).
  const ends =
    input.password !== undefined ||
    (input.role !== undefined && input.role !== before.role) ||
    (input.disabled !== undefined && input.disabled !== before.disabled);
  const version = ends ? await bumpSessionVersion(tx, id) : undefined;
  const after = await tx.user.findUniqueOrThrow({ where: { id }, select: publicFields });
  const pick = (u: typeof before) => ({ name: u.name, role: u.role, disabled: u.disabled });
  const ended = version === undefined ? {} : { session_version: version };
  await audit({
    action: input.password ? 'user.update_password' : 'user.update',
    targetType: 'user',
    targetId: id,
    before: pick(before),
    after: input.password
      ? { ...pick(after), password: 'changed', must_change_password: true, ...ended }
      : { ...pick(after), ...ended },
    reason: input.reason ?? null,
  });
  return after;
}
