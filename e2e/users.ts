// Sign-ins seeded by scripts/e2e.ts (the demo users plus one used only by the lockout spec).
export const USERS = {
  admin: { email: 'admin@distill.test', password: 'admin-demo-pass' },
  analyst: { email: 'analyst@distill.test', password: 'analyst-demo-pass' },
  legal: { email: 'legal@distill.test', password: 'legal-demo-pass' },
} as const;
export type RoleName = keyof typeof USERS;
export const ROLE_NAMES = Object.keys(USERS) as RoleName[];
export const LOCKOUT_USER = { email: 'lockout@distill.test', password: 'lockout-demo-pass' };
export const storageFor = (role: RoleName) => `e2e/.auth/${role}.json`;
