import { withRoute } from '@/lib/api/route';
import { pgPool } from '@/lib/db/client';
import { getSigningPublicKey } from '@/lib/evidence/signing/key-store';

/** GET: the minisign public key packages are signed with (admins; also written into VERIFY.txt). */
export const GET = withRoute({ permission: 'settings:manage' }, async () => ({
  key: await getSigningPublicKey(pgPool()),
}));
