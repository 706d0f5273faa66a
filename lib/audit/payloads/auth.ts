import { z } from 'zod';
import { count, ip, role } from './common';

// ---------------------------------------------------------------- sign-in and users
export const ZSignIn = z.strictObject({ ip });
export const ZSignInBlocked = z.strictObject({ ip, locked_minutes: z.number().int().min(1) });
export const ZSignInFailed = z.union([
  z.strictObject({ ip, why: z.enum(['unknown email', 'account disabled', 'wrong password']) }),
  // SSO refusals (lib/auth/oidc.ts decideOidcUser): the reason is a sentence.
  z.strictObject({ method: z.literal('oidc'), reason: z.string().min(1) }),
]);
export const ZRoleOnly = z.strictObject({ role });
export const ZOidcSignIn = z.strictObject({
  role,
  decision: z.enum(['sign_in', 'link', 'create']),
});
export const ZUserCreated = z.strictObject({
  email: z.string().email(),
  name: z.string(),
  role,
  // `npm run users:create-admin`: a one-time password the user must change at first sign-in.
  must_change_password: z.literal(true).optional(),
});
export const ZUserState = z.strictObject({ name: z.string(), role, disabled: z.boolean() });
// A role change, disabling or a password reset ends the user's sessions: the new version.
const ended = { session_version: count.optional() };
export const ZUserStateAfter = ZUserState.extend(ended);
export const ZUserStatePassword = ZUserState.extend({
  password: z.literal('changed'),
  must_change_password: z.boolean(),
  ...ended,
});
export const ZSessionsEnded = z.strictObject({ session_version: count });
export const ZOwnPasswordChanged = z.strictObject({ forced: z.boolean(), session_version: count });
// An admin cleared a user's sign-in delay: the attempts counted until then.
export const ZSignInUnlocked = z.strictObject({ email: z.string(), attempts: count });
