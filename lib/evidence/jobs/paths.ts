import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { env } from '@/lib/env';

// Finished bags live under EVIDENCE_EXPORT_DIR (default DATA_DIR/exports) as <job id>.zip; a build
// writes <job id>.zip.partial (and its side files under <job id>.zip.tmp-*) and renames the zip
// only when the bag is complete and signed, so nothing under the final name is ever a partial
// package.
export function exportDir(): string {
  const e = env();
  return path.resolve(e.EVIDENCE_EXPORT_DIR ?? path.join(e.DATA_DIR, 'exports'));
}

export const bagPath = (jobId: string) => path.join(exportDir(), `${jobId}.zip`);
export const partialPath = (jobId: string) => `${bagPath(jobId)}.partial`;

/** Removes a job's partial zip and side files (and the finished zip unless `keepFinal`). */
export async function removeJobFiles(jobId: string, keepFinal = false): Promise<void> {
  const names = await readdir(exportDir()).catch(() => [] as string[]);
  for (const n of names)
    if (n.startsWith(`${jobId}.zip.`) || (!keepFinal && n === `${jobId}.zip`))
      await rm(path.join(exportDir(), n), { recursive: true, force: true });
}
