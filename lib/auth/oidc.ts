import { randomUUID } from 'node:crypto';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { oidcConfig } from '@/lib/env';
import { prisma } from '@/lib/db/client';
import { writeAudit } from '@/lib/audit/write';
import { prismaRunner } from '@/lib/audit/runners';
import { ROLES, type Role } from './permissions';

export interface OidcProfile {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  [claim: string]: unknown;
}

/** Maps the configured claim (string or array of strings) to one of our roles; highest wins. */
export function roleFromClaim(value: unknown, fallback?: Role): Role | null {
  const values = Array.isArray(value) ? value : [value];
  const found = ROLES.filter((r) => values.includes(r));
  if (found.includes('admin')) return 'admin';
  return found[0] ?? fallback ?? null;
}

/** Optional OIDC provider, on only when OIDC_ISSUER/CLIENT_ID/CLIENT_SECRET are all set. */
export function oidcProvider(): OAuthConfig<OidcProfile> | null {
  const cfg = oidcConfig();
  if (!cfg) return null;
  return {
    id: 'oidc',
    name: 'Single sign-on',
    type: 'oauth',
    wellKnown: `${cfg.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
    clientId: cfg.clientId,
    clientSecret: cfg.clientSecret,
    authorization: { params: { scope: 'openid email profile' } },
    idToken: true,
    checks: ['pkce', 'state'],
    profile(profile) {
      const role = roleFromClaim(profile[cfg.roleClaim], cfg.defaultRole) ?? 'analyst';
      return {
        id: profile.sub,
        email: profile.email ?? '',
        name: profile.name ?? profile.email ?? profile.sub,
        role,
      };
    },
  };
}

interface LocalUser {
  id: string;
  email: string;
  role: Role;
  oidc_subject: string | null;
  disabled: boolean;
}

export type OidcDecision =
  | { kind: 'sign_in'; user: LocalUser }
  | { kind: 'link'; user: LocalUser }
  | { kind: 'create' }
  | { kind: 'refuse'; reason: string };

/**
 * Who an OIDC sign-in is. The subject is the identity; an email is only a claim. A user is found
 * by subject; a local user is linked by email only when the provider says the email is verified
 * and that user has no subject yet (an attacker who controls an unverified address at some
 * provider must never take over the local account with that email). Pure, so it is tested alone.
 */
export function decideOidcUser(
  profile: OidcProfile,
  bySubject: LocalUser | null,
  byEmail: LocalUser | null,
): OidcDecision {
  if (bySubject)
    return bySubject.disabled
      ? { kind: 'refuse', reason: 'user disabled' }
      : { kind: 'sign_in', user: bySubject };
  if (!byEmail) return { kind: 'create' };
  if (byEmail.disabled) return { kind: 'refuse', reason: 'user disabled' };
  if (byEmail.oidc_subject)
    return { kind: 'refuse', reason: 'email belongs to a user linked to another subject' };
  if (profile.email_verified !== true)
    return { kind: 'refuse', reason: 'email not verified by the provider: cannot link' };
  return { kind: 'link', user: byEmail };
}

/** Creates, links or signs in the local user for an OIDC sign-in; null refuses the sign-in. */
export async function upsertOidcUser(
  profile: OidcProfile,
): Promise<{ id: string; role: Role } | null> {
  const cfg = oidcConfig();
  if (!cfg) return null;
  const role = roleFromClaim(profile[cfg.roleClaim], cfg.defaultRole);
  if (!role || !profile.email || !profile.sub) return null;
  const email = profile.email.toLowerCase();
  return prisma.$transaction(async (tx) => {
    const bySubject = await tx.user.findUnique({ where: { oidc_subject: profile.sub } });
    const byEmail = bySubject ? null : await tx.user.findUnique({ where: { email } });
    const decision = decideOidcUser(profile, bySubject, byEmail);
    if (decision.kind === 'refuse') {
      await writeAudit(prismaRunner(tx), {
        actor: { id: null, email },
        action: 'auth.sign_in_failed',
        targetType: 'user',
        targetId: byEmail?.id ?? null,
        after: { method: 'oidc', reason: decision.reason },
      });
      return null;
    }
    // The provider's role claim governs users it created or already owns by subject; linking an
    // existing local user by email keeps the role an admin gave that user.
    const user =
      decision.kind === 'create'
        ? await tx.user.create({
            data: {
              id: randomUUID(),
              email,
              name: profile.name ?? email,
              role,
              oidc_subject: profile.sub,
            },
          })
        : await tx.user.update({
            where: { id: decision.user.id },
            data: {
              last_login_at: new Date(),
              ...(decision.kind === 'link' ? { oidc_subject: profile.sub } : { role }),
            },
          });
    await writeAudit(prismaRunner(tx), {
      actor: { id: user.id, email },
      action: 'auth.sign_in_oidc',
      targetType: 'user',
      targetId: user.id,
      before: decision.kind === 'create' ? null : { role: decision.user.role },
      after: { role: user.role, decision: decision.kind },
    });
    return { id: user.id, role: user.role };
  });
}
