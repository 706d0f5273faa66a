import { describe, expect, it } from 'vitest';
import { Role as PrismaRole } from '@/lib/generated/prisma/enums';
import { ZRole } from '@/lib/schemas/user';
import { isRole, ROLES } from './roles';
import { PERMISSIONS } from './permissions';

describe('roles come from one list', () => {
  it('the Prisma enum Role holds exactly ROLES, in order', () => {
    expect(Object.values(PrismaRole)).toEqual([...ROLES]);
  });

  it('the user schema accepts exactly ROLES', () => {
    expect(ZRole.options).toEqual([...ROLES]);
    expect(ZRole.safeParse('superuser').success).toBe(false);
  });

  it('every permission names only known roles, and admin holds every permission', () => {
    for (const [perm, roles] of Object.entries(PERMISSIONS)) {
      for (const r of roles) expect(isRole(r), `${perm}: ${r}`).toBe(true);
      expect(roles, perm).toContain('admin');
    }
    expect(isRole('root')).toBe(false);
  });
});
