import path from 'node:path';
import { env } from '@/lib/env';

// Finished bags live under EVIDENCE_EXPORT_DIR (default DATA_DIR/exports) as <job id>.zip; a build
// writes <job id>.zip.partial and renames it only when the bag is complete and signed, so nothing
// under the final name is ever a partial package.
export function exportDir(): string {
  const e = env();
  return path.resolve(e.EVIDENCE_EXPORT_DIR ?? path.join(e.DATA_DIR, 'exports'));
}

export const bagPath = (jobId: string) => path.join(exportDir(), `${jobId}.zip`);
export const partialPath = (jobId: string) => `${bagPath(jobId)}.partial`;
