import { describe, expect, it } from 'vitest';
import { decideOidcUser } from './oidc';

// Issue #12 defect 2: a sign-in whose email matched a local user took that account over (and its
// subject and role were overwritten), whether or not the provider had verified the email.
const local = (over: Partial<Parameters<typeof decideOidcUser>[1] & object> = {}) => ({
  id: 'u1',
  email: 'ada@corp.test',
  role: 'admin' as const,
  oidc_subject: null as string | null,
  disabled: false,
  ...over,
});
const profile = (over: Record<string, unknown> = {}) => ({
  sub: 'idp|attacker',
  email: 'ada@corp.test',
  ...over,
});

describe('decideOidcUser', () => {
  it('signs in the user found by subject', () => {
    const u = local({ oidc_subject: 'idp|ada' });
    expect(decideOidcUser(profile({ sub: 'idp|ada' }), u, null)).toEqual({
      kind: 'sign_in',
      user: u,
    });
  });
  it('refuses to link by an unverified email', () => {
    expect(decideOidcUser(profile(), null, local())).toMatchObject({ kind: 'refuse' });
    expect(decideOidcUser(profile({ email_verified: false }), null, local())).toMatchObject({
      kind: 'refuse',
    });
  });
  it('refuses to link an email whose user already has another subject', () => {
    const u = local({ oidc_subject: 'idp|ada' });
    expect(decideOidcUser(profile({ email_verified: true }), null, u)).toMatchObject({
      kind: 'refuse',
      reason: expect.stringMatching(/another subject/),
    });
  });
  it('links by a verified email when the local user has no subject yet', () => {
    const u = local();
    expect(decideOidcUser(profile({ email_verified: true }), null, u)).toEqual({
      kind: 'link',
      user: u,
    });
  });
  it('creates a user when neither subject nor email is known, and refuses disabled users', () => {
    expect(decideOidcUser(profile(), null, null)).toEqual({ kind: 'create' });
    expect(
      decideOidcUser(profile(), local({ disabled: true, oidc_subject: 'idp|attacker' }), null),
    ).toMatchObject({ kind: 'refuse' });
  });
});
