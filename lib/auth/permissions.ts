// Permissions as data + functions. Every route handler and page names one of these:
// tests/unit/route-inventory.test.ts fails when a route or page names none, and
// e2e/role-routes.spec.ts signs in as each role and checks that every page and API route
// answers as this table says.
import type { Prisma } from '@/lib/generated/prisma/client';

import type { Role } from './roles';

export { ROLES, type Role } from './roles';

export const PERMISSIONS = {
  'overview:view': ['analyst', 'legal', 'admin'],
  'accounts:view': ['analyst', 'legal', 'admin'],
  'clusters:view': ['analyst', 'legal', 'admin'],
  'events:reveal': ['analyst', 'admin'],
  'annotations:write': ['analyst', 'admin'],
  'queues:work': ['analyst', 'admin'],
  'queues:manage': ['admin'],
  'cases:view': ['analyst', 'legal', 'admin'],
  'cases:write': ['analyst', 'admin'],
  // Case templates and bulk changes of other people's cases' restriction: admins.
  'cases:manage': ['admin'],
  // Legal reads every case (restricted ones too) and comments; holds and clauses build on this.
  // Linking a ToS clause to a case (a finding) needs cases:legal.
  'cases:legal': ['legal', 'admin'],
  // Notes on cases (Markdown, @mentions): everyone who reads cases may comment.
  'cases:comment': ['analyst', 'legal', 'admin'],
  // The ToS clause catalogue (clauses and their versions): admins.
  'clauses:manage': ['admin'],
  'evidence:export': ['legal', 'admin'],
  'evidence:verify': ['legal', 'admin'],
  'audit:view': ['admin'],
  'users:manage': ['admin'],
  'settings:manage': ['admin'],
  'ingest:manage': ['admin'],
  'self:view': ['analyst', 'legal', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Held on the password page until set to false (lib/auth/page-guard.ts, lib/api/route.ts). */
  mustChangePassword?: boolean;
}

export function can(
  user: Pick<SessionUser, 'role'> | null | undefined,
  permission: Permission,
): boolean {
  if (!user) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(user.role);
}

// ------------------------------------------------------------------ cases

/** Legal and admins see every case, restricted ones included. */
export const seesAllCases = (u: Pick<SessionUser, 'role'>) => can(u, 'cases:legal');

/**
 * The `where` clause of every case read (lists, counts, one case): a restricted case exists only
 * for its assignee, its watchers, legal and admins. Everyone else gets 404, as for an unknown id.
 */
export function caseVisibilityWhere(user: Pick<SessionUser, 'id' | 'role'>): Prisma.CaseWhereInput {
  if (seesAllCases(user)) return {};
  return {
    OR: [
      { restricted: false },
      { assignee_id: user.id },
      { watchers: { some: { user_id: user.id } } },
    ],
  };
}

/** The same rule for one case already loaded (e.g. inside a transaction). */
export function canViewCase(
  user: Pick<SessionUser, 'id' | 'role'>,
  c: { restricted: boolean; assignee_id: string | null; watcher_ids: readonly string[] },
): boolean {
  return (
    seesAllCases(user) ||
    !c.restricted ||
    c.assignee_id === user.id ||
    c.watcher_ids.includes(user.id)
  );
}
