import type { NextAuthOptions } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authSecret, env } from '@/lib/env';
import { prisma } from '@/lib/db/client';
import { SignInError, signInFailureMessage, signInWithPassword } from './sign-in';
import { oidcProvider, upsertOidcUser } from './oidc';
import { liveSessionUser, newSessionClaims, revokeSession } from './sessions';
import { auditedTransaction } from '@/lib/audit/transaction';
import { clientIp } from '@/lib/security/client';

export function authOptions(): NextAuthOptions {
  const oidc = oidcProvider();
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: env().SESSION_MAX_AGE_HOURS * 3600 },
    pages: { signIn: '/login' },
    providers: [
      Credentials({
        name: 'Email and password',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials, req) {
          try {
            return await signInWithPassword(
              credentials?.email ?? '',
              credentials?.password ?? '',
              clientIp(req?.headers),
            );
          } catch (e) {
            // next-auth passes the message to the sign-in form as `error`.
            if (!(e instanceof SignInError)) console.error('sign-in failed', e); // internals stay in the server log
            throw new Error(signInFailureMessage(e));
          }
        },
      }),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== 'oidc') return true;
        const u = profile
          ? await upsertOidcUser(profile as Parameters<typeof upsertOidcUser>[0])
          : null;
        return !!u;
      },
      async jwt({ token, user, account, profile }) {
        if (account?.provider === 'oidc' && profile) {
          // signIn() above already created/updated the user; here we only read it back.
          const u = await prisma.user.findUnique({ where: { oidc_subject: String(profile.sub) } });
          if (u) Object.assign(token, { role: u.role }, newSessionClaims(u.id, u.session_version));
          return token;
        }
        if (user) {
          const claims = newSessionClaims(user.id, user.sessionVersion ?? 0);
          return Object.assign(token, { role: user.role }, claims);
        }
        // Every later read of the session (pages, routes, /api/auth/session): a token whose user
        // is gone or disabled, whose session version is old or whose session was signed out is
        // stripped of its identity, so the cookie next-auth writes back signs nobody in.
        if (!(await liveSessionUser(token))) {
          const { uid: _u, role: _r, sv: _v, sid: _s, ...rest } = token;
          return rest;
        }
        return token;
      },
      async session({ session, token }) {
        if (token.uid && token.role) {
          session.user = {
            id: token.uid,
            email: token.email ?? '',
            name: token.name ?? '',
            role: token.role,
            sv: token.sv,
            sid: token.sid,
          };
        }
        return session;
      },
    },
    events: {
      // Signing out ends this session on the server too: a copy of the cookie is refused from now.
      async signOut({ token }) {
        if (!token?.uid || !token.sid) return;
        const exp = typeof token.exp === 'number' ? token.exp : Date.now() / 1000 + 86_400;
        await auditedTransaction({ id: token.uid, email: token.email ?? null }, null, (tx, audit) =>
          revokeSession(tx, audit, token, exp),
        );
      },
    },
  };
}
