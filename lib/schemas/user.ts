import { z } from 'zod';
import { ROLES } from '@/lib/auth/roles';

export const ZRole = z.enum(ROLES);

export const ZUserCreate = z.object({
  email: z.string().trim().toLowerCase().email('must be an email address'),
  name: z.string().trim().min(1, 'is required').max(120),
  role: ZRole,
  password: z.string().min(10, 'must be at least 10 characters').max(200),
});
export type TUserCreate = z.infer<typeof ZUserCreate>;

export const ZUserUpdate = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    role: ZRole.optional(),
    disabled: z.boolean().optional(),
    password: z.string().min(10, 'must be at least 10 characters').max(200).optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .refine(
    (v) =>
      v.name !== undefined ||
      v.role !== undefined ||
      v.disabled !== undefined ||
      v.password !== undefined,
    {
      message: 'nothing to change',
    },
  );
export type TUserUpdate = z.infer<typeof ZUserUpdate>;

export const ZIdParam = z.object({ id: z.string().min(1).max(64) });

/** A user's own password change (the password page; forced at first sign-in when required). */
export const ZPasswordChange = z.object({
  current_password: z.string().min(1, 'is required').max(200),
  new_password: z.string().min(10, 'must be at least 10 characters').max(200),
});
export type TPasswordChange = z.infer<typeof ZPasswordChange>;
