import { randomUUID } from 'node:crypto';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { oidcConfig } from '@/lib/env';
import { prisma } from '@/lib/db/client';
import { writeAudit } from '@/lib/audit/write';
import { prismaRunner } from '@/lib/audit/runners';
import { ROLES, type Role } from './permissions';

interface OidcProfile {
  sub: string;
  email?: string;
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

/** Creates or updates the local user for an OIDC sign-in; refuses when the claim maps to no role. */
export async function upsertOidcUser(
  profile: OidcProfile,
): Promise<{ id: string; role: Role } | null> {
  const cfg = oidcConfig();
  if (!cfg) return null;
  const role = roleFromClaim(profile[cfg.roleClaim], cfg.defaultRole);
  if (!role || !profile.email) return null;
  const email = profile.email.toLowerCase();
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findFirst({
      where: { OR: [{ oidc_subject: profile.sub }, { email }] },
    });
    if (existing?.disabled) return null;
    const user = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: { role, oidc_subject: profile.sub, last_login_at: new Date() },
        })
      : await tx.user.create({
          data: {
            id: randomUUID(),
            email,
            name: profile.name ?? email,
            role,
            oidc_subject: profile.sub,
          },
        });
    await writeAudit(prismaRunner(tx), {
      actor: { id: user.id, email },
      action: 'auth.sign_in_oidc',
      targetType: 'user',
      targetId: user.id,
      before: existing ? { role: existing.role } : null,
      after: { role },
    });
    return { id: user.id, role: user.role };
  });
}
