import { requirePage } from '@/lib/auth/page-guard';
import { can } from '@/lib/auth/permissions';
import { pgPool } from '@/lib/db/client';
import { getSigningPublicKey, verifyMaxBytes } from '@/lib/evidence/bag';
import { PageHeader } from '@/components/ui/page-header';
import { VerifyForm } from '@/components/evidence/verify-form';

export default async function VerifyPage() {
  const user = await requirePage('evidence:verify');
  // The public key is shown to admins; everyone else checks against the key inside the bag
  // (VERIFY.txt), which a reviewer should compare with one obtained out of band.
  const key = can(user, 'settings:manage') ? await getSigningPublicKey(pgPool()) : null;
  return (
    <>
      <PageHeader
        title="Verify an evidence package"
        description="Checks both manifests, Payload-Oxum, unlisted and missing files, the signature, the timestamp, the custody chain and this server's audit chain head."
      />
      <VerifyForm maxBytes={verifyMaxBytes()} />
      {key && (
        <section className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">Signing public key (minisign)</h2>
          <p className="text-sm text-slate-600">
            Key id {key.keyId}, kept{' '}
            {key.source === 'environment' ? 'in the environment' : 'encrypted in the database'}.
            Reviewers verify with <code>minisign -V -p minisign.pub -m tagmanifest-sha256.txt</code>
            .
          </p>
          <pre
            className="mt-2 overflow-x-auto rounded bg-slate-50 p-2 text-xs"
            data-testid="public-key"
          >
            {key.minisignPublicKey}
          </pre>
        </section>
      )}
    </>
  );
}
