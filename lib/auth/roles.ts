// The one list of roles, with no imports so client components can use it too. Everything else is
// derived from it: permissions (lib/auth/permissions.ts), the user schema (lib/schemas/user.ts),
// OIDC_DEFAULT_ROLE (lib/env.ts) and the admin screens. The Prisma enum `Role` in
// prisma/schema.prisma cannot import it: roles.test.ts fails when the two differ.
export const ROLES = ['analyst', 'legal', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (v: unknown): v is Role => (ROLES as readonly unknown[]).includes(v);
