import { stat } from 'node:fs/promises';
import type { Tx } from '@/lib/db/client';
import type { AuditFn } from '@/lib/audit/write';
import type { SessionUser } from '@/lib/auth/permissions';
import { InvalidTransitionError, NotFoundError } from '@/lib/errors';
import { findVisibleJob } from './store';

export interface DownloadFile {
  path: string;
  name: string;
  bytes: number;
  sha256: string;
}

/**
 * Every download is a custody event: the audit row (target: the case, after.caseId) is written
 * in the caller's transaction before a byte is sent, so it lands in the next package's custody log.
 */
export async function recordDownload(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  jobId: string,
): Promise<DownloadFile> {
  const job = await findVisibleJob(user, jobId);
  if (job.status !== 'done' || !job.bag_path)
    throw new InvalidTransitionError(`The export is ${job.status}; only a finished one downloads`, [
      'done',
    ]);
  const st = await stat(job.bag_path).catch(() => null);
  if (!st) throw new NotFoundError('The package file is no longer on the server');
  await audit({
    action: 'evidence.download',
    targetType: 'case',
    targetId: job.case_id,
    after: {
      caseId: job.case_id,
      jobId: job.id,
      bagName: job.bag_name,
      bytes: st.size,
      sha256: job.bag_sha256,
    },
  });
  return {
    path: job.bag_path,
    name: job.bag_name ?? `${job.id}.zip`,
    bytes: st.size,
    sha256: job.bag_sha256 ?? '',
  };
}
