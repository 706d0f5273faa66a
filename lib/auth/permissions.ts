// Permissions as data + functions. Every route handler and page names one of these; the
// role x route test (tests/unit of lib/auth/route-access) fails when a route names none.
export type Role = 'analyst' | 'legal' | 'admin';
export const ROLES: readonly Role[] = ['analyst', 'legal', 'admin'];

export const PERMISSIONS = {
  'overview:view': ['analyst', 'legal', 'admin'],
  'accounts:view': ['analyst', 'legal', 'admin'],
  'clusters:view': ['analyst', 'legal', 'admin'],
  'events:reveal': ['analyst', 'admin'],
  'annotations:write': ['analyst', 'admin'],
  'queues:work': ['analyst', 'admin'],
  'cases:view': ['analyst', 'legal', 'admin'],
  'cases:write': ['analyst', 'admin'],
  'evidence:export': ['legal', 'admin'],
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
}

export function can(
  user: Pick<SessionUser, 'role'> | null | undefined,
  permission: Permission,
): boolean {
  if (!user) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(user.role);
}

export const canManageUsers = (u: SessionUser | null) => can(u, 'users:manage');
export const canViewAudit = (u: SessionUser | null) => can(u, 'audit:view');
export const canExport = (u: SessionUser | null) => can(u, 'evidence:export');
export const canAnnotate = (u: SessionUser | null) => can(u, 'annotations:write');
