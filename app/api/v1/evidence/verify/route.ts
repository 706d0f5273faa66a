import { withRoute } from '@/lib/api/route';
import { verifyUpload } from '@/lib/evidence/jobs/verify-upload';

/** POST: the raw zip as the body (x-filename names it); answers every check, pass or fail. */
export const POST = withRoute({ permission: 'evidence:verify' }, async ({ req, change }) => {
  const length = req.headers.get('content-length');
  const result = await verifyUpload(req.body, length ? Number(length) : null);
  const filename = (req.headers.get('x-filename') ?? 'upload.zip').slice(0, 200);
  await change((_tx, audit) =>
    audit({
      action: 'evidence.verify',
      targetType: 'evidence_bag',
      targetId: result.bag.slice(0, 200),
      after: { filename, bytes: result.bytes, ok: result.ok, failures: result.failures.length },
    }),
  );
  return { ...result, filename };
});
